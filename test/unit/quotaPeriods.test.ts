import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import { addDays, formatLocalDate, parseLocalDate } from '../../src/shared/domain/localDates';
import { formatLocalDateTime, localDateOf, quotaWindow, startOfLocalDate } from '../../src/shared/domain/quotaPeriods';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const at = (text: string) => Date.parse(text);

/** The window as ISO strings, read from a ManualClock the way main reads the workstation clock. */
function windowOn(clock: ManualClock, period: 'daily' | 'weekly' | 'monthly' | 'total' | 'unlimited') {
  const w = quotaWindow(period, clock.now(), clock.timeZone);
  return { start: iso(w.start), resetsAt: iso(w.resetsAt) };
}

describe('daily quotas reset at local midnight', () => {
  it('resets at midnight UTC on a UTC workstation, and not a millisecond earlier', () => {
    const clock = new ManualClock(at('2026-11-26T23:59:59.999Z'), 'UTC');
    expect(windowOn(clock, 'daily')).toEqual({ start: '2026-11-26T00:00:00.000Z', resetsAt: '2026-11-27T00:00:00.000Z' });
    clock.advance(1);
    expect(windowOn(clock, 'daily')).toEqual({ start: '2026-11-27T00:00:00.000Z', resetsAt: '2026-11-28T00:00:00.000Z' });
  });

  it('follows the workstation zone, not UTC (Berlin midnight is 23:00 UTC in winter)', () => {
    const clock = new ManualClock(at('2026-11-26T22:30:00Z'), 'Europe/Berlin');
    expect(windowOn(clock, 'daily')).toEqual({ start: '2026-11-25T23:00:00.000Z', resetsAt: '2026-11-26T23:00:00.000Z' });
  });

  it('gives Berlin a 23-hour day when clocks spring forward at 02:00 and a 25-hour day when they fall back', () => {
    const spring = quotaWindow('daily', at('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(iso(spring.start)).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(spring.resetsAt)).toBe('2026-03-29T22:00:00.000Z');
    const autumn = quotaWindow('daily', at('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(iso(autumn.start)).toBe('2026-10-24T22:00:00.000Z');
    expect(iso(autumn.resetsAt)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('starts the day at 01:00 when midnight does not exist (Santiago springs forward at 00:00)', () => {
    // 2026-09-06: the clock goes from Sat 23:59:59 −04 to Sun 01:00 −03
    const saturday = quotaWindow('daily', at('2026-09-05T20:00:00Z'), 'America/Santiago');
    expect(iso(saturday.resetsAt)).toBe('2026-09-06T04:00:00.000Z');
    expect(formatLocalDateTime(saturday.resetsAt!, 'America/Santiago')).toBe('Sun 6 Sep 2026, 01:00');
    const sunday = quotaWindow('daily', at('2026-09-06T04:00:00Z'), 'America/Santiago');
    expect(iso(sunday.start)).toBe('2026-09-06T04:00:00.000Z');
    expect(iso(sunday.resetsAt)).toBe('2026-09-07T03:00:00.000Z');
  });

  it('starts the day at the first of two midnights (Havana falls back from 01:00 to 00:00)', () => {
    // 2026-11-01: 00:00 CDT (04:00Z) … 00:59 CDT, then 00:00 CST (05:00Z) again
    const firstMidnightHour = quotaWindow('daily', at('2026-11-01T04:30:00Z'), 'America/Havana');
    const repeatedHour = quotaWindow('daily', at('2026-11-01T05:30:00Z'), 'America/Havana');
    expect(iso(firstMidnightHour.start)).toBe('2026-11-01T04:00:00.000Z');
    expect(repeatedHour).toEqual(firstMidnightHour);
    expect(iso(repeatedHour.resetsAt)).toBe('2026-11-02T05:00:00.000Z'); // a 25-hour Sunday
    expect(iso(quotaWindow('daily', at('2026-11-01T03:59:59Z'), 'America/Havana').resetsAt)).toBe('2026-11-01T04:00:00.000Z');
  });

  it('handles Havana springing forward at midnight too (the day starts at 01:00)', () => {
    const w = quotaWindow('daily', at('2026-03-08T12:00:00Z'), 'America/Havana');
    expect(iso(w.start)).toBe('2026-03-08T05:00:00.000Z');
    expect(formatLocalDateTime(w.start, 'America/Havana')).toBe('Sun 8 Mar 2026, 01:00');
  });

  it('handles Santiago falling back at midnight (Saturday has 25 hours)', () => {
    // 2026-04-05 00:00 −03 becomes Sat 23:00 −04; Sunday starts at 00:00 −04
    const w = quotaWindow('daily', at('2026-04-05T03:30:00Z'), 'America/Santiago');
    expect(iso(w.start)).toBe('2026-04-04T03:00:00.000Z');
    expect(iso(w.resetsAt)).toBe('2026-04-05T04:00:00.000Z');
  });

  it('handles half- and quarter-hour offsets (Kolkata +05:30, Chatham +13:45)', () => {
    expect(iso(quotaWindow('daily', at('2026-11-26T09:00:00Z'), 'Asia/Kolkata').start)).toBe('2026-11-25T18:30:00.000Z');
    expect(iso(quotaWindow('daily', at('2026-11-26T09:00:00Z'), 'Pacific/Chatham').start)).toBe('2026-11-25T10:15:00.000Z');
  });
});

describe('weekly quotas reset on Monday 00:00', () => {
  it('counts Sunday night in the old week and Monday 00:00 in the new one', () => {
    const clock = new ManualClock(at('2026-11-29T23:59:59Z'), 'UTC'); // Sunday
    expect(windowOn(clock, 'weekly')).toEqual({ start: '2026-11-23T00:00:00.000Z', resetsAt: '2026-11-30T00:00:00.000Z' });
    clock.advance(1000);
    expect(windowOn(clock, 'weekly')).toEqual({ start: '2026-11-30T00:00:00.000Z', resetsAt: '2026-12-07T00:00:00.000Z' });
  });

  it('spans a month and a year end', () => {
    const w = quotaWindow('weekly', at('2027-01-01T12:00:00Z'), 'UTC'); // Friday
    expect(iso(w.start)).toBe('2026-12-28T00:00:00.000Z');
    expect(iso(w.resetsAt)).toBe('2027-01-04T00:00:00.000Z');
  });

  it('is 167 hours long in Berlin over the spring change', () => {
    const w = quotaWindow('weekly', at('2026-03-27T12:00:00Z'), 'Europe/Berlin');
    expect(iso(w.start)).toBe('2026-03-22T23:00:00.000Z');
    expect(iso(w.resetsAt)).toBe('2026-03-29T22:00:00.000Z');
    expect((w.resetsAt! - w.start) / 3_600_000).toBe(167);
  });
});

describe('monthly quotas reset on the 1st 00:00', () => {
  it.each([
    ['2026-01-31T23:59:59Z', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    ['2026-02-28T12:00:00Z', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z'],
    ['2026-04-30T23:59:59Z', '2026-04-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z', '2027-02-01T00:00:00.000Z'],
  ])('at %s the month runs from %s to %s', (now, start, resetsAt) => {
    const w = quotaWindow('monthly', at(now), 'UTC');
    expect({ start: iso(w.start), resetsAt: iso(w.resetsAt) }).toEqual({ start, resetsAt });
  });

  it('uses the local month: 30 Nov 23:30 in New York is still November', () => {
    const w = quotaWindow('monthly', at('2026-12-01T04:30:00Z'), 'America/New_York');
    expect(iso(w.start)).toBe('2026-11-01T04:00:00.000Z'); // EDT until 1 Nov 02:00
    expect(iso(w.resetsAt)).toBe('2026-12-01T05:00:00.000Z'); // EST
  });
});

describe('total and unlimited', () => {
  it('never resets: the window is all time', () => {
    for (const period of ['total', 'unlimited'] as const) {
      expect(quotaWindow(period, at('2026-11-26T09:00:00Z'), 'Europe/Berlin')).toEqual({ start: 0, resetsAt: null });
    }
  });
});

describe('every window, in every zone, across a whole year', () => {
  const zones = [
    'UTC',
    'Europe/Berlin',
    'America/Santiago',
    'America/Havana',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'America/St_Johns',
  ];
  it.each(zones)('%s: contains now, starts on the first instant of its local day, and has a sane length', (zone) => {
    const startOfYear = at('2026-01-01T00:00:00Z');
    for (let now = startOfYear; now < startOfYear + 366 * 86_400_000; now += 7 * 3_600_000 + 13 * 60_000) {
      for (const period of ['daily', 'weekly', 'monthly'] as const) {
        const { start, resetsAt } = quotaWindow(period, now, zone);
        expect(start).toBeLessThanOrEqual(now);
        expect(resetsAt!).toBeGreaterThan(now);
        // the instant before the start belongs to the previous local day: start is a day boundary
        const day = localDateOf(start, zone);
        expect(localDateOf(start - 1000, zone)).toEqual(addDays(day, -1));
        const hours = (resetsAt! - start) / 3_600_000;
        const nominal = { daily: [22, 26], weekly: [166, 170], monthly: [27 * 24, 32 * 24] }[period];
        expect(hours).toBeGreaterThanOrEqual(nominal[0]!);
        expect(hours).toBeLessThanOrEqual(nominal[1]!);
      }
    }
  });
});

describe('reset times shown to people', () => {
  it('reads like "Fri 27 Nov 2026, 00:00" in the workstation zone', () => {
    expect(formatLocalDateTime(at('2026-11-27T00:00:00Z'), 'UTC')).toBe('Fri 27 Nov 2026, 00:00');
    expect(formatLocalDateTime(at('2026-11-26T23:00:00Z'), 'Europe/Berlin')).toBe('Fri 27 Nov 2026, 00:00');
    expect(formatLocalDateTime(at('2026-09-01T13:05:00Z'), 'UTC')).toBe('Tue 1 Sep 2026, 13:05');
  });

  it('parses only real calendar dates', () => {
    expect(parseLocalDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseLocalDate('2026-02-29')).toBeNull();
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(parseLocalDate('26-1-1')).toBeNull();
    expect(formatLocalDate({ year: 2026, month: 3, day: 9 })).toBe('2026-03-09');
    expect(iso(startOfLocalDate({ year: 2026, month: 3, day: 9 }, 'UTC'))).toBe('2026-03-09T00:00:00.000Z');
  });
});
