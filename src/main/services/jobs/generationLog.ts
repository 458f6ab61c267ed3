import { type SQL, and, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { GenerationLogEntry } from '../../../shared/contract/routes/records';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import { OUTCOME_STATUSES, outcomeOf } from '../../../shared/domain/generationLog';
import { addDays, parseLocalDate } from '../../../shared/domain/localDates';
import { startOfLocalDate } from '../../../shared/domain/quotaPeriods';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { encodeKeysetCursor } from '../../db/keysetCursor';
import { job, user } from '../../db/schema';
import type { Actor } from '../../identity';
import { visibleUserIds } from '../accounts/scope';
import { jobListPosition } from './jobCursor';

export interface GenerationLogDeps {
  db: Db;
  clock: Pick<Clock, 'timeZone'>;
  /** the model catalogue's labels, read at each call so a renamed model shows its new label */
  modelLabels: () => ReadonlyMap<string, string>;
}

/**
 * `generation.log.list` (docs/records.md): every generation attempt — the job table holds one row
 * per attempt, whatever became of it — of the admin and the people they manage, newest first. Keyset
 * paging on (created_at, id), which `job_created_idx` serves, so a page costs the same at the first
 * attempt as at the hundred-thousandth, and rows arriving meanwhile never shift a page.
 */
export function listGenerationLog(
  deps: GenerationLogDeps,
  actor: Actor,
  input: ParsedInput<'generation.log.list'>,
): RouteOutput<'generation.log.list'> {
  const { db } = deps;
  const visible = visibleUserIds(db, actor);
  if (input.userId && !visible.includes(input.userId)) throw new StudioError('FORBIDDEN', 'You do not manage this account.');
  // Two plans, chosen by how many attempts are in scope. Many: walk job_created_idx newest first and
  // stop after `limit` matches; a unary `+` keeps SQLite from answering the person and outcome
  // filters through their own indexes instead, which hand back every matching row to be sorted by
  // time (hundreds of ms at 100 000 rows). Few (a quiet person among busy ones): the walk would read
  // the whole index to find them, so the person index finds their rows and sorting them is cheap.
  const people = input.userId ? [input.userId] : visible;
  const walk = attemptsUpTo(db, people, FEW_ATTEMPTS + 1) > FEW_ATTEMPTS;
  const conditions: (SQL | undefined)[] = [walk ? inArray(sql`+${job.userId}`, people) : inArray(job.userId, people)];
  if (input.kind) conditions.push(eq(job.kind, input.kind));
  if (input.outcome) {
    const statuses = [...OUTCOME_STATUSES[input.outcome]];
    conditions.push(walk ? inArray(sql`+${job.status}`, statuses) : inArray(job.status, statuses));
  }
  if (input.from) conditions.push(gte(job.createdAt, dayStart(input.from, 0, deps.clock.timeZone, 'from')));
  if (input.to) conditions.push(lt(job.createdAt, dayStart(input.to, 1, deps.clock.timeZone, 'to')));
  if (input.text) {
    // instr on lower-cased text: no LIKE wildcards to escape, and "50%" finds "50%"
    const needle = input.text.toLowerCase();
    conditions.push(or(sql`instr(lower(${job.prompt}), ${needle}) > 0`, sql`instr(lower(coalesce(${job.negativePrompt}, '')), ${needle}) > 0`));
  }
  if (input.cursor) {
    const after = jobListPosition(input.cursor);
    // written as a range on created_at first, so the index seeks to the cursor instead of scanning from the newest row
    conditions.push(lte(job.createdAt, after.createdAt), or(lt(job.createdAt, after.createdAt), lt(job.id, after.id)));
  }

  const rows = db
    .select({ job, email: user.email })
    .from(job)
    .innerJoin(user, eq(user.id, job.userId))
    .where(and(...conditions))
    .orderBy(desc(job.createdAt), desc(job.id))
    .limit(input.limit + 1)
    .all();
  const page = rows.slice(0, input.limit);
  const labels = deps.modelLabels();
  const last = page.at(-1);
  return {
    items: page.map((r) => toEntry(r.job, r.email, labels)),
    nextCursor: rows.length > input.limit && last ? encodeKeysetCursor(last.job) : null,
  };
}

/** Up to this many attempts in scope are found through the person index and sorted; more are walked in time order. */
const FEW_ATTEMPTS = 5_000;

/** How many attempts these people made, counted no further than `cap` (a covering index read). */
function attemptsUpTo(db: Db, userIds: string[], cap: number): number {
  const sub = db
    .select({ one: sql`1` })
    .from(job)
    .where(inArray(job.userId, userIds))
    .limit(cap)
    .as('capped');
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(sub)
      .get()?.n ?? 0
  );
}

function dayStart(text: string, plusDays: number, timeZone: string, field: string): number {
  const date = parseLocalDate(text);
  if (!date)
    throw new StudioError('VALIDATION_FAILED', `Invalid input — ${field}: not a real calendar date`, {
      issues: [{ path: field, message: 'not a real calendar date' }],
    });
  return startOfLocalDate(addDays(date, plusDays), timeZone);
}

function toEntry(row: typeof job.$inferSelect, email: string, labels: ReadonlyMap<string, string>): GenerationLogEntry {
  const cost = row.actualCostMicros ?? row.estimatedCostMicros;
  return {
    id: row.id,
    at: row.createdAt,
    finishedAt: row.finishedAt,
    person: { id: row.userId, email },
    workstation: { hostName: row.workstationHost, osUser: row.workstationUser, ipv4: row.workstationIp },
    kind: row.kind,
    model: { id: row.model, label: labels.get(row.model) ?? row.model },
    outcome: outcomeOf(row.status),
    status: row.status,
    units: row.units,
    costMicros: cost,
    costIsEstimate: row.actualCostMicros === null && row.estimatedCostMicros !== null,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    params: row.params,
  };
}
