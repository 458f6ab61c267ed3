import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import type { Db } from '../../db/client';
import { job } from '../../db/schema';
import type { Actor } from '../../identity';

/** `%` and `_` in what the person typed are letters, not wildcards. */
const likePattern = (words: string) => `%${words.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The prompts a person already sent, read from their jobs (the job row is the only copy of a
 * prompt): each distinct prompt once, the most recently used first, optionally only those containing
 * some words or of one kind. Only the actor's own jobs, whatever their role: an admin's history is
 * theirs alone. Paged by position: a prompt sent meanwhile moves to the top and may shift a page by one.
 */
export function promptHistory(db: Db, actor: Actor, input: ParsedInput<'prompts.history'>): RouteOutput<'prompts.history'> {
  const offset = input.cursor ? Number(input.cursor) : 0;
  const lastUsedAt = max(job.createdAt);
  const rows = db
    .select({ prompt: job.prompt, lastUsedAt })
    .from(job)
    .where(
      and(
        eq(job.userId, actor.userId),
        input.kind ? eq(job.kind, input.kind) : undefined,
        input.query ? sql`${job.prompt} LIKE ${likePattern(input.query)} ESCAPE '\\'` : undefined,
      ),
    )
    .groupBy(job.prompt)
    .orderBy(desc(lastUsedAt), asc(job.prompt))
    .limit(input.limit + 1)
    .offset(offset)
    .all();
  const items = rows.slice(0, input.limit).map((r) => ({ prompt: r.prompt, lastUsedAt: r.lastUsedAt ?? 0 }));
  return { items, nextCursor: rows.length > input.limit ? String(offset + input.limit) : null };
}
