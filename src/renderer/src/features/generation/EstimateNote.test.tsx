import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBridge } from '../../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../../test/renderer/render';
import type { QuotaKindStatus } from '../../../../shared/domain/quotaStatus';
import { DEFAULT_CATALOGUE } from '../../../../shared/domain/models';
import { SHIPPED_PRICES } from '../../../../shared/domain/shippedPrices';
import { EstimateNote } from './EstimateNote';

const status = (kind: QuotaKindStatus['kind'], over: Partial<QuotaKindStatus> = {}): QuotaKindStatus => ({
  kind,
  period: 'daily',
  limit: 50,
  used: 0,
  remaining: 50,
  resetsAt: null,
  resetsAtLabel: 'Tue 1 Dec 2026, 00:00',
  isDefault: true,
  ...over,
});

function bridge(spend: Partial<QuotaKindStatus>) {
  return installFakeBridge({
    'quotas.status': () => ({
      userId: 'u1',
      kinds: { image: status('image'), edit: status('edit'), video: status('video'), spend: status('spend', spend) },
      askAdmins: ['admin@lab.org'],
    }),
  });
}

const estimate = () => screen.getByTestId('estimate').textContent;

describe('the estimate beside Generate', () => {
  it('uses the prices main sends with the model list, so an admin’s correction shows at once', async () => {
    const corrected = { ...SHIPPED_PRICES['gemini-3-pro-image']!, perImage: { '4K': 500_000 } };
    installFakeBridge({
      'quotas.status': () => ({ userId: 'u1', kinds: {} as never, askAdmins: [] }),
      'generation.models.list': () => ({ models: DEFAULT_CATALOGUE, prices: { 'gemini-3-pro-image': corrected } }),
    });
    renderWithQueries(<EstimateNote model="gemini-3-pro-image" order={{ kind: 'image', count: 4, imageSize: '4K', inputImages: 0 }} />);
    await waitFor(() => expect(estimate()).toBe('≈ $2.00 for 4 images'));
  });

  it('prices images by size and count with the shipped rules', async () => {
    bridge({ period: 'unlimited', remaining: null });
    const view = renderWithQueries(<EstimateNote model="gemini-3-pro-image" order={{ kind: 'image', count: 4, imageSize: '4K', inputImages: 0 }} />);
    expect(estimate()).toBe('≈ $0.96 for 4 images');
    view.unmount();
    renderWithQueries(<EstimateNote model="gemini-3-pro-image" order={{ kind: 'image', count: 1, imageSize: '1K', inputImages: 0 }} />);
    expect(estimate()).toBe('≈ $0.13 for 1 image');
  });

  it('prices an edit with its input images, and says when a figure is an estimate', async () => {
    bridge({ period: 'unlimited', remaining: null });
    renderWithQueries(<EstimateNote model="gemini-nano-banana-2.1" order={{ kind: 'edit', count: 1, imageSize: '2K', inputImages: 2 }} />);
    expect(estimate()).toBe('≈ $0.05 for 1 edit (estimate)');
  });

  it('prices a video per second at its resolution, and an unknown size as "no price known"', async () => {
    bridge({ period: 'unlimited', remaining: null });
    const view = renderWithQueries(<EstimateNote model="veo-3.1-generate-preview" order={{ kind: 'video', resolution: '4k', durationSeconds: 8 }} />);
    expect(estimate()).toBe('≈ $4.80 for 8 s of video');
    view.unmount();
    renderWithQueries(<EstimateNote model="veo-3.1-generate-preview" order={{ kind: 'video', resolution: '360p', durationSeconds: 8 }} />);
    expect(estimate()).toBe('No price known for 8 s of video');
  });

  it('says in money words when the estimate, with room for Google’s count, does not fit what is left of the budget', async () => {
    bridge({ period: 'weekly', limit: 5_000_000, used: 4_750_000, remaining: 250_000 });
    renderWithQueries(<EstimateNote model="gemini-3-pro-image" order={{ kind: 'image', count: 3, imageSize: '1K', inputImages: 0 }} />);
    await waitFor(() =>
      expect(screen.getByTestId('estimate-over-budget').textContent).toBe(
        'This would cost about $0.40 ($0.50 is set aside until Google reports the cost); $0.25 of your $5.00 weekly budget is left. Your budget resets Tue 1 Dec 2026, 00:00. Ask admin@lab.org for more.',
      ),
    );
  });
});
