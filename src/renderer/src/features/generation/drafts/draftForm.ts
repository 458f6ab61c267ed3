import type { DraftPage, DraftValue, ShownDraft } from '../../../../../shared/contract/routes/drafts';
import { resolutionLabel } from '../../../../../shared/domain/modelAccess';
import type { CatalogueModel } from '../../../../../shared/domain/models';
import type { PickedImage } from '../pickedImage';
import type { FormMode, VideoFormState } from '../video/videoForm';

/**
 * A generator page's form and the draft main keeps of it, both ways, apart from React (unit-tested
 * in draftForm.test.ts). Reading a draft back is a merge into the page's defaults against today's
 * catalogue: a model no longer offered falls back to the default, and an option or input the model
 * does not take is dropped, so a draft never opens a form that cannot be sent.
 */

export interface ImageFormState {
  prompt: string;
  modelId?: string;
  aspectRatio?: string;
  imageSize?: string;
  count: number;
  references: PickedImage[];
}

export interface EditFormState {
  source: PickedImage[];
  prompt: string;
  modelId?: string;
  aspectRatio?: string;
  imageSize?: string;
  references: PickedImage[];
}

export interface DraftForms {
  image: ImageFormState;
  edit: EditFormState;
  video: VideoFormState;
}

const saved = (images: PickedImage[]) => images.map(({ id, name }) => ({ id, name: name.slice(0, 200) }));
const picked = (inputs: ShownDraft['inputs'][keyof ShownDraft['inputs']]): PickedImage[] =>
  (inputs ?? []).map(({ id, name, url, thumbUrl }) => ({ id, name, url, thumbUrl }));
/** Only what `allowed` lists survives; nothing is kept when the list is empty (the model decides). */
const offered = <T>(value: T | undefined, allowed: readonly T[] | undefined): T | undefined =>
  value !== undefined && allowed?.includes(value) ? value : undefined;

/** The stored model if the catalogue still offers it, else none (the page shows the default). */
function stillOffered(models: CatalogueModel[], id: string | undefined): { modelId?: string; model?: CatalogueModel } {
  const kept = models.find((m) => m.id === id);
  return { modelId: kept?.id, model: kept ?? models.find((m) => m.isDefault) ?? models[0] };
}

export function draftOfForm<P extends DraftPage>(page: P, form: DraftForms[P]): DraftValue {
  if (page === 'video') {
    const f = form as VideoFormState;
    return {
      prompt: f.prompt,
      negativePrompt: f.negativePrompt || undefined,
      model: f.modelId,
      mode: f.mode,
      options: { aspectRatio: f.aspectRatio, resolution: f.resolution, durationSeconds: f.durationSeconds },
      inputs: { firstFrame: saved(f.firstFrame), lastFrame: saved(f.lastFrame), references: saved(f.references) },
      target: f.continueFrom,
    };
  }
  const f = form as ImageFormState | EditFormState;
  return {
    prompt: f.prompt,
    model: f.modelId,
    options: { aspectRatio: f.aspectRatio, imageSize: f.imageSize, count: 'count' in f ? f.count : undefined },
    inputs: { references: saved(f.references), ...('source' in f ? { source: saved(f.source) } : {}) },
  };
}

