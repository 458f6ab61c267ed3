/**
 * Quotas: how many images, edits and videos each person may make per period. The ledger reserves
 * one unit per job and commits or releases it exactly once (`QuotaLedger`, adapted for the job
 * runner by `ledgerQuotaPort`); `QuotaUsage` answers what is in force and used; `QuotaAdmin` is the
 * admin's side (policies, resets, the default); `buildUsageReport` the usage report. See
 * docs/quotas.md.
 */
export { QuotaAdmin, type QuotaAdminDeps } from './quotaAdmin';
export { QuotaLedger, type QuotaLedgerDeps } from './quotaLedger';
export { ledgerQuotaPort } from './quotaPort';
export { buildUsageReport } from './quotaReport';
export { QuotaUsage, type QuotaUsageDeps } from './quotaUsage';
