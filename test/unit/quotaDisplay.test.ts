import { describe, expect, it } from 'vitest';
import { quotaExceededMessage, quotaLevel } from '../../src/shared/domain/quotaStatus';
import { csvCell, toCsv, usageCsvFileName, usageReportCsv } from '../../src/shared/domain/usageCsv';

describe('the refusal message', () => {
  it('names the kind, the usage and when it resets, word for word', () => {
    expect(quotaExceededMessage('video', 10, 10, 'Fri 27 Nov 2026, 00:00')).toBe(
      'Quota exceeded for video. Used: 10/10. Resets at Fri 27 Nov 2026, 00:00',
    );
    expect(quotaExceededMessage('image', 48, 50, null)).toBe('Quota exceeded for image. Used: 48/50. Does not reset');
  });
});

describe('meter levels', () => {
  it('turns to warning at 80 % and critical at 95 %', () => {
    expect(quotaLevel({ period: 'daily', used: 79, limit: 100 })).toBe('normal');
    expect(quotaLevel({ period: 'daily', used: 80, limit: 100 })).toBe('warning');
    expect(quotaLevel({ period: 'daily', used: 94, limit: 100 })).toBe('warning');
    expect(quotaLevel({ period: 'daily', used: 95, limit: 100 })).toBe('critical');
    expect(quotaLevel({ period: 'total', used: 2, limit: 2 })).toBe('critical');
  });

  it('shows a zero limit as critical and unlimited as normal', () => {
    expect(quotaLevel({ period: 'daily', used: 0, limit: 0 })).toBe('critical');
    expect(quotaLevel({ period: 'unlimited', used: 5000, limit: 0 })).toBe('normal');
  });
});

describe('usage CSV', () => {
  it('quotes commas, quotes and line breaks per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(
      toCsv([
        ['a', 1],
        ['b', null],
      ]),
    ).toBe('a,1\r\nb,\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x","y")@lab.org')).toBe(`"'=HYPERLINK(""http://x"",""y"")@lab.org"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    // numbers are data, not text: a number is never prefixed
    expect(csvCell(-3)).toBe('-3');
  });

  it('exports one line per user and kind with the range in the header', () => {
    const csv = usageReportCsv({
      from: '2026-11-01',
      to: '2026-11-30',
      rows: [
        {
          email: 'ann@lab.org',
          userId: 'u1',
          kind: 'image',
          period: 'daily',
          limit: 50,
          used: 3,
          remaining: 47,
          resetsAtLabel: 'Fri 27 Nov 2026, 00:00',
          committedInRange: 120,
        },
        {
          email: 'ann@lab.org',
          userId: 'u1',
          kind: 'video',
          period: 'total',
          limit: 5,
          used: 5,
          remaining: 0,
          resetsAtLabel: null,
          committedInRange: 2,
        },
        {
          email: 'ann@lab.org',
          userId: 'u1',
          kind: 'edit',
          period: 'unlimited',
          limit: 0,
          used: 9,
          remaining: null,
          resetsAtLabel: null,
          committedInRange: 9,
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'Email,User id,Kind,Period,Limit,Used this period,Remaining,Resets at,Charged 2026-11-01 to 2026-11-30',
      'ann@lab.org,u1,image,per day,50,3,47,"Fri 27 Nov 2026, 00:00",120',
      'ann@lab.org,u1,video,in total,5,5,0,Does not reset,2',
      'ann@lab.org,u1,edit,unlimited,,9,,,9',
      '',
    ]);
    expect(usageCsvFileName('2026-11-01', '2026-11-30')).toBe('usage-2026-11-01-to-2026-11-30.csv');
  });
});

describe('a money budget in words', () => {
  it('names money plainly when a request does not fit', () => {
    expect(quotaExceededMessage('spend', 4_750_000, 5_000_000, 'Mon 7 Dec 2026, 00:00', 400_000, 'weekly')).toBe(
      'This would cost about $0.40; $0.25 of your $5.00 weekly budget is left. Resets at Mon 7 Dec 2026, 00:00.',
    );
    expect(quotaExceededMessage('spend', 20_000_000, 20_000_000, null, 1_000_000, 'total')).toBe(
      'This would cost about $1.00; $0.00 of your $20.00 budget is left. Does not reset.',
    );
  });
});
