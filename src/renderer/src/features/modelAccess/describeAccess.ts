import { type ModelAccess, resolutionLabel } from '../../../../shared/domain/modelAccess';
import type { CatalogueModel } from '../../../../shared/domain/models';

/**
 * A model access in words, for the forms and the saved notice: "every model, images up to 2K,
 * videos up to 1080p". Model ids the catalogue no longer knows are shown as ids.
 */
export function describeAccess(access: ModelAccess, catalogue: CatalogueModel[]): string {
  const parts: string[] = [];
  if (access.models === null) parts.push('every model');
  else if (access.models.length === 0) parts.push('no models');
  else parts.push(access.models.map((id) => catalogue.find((m) => m.id === id)?.label ?? id).join(', '));
  parts.push(access.maxImageSize ? `images up to ${access.maxImageSize}` : 'images of any size');
  parts.push(access.maxVideoResolution ? `videos up to ${resolutionLabel(access.maxVideoResolution)}` : 'videos at any resolution');
  return parts.join('; ');
}
