import {
  type CatalogueModel,
  catalogueModelSchema,
  type ImageSize,
  type ModelCapabilities,
  type ModelFamily,
  type VideoMode,
} from '../../../../shared/domain/models';
import { capabilityPreset, kindOfFamily } from './catalogueDraft';

/** The "Add model" form as typed: lists stay text ("16:9, 9:16") until the model is built. */
export interface ModelFormState {
  id: string;
  label: string;
  family: ModelFamily;
  enabled: boolean;
  aspectRatios: string;
  imageSizes: ImageSize[];
  resolutions: string;
  durations: string;
  maxInputImages: string;
  videoModes: VideoMode[];
  negativePrompt: boolean;
  refine: boolean;
}

export type ModelFormField = 'id' | 'label' | 'aspectRatios' | 'imageSizes' | 'resolutions' | 'durations' | 'maxInputImages' | 'videoModes';

/** A new form for a family: its capabilities start from the family's shipped preset. */
export function newModelForm(
  family: ModelFamily,
  keep: Pick<ModelFormState, 'id' | 'label' | 'enabled'> = { id: '', label: '', enabled: true },
): ModelFormState {
  const caps = capabilityPreset(family);
  return {
    ...keep,
    family,
    aspectRatios: caps.aspectRatios.join(', '),
    imageSizes: [...caps.imageSizes],
    resolutions: caps.resolutions.join(', '),
    durations: caps.durations.join(', '),
    maxInputImages: String(caps.maxInputImages),
    videoModes: [...caps.videoModes],
    negativePrompt: caps.negativePrompt,
    refine: caps.refine,
  };
}

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The model to add, or the problems by field in words an admin can act on. The catalogue's own
 * schema decides (the one main uses), plus the one thing only the whole catalogue knows: the id
 * must be new.
 */
export function buildModel(
  form: ModelFormState,
  existingIds: readonly string[],
): { model: CatalogueModel; problems: null } | { model: null; problems: Partial<Record<ModelFormField, string>> } {
  const problems: Partial<Record<ModelFormField, string>> = {};
  const kind = kindOfFamily(form.family);
  const video = kind === 'video';

  const durations = list(form.durations);
  if (video && durations.some((d) => !/^\d{1,2}$/.test(d) || Number(d) === 0))
    problems.durations = 'Whole seconds, like 4, 6, 8 (or empty when the model decides).';
  const maxInputs = form.maxInputImages.trim();
  if (!/^\d{1,2}$/.test(maxInputs) || Number(maxInputs) > 14) problems.maxInputImages = 'A whole number from 0 to 14.';

  const capabilities: Partial<ModelCapabilities> = {
    aspectRatios: list(form.aspectRatios),
    imageSizes: video ? [] : form.imageSizes,
    resolutions: video ? list(form.resolutions).map((r) => r.toLowerCase()) : [],
    durations: video ? durations.map(Number) : [],
    maxInputImages: Number(maxInputs),
    videoModes: video ? form.videoModes : [],
    negativePrompt: video && form.negativePrompt,
    refine: form.family === 'omni' && form.refine,
  };
  const candidate = {
    id: form.id.trim(),
    label: form.label.trim(),
    kind,
    family: form.family,
    enabled: form.enabled,
    isDefault: false,
    missing: false,
    capabilities,
  };

  const parsed = catalogueModelSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (field && !problems[field]) problems[field] = messageFor(field, issue.message);
    }
  }
  if (existingIds.includes(candidate.id)) problems.id = `The catalogue already has ${candidate.id}.`;
  if (video && form.videoModes.length === 0) problems.videoModes = 'Choose at least one way to make a video.';
  if (Object.keys(problems).length > 0 || !parsed.success) return { model: null, problems };
  return { model: parsed.data, problems: null };
}

function fieldOf(path: readonly PropertyKey[]): ModelFormField | null {
  const [head, sub] = path;
  if (head === 'id' || head === 'label') return head;
  if (head !== 'capabilities') return null;
  const known: ModelFormField[] = ['aspectRatios', 'imageSizes', 'resolutions', 'durations', 'maxInputImages', 'videoModes'];
  return known.includes(sub as ModelFormField) ? (sub as ModelFormField) : null;
}

/** Zod speaks in types; these say what to type. */
function messageFor(field: ModelFormField, schemaMessage: string): string {
  switch (field) {
    case 'id':
      return 'Google’s id: lowercase letters, digits, dots and dashes, like gemini-3.1-flash-image.';
    case 'label':
      return 'A name people will recognise, up to 80 characters.';
    case 'aspectRatios':
      return 'At least one aspect ratio, like 16:9, 9:16.';
    case 'resolutions':
      return 'Resolutions like 720p, 1080p, 4k.';
    default:
      return schemaMessage;
  }
}
