/**
 * Which model id takes over when Google retires one, as data: an admin can move every use of the
 * old id to its successor in one step (Settings), and a generator whose default Google no longer
 * lists falls back to the successor before any other model of the kind. Kept as a plain table so a
 * new retirement is a one-line change (docs/models-and-money.md).
 */
export const MODEL_SUCCESSORS: Readonly<Record<string, string>> = {
  'gemini-2.5-flash-image': 'gemini-nano-banana-2.1',
  'gemini-3.1-flash-image': 'gemini-nano-banana-2.1',
  'gemini-3.1-flash-image-preview': 'gemini-nano-banana-2.1',
  'gemini-3-pro-image-preview': 'gemini-3-pro-image',
  'gemini-omni-flash-preview': 'gemini-omni-1.1-flash',
  // offered only once a models.list check has confirmed 1.2 exists for API keys
  'gemini-omni-1.1-flash': 'gemini-omni-1.2-flash',
};

/** The ids that follow `id` in the successor table, nearest first (a cycle in the data ends the walk). */
export function successorChain(id: string): string[] {
  const chain: string[] = [];
  let next = MODEL_SUCCESSORS[id];
  while (next !== undefined && next !== id && !chain.includes(next)) {
    chain.push(next);
    next = MODEL_SUCCESSORS[next];
  }
  return chain;
}
