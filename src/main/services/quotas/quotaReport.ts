import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { JobKind } from '../../../shared/domain/jobs';
import { addDays, daysBetween, formatLocalDate, parseLocalDate } from '../../../shared/domain/localDates';
import { localDateOf, startOfLocalDate } from '../../../shared/domain/quotaPeriods';
import { isUnitQuotaKind, UNIT_QUOTA_KINDS } from '../../../shared/domain/quotas';
import type { QuotaKindStatus } from '../../../shared/domain/quotaStatus';
import { job, quotaReservation, user } from '../../db/schema';
import type { Actor } from '../../identity';
import type { QuotaUsage } from './quotaUsage';
import { visibleUserIds } from '../accounts/scope';
import { withReadTx } from '../../db/tx';

/** Units charged in the range and what they cost (null when no job of theirs has a figure). */
export interface Charged {
  charged: number;
  costMicros: number | null;
}

export type PerKind<T> = Record<JobKind, T>;

export interface UsagePerson {
  userId: string;
  email: string;
  /** per kind: the current period's status, and what was charged in the range */
  kinds: PerKind<QuotaKindStatus & Charged>;
  costMicros: number | null;
}

export interface UsageByModel extends Charged {
  userId: string;
  email: string;
  kind: JobKind;
  model: string;
  label: string;
}

export interface UsageReport {
  from: string;
  to: string;
  rangeStart: number;
  rangeEnd: number;
  timeZone: string;
  generatedAt: number;
  people: UsagePerson[];
  totals: { kinds: PerKind<Charged>; costMicros: number | null };
  models: UsageByModel[];
  /** every local date of the range, with the units charged that day per kind */
  days: ({ date: string } & PerKind<number>)[];
}

/** Ten years: any real question fits, and the range cannot be used to make the query unbounded. */
const MAX_RANGE_DAYS = 3660;
/** Every UTC offset in use is a whole number of quarter hours, so no quarter hour straddles a local midnight. */
const QUARTER_HOUR = 15 * 60_000;

const addCost = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : a + b);
const perKind = <T>(make: (kind: JobKind) => T): PerKind<T> => ({ image: make('image'), edit: make('edit'), video: make('video') });

/**
 * The admin usage report (docs/quotas.md, docs/records.md): for the admin and every user they manage —
 * and nobody else — one row per person with each unit kind's current-period used/limit and the units
 * charged between two local dates of the workstation (both inclusive, the same calendar as quota
 * periods), what those jobs cost, a per-model split and the units charged per day. A charge counts on
 * the day its units were reserved, like the ledger. The kinds are the three unit kinds (`UNIT_QUOTA_KINDS`),
 * not every quota kind: a money budget is shown as the cost column, not as units.
 */
