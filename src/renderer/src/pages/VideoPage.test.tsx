import { SHIPPED_PRICES } from '../../../shared/domain/shippedPrices';
import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeBridge } from '../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../test/renderer/render';
import { StudioError } from '../../../shared/contract/errors';
import type { JobDto } from '../../../shared/contract/routes/generation';
import { type CatalogueModel, DEFAULT_CATALOGUE } from '../../../shared/domain/models';
import type { QuotaKindStatus } from '../../../shared/domain/quotaStatus';
import { useGeneratorIntent } from '../stores/generatorIntent';
import { VideoPage } from './VideoPage';

const NOW = Date.UTC(2026, 10, 30, 9, 0);
// the catalogue as an admin enabled it: Omni (the default), Veo 3.1 and Veo 3.1 Lite
const models: CatalogueModel[] = DEFAULT_CATALOGUE.filter((m) => m.kind === 'video' && m.id !== 'veo-3.1-fast-generate-preview').map((m) => ({
  ...m,
  enabled: true,
}));
const quota = (kind: QuotaKindStatus['kind']): QuotaKindStatus => ({
  kind,
  period: 'daily',
  limit: 10,
  used: 2,
  remaining: 8,
  resetsAt: NOW + 3_600_000,
  resetsAtLabel: 'Tue 1 Dec 2026, 00:00',
  isDefault: true,
});

const finishedVideo = (id: string, model: string, prompt: string): JobDto => ({
  id,
  kind: 'video',
  status: 'succeeded',
  model,
  prompt,
  params: {},
  inputIds: [],
  parentMediaId: null,
  createdAt: NOW - 120_000,
  submittedAt: NOW - 119_000,
  finishedAt: NOW - 60_000,
  errorCode: null,
  errorMessage: null,
  results: [{ id: `media-${id}`, url: `/media/media-${id}/original`, thumbUrl: `/media/media-${id}/thumb` }],
  typicalDurationMs: 90_000,
});

function bridge(options: { jobs?: JobDto[]; refuse?: StudioError; videosLeft?: number } = {}) {
  let imported = 0;
  return installFakeBridge({
    'app.status': () => ({
      firstRun: false,
      version: '0.1.0',
      workstation: { hostName: 'studio-3', osUser: 'lab', ipv4: '10.0.0.3' },
      apiKeySet: true,
      signedIn: true,
    }),
    'auth.me': () => ({
      userId: 'u1',
      email: 'ana@lab.org',
      role: 'user',
      createdAt: NOW - 86_400_000,
      lastLoginAt: NOW,
      passwordChangedAt: null,
      idleTimeoutMinutes: 15,
      sessionStartedAt: NOW,
      sessionExpiresAt: NOW + 8 * 3_600_000,
      theme: 'system',
      setupChecklist: false,
    }),
    'quotas.status': () => ({
      userId: 'u1',
      kinds: {
        image: quota('image'),
        edit: quota('edit'),
        video: { ...quota('video'), remaining: options.videosLeft ?? 8 },
        spend: { ...quota('spend'), period: 'unlimited', remaining: null },
      },
      askAdmins: ['admin@lab.org'],
    }),
    'generation.models.list': () => ({ models, prices: SHIPPED_PRICES }),
    'jobs.list': () => ({ items: options.jobs ?? [], nextCursor: null }),
    'media.import': ({ fileName }) => {
      imported += 1;
      return {
        id: `input-${imported}`,
        mediaUrl: `/media/input-${imported}/original`,
        thumbUrl: `/media/input-${imported}/thumb`,
        width: 1280,
        height: 720,
        mimeType: 'image/png',
        fileName,
      };
    },
    'generation.video.create': () => {
      if (options.refuse) throw options.refuse;
      return { jobIds: ['job-new'] };
    },
  });
}

const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], name, { type: 'image/png' });
const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const optionsOf = (label: string) => [...select(label).options].map((o) => o.textContent);
const generate = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Generate video' });
const problems = () =>
  screen.queryByRole('list', { name: 'What this video still needs' })
    ? within(screen.getByRole('list', { name: 'What this video still needs' }))
        .queryAllByRole('listitem')
        .map((li) => li.textContent)
    : [];
/** the hidden file input of an image slot, as "Add …" opens it */
const fileInput = (legend: string) =>
  within(screen.getByRole('group', { name: legend }))
    .getByRole('button', { name: `Add ${legend.toLowerCase()}` })
    .parentElement!.querySelector('input[type=file]') as HTMLInputElement;
