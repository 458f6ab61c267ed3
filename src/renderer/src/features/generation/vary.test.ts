import { describe, expect, it } from 'vitest';
import { jobKindOf, type VarySource, varyRequest } from './vary';

const base: VarySource = { kind: 'image', prompt: 'a lighthouse at dusk', model: 'm', params: {}, inputIds: [], parentMediaId: null };

describe('vary', () => {
  it('sends a new image with the same prompt, model, options and references, one image at a time', () => {
    const request = varyRequest({ ...base, params: { aspectRatio: '16:9', imageSize: '2K', count: 4, index: 2 }, inputIds: ['ref1'] });
    expect(request).toEqual({
      route: 'generation.image.create',
      input: { prompt: 'a lighthouse at dusk', model: 'm', aspectRatio: '16:9', imageSize: '2K', count: 1, referenceIds: ['ref1'] },
    });
  });

  it('edits the same source again with the same instruction and extra references', () => {
    const edit = { ...base, inputIds: ['src', 'ref'], parentMediaId: 'src', params: { aspectRatio: '1:1' } };
    expect(jobKindOf(edit)).toBe('edit');
    expect(varyRequest(edit)).toMatchObject({
      route: 'generation.image.edit',
      input: { sourceId: 'src', referenceIds: ['ref'], aspectRatio: '1:1' },
    });
  });

  it('continues the same video again for a refine, and keeps frames and options of a video', () => {
    const refine = varyRequest({
      ...base,
      kind: 'video',
      negativePrompt: 'text',
      params: { mode: 'refine', refineMediaId: 'v1', refineFrom: 'ref', resolution: '720p', durationSeconds: 8, firstFrameId: 'f' },
    });
    expect(refine).toMatchObject({
      route: 'generation.video.create',
      input: { refineMediaId: 'v1', resolution: '720p', durationSeconds: 8, firstFrameId: 'f', negativePrompt: 'text', referenceIds: [] },
    });
  });

  it('has nothing to send for an import or an item without a prompt', () => {
    expect(varyRequest({ ...base, kind: 'input' })).toBeNull();
    expect(varyRequest({ ...base, prompt: null })).toBeNull();
  });
});
