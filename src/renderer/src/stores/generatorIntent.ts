import { create } from 'zustand';
import { registerSessionReset } from './sessionReset';

/** Which generator to open from the gallery: a new image, an edit of this one, or a video of it. */
export type GeneratorTarget = 'image' | 'edit' | 'video';

export interface GeneratorIntent {
  target: GeneratorTarget;
  /** the gallery item this came from */
  mediaId: string;
  /**
   * `settings`: only prefill the form from the item ("reuse settings");
   * `source`: also use the item as the input — the image to edit, or the first frame to animate
   */
  use: 'settings' | 'source';
  /** a finished video to refine or extend: the Video page continues from this item */
  continueAs?: 'refine' | 'extend';
  /**
   * "Try again" on a job that did not succeed: keep the instruction too, and its other inputs
   * (reference images), as they were sent
   */
  retry?: { referenceIds: string[] };
  /** the item's URLs from main, to show it as the chosen input */
  preview?: { url: string; thumbUrl: string | null };
  /** settings to prefill: prompt, negative prompt, model and the recorded parameters */
  settings: {
    prompt?: string | null;
    negativePrompt?: string | null;
    model?: string | null;
    params?: Record<string, unknown>;
  };
}

interface GeneratorIntentState {
  intent: GeneratorIntent | null;
  /**
   * the last intent's page and a count bumped at every intent: the route keys its page by it, so a
   * page already showing mounts anew and reads the intent ("Try again…" while on the Video page)
   */
  opened: { target: GeneratorTarget; visit: number } | null;
  /** set by the gallery ("reuse settings", "edit", "animate") */
  open: (intent: GeneratorIntent) => void;
  /** read once by the generation page it targets, which then clears it */
  consume: () => GeneratorIntent | null;
}

/**
 * A one-shot hand-over from the gallery to the generation pages, which live on another branch of
 * the UI: the gallery says what to open and with which settings, the page reads it when it mounts.
 * It stays in memory rather than in the location: it holds a prompt and the recorded parameters,
 * which are personal and must not sit in the window's history after a sign-out, and an address
 * must not be able to refill a form by itself.
 */
export const useGeneratorIntent = create<GeneratorIntentState>((set, get) => ({
  intent: null,
  opened: null,
  open: (intent) => set((state) => ({ intent, opened: { target: intent.target, visit: (state.opened?.visit ?? 0) + 1 } })),
  consume: () => {
    const { intent } = get();
    if (intent) set({ intent: null });
    return intent;
  },
}));

// A prompt is personal: it must not be waiting in the generator for the next person.
registerSessionReset(() => useGeneratorIntent.setState({ intent: null, opened: null }));
