import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE, type CatalogueModel } from '../../src/shared/domain/models';
import { videoModeOf, videoOptionProblems } from '../../src/shared/domain/videoRules';

const veo = DEFAULT_CATALOGUE.find((m) => m.id === 'veo-3.1-generate-preview') as CatalogueModel;
const lite = DEFAULT_CATALOGUE.find((m) => m.id === 'veo-3.1-lite-generate-preview') as CatalogueModel;

describe('video option rules', () => {
  it('derives the mode from the inputs', () => {
    expect(videoModeOf({})).toBe('text');
    expect(videoModeOf({ firstFrameId: 'a' })).toBe('image');
    expect(videoModeOf({ firstFrameId: 'a', lastFrameId: 'b' })).toBe('interpolation');
    expect(videoModeOf({ referenceIds: ['r'] })).toBe('references');
    expect(videoModeOf({ extendMediaId: 'v' })).toBe('extend');
  });

  it('accepts a plain 1080p 8 s Veo request', () => {
    expect(videoOptionProblems(veo, { resolution: '1080p', durationSeconds: 8, aspectRatio: '9:16' })).toEqual([]);
  });

  it('refuses 1080p and 4k unless the video is 8 seconds', () => {
    expect(videoOptionProblems(veo, { resolution: '1080p', durationSeconds: 6 })).toEqual(['1080p needs an 8-second duration.']);
    expect(videoOptionProblems(veo, { resolution: '4k', durationSeconds: 4 })).toEqual(['4k needs an 8-second duration.']);
  });

  it('refuses reference images with a frame, or with a short duration', () => {
    const problems = videoOptionProblems(veo, { referenceIds: ['r1'], firstFrameId: 'f', durationSeconds: 6 });
    expect(problems).toContain('Reference images need an 8-second duration.');
    expect(problems).toContain('Reference images cannot be combined with a first or last frame.');
  });

  it('refuses a last frame without a first frame', () => {
    expect(videoOptionProblems(veo, { lastFrameId: 'l' })).toContain('A last frame needs a first frame.');
  });

  it('refuses more than three Veo reference images', () => {
    expect(videoOptionProblems(veo, { referenceIds: ['a', 'b', 'c', 'd'], durationSeconds: 8 })).toEqual([
      'Veo 3.1 takes at most 3 reference images.',
    ]);
  });

  it('explains what a smaller model cannot do', () => {
    expect(videoOptionProblems(lite, { resolution: '1080p', durationSeconds: 8 })).toEqual(['Veo 3.1 Lite supports the resolutions 720p.']);
    expect(videoOptionProblems(lite, { firstFrameId: 'a', lastFrameId: 'b' })).toEqual(['Veo 3.1 Lite does not support first and last frame.']);
  });

  it('refuses an aspect ratio or duration outside the model capabilities', () => {
    expect(videoOptionProblems(veo, { aspectRatio: '1:1', durationSeconds: 5 })).toEqual([
      'Veo 3.1 supports the aspect ratios 16:9, 9:16.',
      'Veo 3.1 makes videos of 4, 6, 8 seconds.',
    ]);
  });
});
