import type { CatalogueModel, VideoMode } from './models';

/** What a video request asks for, as the form and the route both see it. */
export interface VideoOptions {
  firstFrameId?: string;
  lastFrameId?: string;
  referenceIds?: string[];
  /** a previous video to extend */
  extendMediaId?: string;
  negativePrompt?: string;
  aspectRatio?: string;
  resolution?: string;
  durationSeconds?: number;
}

export function videoModeOf(options: VideoOptions): VideoMode {
  if (options.extendMediaId) return 'extend';
  if (options.referenceIds && options.referenceIds.length > 0) return 'references';
  if (options.firstFrameId && options.lastFrameId) return 'interpolation';
  if (options.firstFrameId || options.lastFrameId) return 'image';
  return 'text';
}

const MODE_LABELS: Record<VideoMode, string> = {
  text: 'text to video',
  image: 'animating an image',
  interpolation: 'first and last frame',
  references: 'reference images',
  extend: 'extending a video',
};

/**
 * The rules a video request must follow before anything is sent (docs/generation-and-jobs.md).
 * Shared by the form (to explain what is possible) and by main (to refuse what is not), so they
 * never disagree. Returns plain sentences; empty means the request is fine.
 */
export function videoOptionProblems(model: CatalogueModel, options: VideoOptions): string[] {
  const caps = model.capabilities;
  const problems: string[] = [];
  const mode = videoModeOf(options);
  const references = options.referenceIds ?? [];

  if (!caps.videoModes.includes(mode)) problems.push(`${model.label} does not support ${MODE_LABELS[mode]}.`);
  if (options.lastFrameId && !options.firstFrameId) problems.push('A last frame needs a first frame.');
  if (references.length > caps.maxInputImages) {
    problems.push(`${model.label} takes at most ${caps.maxInputImages} reference image${caps.maxInputImages === 1 ? '' : 's'}.`);
  }
  if (options.aspectRatio && !caps.aspectRatios.includes(options.aspectRatio)) {
    problems.push(`${model.label} supports the aspect ratios ${caps.aspectRatios.join(', ')}.`);
  }
  if (options.resolution && !caps.resolutions.includes(options.resolution)) {
    problems.push(`${model.label} supports the resolutions ${caps.resolutions.join(', ')}.`);
  }
  if (options.durationSeconds !== undefined && caps.durations.length > 0 && !caps.durations.includes(options.durationSeconds)) {
    problems.push(`${model.label} makes videos of ${caps.durations.join(', ')} seconds.`);
  }
  if (options.negativePrompt && !caps.negativePrompt) {
    problems.push(`${model.label} has no negative prompt: write what to avoid in the prompt ("No text, no watermark").`);
  }

  if (model.family === 'veo') {
    const duration = options.durationSeconds;
    if ((options.resolution === '1080p' || options.resolution === '4k') && duration !== 8) {
      problems.push(`${options.resolution} needs an 8-second duration.`);
    }
    if (references.length > 0 && duration !== 8) problems.push('Reference images need an 8-second duration.');
    if (references.length > 0 && (options.firstFrameId || options.lastFrameId)) {
      problems.push('Reference images cannot be combined with a first or last frame.');
    }
    if (mode === 'extend' && options.resolution && options.resolution !== '720p') problems.push('Veo extends videos at 720p only.');
    if (mode === 'extend' && duration !== undefined && duration !== 8) problems.push('Extending a video needs an 8-second duration.');
  }
  return problems;
}
