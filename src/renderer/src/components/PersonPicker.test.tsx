import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { installFakeBridge } from '../../../../test/renderer/fakeBridge';
import { renderWithQueries } from '../../../../test/renderer/render';
import type { UserListItem } from '../../../shared/contract/routes/users';
import { PersonPicker } from './PersonPicker';

const T = Date.UTC(2026, 10, 26, 9, 0);

function account(n: number): UserListItem {
  const email = `person-${String(n).padStart(4, '0')}@lab.org`;
  return {
    id: `u${n}`,
    email,
    role: 'user',
    status: 'active',
    isActive: true,
    awaitingSetup: false,
    lockedUntil: null,
    createdAt: T,
    lastLoginAt: null,
    managers: [],
    isSelf: false,
    signedInNow: false,
    usage: {
      image: { used: 0, limit: 50, period: 'daily' },
      edit: { used: 0, limit: 30, period: 'daily' },
      video: { used: 0, limit: 3, period: 'weekly' },
    },
    setupCodeExpiresAt: null,
  };
}

/** A workstation of 2 000 accounts, listed by email as main lists them, filtered by part of the email. */
const EVERYONE = Array.from({ length: 2000 }, (_, i) => account(i));

function bridge() {
  return installFakeBridge({
    'users.list': ({ query, limit = 100 }) => {
      const matching = EVERYONE.filter((u) => !query || u.email.includes(query.toLowerCase()));
      return { items: matching.slice(0, limit), nextCursor: matching.length > limit ? 'more' : null, total: matching.length };
    },
  });
}

/** The picker as a page holds it: the chosen id in the page's state, every change recorded. */
function Page({ changes }: { changes: string[] }) {
  const [userId, setUserId] = useState('');
  return (
    <>
      <PersonPicker
        label="Person"
        value={userId}
        onChange={(id) => {
          changes.push(id);
          setUserId(id);
        }}
      />
      <p data-testid="in-force">{userId || 'everyone'}</p>
    </>
  );
}

describe('PersonPicker', () => {
  it('is a labelled combobox: typing finds matches, the arrow keys move and Enter chooses', async () => {
    const fake = bridge();
    const changes: string[] = [];
    const { user } = renderWithQueries(<Page changes={changes} />);
    const box = screen.getByRole('combobox', { name: 'Person' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    // nothing is asked until the list opens
    expect(fake.sent('users.list')).toHaveLength(0);

    await user.tab();
    expect(document.activeElement).toBe(box);
    await user.keyboard('person-001');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Person' });
    // the matches of the typed text: ten accounts, the first highlighted
    await waitFor(() =>
      expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
        'Everyone I manage',
        ...Array.from({ length: 10 }, (_, i) => `person-00${10 + i}@lab.org`),
      ]),
    );
    // one step down is the second match
    expect(screen.getByRole('option', { name: 'person-0010@lab.org' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{ArrowDown}');
    const second = screen.getByRole('option', { name: 'person-0011@lab.org' });
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(box.getAttribute('aria-activedescendant')).toBe(second.id);
    await user.keyboard('{Enter}');

    expect(changes).toEqual(['u11']);
    expect(screen.getByTestId('in-force').textContent).toBe('u11');
    expect((box as HTMLInputElement).value).toBe('person-0011@lab.org');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(listbox.closest('[hidden]')).not.toBeNull();
    // main was asked with the typed text, once typing paused, never for everyone at once
    const inputs = fake.sent('users.list') as { query?: string; limit: number }[];
    expect(inputs.at(-1)).toMatchObject({ query: 'person-001' });
    expect(inputs.every((i) => i.limit <= 20)).toBe(true);
  });

  it('"Everyone I manage" clears the choice; Escape closes the list and puts the choice back', async () => {
    bridge();
    const changes: string[] = [];
    const { user } = renderWithQueries(<Page changes={changes} />);
    const box = screen.getByRole('combobox', { name: 'Person' });
    await user.click(box);
    await user.keyboard('person-0003');
    await waitFor(() => expect(screen.getByRole('option', { name: 'person-0003@lab.org' }).getAttribute('aria-selected')).toBe('true'));
    await user.keyboard('{Enter}');
    expect(changes).toEqual(['u3']);

    // Escape after typing: closed, the box shows the choice still in force
    await user.keyboard('{Backspace}{Backspace}xyz');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect((box as HTMLInputElement).value).toBe('person-0003@lab.org');
    expect(changes).toEqual(['u3']);

    // opened again, the first option is everyone; Enter takes it
    await user.keyboard('{ArrowDown}');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('option', { name: 'Everyone I manage' }).getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Enter}');
    expect(changes).toEqual(['u3', '']);
    expect((box as HTMLInputElement).value).toBe('');
    expect(screen.getByTestId('in-force').textContent).toBe('everyone');
  });

  it('finds a person far beyond the first 500 accounts by typing, and says how many more match', async () => {
    const fake = bridge();
    const changes: string[] = [];
    const { user } = renderWithQueries(<Page changes={changes} />);
    const box = screen.getByRole('combobox', { name: 'Person' });
    await user.click(box);
    // opened without text: the first accounts, and how many more there are
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('1980 more accounts match: type more of the email.'));
    expect(screen.queryByRole('option', { name: 'person-1742@lab.org' })).toBeNull();

    await user.keyboard('1742');
    const found = await screen.findByRole('option', { name: 'person-1742@lab.org' });
    await user.click(found);
    expect(changes).toEqual(['u1742']);
    expect((box as HTMLInputElement).value).toBe('person-1742@lab.org');
    expect(fake.sent('users.list').at(-1)).toMatchObject({ query: '1742' });

    // a text nothing matches says so
    await user.clear(box);
    await user.keyboard('nobody-here');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('No account matches “nobody-here”.'));

    // typed and sent at once, before main answered: Enter takes the first match once it is there
    await user.clear(box);
    await user.keyboard('0777{Enter}');
    await waitFor(() => expect(changes).toEqual(['u1742', 'u777']));
    await waitFor(() => expect((box as HTMLInputElement).value).toBe('person-0777@lab.org'));
  });

  it('a filter restored from the address shows the email the page knows for it, and asks nothing until opened', async () => {
    const fake = bridge();
    renderWithQueries(<PersonPicker label="User" hideLabel value="u1742" valueEmail="person-1742@lab.org" onChange={() => {}} />);
    const box = screen.getByRole('combobox', { name: 'User' });
    expect((box as HTMLInputElement).value).toBe('person-1742@lab.org');
    expect(fake.sent('users.list')).toHaveLength(0);
  });
});
