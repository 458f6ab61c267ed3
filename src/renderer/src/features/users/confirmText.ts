import type { UserSummary } from '../../../../shared/contract/routes/users';

/** What the Users page asks before an action that can throw someone out or take something away. */
export type ConfirmAction = 'reset' | 'deactivate' | 'reactivate' | 'demote';

/** `signedInNow` comes from `users.list` (main's session store); a summary from elsewhere may lack it. */
export type ConfirmTarget = Pick<UserSummary, 'id' | 'email' | 'isActive' | 'awaitingSetup'> & { signedInNow?: boolean };

export interface Confirmation {
  title: string;
  /** one sentence over the whole selection (bulk only) */
  summary: string | null;
  /** one line per person: who, and what happens to them */
  people: { id: string; email: string; consequence: string }[];
  confirmLabel: string;
}

/** The consequence for one person, true to their state: signed in now, awaiting setup, deactivated. */
export function consequenceFor(action: ConfirmAction, u: ConfirmTarget): string {
  const who = u.email;
  switch (action) {
    case 'reset': {
      const after = u.isActive ? '' : ' Their account stays deactivated: the new code works only after you reactivate it.';
      if (u.signedInNow) return `${who} is signed in now: they will be signed out and need the new setup code to sign in again.${after}`;
      if (u.awaitingSetup) return `${who} has not set up their account yet: their current setup code stops working; give them the new one.${after}`;
      return `${who}’s password stops working: they need the new setup code to sign in again.${after}`;
    }
    case 'deactivate':
      if (u.signedInNow) return `${who} is signed in now: they will be signed out and cannot sign in until reactivated.`;
      if (u.awaitingSetup) return `${who} has not set up their account yet: their setup code will not work until reactivated.`;
      return `${who} cannot sign in until reactivated.`;
    case 'reactivate':
      return u.awaitingSetup ? `${who} can use their setup code again, if it has not expired.` : `${who} can sign in again.`;
    case 'demote':
      return `${who} loses the admin pages${u.signedInNow ? ' at once, while signed in' : ''}; users only they manage are handed over to you.`;
  }
}

const SINGLE_TITLE: Record<ConfirmAction, (email: string) => string> = {
  reset: (e) => `Reset the password of ${e}?`,
  deactivate: (e) => `Deactivate ${e}?`,
  reactivate: (e) => `Reactivate ${e}?`,
  demote: (e) => `Make ${e} a user?`,
};
const BULK_TITLE: Record<ConfirmAction, (n: number) => string> = {
  reset: (n) => `Reset the passwords of ${n} accounts?`,
  deactivate: (n) => `Deactivate ${n} accounts?`,
  reactivate: (n) => `Reactivate ${n} accounts?`,
  demote: (n) => `Make ${n} admins users?`,
};
const SINGLE_LABEL: Record<ConfirmAction, string> = {
  reset: 'Reset password',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  demote: 'Make user',
};
const BULK_LABEL: Record<ConfirmAction, (n: number) => string> = {
  reset: (n) => `Reset ${n} passwords`,
  deactivate: (n) => `Deactivate ${n} accounts`,
  reactivate: (n) => `Reactivate ${n} accounts`,
  demote: (n) => `Make ${n} users`,
};

export function confirmationFor(action: ConfirmAction, users: ConfirmTarget[]): Confirmation {
  const people = users.map((u) => ({ id: u.id, email: u.email, consequence: consequenceFor(action, u) }));
  if (users.length === 1) return { title: SINGLE_TITLE[action](users[0]!.email), summary: null, people, confirmLabel: SINGLE_LABEL[action] };
  const signedIn = users.filter((u) => u.signedInNow).length;
  const outNow = action === 'reset' || action === 'deactivate';
  const summary =
    outNow && signedIn > 0
      ? `${signedIn} of them ${signedIn === 1 ? 'is' : 'are'} signed in now and will be signed out.`
      : outNow
        ? 'None of them is signed in now.'
        : null;
  return { title: BULK_TITLE[action](users.length), summary, people, confirmLabel: BULK_LABEL[action](users.length) };
}
