/** Quota UI for the app shell (header, generation pages, admin area). */
export { QuotaSummary } from './QuotaSummary';
export { QuotaMeter } from './QuotaMeter';
export { QuotaEditor } from './QuotaEditor';
export { QuotaFitNote, useQuotaFit } from './QuotaFit';
