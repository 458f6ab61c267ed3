import { describe, expect, it } from 'vitest';
import { draftFromPolicy, limitIsValid, limitProblems, policyFromDraft } from './policyDraft';

describe('a budget in the quota forms', () => {
  it('is typed in dollars and sent in micro-dollars', () => {
    const draft = draftFromPolicy({ period: 'weekly', limit: 5_000_000 }, 'spend');
    expect(draft).toEqual({ period: 'weekly', limit: '5.00', money: true });
    expect(policyFromDraft({ ...draft, limit: '12.5' })).toEqual({ period: 'weekly', limit: 12_500_000 });
    expect(policyFromDraft({ ...draft, limit: '0.25' })).toEqual({ period: 'weekly', limit: 250_000 });
  });

  it('refuses what is not an amount of dollars and cents, in words apart from the unit quotas', () => {
    const money = { period: 'daily' as const, limit: '', money: true };
    expect(limitIsValid({ ...money, limit: '5' })).toBe(true);
    expect(limitIsValid({ ...money, limit: '5.001' })).toBe(false);
    expect(limitIsValid({ ...money, limit: '$5' })).toBe(false);
    expect(limitIsValid({ ...money, limit: '100001' })).toBe(false);
    expect(limitProblems(['edit', 'spend'], (k) => `${k}s`)).toBe(
      'Enter a whole number from 0 to 1,000,000 for: edits. Enter the budget in dollars, like 5 or 12.50.',
    );
  });

  it('leaves unit quotas as whole numbers', () => {
    expect(draftFromPolicy({ period: 'daily', limit: 50 }, 'image')).toEqual({ period: 'daily', limit: '50' });
    expect(policyFromDraft({ period: 'daily', limit: '7' })).toEqual({ period: 'daily', limit: 7 });
  });
});
