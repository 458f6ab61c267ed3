import { accessWords, type ModelAccess } from '../../../../shared/domain/modelAccess';
import type { CatalogueModel } from '../../../../shared/domain/models';

/** A model access in words with the catalogue's labels: "Nano Banana 2.1; images up to 2K; videos up to 1080p". */
export function describeAccess(access: ModelAccess, catalogue: CatalogueModel[]): string {
  return accessWords(access, (id) => catalogue.find((m) => m.id === id)?.label ?? id);
}
