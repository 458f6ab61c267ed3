import { type CatalogueModel, catalogueSchema, DEFAULT_CATALOGUE, type ModelCapabilities, type ModelFamily } from '../../../../shared/domain/models';

/**
 * Edits of the catalogue table before it is saved. Pure, so the rules are tested without a page;
 * main validates the saved catalogue again with the same schema.
 */

export function setEnabled(models: readonly CatalogueModel[], id: string, enabled: boolean): CatalogueModel[] {
  return models.map((m) => (m.id === id ? { ...m, enabled } : m));
}

/** One default per kind: choosing one clears the others of its kind, never those of the other kind. */
export function setDefault(models: readonly CatalogueModel[], id: string): CatalogueModel[] {
  const chosen = models.find((m) => m.id === id);
  if (!chosen) return [...models];
  return models.map((m) => (m.kind === chosen.kind ? { ...m, isDefault: m.id === id } : m));
}

/** Removing the default would leave its kind without one: the table offers Remove only elsewhere. */
export function removeModel(models: readonly CatalogueModel[], id: string): CatalogueModel[] {
  return models.filter((m) => m.id !== id || m.isDefault);
}

export function addModel(models: readonly CatalogueModel[], model: CatalogueModel): CatalogueModel[] {
  return [...models, model];
}

export function kindOfFamily(family: ModelFamily): 'image' | 'video' {
  return family === 'gemini-image' ? 'image' : 'video';
}

export const FAMILY_LABELS: Record<ModelFamily, string> = {
  'gemini-image': 'Gemini image',
  veo: 'Veo',
  omni: 'Gemini Omni',
};

export const FAMILIES_BY_KIND: Record<'image' | 'video', ModelFamily[]> = {
  image: ['gemini-image'],
  video: ['omni', 'veo'],
};

/**
 * Capabilities a new model of this family starts from: those of the shipped default model of the
 * family (or its first model, for Veo, which has no default), so a new id behaves like its siblings
 * until the admin says otherwise.
 */
export function capabilityPreset(family: ModelFamily): ModelCapabilities {
  const siblings = DEFAULT_CATALOGUE.filter((m) => m.family === family);
  const model = siblings.find((m) => m.isDefault) ?? siblings[0];
  if (!model) throw new Error(`no shipped model of family ${family}`);
  return structuredClone(model.capabilities);
}

/** What main would refuse about this catalogue, in main's words; empty when it would be saved. */
export function catalogueProblems(models: readonly CatalogueModel[]): string[] {
  const result = catalogueSchema.safeParse(models);
  return result.success ? [] : [...new Set(result.error.issues.map((i) => i.message))];
}

/**
 * Per kind, the default model Google no longer offers: generators then fall back to another
 * model, which the admin should make the default on purpose.
 */
export function missingDefaults(models: readonly CatalogueModel[]): CatalogueModel[] {
  return models.filter((m) => m.isDefault && m.enabled && m.missing);
}

export function sameCatalogue(a: readonly CatalogueModel[], b: readonly CatalogueModel[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
