import { describe, expect, it } from 'vitest';
import { accessRefusal, restrictCatalogue, UNRESTRICTED_ACCESS, type ModelAccess } from '../../src/shared/domain/modelAccess';
import { DEFAULT_CATALOGUE, type CatalogueModel } from '../../src/shared/domain/models';

const byId = (id: string): CatalogueModel => DEFAULT_CATALOGUE.find((m) => m.id === id)!;
const VEO = byId('veo-3.1-fast-generate-preview');
const BANANA = byId('gemini-nano-banana-2.1');

describe('restrictCatalogue', () => {
  it('leaves the catalogue as it is when nothing is restricted', () => {
    expect(restrictCatalogue(UNRESTRICTED_ACCESS, DEFAULT_CATALOGUE)).toEqual(DEFAULT_CATALOGUE);
  });

  it('narrows resolutions and sizes to the ceilings, keeping the model order', () => {
    const access: ModelAccess = { models: null, maxImageSize: '1K', maxVideoResolution: '720p' };
    const restricted = restrictCatalogue(access, [BANANA, VEO]);
    expect(restricted.map((m) => m.id)).toEqual([BANANA.id, VEO.id]);
    expect(restricted[0]?.capabilities.imageSizes).toEqual(['1K']);
    expect(restricted[1]?.capabilities.resolutions).toEqual(['720p']);
  });

  it('drops a model with nothing left to choose, and models outside the list', () => {
    const only360: ModelAccess = { models: null, maxImageSize: null, maxVideoResolution: '360p' };
    expect(restrictCatalogue(only360, [VEO])).toEqual([]);
    expect(restrictCatalogue({ ...UNRESTRICTED_ACCESS, models: [BANANA.id] }, [BANANA, VEO]).map((m) => m.id)).toEqual([BANANA.id]);
  });
});

describe('accessRefusal', () => {
  it('allows what the ceilings allow and an order that names no size', () => {
    const access: ModelAccess = { models: null, maxImageSize: '2K', maxVideoResolution: '1080p' };
    expect(accessRefusal(access, BANANA, { imageSize: '2K' }, DEFAULT_CATALOGUE)).toBeNull();
    expect(accessRefusal(access, BANANA, {}, DEFAULT_CATALOGUE)).toBeNull();
    expect(accessRefusal(access, VEO, { resolution: '1080p' }, DEFAULT_CATALOGUE)).toBeNull();
  });

  it('names the ceiling and the refused value, written as people write them', () => {
    const access: ModelAccess = { models: null, maxImageSize: '2K', maxVideoResolution: '1080p' };
    expect(accessRefusal(access, VEO, { resolution: '4k' }, DEFAULT_CATALOGUE)).toBe('Your account may make videos up to 1080p; 4K is not allowed.');
    expect(accessRefusal(access, BANANA, { imageSize: '4K' }, DEFAULT_CATALOGUE)).toBe(
      'Your account may make images up to 2K with Nano Banana 2.1; 4K is not allowed.',
    );
  });

  it('names the allowed models of the same kind, or says to ask when there are none', () => {
    const imagesOnly: ModelAccess = { ...UNRESTRICTED_ACCESS, models: [BANANA.id] };
    expect(accessRefusal(imagesOnly, VEO, {}, DEFAULT_CATALOGUE)).toBe('Your account may not use any video model. Ask an admin for access.');
  });
});