export function buildUsageReport(
  usage: QuotaUsage,
  actor: Actor,
  range: { from: string; to: string },
  modelLabels: ReadonlyMap<string, string> = new Map(),
): UsageReport {
  const from = parseLocalDate(range.from);
  const to = parseLocalDate(range.to);
  if (!from || !to) throw new StudioError('VALIDATION_FAILED', 'Use real dates like 2026-11-27.');
  const span = daysBetween(from, to);
  if (span < 0) throw new StudioError('VALIDATION_FAILED', 'The start date must not be after the end date.');
  if (span >= MAX_RANGE_DAYS) throw new StudioError('VALIDATION_FAILED', 'Choose a range of at most ten years.');

  const { db, clock } = usage.deps;
  const timeZone = clock.timeZone;
  const rangeStart = startOfLocalDate(from, timeZone);
  const rangeEnd = startOfLocalDate(addDays(to, 1), timeZone);

  // One read transaction: the current-period figures and the range totals come from one snapshot.
  return withReadTx(db, () => {
    const ids = visibleUserIds(db, actor);
    const users = db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.id, ids)).orderBy(asc(user.email)).all();
    const inRange = and(
      inArray(quotaReservation.userId, ids),
      eq(quotaReservation.state, 'committed'),
      gte(quotaReservation.createdAt, rangeStart),
      lt(quotaReservation.createdAt, rangeEnd),
    );
    // per person, kind and model; the cost is what Google billed where known, else the estimate
    const byModel = db
      .select({
        userId: quotaReservation.userId,
        kind: quotaReservation.kind,
        model: sql<string>`coalesce(${job.model}, '')`,
        units: sql<number>`sum(${quotaReservation.units})`,
        cost: sql<number | null>`sum(coalesce(${job.actualCostMicros}, ${job.estimatedCostMicros}))`,
      })
      .from(quotaReservation)
      .leftJoin(job, eq(job.id, quotaReservation.jobId))
      .where(inRange)
      .groupBy(quotaReservation.userId, quotaReservation.kind, sql`coalesce(${job.model}, '')`)
      .all();
    const perDay = db
      .select({
        kind: quotaReservation.kind,
        bucket: sql<number>`${quotaReservation.createdAt} / ${QUARTER_HOUR}`,
        units: sql<number>`sum(${quotaReservation.units})`,
      })
      .from(quotaReservation)
      .where(inRange)
      .groupBy(quotaReservation.kind, sql`${quotaReservation.createdAt} / ${QUARTER_HOUR}`)
      .all();

    const emails = new Map(users.map((u) => [u.id, u.email]));
    const charged = new Map<string, Charged>();
    const models: UsageByModel[] = [];
    for (const r of byModel) {
      const kind = r.kind;
      if (!isUnitQuotaKind(kind)) continue;
      const units = Number(r.units);
      const cost = r.cost === null ? null : Number(r.cost);
      const k = key(r.userId, kind);
      const sum = charged.get(k) ?? { charged: 0, costMicros: null };
      charged.set(k, { charged: sum.charged + units, costMicros: addCost(sum.costMicros, cost) });
      const label = r.model === '' ? 'Unknown model' : (modelLabels.get(r.model) ?? r.model);
      models.push({ userId: r.userId, email: emails.get(r.userId) ?? '', kind, model: r.model, label, charged: units, costMicros: cost });
    }
    models.sort(
      (a, b) =>
        a.email.localeCompare(b.email) || UNIT_QUOTA_KINDS.indexOf(a.kind) - UNIT_QUOTA_KINDS.indexOf(b.kind) || a.label.localeCompare(b.label),
    );

    const people: UsagePerson[] = users.map((u) => {
      const policies = usage.policies(u.id);
      const kinds = perKind((kind) => ({
        ...usage.kindStatus(u.id, policies[kind]),
        ...(charged.get(key(u.id, kind)) ?? { charged: 0, costMicros: null }),
      }));
      return {
        userId: u.id,
        email: u.email,
        kinds,
        costMicros: UNIT_QUOTA_KINDS.reduce<number | null>((s, kind) => addCost(s, kinds[kind].costMicros), null),
      };
    });
    const totals = {
      kinds: perKind((kind) => ({
        charged: people.reduce((s, p) => s + p.kinds[kind].charged, 0),
        costMicros: people.reduce<number | null>((s, p) => addCost(s, p.kinds[kind].costMicros), null),
      })),
      costMicros: people.reduce<number | null>((s, p) => addCost(s, p.costMicros), null),
    };

    const days = Array.from({ length: span + 1 }, (_, i) => ({ date: formatLocalDate(addDays(from, i)), image: 0, edit: 0, video: 0 }));
    const index = new Map(days.map((d, i) => [d.date, i]));
    for (const b of perDay) {
      const kind = b.kind;
      const day = index.get(formatLocalDate(localDateOf(Number(b.bucket) * QUARTER_HOUR, timeZone)));
      if (day !== undefined && isUnitQuotaKind(kind)) days[day]![kind] += Number(b.units);
    }
    return { from: range.from, to: range.to, rangeStart, rangeEnd, timeZone, generatedAt: clock.now(), people, totals, models, days };
  });
}

function key(userId: string, kind: JobKind): string {
  return `${userId}\u0000${kind}`;
}
