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

async function renderTiles(jobs: JobDto[]) {
  const fake = installFakeBridge({
    'jobs.list': () => ({ items: jobs, nextCursor: null }),
    'jobs.cancel': ({ jobId }) => ({ job: { ...jobs.find((j) => j.id === jobId)!, status: 'cancelled' } }),
    'generation.models.list': () => ({ models: DEFAULT_CATALOGUE, prices: SHIPPED_PRICES }),
    'generation.image.create': () => ({ jobIds: ['new'] }),
  });
  const view = renderWithQueries(routerFrame(() => <JobResults kinds={['image']} title="Recent images" />).element);
  await screen.findByRole('region', { name: 'Recent images' });
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
