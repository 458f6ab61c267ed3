/**
 * Drafts: what a person was writing on the generator pages. `Drafts` keeps each page's unsent draft
 * (prompt, model, options, inputs, the video being continued) for its owner only; `promptHistory`
 * lists the prompts they already sent, read from their jobs. See docs/renderer.md ("Drafts").
 */
export { Drafts, type DraftsDeps } from './drafts';
export { promptHistory } from './promptHistory';
