import type { RouteInput } from '../../../../../shared/contract/types';
import type { CatalogueModel, VideoMode } from '../../../../../shared/domain/models';
import { videoOptionProblems } from '../../../../../shared/domain/videoRules';
import type { GeneratorIntent } from '../../../stores/generatorIntent';
import type { PickedImage } from '../importImage';
import { earlierInputs } from '../retryIntent';
import { param, pickedFrom } from '../useIntent';

/**
 * The Video form's rules, apart from React: which modes a model offers, which inputs each mode
 * uses, the request that is sent, and why it is refused. Pure, so they are tested without a screen
 * (videoForm.test.ts); the page only renders them.
 */
export type FormMode = Exclude<VideoMode, 'extend'> | 'continue';

export interface ContinueFrom {
  mediaId: string;
  how: 'extend' | 'refine';
  /** the prompt of the video being continued, to name it */
  prompt: string;
}

export interface VideoFormState {
  prompt: string;
  modelId?: string;
  mode: FormMode;
  firstFrame: PickedImage[];
  lastFrame: PickedImage[];
  references: PickedImage[];
  negativePrompt: string;
  aspectRatio?: string;
  resolution?: string;
  durationSeconds?: number;
  /** the finished video being continued, and how */
  continueFrom?: ContinueFrom;
}

export const MODE_LABELS: Record<FormMode, string> = {
  text: 'Text to video',
  image: 'Animate an image',
  interpolation: 'First and last frame',
  references: 'Reference images',
  continue: 'Continue a video',
};

export type VideoFormAction =
  | { type: 'set'; patch: Partial<Omit<VideoFormState, 'modelId' | 'continueFrom'>> }
  /** another model: its options differ, so the chosen ones go back to the model's defaults */
  | { type: 'model'; modelId: string }
  /** "Extend"/"Refine" on a finished video: the same model, a new instruction */
  | { type: 'continue'; from: ContinueFrom; modelId: string }
  /** a continuation sent from this form is done: go on from its result, keeping what is typed */
  | { type: 'advance'; from: ContinueFrom }
  /** the person's draft, read back from main */
  | { type: 'replace'; state: VideoFormState };

export function videoFormReducer(state: VideoFormState, action: VideoFormAction): VideoFormState {
  switch (action.type) {
    case 'set':
      return { ...state, ...action.patch };
    case 'model':
      return { ...state, modelId: action.modelId, aspectRatio: undefined, resolution: undefined, durationSeconds: undefined };
    case 'continue':
      return { ...state, mode: 'continue', continueFrom: action.from, modelId: action.modelId, prompt: '' };
    case 'advance':
      return state.mode === 'continue' ? { ...state, continueFrom: action.from } : state;
    case 'replace':
      return action.state;
  }
}

/** The form as a generator intent opens it: "reuse settings", "animate" (the item is the first frame), or "try again". */
export function initialVideoForm(intent: GeneratorIntent | null): VideoFormState {
  const fromVideo = intent?.use === 'settings';
  // "try again": the frames and references of the earlier request come back too
  const earlier = (key: string) => {
    const value = intent?.retry ? intent.settings.params?.[key] : undefined;
    return earlierInputs(typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  };
  const retriedMode = intent?.retry ? param<string>(intent, 'mode', 'string') : undefined;
  if (intent?.continueAs) {
    // "Refine"/"Extend" on a result: the same model continues that very result, with a new instruction
    const blank = initialVideoForm(null);
    const from = { mediaId: intent.mediaId, how: intent.continueAs, prompt: intent.settings.prompt ?? '' };
    return { ...blank, mode: 'continue', continueFrom: from, modelId: intent.settings.model ?? undefined };
  }
  return {
    prompt: fromVideo ? (intent.settings.prompt ?? '') : '',
    modelId: fromVideo ? (intent.settings.model ?? undefined) : undefined,
    mode:
      intent?.use === 'source'
        ? 'image'
        : retriedMode === 'image' || retriedMode === 'interpolation' || retriedMode === 'references'
          ? retriedMode
          : 'text',
    firstFrame: intent?.use === 'source' ? [pickedFrom(intent)] : earlier('firstFrameId'),
    lastFrame: earlier('lastFrameId'),
    references: earlier('referenceIds'),
    negativePrompt: fromVideo ? (intent.settings.negativePrompt ?? '') : '',
    aspectRatio: fromVideo ? param(intent, 'aspectRatio', 'string') : undefined,
    resolution: fromVideo ? param(intent, 'resolution', 'string') : undefined,
    durationSeconds: fromVideo ? param(intent, 'durationSeconds', 'number') : undefined,
  };
}

/** The modes the Mode list offers: the model's (extend is offered per video, below the form), and "continue" once one is chosen. */
export function offeredModes(model: CatalogueModel | undefined, form: VideoFormState): FormMode[] {
  const modes = (model?.capabilities.videoModes ?? ['text']).filter((m) => m !== 'extend') as FormMode[];
  return form.continueFrom ? [...modes, 'continue'] : modes;
}

export type VideoRequest = Omit<RouteInput<'generation.video.create'>, 'idempotencyKey' | 'referenceIds'> & { referenceIds: string[] };

/** What is sent: only the inputs of the chosen mode, only options the model has. */
export function videoRequest(form: VideoFormState, model: CatalogueModel | undefined): VideoRequest {
  const caps = model?.capabilities;
  const continuing = form.mode === 'continue' ? form.continueFrom : undefined;
  return {
    prompt: form.prompt,
    model: model?.id,
    firstFrameId: form.mode === 'image' || form.mode === 'interpolation' ? form.firstFrame[0]?.id : undefined,
    lastFrameId: form.mode === 'interpolation' ? form.lastFrame[0]?.id : undefined,
    referenceIds: form.mode === 'references' ? form.references.map((r) => r.id) : [],
    negativePrompt: caps?.negativePrompt && form.negativePrompt.trim() ? form.negativePrompt.trim() : undefined,
    aspectRatio: form.aspectRatio,
    resolution: form.resolution,
    durationSeconds: form.durationSeconds,
    extendMediaId: continuing?.how === 'extend' ? continuing.mediaId : undefined,
    refineMediaId: continuing?.how === 'refine' ? continuing.mediaId : undefined,
  };
}

/** Why the request would be refused: main's rules (shared/domain/videoRules.ts) and the form's own. */
export function videoProblems(form: VideoFormState, model: CatalogueModel | undefined, request: VideoRequest): string[] {
  const problems = model ? videoOptionProblems(model, request) : [];
  if (form.mode === 'image' && !request.firstFrameId) problems.push('Add the image to animate.');
  if (form.mode === 'interpolation' && (!request.firstFrameId || !request.lastFrameId)) problems.push('Add a first and a last frame.');
  if (form.mode === 'references' && request.referenceIds.length === 0) problems.push('Add at least one reference image.');
  if (form.mode === 'continue' && !form.continueFrom) problems.push('Choose a finished video below to continue.');
  if (form.continueFrom?.how === 'refine' && !model?.capabilities.refine) problems.push(`${model?.label ?? 'This model'} cannot refine a video.`);
  return problems;
}
