import { describe, expect, it } from 'vitest';
import type { QuotaKindStatus } from '../../src/shared/domain/quotaStatus';
import { quotaSentence, remainingText, resetText, usedPercent } from '../../src/renderer/src/features/quotas/quotaText';

const image = (patch: Partial<QuotaKindStatus>): QuotaKindStatus => ({
  kind: 'image',
  period: 'daily',
  limit: 50,
  used: 3,
  remaining: 47,
  resetsAt: 0,
  resetsAtLabel: 'Fri 27 Nov 2026, 00:00',
  isDefault: false,
  ...patch,
});

describe('quota words on screen', () => {
  it('says what the bar shows, without relying on colour', () => {
    expect(quotaSentence(image({}))).toBe('3 of 50 images used per day, 47 left. Resets Fri 27 Nov 2026, 00:00.');
    expect(quotaSentence(image({ used: 40, remaining: 10 }))).toBe(
      'Running low: 40 of 50 images used per day, 10 left. Resets Fri 27 Nov 2026, 00:00.',
    );
    expect(quotaSentence(image({ used: 2, limit: 2, remaining: 0 }))).toBe(
      'Used up: 2 of 2 images used per day, 0 left. Resets Fri 27 Nov 2026, 00:00.',
    );
    expect(quotaSentence(image({ used: 48, remaining: 2 }))).toBe(
      'Almost used up: 48 of 50 images used per day, 2 left. Resets Fri 27 Nov 2026, 00:00.',
    );
    expect(quotaSentence(image({ kind: 'video', period: 'total', limit: 1, used: 0, remaining: 1, resetsAt: null, resetsAtLabel: null }))).toBe(
      '0 of 1 video used in total, 1 left. Does not reset.',
    );
    expect(quotaSentence(image({ period: 'unlimited', used: 12, remaining: null, resetsAt: null, resetsAtLabel: null }))).toBe(
      'Unlimited images; 12 used.',
    );
  });

  it('shows remaining counts and reset times for the header', () => {
    expect(remainingText(image({}))).toBe('47 left');
    expect(remainingText(image({ period: 'unlimited', remaining: null }))).toBe('unlimited');
    expect(resetText(image({ period: 'unlimited' }))).toBeNull();
    expect(resetText(image({ period: 'total', resetsAtLabel: null }))).toBe('Does not reset');
  });

  it('clamps the bar when usage is above a lowered limit', () => {
    expect(usedPercent(image({ used: 60, limit: 50 }))).toBe(100);
    expect(usedPercent(image({ used: 0, limit: 0 }))).toBe(100);
    expect(usedPercent(image({ used: 1, limit: 3 }))).toBe(33);
  });
});
