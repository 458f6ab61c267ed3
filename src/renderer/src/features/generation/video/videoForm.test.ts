import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../../../../../shared/domain/models';
import type { GeneratorIntent } from '../../../stores/generatorIntent';
import { initialVideoForm, offeredModes, type VideoFormState, videoFormReducer, videoProblems, videoRequest } from './videoForm';

const omni = DEFAULT_CATALOGUE.find((m) => m.id === 'gemini-omni-1.1-flash')!;
const veo = DEFAULT_CATALOGUE.find((m) => m.id === 'veo-3.1-generate-preview')!;
const veoLite = DEFAULT_CATALOGUE.find((m) => m.id === 'veo-3.1-lite-generate-preview')!;
const img = (id: string) => ({ id, url: `/media/${id}/original`, thumbUrl: null, name: id });
const blank = initialVideoForm(null);
const check = (form: VideoFormState, model = omni) => {
  const request = videoRequest(form, model);
  return { request, problems: videoProblems(form, model, request) };
};

describe('the video form', () => {
  it('starts as text to video with nothing chosen', () => {
    expect(blank).toMatchObject({ mode: 'text', prompt: '', firstFrame: [], lastFrame: [], references: [], negativePrompt: '' });
    expect(check({ ...blank, prompt: 'A kite' }).problems).toEqual([]);
  });

  it('offers each model its own modes; extend only through a chosen video', () => {
    expect(offeredModes(omni, blank)).toEqual(['text', 'image', 'interpolation', 'references']);
    expect(offeredModes(veoLite, blank)).toEqual(['text', 'image']);
    const continuing = videoFormReducer(blank, { type: 'continue', from: { mediaId: 'v1', how: 'extend', prompt: 'Dunes' }, modelId: veo.id });
    expect(offeredModes(veo, continuing)).toContain('continue');
  });

  it('sends only the inputs of the chosen mode', () => {
    const filled = { ...blank, prompt: 'p', firstFrame: [img('f1')], lastFrame: [img('l1')], references: [img('r1'), img('r2')] };
    expect(check({ ...filled, mode: 'text' }).request).toMatchObject({ firstFrameId: undefined, lastFrameId: undefined, referenceIds: [] });
    expect(check({ ...filled, mode: 'image' }).request).toMatchObject({ firstFrameId: 'f1', lastFrameId: undefined, referenceIds: [] });
    expect(check({ ...filled, mode: 'interpolation' }).request).toMatchObject({ firstFrameId: 'f1', lastFrameId: 'l1', referenceIds: [] });
    expect(check({ ...filled, mode: 'references' }).request).toMatchObject({ firstFrameId: undefined, referenceIds: ['r1', 'r2'] });
  });

  it('refuses a mode whose inputs are missing', () => {
    expect(check({ ...blank, prompt: 'p', mode: 'image' }).problems).toEqual(['Add the image to animate.']);
    expect(check({ ...blank, prompt: 'p', mode: 'interpolation', firstFrame: [img('f1')] }).problems).toEqual(['Add a first and a last frame.']);
    expect(check({ ...blank, prompt: 'p', mode: 'references' }).problems).toEqual(['Add at least one reference image.']);
    expect(check({ ...blank, prompt: 'p', mode: 'continue' }).problems).toEqual(['Choose a finished video below to continue.']);
  });

  it('applies the model’s rules: Veo references need 8 seconds, the negative prompt only where the model has one', () => {
    const refs = { ...blank, prompt: 'p', mode: 'references' as const, references: [img('r1')], negativePrompt: ' blur ' };
    expect(check(refs, veo).problems).toEqual(['Reference images need an 8-second duration.']);
    expect(check({ ...refs, durationSeconds: 8 }, veo)).toMatchObject({ problems: [], request: { negativePrompt: 'blur', durationSeconds: 8 } });
    // Omni has no negative prompt: the typed one is not sent
    expect(check(refs, omni).request.negativePrompt).toBeUndefined();
  });

  it('a new model drops the options chosen for the old one', () => {
    const chosen = { ...blank, aspectRatio: '9:16', resolution: '1080p', durationSeconds: 8 };
    expect(videoFormReducer(chosen, { type: 'model', modelId: veoLite.id })).toMatchObject({
      modelId: veoLite.id,
      aspectRatio: undefined,
      resolution: undefined,
      durationSeconds: undefined,
    });
  });

  it('extend and refine send the chosen video; refining needs a model that can refine', () => {
    const extend = videoFormReducer(
      { ...blank, prompt: 'old' },
      { type: 'continue', from: { mediaId: 'v1', how: 'extend', prompt: 'Dunes' }, modelId: veo.id },
    );
    expect(extend).toMatchObject({ mode: 'continue', prompt: '', modelId: veo.id });
    expect(check({ ...extend, prompt: 'rise' }, veo).request).toMatchObject({ extendMediaId: 'v1', refineMediaId: undefined });
    const refine = videoFormReducer(blank, { type: 'continue', from: { mediaId: 'v2', how: 'refine', prompt: 'Dunes' }, modelId: omni.id });
    expect(check({ ...refine, prompt: 'stormier' }, omni)).toMatchObject({
      problems: [],
      request: { refineMediaId: 'v2', extendMediaId: undefined },
    });
    expect(check({ ...refine, prompt: 'stormier' }, veo).problems).toContain('Veo 3.1 cannot refine a video.');
  });

  it('a finished refine moves the form on to its result, keeping what is typed; outside "continue" it changes nothing', () => {
    const refine = videoFormReducer(blank, { type: 'continue', from: { mediaId: 'v2', how: 'refine', prompt: 'Dunes' }, modelId: omni.id });
    const next = videoFormReducer(
      { ...refine, prompt: 'add lightning' },
      { type: 'advance', from: { mediaId: 'v3', how: 'refine', prompt: 'stormier' } },
    );
    expect(next).toMatchObject({ mode: 'continue', prompt: 'add lightning', continueFrom: { mediaId: 'v3', prompt: 'stormier' } });
    expect(check(next, omni).request).toMatchObject({ refineMediaId: 'v3' });
    const text = { ...refine, mode: 'text' as const };
    expect(videoFormReducer(text, { type: 'advance', from: { mediaId: 'v3', how: 'refine', prompt: 'stormier' } })).toBe(text);
  });

  it('opens from the gallery: "animate" makes the item the first frame, "try again" restores the frames', () => {
    const animate: GeneratorIntent = {
      target: 'video',
      mediaId: 'm1',
      use: 'source',
      preview: { url: '/media/m1/original', thumbUrl: null },
      settings: { prompt: 'A fox' },
    };
    expect(initialVideoForm(animate)).toMatchObject({ mode: 'image', prompt: '', firstFrame: [{ id: 'm1' }] });
    const retry: GeneratorIntent = {
      target: 'video',
      mediaId: 'j1',
      use: 'settings',
      retry: { referenceIds: [] },
      settings: {
        prompt: 'A fox',
        model: veo.id,
        params: { mode: 'interpolation', firstFrameId: 'f1', lastFrameId: 'l1', durationSeconds: 8, resolution: 7 },
      },
    };
    expect(initialVideoForm(retry)).toMatchObject({
      mode: 'interpolation',
      prompt: 'A fox',
      modelId: veo.id,
      firstFrame: [{ id: 'f1' }],
      lastFrame: [{ id: 'l1' }],
      durationSeconds: 8,
      resolution: undefined,
    });
  });

  it('refines or extends the very result it was opened from ("Refine" on a result of a refine)', () => {
    const intent: GeneratorIntent = {
      target: 'video',
      mediaId: 'refined-v2',
      use: 'settings',
      continueAs: 'refine',
      settings: { prompt: 'Dunes, stormier', model: omni.id, params: { refineMediaId: 'v1' } },
    };
    const form = initialVideoForm(intent);
    expect(form).toMatchObject({ mode: 'continue', prompt: '', modelId: omni.id, continueFrom: { mediaId: 'refined-v2', how: 'refine' } });
    expect(check({ ...form, prompt: 'warmer light' }).request).toMatchObject({ refineMediaId: 'refined-v2', extendMediaId: undefined });
  });
});
