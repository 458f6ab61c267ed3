import { SHIPPED_PRICES } from '../../../../shared/domain/shippedPrices';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installFakeBridge } from '../../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../../test/renderer/render';
import { routerFrame } from '../../../../../test/renderer/routerFrame';
import type { JobDto } from '../../../../shared/contract/routes/generation';
import { DEFAULT_CATALOGUE } from '../../../../shared/domain/models';
import { ToastStack } from '../../components/Toasts';
import { useToasts } from '../../stores/toasts';
import { JobQueuePanel } from './JobQueuePanel';
import { jobDto } from '../../../../../test/renderer/jobDto';

const NOW = Date.now();
const job = (id: string, over: Partial<JobDto> = {}): JobDto => jobDto(id, { createdAt: NOW - 10_000, ...over });

function Frame() {
  const toasts = useToasts((s) => s.toasts);
  return (
    <>
      <button type="button">Elsewhere</button>
      <JobQueuePanel />
      <ToastStack toasts={toasts} />
    </>
  );
}

async function renderPanel(jobs: JobDto[]) {
  const fake = installFakeBridge({
    'jobs.list': () => ({ items: jobs, nextCursor: null }),
    'jobs.cancel': ({ jobId }) => ({ job: { ...jobs.find((j) => j.id === jobId)!, status: 'cancelled' } }),
    'generation.models.list': () => ({ models: DEFAULT_CATALOGUE, prices: SHIPPED_PRICES }),
  });
  const { element } = routerFrame(() => <Frame />);
  const view = renderWithQueries(element);
  const button = await screen.findByRole('button', { name: /^Jobs/ });
  return { fake, button, ...view };
}

beforeEach(() => useToasts.setState({ toasts: [] }));
afterEach(() => useToasts.setState({ toasts: [] }));

describe('the Jobs popover', () => {
  it('counts running and waiting jobs apart in its button', async () => {
    const jobs = [
      ...['q1', 'q2', 'q3', 'q4', 'q5'].map((id, i) => job(id, { createdAt: NOW - 1000 + i })),
      job('r1', { status: 'running' }),
      job('r2', { status: 'saving' }),
      job('r3', { status: 'submitting', kind: 'video' }),
      job('d1', { status: 'succeeded' }),
    ];
    const { button } = await renderPanel(jobs);
    await waitFor(() => expect(button?.textContent).toContain('Jobs · 3 running · 5 waiting'));
  });

  it('closes on Escape and gives focus back to its button', async () => {
    const { button, user } = await renderPanel([job('q1')]);
    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const panel = screen.getByRole('region', { name: 'Job queue' });
    await user.click(within(panel).getByRole('button', { name: /Cancel/ }).parentElement!);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('region', { name: 'Job queue' })).toBeNull();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
  });

  it('closes on a click outside it; a click on nothing gives focus back to its button', async () => {
    const { button, user } = await renderPanel([job('q1')]);
    await user.click(button);
    await user.click(document.body);
    expect(screen.queryByRole('region', { name: 'Job queue' })).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(button));
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(screen.queryByRole('region', { name: 'Job queue' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Elsewhere' }));
  });

  it('shows a four-image request as one entry with its place in line, and cancels its unfinished images at once', async () => {
    const batch = [0, 1, 2, 3].map((i) =>
      job(`b${i}`, {
        requestId: 'click-1',
        createdAt: NOW - 5_000 + i,
        ...(i === 0 ? { status: 'succeeded' as const, results: [{ id: 'm0', url: '/media/m0/original', thumbUrl: '/media/m0/thumb' }] } : {}),
        ...(i === 1 ? { status: 'running' as const } : {}),
      }),
    );
    const { fake, button, user } = await renderPanel([job('earlier', { createdAt: NOW - 9_000 }), ...batch]);
    await user.click(button);
    const entries = within(screen.getByRole('region', { name: 'Job queue' })).getAllByRole('listitem');
    expect(entries).toHaveLength(2);
    const entry = entries.find((e) => e.textContent?.includes('Prompt of b0'))!;
    expect(entry?.textContent).toContain('Generating · 1 of 4 images done');
    expect(entries.find((e) => e.textContent?.includes('Prompt of earlier'))?.textContent).toContain('Waiting for a free slot · 1st in line');
    expect(within(entry).getByRole('button', { name: 'Open image in the gallery: Prompt of b0' })).toBeTruthy();
    await user.click(within(entry).getByRole('button', { name: 'Cancel 4 images: Prompt of b0' }));
    await waitFor(() => expect(fake.sent('jobs.cancel')).toEqual([{ jobId: 'b1' }, { jobId: 'b2' }, { jobId: 'b3' }]));
    const toast = await screen.findByTestId('toast');
    expect(toast.getAttribute('data-tone')).toBe('info');
    expect(toast.textContent).toContain('Cancelled.');
  });

  it('opens a finished image in the gallery and closes', async () => {
    const done = job('d1', { status: 'succeeded', results: [{ id: 'm1', url: '/media/m1/original', thumbUrl: '/media/m1/thumb' }] });
    const { button, user } = await renderPanel([done]);
    await user.click(button);
    await user.click(screen.getByRole('button', { name: 'Open image in the gallery: Prompt of d1' }));
    expect(await screen.findByText('Gallery showing m1')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Job queue' })).toBeNull();
  });

  it('warns that Google may still bill a Veo video before cancelling it, and says so after', async () => {
    const veo = job('v1', { kind: 'video', status: 'running', model: 'veo-3.1-generate-preview' });
    const { fake, button, user } = await renderPanel([veo]);
    await user.click(button);
    await user.click(screen.getByRole('button', { name: /^Cancel job/ }));
    expect(screen.getByRole('group', { name: 'Confirm cancel' })?.textContent).toContain('Google may still bill this Veo video');
    expect(fake.sent('jobs.cancel')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Cancel anyway' }));
    await waitFor(() => expect(fake.sent('jobs.cancel')).toEqual([{ jobId: 'v1' }]));
    expect((await screen.findByTestId('toast')).textContent).toContain('Google may still bill this Veo video');
  });
});
