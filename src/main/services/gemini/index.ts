/**
 * Gemini: everything that talks to Google through @google/genai. A client per call
 * (`createGenAi`), image generation, the Veo and omni video providers, the model availability
 * check, downloads, and the mapping of Google's errors to the studio's. See
 * docs/generation-and-jobs.md.
 */
export { createGenAi } from './client';
export { DEFAULT_MODEL_CHECK, listModelIds, type ModelCheckOptions } from './modelCheck';
export { createOmniProvider } from './omniProvider';
export { createVeoProvider } from './veoProvider';
export type { VideoProvider } from './videoProvider';
