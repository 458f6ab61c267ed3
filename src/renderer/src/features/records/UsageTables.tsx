import type { RouteOutput } from '../../../../shared/contract/types';
import { UNIT_QUOTA_KINDS } from '../../../../shared/domain/quotas';
import { formatUsd } from '../../../../shared/domain/pricing';
import { QUOTA_KIND_NOUNS, QUOTA_PERIOD_LABELS, quotaLevel } from '../../../../shared/domain/quotaStatus';
import { levelWords } from '../quotas/quotaText';
import styles from './UsageTables.module.css';

type Report = RouteOutput<'quotas.usage_report'>;
type Person = Report['people'][number];

const money = (micros: number | null): string => (micros === null ? '—' : formatUsd(micros));

function PeriodCell({ status }: { status: Person['kinds']['image'] }) {
  const words = levelWords(status);
  return (
    <td data-level={quotaLevel(status)} className={styles.num}>
      {status.period === 'unlimited' ? (
        <>
          {status.used} <span className={styles.sub}>unlimited</span>
        </>
      ) : (
        <>
          {status.used} / {status.limit} <span className={styles.sub}>{QUOTA_PERIOD_LABELS[status.period]}</span>
        </>
      )}
      {words && <span className={styles.level}>{words}</span>}
    </td>
  );
}

/**
 * One row per person: what each kind charged in the range and what it cost, then where each kind
 * stands in its current period (used / limit), with a totals line for the range. The kinds are the
 * three unit kinds, listed explicitly (`UNIT_QUOTA_KINDS`).
 */
export function UsagePeopleTable({ report }: { report: Report }) {
  return (
    <table className={`data-table ${styles.table}`}>
      <caption>
        Charged from {report.from} to {report.to} on this workstation&apos;s calendar ({report.timeZone}), and each person&apos;s current period
      </caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Person
          </th>
          <th scope="colgroup" colSpan={UNIT_QUOTA_KINDS.length + 1} className={styles.group}>
            Charged in range
          </th>
          <th scope="colgroup" colSpan={UNIT_QUOTA_KINDS.length} className={styles.group}>
            This period: used / limit
          </th>
        </tr>
        <tr>
          {UNIT_QUOTA_KINDS.map((k) => (
            <th key={k} scope="col" className={styles.num}>
              {QUOTA_KIND_NOUNS[k].title}
            </th>
          ))}
          <th scope="col" className={styles.num}>
            Cost
          </th>
          {UNIT_QUOTA_KINDS.map((k) => (
            <th key={k} scope="col" className={styles.num}>
              {QUOTA_KIND_NOUNS[k].title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {report.people.map((p) => (
          <tr key={p.userId}>
            <th scope="row" className={styles.person}>
              {p.email}
            </th>
            {UNIT_QUOTA_KINDS.map((k) => (
              <td key={k} className={styles.num}>
                {p.kinds[k].charged}
              </td>
            ))}
            <td className={styles.num}>{money(p.costMicros)}</td>
            {UNIT_QUOTA_KINDS.map((k) => (
              <PeriodCell key={k} status={p.kinds[k]} />
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total ({report.people.length === 1 ? '1 person' : `${report.people.length} people`})</th>
          {UNIT_QUOTA_KINDS.map((k) => (
            <td key={k} className={styles.num}>
              {report.totals.kinds[k].charged}
            </td>
          ))}
          <td className={styles.num}>{money(report.totals.costMicros)}</td>
          <td colSpan={UNIT_QUOTA_KINDS.length} />
        </tr>
      </tfoot>
    </table>
  );
}

/** Per person and model: which models the range's charges went to, folded away until asked for. */
export function UsageByModel({ report }: { report: Report }) {
  return (
    <details className={styles.byModel}>
      <summary>By model ({report.models.length === 1 ? '1 line' : `${report.models.length} lines`})</summary>
      {report.models.length === 0 ? (
        <p className="muted">Nothing was charged in this range.</p>
      ) : (
        <table className={`data-table ${styles.table}`}>
          <caption className="visually-hidden">Units charged and cost per person and model</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Kind</th>
              <th scope="col">Model</th>
              <th scope="col" className={styles.num}>
                Charged
              </th>
              <th scope="col" className={styles.num}>
                Cost
              </th>
            </tr>
          </thead>
          <tbody>
            {report.models.map((m) => (
              <tr key={`${m.userId}-${m.kind}-${m.model}`}>
                <th scope="row" className={styles.person}>
                  {m.email}
                </th>
                <td>{QUOTA_KIND_NOUNS[m.kind].title}</td>
                <td>{m.label}</td>
                <td className={styles.num}>{m.charged}</td>
                <td className={styles.num}>{money(m.costMicros)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
