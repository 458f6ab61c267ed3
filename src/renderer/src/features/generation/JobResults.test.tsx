import { SHIPPED_PRICES } from '../../../../shared/domain/shippedPrices';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installFakeBridge } from '../../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../../test/renderer/render';
import { routerFrame } from '../../../../../test/renderer/routerFrame';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { DEFAULT_CATALOGUE } from '../../../../shared/domain/models';
import { useToasts } from '../../stores/toasts';
import { RateLimitRetry } from './jobActions';
import { JobResults } from './JobResults';
import { jobDto } from '../../../../../test/renderer/jobDto';
import type { MediaDetails } from '../../../../shared/contract/routes/media';

const NOW = Date.UTC(2026, 10, 30, 9, 0);
const job = (id: string, over: Partial<JobDto> = {}): JobDto =>
  jobDto(id, { params: { aspectRatio: '16:9', count: 1 }, createdAt: NOW - 10_000, ...over });

afterEach(() => {
  vi.useRealTimers();
  useToasts.setState({ toasts: [] });
});

describe('a rate limit on a tile', () => {
  it('counts down every second and retries at zero when the person asked for it', () => {
    vi.useFakeTimers({ now: NOW });
    const retry = vi.fn();
    render(
      <RateLimitRetry jobs={[job('r', { status: 'failed', errorCode: 'RATE_LIMITED', retryAt: NOW + 3_000 })]} onRetry={retry} pending={false} />,
    );
    expect(screen.getByText('Google allows a new try in 3 s.')).toBeTruthy();
    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.getByText('Google allows a new try in 2 s.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Retry when the time is up' }));
    act(() => void vi.advanceTimersByTime(1_000));
    expect(retry).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1_000));
    expect(screen.getByText('You can try again now.')).toBeTruthy();
    expect(retry).toHaveBeenCalledTimes(1);
    act(() => void vi.advanceTimersByTime(10_000));
    expect(retry).toHaveBeenCalledTimes(1);
  });

  it('does not retry by itself unless asked', () => {
    vi.useFakeTimers({ now: NOW });
    const retry = vi.fn();
    render(
      <RateLimitRetry jobs={[job('r', { status: 'failed', errorCode: 'RATE_LIMITED', retryAt: NOW + 1_000 })]} onRetry={retry} pending={false} />,
    );
    act(() => void vi.advanceTimersByTime(5_000));
    expect(screen.getByText('You can try again now.')).toBeTruthy();
    expect(retry).not.toHaveBeenCalled();
  });
});

const mediaItem = (id: string, over: Partial<MediaDetails> = {}): MediaDetails => ({
  id,
  kind: 'image',
  url: `/media/${id}.png`,
  thumbUrl: `/media/${id}.thumb.png`,
  mimeType: 'image/png',
  bytes: 10,
  width: 64,
  height: 36,
  durationMs: null,
  prompt: `Prompt of ${id}`,
  negativePrompt: null,
  model: 'gemini-3-pro-image-preview',
  favorite: false,
  missing: false,
  createdAt: NOW,
  parentMediaId: null,
  jobId: id,
  params: { aspectRatio: '16:9', imageSize: '2K', count: 2, index: 1 },
  inputIds: ['ref-1'],
  inputs: [],
  sourceChain: [],
  ...over,
});

async function renderTiles(jobs: JobDto[]) {
  const fake = installFakeBridge({
    'jobs.list': () => ({ items: jobs, nextCursor: null }),
    'media.get': ({ id }) => mediaItem(id),
    'media.capabilities.get': () => ({ saveAs: false, revealInFolder: false, exportToChosenFolder: false }),
    'media.delete': ({ ids }) => ({ deleted: ids }),
    'jobs.cancel': ({ jobId }) => ({ job: { ...jobs.find((j) => j.id === jobId)!, status: 'cancelled' } }),
    'generation.models.list': () => ({ models: DEFAULT_CATALOGUE, prices: SHIPPED_PRICES }),
    'generation.image.create': () => ({ jobIds: ['new'] }),
  });
  const view = renderWithQueries(routerFrame(() => <JobResults kinds={['image']} title="Recent images" />).element);
  await screen.findByRole('region', { name: 'Recent images' });
  await screen.findAllByTestId('job-result');
  return { fake, ...view };
}
const tile = (prompt: string) => screen.getAllByTestId('job-result').find((t) => t.textContent?.includes(prompt))!;

