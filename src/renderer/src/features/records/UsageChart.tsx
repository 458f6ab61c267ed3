import { useId } from 'react';
import type { RouteOutput } from '../../../../shared/contract/types';
import { UNIT_QUOTA_KINDS } from '../../../../shared/domain/quotas';
import { QUOTA_KIND_NOUNS } from '../../../../shared/domain/quotaStatus';
import styles from './UsageChart.module.css';

type Day = RouteOutput<'quotas.usage_report'>['days'][number];

const WIDTH = 720;
const HEIGHT = 180;
const AXIS = 28;
const TOP = 8;
const BOTTOM = 20;

/** A round ceiling for the axis: 1, 2, 5, 10, 20, 50… */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const step = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * step).find((v) => v >= value) ?? 10 * step;
}

function dayWords(d: Day): string {
  return `${d.date}: ${UNIT_QUOTA_KINDS.map((k) => `${d[k]} ${d[k] === 1 ? QUOTA_KIND_NOUNS[k].one : QUOTA_KIND_NOUNS[k].many}`).join(', ')}`;
}

/**
 * Units charged per day of the range, stacked by kind, drawn as plain SVG: a few dozen rects need no
 * chart library (docs/records.md says why). Colour is never the only carrier — the legend names the
 * kinds in stacking order, every bar has its numbers as a tooltip, and the figure's description says
 * the totals and the busiest day.
 */
export function UsageChart({ days }: { days: readonly Day[] }) {
  const titleId = useId();
  const descId = useId();
  const totals = days.map((d) => UNIT_QUOTA_KINDS.reduce((s, k) => s + d[k], 0));
  const max = niceMax(Math.max(0, ...totals));
  const plotW = WIDTH - AXIS;
  const plotH = HEIGHT - TOP - BOTTOM;
  const slot = plotW / Math.max(1, days.length);
  const bar = Math.max(1, Math.min(28, slot * 0.7));
  const busiest = totals.reduce((best, t, i) => (t > (totals[best] ?? 0) ? i : best), 0);
  const sum = totals.reduce((a, b) => a + b, 0);
  const description =
    sum === 0 ? 'Nothing was charged in this range.' : `${sum} units over ${days.length} days; the busiest day was ${dayWords(days[busiest]!)}.`;
  // a date under the first and last bar, and every few in between where they do not crowd the last
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));

  return (
    <figure className={styles.figure}>
      <figcaption className={styles.caption}>
        <span id={titleId}>Units charged per day</span>
        <ul className={styles.legend} aria-label="Kinds, bottom to top">
          {UNIT_QUOTA_KINDS.map((k) => (
            <li key={k}>
              <svg width="12" height="12" aria-hidden="true">
                <rect width="12" height="12" className={styles[k]} />
              </svg>
              {QUOTA_KIND_NOUNS[k].title}
            </li>
          ))}
        </ul>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className={styles.chart} role="img" aria-labelledby={titleId} aria-describedby={descId}>
        <line x1={AXIS} x2={WIDTH} y1={TOP + plotH} y2={TOP + plotH} className={styles.axis} />
        <line x1={AXIS} x2={WIDTH} y1={TOP} y2={TOP} className={styles.grid} />
        <text x={AXIS - 4} y={TOP + 4} textAnchor="end" className={styles.tick}>
          {max}
        </text>
        <text x={AXIS - 4} y={TOP + plotH} textAnchor="end" className={styles.tick}>
          0
        </text>
        {days.map((d, i) => {
          const x = AXIS + i * slot + (slot - bar) / 2;
          let y = TOP + plotH;
          return (
            <g key={d.date}>
              <title>{dayWords(d)}</title>
              {UNIT_QUOTA_KINDS.map((k) => {
                const h = (d[k] / max) * plotH;
                y -= h;
                return h > 0 ? <rect key={k} x={x} y={y} width={bar} height={h} className={styles[k]} /> : null;
              })}
              {((i % labelEvery === 0 && days.length - 1 - i >= labelEvery / 2) || i === days.length - 1) && (
                <text x={x + bar / 2} y={HEIGHT - 4} textAnchor="middle" className={styles.tick}>
                  {d.date.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <p id={descId} className="visually-hidden">
        {description}
      </p>
    </figure>
  );
}