/** A draft as main gave it back, merged into `blank` (the page's defaults) for today's `models`. */
export function formOfDraft<P extends DraftPage>(page: P, draft: ShownDraft, blank: DraftForms[P], models: CatalogueModel[]): DraftForms[P] {
  const { modelId, model } = stillOffered(models, draft.model);
  const caps = model?.capabilities;
  const maxInputs = caps?.maxInputImages ?? 0;
  const common = {
    prompt: draft.prompt,
    modelId,
    aspectRatio: offered(draft.options.aspectRatio, caps?.aspectRatios),
  };
  if (page === 'image') {
    const form: ImageFormState = {
      ...(blank as ImageFormState),
      ...common,
      imageSize: offered(draft.options.imageSize, caps?.imageSizes),
      count: draft.options.count ?? 1,
      references: picked(draft.inputs.references).slice(0, maxInputs),
    };
    return form as DraftForms[P];
  }
  if (page === 'edit') {
    const form: EditFormState = {
      ...(blank as EditFormState),
      ...common,
      imageSize: offered(draft.options.imageSize, caps?.imageSizes),
      source: picked(draft.inputs.source).slice(0, 1),
      // the source is one of the model's input images
      references: picked(draft.inputs.references).slice(0, Math.max(0, maxInputs - 1)),
    };
    return form as DraftForms[P];
  }
  const modes = (caps?.videoModes ?? ['text']).filter((m) => m !== 'extend') as FormMode[];
  const continueFrom = draft.target;
  const mode: FormMode =
    draft.mode === 'continue' ? (continueFrom ? 'continue' : 'text') : (offered(draft.mode as FormMode, modes) ?? (blank as VideoFormState).mode);
  const form: VideoFormState = {
    ...(blank as VideoFormState),
    ...common,
    mode,
    firstFrame: picked(draft.inputs.firstFrame).slice(0, 1),
    lastFrame: picked(draft.inputs.lastFrame).slice(0, 1),
    references: picked(draft.inputs.references).slice(0, maxInputs),
    negativePrompt: caps?.negativePrompt ? (draft.negativePrompt ?? '') : '',
    resolution: offered(draft.options.resolution, caps?.resolutions),
    durationSeconds: offered(draft.options.durationSeconds, caps?.durations),
    continueFrom,
  };
  return form as DraftForms[P];
}

/** The shown form of a draft as it is saved, for the local cache (inputs keep the URLs they have). */
export function shownDraftOfForm<P extends DraftPage>(page: P, form: DraftForms[P]): ShownDraft {
  const value = draftOfForm(page, form);
  const withUrls = (images: PickedImage[] | undefined) => images?.map(({ id, name, url, thumbUrl }) => ({ id, name, url, thumbUrl }));
  const f = form as Partial<ImageFormState & EditFormState & VideoFormState>;
  return {
    ...value,
    inputs: {
      references: withUrls(f.references),
      ...(f.source ? { source: withUrls(f.source) } : {}),
      ...(f.firstFrame ? { firstFrame: withUrls(f.firstFrame), lastFrame: withUrls(f.lastFrame) } : {}),
    },
  };
}

const OPTION_NAMES: Record<string, string> = {
  aspectRatio: 'Aspect ratio',
  imageSize: 'Size',
  resolution: 'Resolution',
  durationSeconds: 'Duration',
};

/**
 * An open form after what the person may use changed (`models.changed`: their model access, the
 * default they follow, the catalogue): the same merge as a draft read back, against the new list,
 * and a sentence saying what went, so the change is visible rather than silent. Null when the
 * form can stay as it is.
 */
export function formForNewCatalogue<P extends DraftPage>(
  page: P,
  form: DraftForms[P],
  before: CatalogueModel[],
  after: CatalogueModel[],
): { form: DraftForms[P]; note: string | null } | null {
  const corrected = formOfDraft(page, shownDraftOfForm(page, form), form, after);
  const was = draftOfForm(page, form);
  const now = draftOfForm(page, corrected);
  if (JSON.stringify(was) === JSON.stringify(now)) return null;
  const shownBefore = before.find((m) => m.id === form.modelId) ?? before.find((m) => m.isDefault) ?? before[0];
  const shownAfter = after.find((m) => m.id === corrected.modelId) ?? after.find((m) => m.isDefault) ?? after[0];
  if (shownBefore && !after.some((m) => m.id === shownBefore.id)) {
    return {
      form: corrected,
      note: shownAfter
        ? `${shownBefore.label} is no longer available to you: the form now uses ${shownAfter.label}.`
        : `${shownBefore.label} is no longer available to you, and no other model is.`,
    };
  }
  const wasOptions = was.options as Record<string, unknown>;
  const nowOptions = now.options as Record<string, unknown>;
  const gone = Object.keys(OPTION_NAMES)
    .filter((key) => wasOptions[key] !== undefined && wasOptions[key] !== nowOptions[key])
    .map((key) => {
      const value = String(wasOptions[key]);
      return `${OPTION_NAMES[key]} ${key === 'resolution' ? resolutionLabel(value) : key === 'durationSeconds' ? `${value} s` : value}`;
    });
  const words = gone.length > 0 ? gone.join(', ') : 'One of your choices';
  return {
    form: corrected,
    note: `${words} ${gone.length > 1 ? 'are' : 'is'} no longer available to you: the form now uses the model's default.`,
  };
}
