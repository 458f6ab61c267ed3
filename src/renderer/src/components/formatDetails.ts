import { formatDateTime } from './format';

/** Keys whose numbers are instants: shown as dates rather than milliseconds. */
const TIME_KEYS = new Set(['expiresAt', 'lockedUntil', 'wasLockedUntil', 'lastAt']);

/** An audit entry's details as short `key: value` text for a table cell. */
export function formatDetails(details: Record<string, unknown> | null): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => {
      if (TIME_KEYS.has(key) && typeof value === 'number') return `${key}: ${formatDateTime(value)}`;
      if (value && typeof value === 'object') return `${key}: ${JSON.stringify(value).replace(/"/g, '')}`;
      return `${key}: ${String(value)}`;
    })
    .join('; ');
}
