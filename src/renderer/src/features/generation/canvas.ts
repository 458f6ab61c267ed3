import type { JobDto } from '../../../../shared/contract/routes/generation';

/** The aspect ratios a tile can take; anything else (or the model's default) is shown by kind. */
export const TILE_ASPECTS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;

/**
 * The shape of a job's tile: the ratio that was asked for, so a placeholder already has the shape
 * of what will come and nothing jumps when it does. The model's default is square for an image
 * and landscape for a video.
 */
export function tileAspect(job: Pick<JobDto, 'kind' | 'params'>): string {
  const asked = job.params.aspectRatio;
  if (typeof asked === 'string' && (TILE_ASPECTS as readonly string[]).includes(asked)) return asked;
  return job.kind === 'video' ? '16:9' : '1:1';
}

/** The results shown in the canvas, newest first, in the order the lightbox steps through them. */
export function resultIds(jobs: Pick<JobDto, 'results'>[]): string[] {
  return jobs.flatMap((j) => j.results.map((r) => r.id));
}

/** Where the lightbox goes after an item is deleted: the next one, else the one before, else nowhere. */
export function neighbourAfterRemoval(ids: readonly string[], removed: string): string | null {
  const at = ids.indexOf(removed);
  if (at < 0) return null;
  return ids[at + 1] ?? ids[at - 1] ?? null;
}