/** what the page sent to main, without the per-click idempotency key */
const sentVideos = (fake: ReturnType<typeof bridge>) =>
  fake.sent('generation.video.create').map((input) => {
    const { idempotencyKey, ...rest } = input as Record<string, unknown>;
    expect(idempotencyKey).toEqual(expect.any(String));
    return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  });

async function renderPage(options?: Parameters<typeof bridge>[0]) {
  const fake = bridge(options);
  const view = renderWithQueries(<VideoPage />);
  await waitFor(() => expect(select('Model').value).toBe('gemini-omni-1.1-flash'));
  return { fake, ...view };
}

beforeEach(() => useGeneratorIntent.setState({ intent: null, opened: null }));

describe('Video page: text to video', () => {
  it('needs a prompt, then sends the prompt and the model, with no inputs', async () => {
    const { fake, user } = await renderPage();
    expect(select('Mode').value).toBe('text');
    expect(screen.queryByRole('group', { name: 'First frame' })).toBeNull();
    expect(screen.getByText('Gemini Omni Flash has no negative prompt: write what to avoid in the prompt ("No text, no watermark").')).toBeTruthy();
    expect(generate().disabled).toBe(true);

    await user.type(screen.getByLabelText('Prompt'), 'Dunes at dawn, slow pan');
    await user.click(generate());
    await waitFor(() => expect(sentVideos(fake)).toEqual([{ prompt: 'Dunes at dawn, slow pan', model: 'gemini-omni-1.1-flash', referenceIds: [] }]));
  });

  it('offers each model its own modes and options; another model resets the options', async () => {
    const { user } = await renderPage();
    expect(optionsOf('Mode')).toEqual(['Text to video', 'Animate an image', 'First and last frame', 'Reference images']);
    expect(screen.queryByLabelText('Duration')).toBeNull();
    await user.selectOptions(select('Resolution'), '1080p');

    await user.selectOptions(select('Model'), 'veo-3.1-lite-generate-preview');
    expect(optionsOf('Mode')).toEqual(['Text to video', 'Animate an image']);
    expect(optionsOf('Resolution')).toEqual(['Model default', '720p']);
    expect(select('Resolution').value).toBe('');
    expect(optionsOf('Duration')).toEqual(['Model default', '4 s', '6 s', '8 s']);
    expect(screen.getByLabelText('Negative prompt')).toBeTruthy();
  });

  it('shows main’s refusal as it is worded', async () => {
    const { user } = await renderPage({
      refuse: new StudioError('QUOTA_EXCEEDED', 'Quota exceeded for video. Used: 10/10. Resets at Tue 1 Dec 2026, 00:00'),
    });
    await user.type(screen.getByLabelText('Prompt'), 'Dunes');
    await user.click(generate());
    expect((await screen.findByRole('alert')).textContent).toBe('Quota exceeded for video. Used: 10/10. Resets at Tue 1 Dec 2026, 00:00');
  });
});

