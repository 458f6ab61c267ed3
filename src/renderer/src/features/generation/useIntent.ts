import { useState } from 'react';
import { type GeneratorIntent, type GeneratorTarget, useGeneratorIntent } from '../../stores/generatorIntent';
import type { PickedImage } from './importImage';

/**
 * The gallery's hand-over ("reuse settings", "edit", "animate"), read once when a generator page
 * mounts; an intent for another page stays for that page.
 */
export function useIntentFor(target: GeneratorTarget): GeneratorIntent | null {
  const [intent] = useState(() => {
    const pending = useGeneratorIntent.getState().intent;
    return pending?.target === target ? useGeneratorIntent.getState().consume() : null;
  });
  return intent;
}

/** The intent's item as a chosen input image. */
export function pickedFrom(intent: GeneratorIntent): PickedImage {
  return {
    id: intent.mediaId,
    url: intent.preview?.url ?? '',
    thumbUrl: intent.preview?.thumbUrl ?? null,
    name: intent.settings.prompt ? `“${intent.settings.prompt.slice(0, 40)}”` : 'Gallery image',
  };
}

/** A recorded parameter, if it has the expected type. */
export function param<T extends string | number>(intent: GeneratorIntent, key: string, type: 'string' | 'number'): T | undefined {
  const value = intent.settings.params?.[key];
  return typeof value === type ? (value as T) : undefined;
}
