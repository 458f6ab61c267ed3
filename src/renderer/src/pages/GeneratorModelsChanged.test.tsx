import { act, screen, waitFor } from '@testing-library/react';
import { useEffect } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeBridge } from '../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../test/renderer/render';
import { type CatalogueModel, DEFAULT_CATALOGUE } from '../../../shared/domain/models';
import type { QuotaKindStatus } from '../../../shared/domain/quotaStatus';
import { SHIPPED_PRICES } from '../../../shared/domain/shippedPrices';
import { onEvent } from '../ipc/client';
import { connectLiveUpdates } from '../queries/liveUpdates';
import { useGeneratorIntent } from '../stores/generatorIntent';
import { useQueryClient } from '@tanstack/react-query';
import { ImagePage } from './ImagePage';

/**
 * An open Image page when an admin changes what its person may use: main's `models.changed` makes
 * the page ask for its models again, and the form drops what is no longer allowed, saying so,
 * without a reload.
 */

const NOW = Date.UTC(2026, 10, 30, 9, 0);
const EVERY_IMAGE_MODEL: CatalogueModel[] = DEFAULT_CATALOGUE.filter((m) => m.kind === 'image').map((m) => ({ ...m, enabled: true }));
const PRO = 'gemini-3-pro-image';
const quota = (kind: QuotaKindStatus['kind']): QuotaKindStatus => ({
  kind,
  period: 'daily',
  limit: 10,
  used: 0,
  remaining: 10,
  resetsAt: NOW + 3_600_000,
  resetsAtLabel: 'Tue 1 Dec 2026, 00:00',
  isDefault: true,
});

function bridge(allowed: { models: CatalogueModel[] }) {
  return installFakeBridge({
    'quotas.status': () => ({
      userId: 'u1',
      kinds: {
        image: quota('image'),
        edit: quota('edit'),
        video: quota('video'),
        spend: { ...quota('spend'), period: 'unlimited', remaining: null },
      },
      askAdmins: [],
    }),
    // what main offers this person right now
    'generation.models.list': () => ({ models: allowed.models, prices: SHIPPED_PRICES }),
    'jobs.list': () => ({ items: [], nextCursor: null }),
    'drafts.get': () => ({ draft: null, updatedAt: null }),
    'drafts.save': () => ({ updatedAt: NOW }),
  });
}

/** The page as the app shell holds it: main's events reach the query cache. */
function WithLiveUpdates() {
  const client = useQueryClient();
  useEffect(() => connectLiveUpdates(client, onEvent), [client]);
  return <ImagePage />;
}

const select = (label: string) => screen.getByLabelText<HTMLSelectElement>(label);
const optionsOf = (label: string) => [...select(label).options].map((o) => o.value);

beforeEach(() => useGeneratorIntent.setState({ intent: null, opened: null }));

describe('the Image page when what its person may use changes', () => {
  it('drops a model no longer allowed, in place, and says which model it uses now', async () => {
    const allowed = { models: EVERY_IMAGE_MODEL };
    const fake = bridge(allowed);
    const { user } = renderWithQueries(<WithLiveUpdates />);
    await waitFor(() => expect(optionsOf('Model')).toContain(PRO));
    await user.type(screen.getByLabelText('Prompt'), 'A lighthouse at dusk');
    await user.selectOptions(select('Model'), PRO);
    await user.selectOptions(select('Size'), '4K');
    expect(screen.queryByRole('status')).toBeNull();

    // the admin allows Nano Banana 2.1 only; main tells this window
    allowed.models = EVERY_IMAGE_MODEL.filter((m) => m.id === 'gemini-nano-banana-2.1');
    act(() => fake.emit('models.changed', { userId: 'u1' }));

    await waitFor(() => expect(optionsOf('Model')).toEqual(['gemini-nano-banana-2.1']));
    expect(select('Model').value).toBe('gemini-nano-banana-2.1');
    // 4K is one of Nano Banana 2.1's sizes too: it stays
    expect(select('Size').value).toBe('4K');
    expect(screen.getByRole('status').textContent).toBe(
      'Nano Banana Pro (Gemini 3 Pro Image) is no longer available to you: the form now uses Nano Banana 2.1.',
    );
    // what was typed stays
    expect(screen.getByLabelText<HTMLTextAreaElement>('Prompt').value).toBe('A lighthouse at dusk');
    expect(fake.sent('generation.models.list')).toHaveLength(2);

    // the person's next change puts the sentence away
    await user.selectOptions(select('Size'), '2K');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('drops a size no longer allowed and keeps the model', async () => {
    const allowed = { models: EVERY_IMAGE_MODEL };
    const fake = bridge(allowed);
    const { user } = renderWithQueries(<WithLiveUpdates />);
    await waitFor(() => expect(optionsOf('Model')).toContain(PRO));
    await user.selectOptions(select('Model'), PRO);
    await user.selectOptions(select('Size'), '4K');

    // images up to 2K from now on (main restricts the sizes it lists)
    allowed.models = EVERY_IMAGE_MODEL.map((m) => ({
      ...m,
      capabilities: { ...m.capabilities, imageSizes: m.capabilities.imageSizes.filter((s) => s !== '4K') },
    }));
    act(() => fake.emit('models.changed', { userId: 'u1' }));

    await waitFor(() => expect(optionsOf('Size')).toEqual(['', '1K', '2K']));
    expect(select('Model').value).toBe(PRO);
    expect(select('Size').value).toBe('');
    expect(screen.getByRole('status').textContent).toBe("Size 4K is no longer available to you: the form now uses the model's default.");
  });

  it('a change that leaves the choices allowed changes nothing and says nothing', async () => {
    const allowed = { models: EVERY_IMAGE_MODEL };
    const fake = bridge(allowed);
    const { user } = renderWithQueries(<WithLiveUpdates />);
    await waitFor(() => expect(optionsOf('Model')).toContain(PRO));
    await user.selectOptions(select('Model'), PRO);
    allowed.models = EVERY_IMAGE_MODEL.filter((m) => m.id !== 'gemini-3.1-flash-lite-image');
    act(() => fake.emit('models.changed', { userId: 'u1' }));
    await waitFor(() => expect(optionsOf('Model')).not.toContain('gemini-3.1-flash-lite-image'));
    expect(select('Model').value).toBe(PRO);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
