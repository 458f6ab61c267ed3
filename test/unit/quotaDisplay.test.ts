import { describe, expect, it } from 'vitest';
import { quotaExceededMessage, quotaLevel } from '../../src/shared/domain/quotaStatus';
import { csvCell, toCsv, usageByModelCsv, usageCsvFileName, usageReportCsv } from '../../src/shared/domain/usageCsv';

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

  it('exports one line per person, a column group per kind, ISO dates and a totals line', () => {
    const kind = (over: Partial<Parameters<typeof usageReportCsv>[0]['people'][number]['kinds']['image']>) => ({
      period: 'daily' as const,
      limit: 50,
      used: 3,
      resetsAt: Date.UTC(2026, 10, 26, 23),
      charged: 0,
      costMicros: null,
      ...over,
    });
    const csv = usageReportCsv({
      from: '2026-11-01',
      to: '2026-11-30',
      people: [
        {
          email: 'ann@lab.org',
          userId: 'u1',
          kinds: {
            image: kind({ charged: 120, costMicros: 4_800_000 }),
            edit: kind({ period: 'unlimited', limit: 0, used: 9, resetsAt: null, charged: 9 }),
            video: kind({ period: 'total', limit: 5, used: 5, resetsAt: null, charged: 2, costMicros: 1_200_000 }),
          },
          costMicros: 6_000_000,
        },
      ],
      totals: {
        kinds: {
          image: { charged: 120, costMicros: 4_800_000 },
          edit: { charged: 9, costMicros: null },
          video: { charged: 2, costMicros: 1_200_000 },
        },
        costMicros: 6_000_000,
      },
    });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'Email,User id,From,To,' +
        'image charged in range,image used this period,image limit,image period,image resets at,image cost in range (USD),' +
        'edit charged in range,edit used this period,edit limit,edit period,edit resets at,edit cost in range (USD),' +
        'video charged in range,video used this period,video limit,video period,video resets at,video cost in range (USD),Cost in range (USD)',
    );
    expect(lines[1]).toBe(
      'ann@lab.org,u1,2026-11-01,2026-11-30,120,3,50,per day,2026-11-26T23:00:00.000Z,4.8,9,9,,unlimited,,,2,5,5,in total,,1.2,6',
    );
    expect(lines[2]).toBe('Total,,2026-11-01,2026-11-30,120,,,,,4.8,9,,,,,,2,,,,,1.2,6');
    expect(lines[3]).toBe('');
    expect(usageCsvFileName('2026-11-01', '2026-11-30')).toBe('usage-2026-11-01-to-2026-11-30.csv');
    expect(usageCsvFileName('2026-11-01', '2026-11-30', true)).toBe('usage-by-model-2026-11-01-to-2026-11-30.csv');
  });

  it("exports the per-model split as its own sheet, with each model's cost", () => {
    const csv = usageByModelCsv({
      from: '2026-11-01',
      to: '2026-11-30',
      models: [
        {
          email: 'ann@lab.org',
          userId: 'u1',
          kind: 'image',
          model: 'gemini-nano-banana-2.1',
          label: 'Nano Banana 2.1',
          charged: 3,
          costMicros: 116_100,
        },
        {
          email: 'ann@lab.org',
          userId: 'u1',
          kind: 'video',
          model: 'veo-3.1-fast-generate-preview',
          label: 'Veo 3.1, Fast',
          charged: 1,
          costMicros: null,
        },
      ],
    });
    expect(csv.split('\r\n')).toEqual([
      'Email,User id,From,To,Kind,Model id,Model,Charged in range,Cost in range (USD)',
      'ann@lab.org,u1,2026-11-01,2026-11-30,image,gemini-nano-banana-2.1,Nano Banana 2.1,3,0.1161',
      'ann@lab.org,u1,2026-11-01,2026-11-30,video,veo-3.1-fast-generate-preview,"Veo 3.1, Fast",1,',
      '',
    ]);
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
