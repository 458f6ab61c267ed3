/**
 * Settings: the workstation's admin settings (typed, validated `SettingsStore`), the Gemini API key
 * kept through the OS secret store (`ApiKeyStore`, `SecretStore`), and the settings page's audited
 * changes, including the model catalogue and its availability check (`SettingsAdmin`), and the
 * admin's logs and diagnostics (`Diagnostics`, docs/operations.md).
 */
export { ApiKeyStore, type ApiKeyStatus } from './apiKey';
export type { SettingsDesktopHooks } from './desktopHooks';
export { Diagnostics, type DiagnosticsDeps } from './diagnostics';
export { MemorySecretStore, type SecretStore } from './secretStore';
export { CatalogueCheck, type CatalogueCheckDeps, DAILY_MS } from './catalogueCheck';
export { addNewlyShippedModels } from './catalogueUpgrade';
export { SettingsStore } from './settings';
export { SettingsAdmin, type SettingsAdminDeps } from './settingsAdmin';
