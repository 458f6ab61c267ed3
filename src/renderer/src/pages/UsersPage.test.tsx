import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { installFakeBridge } from '../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../test/renderer/render';
import type { UserListItem } from '../../../shared/contract/routes/users';
import { UsersPage } from './UsersPage';

const T = Date.UTC(2026, 10, 26, 9, 0);

function account(email: string, over: Partial<UserListItem> = {}): UserListItem {
  return {
    id: email.split('@')[0]!,
    email,
    role: 'user',
    status: 'active',
    isActive: true,
    awaitingSetup: false,
    lockedUntil: null,
    createdAt: T,
    lastLoginAt: T,
    managers: [{ id: 'ada', email: 'ada@lab.org' }],
    isSelf: false,
    signedInNow: false,
    usage: {
      image: { used: 3, limit: 50, period: 'daily' },
      edit: { used: 0, limit: 30, period: 'daily' },
      video: { used: 1, limit: 3, period: 'weekly' },
    },
    setupCodeExpiresAt: null,
    ...over,
  };
}

const PEOPLE = [
  account('ada@lab.org', { role: 'admin', isSelf: true, signedInNow: true, managers: [] }),
  account('ben@lab.org', { signedInNow: true }),
  account('cy@lab.org'),
  account('dee@lab.org', { status: 'awaiting-setup', awaitingSetup: true, lastLoginAt: null }),
];

function bridge() {
  return installFakeBridge({
    'users.list': () => ({ items: PEOPLE, nextCursor: null, total: PEOPLE.length }),
    'users.reset_password': ({ userId }) => ({ userId, email: `${userId}@lab.org`, code: 'K7QH-2MXP-9TR1', expiresAt: T + 72 * 3600_000 }),
    'users.update': ({ userId }) => ({ user: PEOPLE.find((p) => p.id === userId)! }),
    'audit.list': () => ({ items: [], nextCursor: null }),
  });
}

async function openRowAction(user: ReturnType<typeof renderWithQueries>['user'], email: string, name: string) {
  await user.click(await screen.findByLabelText(`Actions for ${email}`));
  await user.click(screen.getByRole('button', { name }));
}

describe('UsersPage confirmations', () => {
  it('a reset names the person and says they will be signed out; Cancel (focused first) sends nothing', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<UsersPage />);
    await openRowAction(user, 'ben@lab.org', 'Reset password of ben@lab.org');

    const ask = screen.getByRole('dialog', { name: 'Reset the password of ben@lab.org?' });
    expect(within(ask).getByText(/^ben@lab\.org is signed in now/).textContent).toBe(
      'ben@lab.org is signed in now: they will be signed out and need the new setup code to sign in again.',
    );
    await waitFor(() => expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' })));
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.sent('users.reset_password')).toEqual([]);

    // confirmed: one reset, and the code is shown
    await openRowAction(user, 'ben@lab.org', 'Reset password of ben@lab.org');
    await user.click(screen.getByRole('button', { name: 'Reset password' }));
    expect(await screen.findByTestId('setup-code')).toBeTruthy();
    expect(fake.sent('users.reset_password')).toEqual([{ userId: 'ben' }]);
  });

  it('a reset of someone awaiting setup says their old code stops working', async () => {
    bridge();
    const { user } = renderWithQueries(<UsersPage />);
    await openRowAction(user, 'dee@lab.org', 'Reset password of dee@lab.org');
    expect(screen.getByRole('dialog', { name: 'Reset the password of dee@lab.org?' }).textContent).toContain(
      'dee@lab.org has not set up their account yet: their current setup code stops working; give them the new one.',
    );
  });

  it('a deactivation names the consequence for the person', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<UsersPage />);
    await openRowAction(user, 'cy@lab.org', 'Deactivate cy@lab.org');
    const ask = screen.getByRole('dialog', { name: 'Deactivate cy@lab.org?' });
    expect(ask.textContent).toContain('cy@lab.org cannot sign in until reactivated.');
    await user.click(within(ask).getByRole('button', { name: 'Deactivate' }));
    await waitFor(() => expect(fake.sent('users.update')).toEqual([{ userId: 'cy', isActive: false }]));
  });

  it('bulk reset and bulk deactivate list every person with what happens to them, and count who is signed in', async () => {
    const fake = bridge();
    const { user } = renderWithQueries(<UsersPage />);
    await user.click(await screen.findByLabelText('Select all 4 matching accounts'));
    await screen.findByText('3 selected');

    await user.click(screen.getByRole('button', { name: 'Reset passwords of selected…' }));
    let ask = screen.getByRole('dialog', { name: 'Reset the passwords of 3 accounts?' });
    expect(within(ask).getByText('1 of them is signed in now and will be signed out.')).toBeTruthy();
    expect(
      within(ask)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'ben@lab.org is signed in now: they will be signed out and need the new setup code to sign in again.',
      'cy@lab.org’s password stops working: they need the new setup code to sign in again.',
      'dee@lab.org has not set up their account yet: their current setup code stops working; give them the new one.',
    ]);
    expect(within(ask).getByRole('button', { name: 'Reset 3 passwords' })).toBeTruthy();
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Deactivate selected…' }));
    ask = screen.getByRole('dialog', { name: 'Deactivate 3 accounts?' });
    expect(
      within(ask)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'ben@lab.org is signed in now: they will be signed out and cannot sign in until reactivated.',
      'cy@lab.org cannot sign in until reactivated.',
      'dee@lab.org has not set up their account yet: their setup code will not work until reactivated.',
    ]);
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(fake.sent('users.update')).toEqual([]);
    expect(fake.sent('users.reset_password')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Deactivate selected…' }));
    await user.click(screen.getByRole('button', { name: 'Deactivate 3 accounts' }));
    await waitFor(() => expect(fake.sent('users.update')).toHaveLength(3));
  });
});
