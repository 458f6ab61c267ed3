import { type AuditSentenceInput, auditSentence } from './auditSentences';
import { toCsv } from './usageCsv';

export interface AuditCsvEntry extends AuditSentenceInput {
  id: string;
  at: number;
  actor: { id: string; email: string } | null;
  target: { id: string; email: string } | null;
  workstation: { hostName: string; osUser: string; ipv4: string | null } | null;
}

/**
 * The audit log as a spreadsheet: ISO 8601 times (UTC), the sentence, and every raw field — action
 * code, ids, and the details as JSON — so nothing the sentence leaves out is lost.
 */
export function auditCsv(entries: readonly AuditCsvEntry[]): string {
  const header = [
    'Time (UTC)',
    'Sentence',
    'Action',
    'Actor email',
    'Actor id',
    'Target email',
    'Target id',
    'Host',
    'OS user',
    'IPv4',
    'Details',
    'Entry id',
  ];
  const iso = (ms: number) => new Date(ms).toISOString();
  const rows = entries.map((e) => [
    iso(e.at),
    auditSentence(e, { time: iso }),
    e.action,
    e.actor?.email ?? null,
    e.actor?.id ?? null,
    e.target?.email ?? null,
    e.target?.id ?? null,
    e.workstation?.hostName ?? null,
    e.workstation?.osUser ?? null,
    e.workstation?.ipv4 ?? null,
    e.details ? JSON.stringify(e.details) : null,
    e.id,
  ]);
  return toCsv([header, ...rows]);
}
