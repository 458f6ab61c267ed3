import { and, eq, inArray } from 'drizzle-orm';
import type { DraftPage, DraftValue, ShownDraft, ShownDraftInput } from '../../../shared/contract/routes/drafts';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { draft, media } from '../../db/schema';
import { withWriteTx } from '../../db/tx';
import type { Actor } from '../../identity';
import { visibleUserIds } from '../accounts/scope';
import { mediaUrl } from '../media/mediaRecord';

export interface DraftsDeps {
  db: Db;
  clock: Clock;
  /** prefix of media URLs in what the renderer gets (`studio-media://media/` or `/media/`) */
  mediaUrlBase: string;
}

type Slot = keyof DraftValue['inputs'];
const SLOTS: readonly Slot[] = ['source', 'references', 'firstFrame', 'lastFrame'];

/**
 * Each generator page's unsent draft, one row per person and page. Only the actor's own row is ever
 * read or written (identity from the transport): a draft is never shown to anyone else, not even an
 * admin who manages the person, and the row goes with the account (the table cascades).
 */
export class Drafts {
  constructor(private readonly deps: DraftsDeps) {}

  /**
   * The actor's draft of one page. Inputs and the video being continued are checked again on every
   * read: an item deleted since, whose file went missing, or that the person may no longer use (a
   * managed user's item after the admin stopped managing them) is dropped rather than shown.
   */
  get(actor: Actor, page: DraftPage): { draft: ShownDraft | null; updatedAt: number | null } {
    const row = this.deps.db
      .select({ value: draft.value, updatedAt: draft.updatedAt })
      .from(draft)
      .where(and(eq(draft.userId, actor.userId), eq(draft.page, page)))
      .get();
    if (!row) return { draft: null, updatedAt: null };
    return { draft: this.shown(actor, row.value as DraftValue), updatedAt: row.updatedAt };
  }

  save(actor: Actor, page: DraftPage, value: DraftValue): { updatedAt: number } {
    const updatedAt = this.deps.clock.now();
    withWriteTx(this.deps.db, (tx) =>
      tx
        .insert(draft)
        .values({ userId: actor.userId, page, value, updatedAt })
        .onConflictDoUpdate({ target: [draft.userId, draft.page], set: { value, updatedAt } })
        .run(),
    );
    return { updatedAt };
  }

  clear(actor: Actor, page?: DraftPage): { cleared: number } {
    const cleared = withWriteTx(this.deps.db, (tx) =>
      tx
        .delete(draft)
        .where(page ? and(eq(draft.userId, actor.userId), eq(draft.page, page)) : eq(draft.userId, actor.userId))
        .run(),
    );
    return { cleared: cleared.changes };
  }

  private shown(actor: Actor, value: DraftValue): ShownDraft {
    const ids = [...SLOTS.flatMap((slot) => (value.inputs[slot] ?? []).map((input) => input.id)), ...(value.target ? [value.target.mediaId] : [])];
    const owners = visibleUserIds(this.deps.db, actor);
    const rows =
      ids.length === 0
        ? []
        : this.deps.db
            .select({ id: media.id, kind: media.kind, hasThumb: media.thumbRelPath, missing: media.missing })
            .from(media)
            .where(and(inArray(media.id, [...new Set(ids)]), inArray(media.userId, owners)))
            .all();
    const usable = new Map(rows.map((r) => [r.id, r]));
    const url = (id: string, variant: 'original' | 'thumbnail') => mediaUrl(this.deps.mediaUrlBase, id, variant);

    const inputs: ShownDraft['inputs'] = {};
    for (const slot of SLOTS) {
      const saved = value.inputs[slot];
      if (!saved) continue;
      inputs[slot] = saved.flatMap((input): ShownDraftInput[] => {
        const row = usable.get(input.id);
        if (!row || row.missing || row.kind === 'video') return [];
        return [{ ...input, url: url(input.id, 'original'), thumbUrl: row.hasThumb ? url(input.id, 'thumbnail') : null }];
      });
    }
    // continuing needs Google's handle of the video, not its file: a missing file does not drop it
    const target = value.target && usable.get(value.target.mediaId)?.kind === 'video' ? value.target : undefined;
    return { ...value, inputs, target };
  }
}