describe('Video page: modes with images', () => {
  it('animate an image: one first frame, imported through main, sent by id', async () => {
    const { fake, user } = await renderPage();
    await user.selectOptions(select('Mode'), 'image');
    expect(screen.getByRole('group', { name: 'First frame' })).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Last frame' })).toBeNull();
    await user.type(screen.getByLabelText('Prompt'), 'The kite lifts off');
    expect(problems()).toEqual(['Add the image to animate.']);
    expect(generate().disabled).toBe(true);

    await user.upload(fileInput('First frame'), png('kite.png'));
    await waitFor(() => expect(problems()).toEqual([]));
    // the file as bytes, exactly as picked (never base64 text)
    expect(fake.sent('media.import')).toEqual([
      { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), fileName: 'kite.png', purpose: 'input' },
    ]);
    await user.click(generate());
    await waitFor(() =>
      expect(sentVideos(fake)).toEqual([{ prompt: 'The kite lifts off', model: 'gemini-omni-1.1-flash', firstFrameId: 'input-1', referenceIds: [] }]),
    );
  });

  it('first and last frame: both are needed, both are sent', async () => {
    const { fake, user } = await renderPage();
    await user.selectOptions(select('Mode'), 'interpolation');
    await user.type(screen.getByLabelText('Prompt'), 'Day turns to night');
    await user.upload(fileInput('First frame'), png('day.png'));
    await waitFor(() => expect(problems()).toEqual(['Add a first and a last frame.']));
    await user.upload(fileInput('Last frame'), png('night.png'));
    await waitFor(() => expect(problems()).toEqual([]));
    await user.click(generate());
    await waitFor(() =>
      expect(sentVideos(fake)).toEqual([
        { prompt: 'Day turns to night', model: 'gemini-omni-1.1-flash', firstFrameId: 'input-1', lastFrameId: 'input-2', referenceIds: [] },
      ]),
    );
  });

  it('reference images with Veo need an 8-second duration; frames chosen in another mode are not sent', async () => {
    const { fake, user } = await renderPage();
    await user.selectOptions(select('Mode'), 'image');
    await user.upload(fileInput('First frame'), png('frame.png'));
    await user.selectOptions(select('Model'), 'veo-3.1-generate-preview');
    await user.selectOptions(select('Mode'), 'references');
    expect(screen.getByText('Assets (a person, a product, a dress) to keep in the video.')).toBeTruthy();
    await user.type(screen.getByLabelText('Prompt'), 'The dress on a runway');
    await user.upload(fileInput('Reference images'), [png('dress.png'), png('model.png')]);
    await waitFor(() => expect(problems()).toEqual(['Reference images need an 8-second duration.']));
    expect(generate().disabled).toBe(true);

    await user.selectOptions(select('Duration'), '8');
    await user.type(screen.getByLabelText('Negative prompt'), 'text, watermark');
    expect(problems()).toEqual([]);
    await user.click(generate());
    await waitFor(() =>
      expect(sentVideos(fake)).toEqual([
        {
          prompt: 'The dress on a runway',
          model: 'veo-3.1-generate-preview',
          referenceIds: ['input-2', 'input-3'],
          durationSeconds: 8,
          negativePrompt: 'text, watermark',
        },
      ]),
    );
  });
});

describe('Video page: continuing a finished video', () => {
  it('extend: the chosen video, its model, and an instruction', async () => {
    const { fake, user } = await renderPage({ jobs: [finishedVideo('j1', 'veo-3.1-generate-preview', 'Dunes at dawn')] });
    const list = await screen.findByRole('region', { name: 'Continue a video' });
    // Veo cannot refine: only Extend is offered
    expect(within(list).queryByRole('button', { name: 'Refine' })).toBeNull();
    await user.click(within(list).getByRole('button', { name: 'Extend' }));

    expect(select('Mode').value).toBe('continue');
    expect(select('Model').value).toBe('veo-3.1-generate-preview');
    expect(screen.getByText(/Extending “Dunes at dawn”/)).toBeTruthy();
    await user.type(screen.getByLabelText('Instruction'), 'extend as the camera rises');
    await user.click(generate());
    await waitFor(() =>
      expect(sentVideos(fake)).toEqual([
        { prompt: 'extend as the camera rises', model: 'veo-3.1-generate-preview', referenceIds: [], extendMediaId: 'media-j1' },
      ]),
    );
  });

  it('refine: offered for Omni videos, sent as a refinement of that video', async () => {
    const { fake, user } = await renderPage({ jobs: [finishedVideo('j2', 'gemini-omni-1.1-flash', 'Harbour at night')] });
    const list = await screen.findByRole('region', { name: 'Continue a video' });
    await user.click(within(list).getByRole('button', { name: 'Refine' }));
    expect(screen.getByText(/Refining “Harbour at night”/)).toBeTruthy();
    await user.type(screen.getByLabelText('Instruction'), 'make the sky stormier');
    await user.click(generate());
    await waitFor(() =>
      expect(sentVideos(fake)).toEqual([
        { prompt: 'make the sky stormier', model: 'gemini-omni-1.1-flash', referenceIds: [], refineMediaId: 'media-j2' },
      ]),
    );
    // another model that cannot refine is refused before anything is sent
    await user.selectOptions(select('Model'), 'veo-3.1-lite-generate-preview');
    expect(problems()).toContain('Veo 3.1 Lite cannot refine a video.');
  });
});

describe('Video page: quota before the click', () => {
  it('disables Generate and says why, when it resets and whom to ask, when no video is left', async () => {
    const { user } = await renderPage({ videosLeft: 0 });
    await user.type(screen.getByLabelText('Prompt'), 'Dunes at dawn, slow pan');
    expect(generate().disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe(
      '1 video asked, 0 left. Your video quota resets Tue 1 Dec 2026, 00:00. Ask admin@lab.org for more.',
    );
    expect(generate().getAttribute('aria-describedby')).toBe('video-quota-fit');
  });
});
