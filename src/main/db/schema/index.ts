export * from './users';
export * from './audit';
export * from './quotas';
export * from './jobs';
export * from './media';
export * from './settings';
