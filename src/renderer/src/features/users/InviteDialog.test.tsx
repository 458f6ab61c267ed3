import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { installFakeBridge } from '../../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../../test/renderer/render';
import { StudioError } from '../../../../shared/contract/errors';
import type { InviteResult } from '../../../../shared/contract/routes/users';
import { isPlausibleEmail, normalizeEmail } from '../../../../shared/domain/accounts';
import { InviteDialog } from './InviteDialog';

const EXPIRES = Date.UTC(2026, 11, 3, 9, 0);

/** Answers like main's invite service: one result per entry, in order, with its own words. */
function bridge(existing: string[], refuse?: StudioError) {
  let next = 0;
  return installFakeBridge({
    'users.invite': ({ emails }) => {
      if (refuse) throw refuse;
      const seen = new Set<string>();
      const results: InviteResult[] = emails.map((raw) => {
        const email = normalizeEmail(raw);
        if (!isPlausibleEmail(email)) return { email: raw.trim(), status: 'invalid', message: 'Not a valid email address.' };
        if (seen.has(email)) return { email, status: 'exists', message: 'Listed more than once; invited once above.' };
        seen.add(email);
        if (existing.includes(email))
          return { email, status: 'exists', message: 'Already has an account. Ask one of their admins to share it with you.' };
        next += 1;
        return {
          email,
          status: 'created',
          userId: `u${next}`,
          code: `K7QH-2MXP-9TR${next}`,
          codeExpiresAt: EXPIRES,
          message: 'Invited. Give them this setup code; it is shown only once.',
        };
      });
      return { results };
    },
  });
}

const addresses = () => screen.getByLabelText('Email addresses');

describe('InviteDialog', () => {
  it('reads one address per line or comma and counts them; nothing to send until there is one', async () => {
    bridge([]);
    const { user } = renderWithQueries(<InviteDialog onClose={() => {}} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Invite' }).disabled).toBe(true);
    await user.type(addresses(), 'ana@lab.org, ben@lab.org{Enter}cy@lab.org; dee@lab.org');
    expect(screen.getByText('One per line, or separated by commas. 4 address(es).')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Invite 4' }).disabled).toBe(false);
  });

  it('sends the entries as typed with the default policy, then shows one result per row and the codes of the new accounts', async () => {
    const fake = bridge(['ben@lab.org']);
    const { user } = renderWithQueries(<InviteDialog onClose={() => {}} />);
    await user.type(addresses(), 'Ana@Lab.org{Enter}ben@lab.org{Enter}not-an-email{Enter}ana@lab.org{Enter}cy@lab.org');
    await user.click(screen.getByRole('button', { name: 'Invite 5' }));

    const table = await screen.findByRole('table', { name: 'Invite results' });
    expect(fake.sent('users.invite')).toEqual([
      { emails: ['Ana@Lab.org', 'ben@lab.org', 'not-an-email', 'ana@lab.org', 'cy@lab.org'], role: 'user' },
    ]);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ['ana@lab.org', 'Created', 'Invited. Give them this setup code; it is shown only once.'],
      ['ben@lab.org', 'Already exists', 'Already has an account. Ask one of their admins to share it with you.'],
      ['not-an-email', 'Invalid', 'Not a valid email address.'],
      ['ana@lab.org', 'Already exists', 'Listed more than once; invited once above.'],
      ['cy@lab.org', 'Created', 'Invited. Give them this setup code; it is shown only once.'],
    ]);
    // a code for each new account, and only for those
    expect(screen.getAllByTestId('setup-code').map((c) => c.textContent)).toEqual(['K7QH-2MXP-9TR1', 'K7QH-2MXP-9TR2']);
    expect(screen.getByRole('button', { name: 'Copy the setup code for cy@lab.org' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Copy the setup code for ben@lab.org' })).toBeNull();
  });

  it('sends the role and the quotas chosen for these people', async () => {
    const fake = bridge([]);
    const { user } = renderWithQueries(<InviteDialog onClose={() => {}} />);
    await user.type(addresses(), 'lead@lab.org');
    await user.selectOptions(screen.getByLabelText('Role'), 'admin');
    // the quota fields appear only when asked for
    expect(screen.queryByLabelText('Videos limit')).toBeNull();
    await user.click(screen.getByRole('radio', { name: 'Set quotas for these people' }));
    await user.selectOptions(screen.getByLabelText('Videos period'), 'weekly');
    await user.clear(screen.getByLabelText('Videos limit'));
    await user.type(screen.getByLabelText('Videos limit'), '3');
    await user.selectOptions(screen.getByLabelText('Edits period'), 'unlimited');
    expect(screen.getByLabelText<HTMLInputElement>('Edits limit').disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'Invite 1' }));

    await screen.findByRole('table', { name: 'Invite results' });
    expect(fake.sent('users.invite')).toEqual([
      {
        emails: ['lead@lab.org'],
        role: 'admin',
        quotas: { image: { period: 'daily', limit: 50 }, edit: { period: 'unlimited', limit: 30 }, video: { period: 'weekly', limit: 3 } },
      },
    ]);
  });

  it('keeps the form and says why when main refuses the whole request', async () => {
    bridge([], new StudioError('FORBIDDEN', 'Only admins can invite people.'));
    const onClose = vi.fn();
    const { user } = renderWithQueries(<InviteDialog onClose={onClose} />);
    await user.type(addresses(), 'ana@lab.org');
    await user.click(screen.getByRole('button', { name: 'Invite 1' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Only admins can invite people.');
    expect((addresses() as HTMLTextAreaElement).value).toBe('ana@lab.org');
    expect(screen.queryByRole('table', { name: 'Invite results' })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
