import { describe, expect, it } from 'vitest';
import type { ShownDraft } from '../../../../../shared/contract/routes/drafts';
import { DEFAULT_CATALOGUE } from '../../../../../shared/domain/models';
import { initialVideoForm } from '../video/videoForm';
import { draftOfForm, type EditFormState, formForNewCatalogue, formOfDraft, type ImageFormState } from './draftForm';

const imageModels = DEFAULT_CATALOGUE.filter((m) => m.kind === 'image');
const videoModels = DEFAULT_CATALOGUE.filter((m) => m.kind === 'video');
const banana = imageModels.find((m) => m.capabilities.imageSizes.length > 0)!;
const lite = imageModels.find((m) => m.id === 'gemini-3.1-flash-lite-image')!;
const omni = videoModels.find((m) => m.id === 'gemini-omni-1.1-flash')!;
const veo = videoModels.find((m) => m.id === 'veo-3.1-generate-preview')!;
const shown = (id: string, name = `${id}.png`) => ({ id, name, url: `/media/${id}/original`, thumbUrl: `/media/${id}/thumbnail` });

const blankImage: ImageFormState = { prompt: '', count: 1, references: [] };
const blankEdit: EditFormState = { prompt: '', source: [], references: [] };
const draft = (d: Partial<ShownDraft>): ShownDraft => ({ prompt: '', options: {}, inputs: {}, ...d });

describe('reading a draft back into a generator page', () => {
  it('restores an image draft as it was saved', () => {
    const form = formOfDraft(
      'image',
      draft({
        prompt: 'A lighthouse',
        model: banana.id,
        options: { aspectRatio: '3:2', imageSize: '2K', count: 3 },
        inputs: { references: [shown('r1')] },
      }),
      blankImage,
      imageModels,
    );
    expect(form).toEqual({
      prompt: 'A lighthouse',
      modelId: banana.id,
      aspectRatio: '3:2',
      imageSize: '2K',
      count: 3,
      references: [shown('r1')],
    });
  });

  it('falls back to the default model when the stored one left the catalogue, and drops its options the default lacks', () => {
    const form = formOfDraft(
      'image',
      draft({ prompt: 'p', model: 'retired-model', options: { aspectRatio: '5:4', imageSize: '9K' } }),
      blankImage,
      imageModels,
    );
    expect(form.modelId).toBeUndefined();
    expect(form.imageSize).toBeUndefined();
    expect(form.prompt).toBe('p');
  });

  it('drops an option the model does not offer', () => {
    // the lite model makes 1K images only
    const form = formOfDraft('image', draft({ model: lite.id, options: { imageSize: '2K', aspectRatio: 'nonsense' } }), blankImage, imageModels);
    expect(form).toMatchObject({ modelId: lite.id, imageSize: undefined, aspectRatio: undefined });
  });

  it('keeps an edit’s source apart from its references, and no more references than the model takes', () => {
    const many = Array.from({ length: 20 }, (_, i) => shown(`r${i}`));
    const form = formOfDraft('edit', draft({ prompt: 'Stormy sky', inputs: { source: [shown('s1')], references: many } }), blankEdit, imageModels);
    const max = (imageModels.find((m) => m.isDefault) ?? imageModels[0]!).capabilities.maxInputImages;
    expect(form.source).toEqual([shown('s1')]);
    expect(form.references).toHaveLength(max - 1);
  });

  it('restores a video draft: mode, frames, options and the video being continued', () => {
    const blank = initialVideoForm(null);
    const target = { mediaId: 'v1', how: 'refine' as const, prompt: 'Dunes' };
    const form = formOfDraft(
      'video',
      draft({ prompt: 'Stormier', model: omni.id, mode: 'continue', target, options: { resolution: omni.capabilities.resolutions[0] } }),
      blank,
      videoModels,
    );
    expect(form).toMatchObject({
      prompt: 'Stormier',
      modelId: omni.id,
      mode: 'continue',
      continueFrom: target,
      resolution: omni.capabilities.resolutions[0],
    });

    const framed = formOfDraft(
      'video',
      draft({ model: veo.id, mode: 'image', negativePrompt: 'text', inputs: { firstFrame: [shown('f1')] } }),
      blank,
      videoModels,
    );
    expect(framed).toMatchObject({ mode: 'image', firstFrame: [shown('f1')], negativePrompt: 'text' });
  });

  it('falls back to text-to-video for a mode the model lacks or a continue whose video is gone; drops a negative prompt the model ignores', () => {
    const blank = initialVideoForm(null);
    expect(formOfDraft('video', draft({ mode: 'continue' }), blank, videoModels).mode).toBe('text');
    expect(formOfDraft('video', draft({ mode: 'teleport' }), blank, videoModels).mode).toBe('text');
    expect(
      formOfDraft('video', draft({ model: omni.id, negativePrompt: 'text', options: { durationSeconds: 7 } }), blank, videoModels),
    ).toMatchObject({
      negativePrompt: '',
      durationSeconds: undefined,
    });
  });
});

describe('saving a form as a draft', () => {
  it('keeps ids and names of inputs, never their URLs, and round-trips', () => {
    const form: EditFormState = {
      prompt: 'Stormy',
      modelId: banana.id,
      aspectRatio: '1:1',
      source: [shown('s1', 'holiday.png')],
      references: [shown('r1')],
    };
    const value = draftOfForm('edit', form);
    expect(value.inputs).toEqual({ source: [{ id: 's1', name: 'holiday.png' }], references: [{ id: 'r1', name: 'r1.png' }] });
    expect(JSON.stringify(value)).not.toContain('/media/');
    const back = formOfDraft(
      'edit',
      { ...value, inputs: { source: [shown('s1', 'holiday.png')], references: [shown('r1')] } },
      blankEdit,
      imageModels,
    );
    expect(back).toEqual(form);
  });
});

describe('an open form when what the person may use changes', () => {
  const upTo1080p = videoModels.map((m) => ({
    ...m,
    capabilities: { ...m.capabilities, resolutions: m.capabilities.resolutions.filter((r) => r !== '4k') },
  }));

  it('drops a resolution no longer allowed, keeps the model and the prompt, and names what went', () => {
    const form = { ...initialVideoForm(null), prompt: 'Dunes', modelId: veo.id, resolution: '4k', durationSeconds: 8 };
    const next = formForNewCatalogue('video', form, videoModels, upTo1080p);
    expect(next?.form).toEqual({ ...form, resolution: undefined });
    expect(next?.note).toBe("Resolution 4K is no longer available to you: the form now uses the model's default.");
  });

  it('leaves a form that is still allowed alone', () => {
    const form = { ...initialVideoForm(null), prompt: 'Dunes', modelId: veo.id, resolution: '1080p' };
    expect(formForNewCatalogue('video', form, videoModels, upTo1080p)).toBeNull();
  });

  it('a model no longer offered gives way to the default, named', () => {
    const form: ImageFormState = { ...blankImage, prompt: 'A lighthouse', modelId: lite.id, imageSize: '1K' };
    const next = formForNewCatalogue(
      'image',
      form,
      imageModels,
      imageModels.filter((m) => m.id !== lite.id),
    );
    expect(next?.form.modelId).toBeUndefined();
    expect(next?.form.prompt).toBe('A lighthouse');
    expect(next?.note).toBe(`${lite.label} is no longer available to you: the form now uses ${imageModels.find((m) => m.isDefault)!.label}.`);
  });
});
