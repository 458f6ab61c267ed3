import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBridge } from '../../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../../test/renderer/render';
import { StudioError } from '../../../../shared/contract/errors';
import type { QuotaKind, QuotaPeriod } from '../../../../shared/domain/quotas';
import type { QuotaKindStatus } from '../../../../shared/domain/quotaStatus';
import { QuotaEditor } from './QuotaEditor';

const kindStatus = (kind: QuotaKind, period: QuotaPeriod, limit: number, used: number, isDefault = false): QuotaKindStatus => ({
  kind,
  period,
  limit,
  used,
  remaining: period === 'unlimited' ? null : Math.max(0, limit - used),
  resetsAt: period === 'daily' ? 1_796_000_000_000 : null,
  resetsAtLabel: period === 'daily' ? 'Tue 1 Dec 2026, 00:00' : null,
  isDefault,
});

const account = (userId: string, email: string) => ({
  userId,
  email,
  status: {
    userId,
    kinds: {
      image: kindStatus('image', 'daily', 50, 3),
      edit: kindStatus('edit', 'weekly', 30, 0, true),
      video: kindStatus('video', 'total', 10, 4),
      spend: kindStatus('spend', 'unlimited', 0, 0, true),
    },
  },
});

const accounts = { u1: account('u1', 'ana@lab.org'), u2: account('u2', 'ben@lab.org'), u3: account('u3', 'cy@lab.org') };
type Id = keyof typeof accounts;

function bridge(refuse?: StudioError) {
  return installFakeBridge({
    'quotas.get': ({ userIds }) => ({ users: userIds.map((id) => accounts[id as Id]) }),
    'quotas.set': ({ userIds }) => {
      if (refuse) throw refuse;
      return { users: userIds.map((id) => accounts[id as Id]) };
    },
  });
}

const save = () => screen.getByRole('button', { name: 'Save quotas' });

describe('QuotaEditor for one account', () => {
  it('shows the account’s policies and usage, and saves only the kind that was changed', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<QuotaEditor userIds={['u1']} />);
    expect(await screen.findByRole('heading', { name: 'Quotas for ana@lab.org' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Images period').value).toBe('daily');
    expect(screen.getByLabelText<HTMLInputElement>('Images limit').value).toBe('50');
    expect(screen.getByText('3 used, 47 left · Resets Tue 1 Dec 2026, 00:00')).toBeTruthy();
    expect(screen.getByText('0 used, 30 left · Does not reset · default policy')).toBeTruthy();
    expect(screen.getByText('Change a period or a limit to save.')).toBeTruthy();
    expect((save() as HTMLButtonElement).disabled).toBe(true);

    await user.clear(screen.getByLabelText('Images limit'));
    await user.type(screen.getByLabelText('Images limit'), '20');
    await user.click(save());

    expect(await screen.findByText('Quotas saved.')).toBeTruthy();
    // the untouched kinds keep following the default: they are not sent
    expect(fake.sent('quotas.set')).toEqual([{ userIds: ['u1'], policies: { image: { period: 'daily', limit: 20 } } }]);
  });

  it('refuses a limit that is not a whole number from 0 to 1,000,000, and sends nothing', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<QuotaEditor userIds={['u1']} />);
    const limit = await screen.findByLabelText('Videos limit');
    for (const bad of ['ten', '2.5', '-1', '1000001']) {
      await user.clear(limit);
      await user.type(limit, bad);
      expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 0 to 1,000,000 for: videos.');
      expect(limit.getAttribute('aria-invalid')).toBe('true');
      expect((save() as HTMLButtonElement).disabled).toBe(true);
    }
    await user.click(save());
    await user.clear(limit);
    await user.type(limit, '0');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((save() as HTMLButtonElement).disabled).toBe(false);
    expect(fake.sent('quotas.set')).toEqual([]);
  });

  it('unlimited disables the limit and keeps the number, so switching back restores it', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<QuotaEditor userIds={['u1']} />);
    await user.selectOptions(await screen.findByLabelText('Edits period'), 'unlimited');
    const limit = screen.getByLabelText<HTMLInputElement>('Edits limit');
    expect(limit.disabled).toBe(true);
    expect(limit.placeholder).toBe('no limit');
    await user.selectOptions(screen.getByLabelText('Videos period'), 'monthly');
    await user.click(save());
    await screen.findByText('Quotas saved.');
    expect(fake.sent('quotas.set')).toEqual([
      { userIds: ['u1'], policies: { edit: { period: 'unlimited', limit: 30 }, video: { period: 'monthly', limit: 10 } } },
    ]);
  });

  it('shows main’s refusal as it is worded', async () => {
    bridge(new StudioError('FORBIDDEN', 'You do not manage this account.'));
    const { user } = renderWithQueries(<QuotaEditor userIds={['u1']} />);
    await user.selectOptions(await screen.findByLabelText('Images period'), 'weekly');
    await user.click(save());
    expect((await screen.findByRole('alert')).textContent).toBe('You do not manage this account.');
    expect(screen.queryByText('Quotas saved.')).toBeNull();
  });
});

describe('QuotaEditor for a selection', () => {
  it('changes only the ticked kinds, for every selected account', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<QuotaEditor userIds={['u2', 'u3']} />);
    expect(await screen.findByRole('heading', { name: 'Quotas for 2 selected accounts' })).toBeTruthy();
    // nothing ticked: nothing to save, and the fields are locked
    expect(screen.getByLabelText<HTMLInputElement>('Images limit').disabled).toBe(true);
    expect((save() as HTMLButtonElement).disabled).toBe(true);

    await user.click(screen.getByRole('checkbox', { name: 'Change videos quota' }));
    const videos = screen.getByLabelText('Videos limit');
    await user.clear(videos);
    await user.type(videos, '5');
    await user.selectOptions(screen.getByLabelText('Videos period'), 'daily');
    await user.click(save());

    expect(await screen.findByText('Quotas saved for 2 accounts.')).toBeTruthy();
    expect(fake.sent('quotas.set')).toEqual([{ userIds: ['u2', 'u3'], policies: { video: { period: 'daily', limit: 5 } } }]);
  });

  it('an invalid limit in a ticked kind blocks the save; unticking it lets the others go', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<QuotaEditor userIds={['u2', 'u3']} />);
    await user.click(await screen.findByRole('checkbox', { name: 'Change images quota' }));
    await user.click(screen.getByRole('checkbox', { name: 'Change edits quota' }));
    await user.clear(screen.getByLabelText('Edits limit'));
    expect(screen.getByRole('alert').textContent).toBe('Enter a whole number from 0 to 1,000,000 for: edits.');
    expect((save() as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: 'Change edits quota' }));
    await user.click(save());
    await waitFor(() => expect(fake.sent('quotas.set')).toHaveLength(1));
    // a header row and image, edit, video and the budget
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    // the selection started from the first account's policies
    expect(fake.sent('quotas.set')[0]).toEqual({ userIds: ['u2', 'u3'], policies: { image: { period: 'daily', limit: 50 } } });
  });
});
