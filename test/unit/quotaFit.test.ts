import { describe, expect, it } from 'vitest';
import { type QuotaKindStatus, quotaFit } from '../../src/shared/domain/quotaStatus';

const status = (patch: Partial<QuotaKindStatus> = {}): QuotaKindStatus => ({
  kind: 'image',
  period: 'daily',
  limit: 2,
  used: 0,
  remaining: 2,
  resetsAt: 1,
  resetsAtLabel: 'Tue 1 Dec 2026, 00:00',
  isDefault: false,
  ...patch,
});

describe('quotaFit: Generate is disabled before the click when the request cannot fit', () => {
  it('fits when the request is no more than what is left', () => {
    expect(quotaFit(status(), 2, ['admin@lab.org'])).toEqual({ fits: true });
    expect(quotaFit(status({ used: 1, remaining: 1 }), 1, [])).toEqual({ fits: true });
  });

  it('says how many were asked and are left, when the quota resets, and whom to ask', () => {
    expect(quotaFit(status(), 3, ['admin@lab.org'])).toEqual({
      fits: false,
      message: '3 images asked, 2 left. Your image quota resets Tue 1 Dec 2026, 00:00. Ask admin@lab.org for more.',
    });
  });

  it('uses real plurals, names every admin, and says when a quota never resets', () => {
    const video = status({ kind: 'video', period: 'total', limit: 5, used: 5, remaining: 0, resetsAt: null, resetsAtLabel: null });
    expect(quotaFit(video, 1, ['a@lab.org', 'b@lab.org', 'c@lab.org'])).toEqual({
      fits: false,
      message: '1 video asked, 0 left. Your video quota does not reset. Ask a@lab.org, b@lab.org or c@lab.org for more.',
    });
    expect(quotaFit(status({ kind: 'edit', remaining: 0, used: 2 }), 1, []).fits).toBe(false);
    expect(quotaFit(status({ kind: 'edit', remaining: 0, used: 2 }), 1, [])).toMatchObject({
      message: expect.stringContaining('Ask an admin for more.'),
    });
  });

  it('never stops an unlimited quota, and a limit lowered below usage shows nothing left', () => {
    expect(quotaFit(status({ period: 'unlimited', remaining: null, used: 900 }), 4, [])).toEqual({ fits: true });
    expect(quotaFit(status({ limit: 1, used: 3, remaining: -2 }), 1, ['a@lab.org'])).toMatchObject({
      message: expect.stringMatching(/^1 image asked, 0 left\./),
    });
  });
});