describe('job tiles', () => {
  it('say where a job is, and cancel it from the tile', async () => {
    const { fake, user } = await renderTiles([job('run', { status: 'running', submittedAt: NOW - 5_000 }), job('wait')]);
    expect(tile('Prompt of run').textContent).toContain('Generating');
    expect(tile('Prompt of wait').textContent).toContain('Waiting for a free slot · 1st in line');
    await user.click(within(tile('Prompt of run')).getByRole('button', { name: 'Cancel: Prompt of run' }));
    await waitFor(() => expect(fake.sent('jobs.cancel')).toEqual([{ jobId: 'run' }]));
  });

  it('show the whole message of a failure with Retry, which sends the same request again', async () => {
    const message = 'Google refused the request: the prompt was flagged (PROHIBITED_CONTENT) and cannot be processed as written';
    const { fake, user } = await renderTiles([job('f', { status: 'failed', errorCode: 'PROVIDER_ERROR', errorMessage: message, finishedAt: NOW })]);
    expect(tile('Prompt of f').textContent).toContain(message);
    await user.click(within(tile('Prompt of f')).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.sent('generation.image.create')).toHaveLength(1));
    expect(fake.sent('generation.image.create')[0]).toMatchObject({
      prompt: 'Prompt of f',
      model: 'gemini-3-pro-image-preview',
      aspectRatio: '16:9',
      count: 1,
    });
  });

  it('show a cancel without red and without an error message', async () => {
    await renderTiles([job('c', { status: 'cancelled', errorCode: 'CANCELLED', errorMessage: 'Cancelled.', finishedAt: NOW })]);
    expect(tile('Prompt of c').getAttribute('data-tone')).toBe('neutral');
    expect(within(tile('Prompt of c')).queryByText('Cancelled.')).toBeNull();
  });
});

describe('results', () => {
  const done = (id: string) =>
    job(id, { status: 'succeeded', finishedAt: NOW, results: [{ id: `m-${id}`, url: `/media/${id}.png`, thumbUrl: null }] });

  it('open in the lightbox on that item, and Escape gives focus back to the tile', async () => {
    const { user } = await renderTiles([done('a'), done('b')]);
    const open = within(tile('Prompt of b')).getByRole('button', { name: 'Open: Prompt of b' });
    await user.click(open);
    const dialog = await screen.findByRole('dialog');
    expect(dialog.getAttribute('aria-labelledby') && document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toContain(
      'Image 2 of 2',
    );
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(open));
  });

  it('vary: one new request with the same prompt, model and options, for one image', async () => {
    const { fake, user } = await renderTiles([done('a')]);
    await user.click(within(tile('Prompt of a')).getByRole('button', { name: 'Vary: Prompt of a' }));
    await waitFor(() => expect(fake.sent('generation.image.create')).toHaveLength(1));
    expect(fake.sent('generation.image.create')[0]).toMatchObject({
      prompt: 'Prompt of m-a',
      model: 'gemini-3-pro-image-preview',
      aspectRatio: '16:9',
      imageSize: '2K',
      count: 1,
      referenceIds: ['ref-1'],
    });
  });

  it('offer every action under More, which closes on Escape with focus back on its button', async () => {
    const { user } = await renderTiles([done('a')]);
    const more = within(tile('Prompt of a')).getByRole('button', { name: 'More actions: Prompt of a' });
    await user.click(more);
    const menu = await screen.findByRole('group', { name: 'Item actions' });
    for (const name of ['Edit', 'Animate', 'Copy prompt', 'Reuse settings', '☆ Favourite', 'Export', 'Delete'])
      expect(within(menu).getByRole('button', { name })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(menu).getByRole('button', { name: 'Edit' })));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('group', { name: 'Item actions' })).toBeNull();
    expect(document.activeElement).toBe(more);
  });

  it('show a placeholder of the asked shape, with its stage, as soon as the job exists', async () => {
    await renderTiles([job('p', { params: { aspectRatio: '9:16' } })]);
    const placeholder = tile('Prompt of p').querySelector('[data-aspect]');
    expect(placeholder?.getAttribute('data-aspect')).toBe('9:16');
    expect(placeholder?.textContent).toContain('Waiting for a free slot');
  });
});
