import { fireEvent, screen, waitFor, within } from '@testing-library/react';
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

const addresses = () => screen.getByLabelText<HTMLTextAreaElement>('Email addresses');

describe('InviteDialog', () => {
  it('reads one address per line or comma and counts them; nothing to send until there is one', async () => {
    bridge([]);
    const { user } = renderWithQueries(<InviteDialog onClose={() => {}} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Invite' }).disabled).toBe(true);
    await user.type(addresses(), 'ana@lab.org, ben@lab.org{Enter}cy@lab.org; dee@lab.org');
    expect(screen.getByText('One per line, or separated by commas. 4 addresses.')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Invite 4' }).disabled).toBe(false);
  });

  it('flags addresses that are not emails as they are typed, and invites only once they are fixed', async () => {
    const fake = bridge([]);
    const { user } = renderWithQueries(<InviteDialog onClose={() => {}} />);
    await user.type(addresses(), 'ana@lab.org{Enter}not-an-email');
    expect(screen.getByText('Not an email address: not-an-email. Correct or remove it to invite.')).toBeTruthy();
    expect(addresses().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Invite 2' }).disabled).toBe(true);
    // the text stays as typed: fix the one entry
    await user.clear(addresses());
    await user.type(addresses(), 'ana@lab.org{Enter}ned@lab.org');
    expect(screen.queryByText(/Not an email address/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Invite 2' }));
    expect(await screen.findAllByTestId('setup-code')).toHaveLength(2);
    expect(fake.sent('users.invite')).toEqual([{ emails: ['ana@lab.org', 'ned@lab.org'], role: 'user' }]);
  });

  it('shows the codes first, each with its person, then what was not invited and why; the refused text comes back to be changed', async () => {
    const fake = bridge(['ben@lab.org']);
    const { user } = renderWithQueries(<InviteDialog onClose={() => {}} />);
    await user.type(addresses(), 'Ana@Lab.org{Enter}ben@lab.org{Enter}ana@lab.org{Enter}cy@lab.org');
    await user.click(screen.getByRole('button', { name: 'Invite 4' }));

    const codes = await screen.findByRole('list', { name: 'Setup codes' });
    expect(fake.sent('users.invite')).toEqual([{ emails: ['Ana@Lab.org', 'ben@lab.org', 'ana@lab.org', 'cy@lab.org'], role: 'user' }]);
    expect(
      within(codes)
        .getAllByRole('listitem')
        .map((li) => [li.getAttribute('aria-label'), within(li).getByTestId('setup-code').textContent]),
    ).toEqual([
      ['ana@lab.org', 'K7QH-2MXP-9TR1'],
      ['cy@lab.org', 'K7QH-2MXP-9TR2'],
    ]);
    // the codes come before the refusals in reading order
    const refusedList = screen.getByRole('list', { name: 'Not invited' });
    expect(codes.compareDocumentPosition(refusedList) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(
      within(refusedList)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'ben@lab.org: Already has an account. Ask one of their admins to share it with you.',
      'ana@lab.org: Listed more than once; invited once above.',
    ]);
    expect(screen.queryByRole('button', { name: 'Copy the setup code for ben@lab.org' })).toBeNull();

    // back to the form with the refused entries, after the codes were kept
    const print = vi.fn();
    window.print = print;
    await user.click(screen.getByRole('button', { name: 'Print a sheet per person' }));
    await user.click(screen.getByRole('button', { name: 'Change these addresses' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(addresses().value).toBe('ben@lab.org\nana@lab.org');
  });

  it('asks before Escape, Close or Done discard codes not yet copied or printed; Cancel keeps them, and copying all lets it close', async () => {
    bridge([]);
    const onClose = vi.fn();
    const { user } = renderWithQueries(<InviteDialog onClose={onClose} />);
    await user.type(addresses(), 'ana@lab.org, cy@lab.org');
    await user.click(screen.getByRole('button', { name: 'Invite 2' }));
    await screen.findByRole('list', { name: 'Setup codes' });

    // what the browser does on Escape (happy-dom does not): a cancel event on the open dialog
    fireEvent(screen.getByRole('dialog', { name: 'Invite people' }), new Event('cancel', { cancelable: true }));
    const ask = await screen.findByRole('dialog', { name: 'Discard the setup codes?' });
    expect(ask.textContent).toContain('2 setup codes have not been copied or printed: ana@lab.org, cy@lab.org.');
    await waitFor(() => expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' })));
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Discard the setup codes?' })).toBeNull();
    expect(screen.getAllByTestId('setup-code')).toHaveLength(2);
    expect(onClose).not.toHaveBeenCalled();

    // one copied: the guard names only the other
    await user.click(screen.getByRole('button', { name: 'Copy the setup code for ana@lab.org' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect((await screen.findByRole('dialog', { name: 'Discard the setup codes?' })).textContent).toContain(
      'The setup code for cy@lab.org has not been copied or printed.',
    );
    await user.click(screen.getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'Copy all' }));
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog', { name: 'Discard the setup codes?' })).toBeNull();
  });

  it('discards when told to', async () => {
    bridge([]);
    const onClose = vi.fn();
    const { user } = renderWithQueries(<InviteDialog onClose={onClose} />);
    await user.type(addresses(), 'ana@lab.org');
    await user.click(screen.getByRole('button', { name: 'Invite 1' }));
    await user.click(await screen.findByRole('button', { name: 'Close Invite people' }));
    await user.click(await screen.findByRole('button', { name: 'Discard codes' }));
    expect(onClose).toHaveBeenCalledTimes(1);
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

    await screen.findByRole('list', { name: 'Setup codes' });
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
    expect(addresses().value).toBe('ana@lab.org');
    expect(screen.queryByRole('list', { name: 'Setup codes' })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
  });
});
