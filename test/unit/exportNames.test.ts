import { describe, expect, it } from 'vitest';
import { exportBaseNamer, exportFileName, exportFolderName, promptSlug } from '../../src/shared/domain/exportNames';

const NOV_26 = Date.UTC(2026, 10, 26, 9, 0, 0);
const name = (prompt: string | null, extra: { index?: number; ext?: string; createdAt?: number; timeZone?: string } = {}) =>
  exportFileName({
    createdAt: extra.createdAt ?? NOV_26,
    prompt,
    timeZone: extra.timeZone ?? 'UTC',
    index: extra.index ?? 1,
    ext: extra.ext ?? 'png',
  });

/** Names Windows refuses or mangles: device names (with any extension), reserved characters, trailing dot or space. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
const SAFE = /^\d{4}-\d{2}-\d{2}_[a-z0-9]+(-[a-z0-9]+)*_[1-9]\d*\.[a-z0-9]+$/;

describe('export file names', () => {
  it('are the creation date, a slug of the prompt and a number', () => {
    expect(name('A castle in the snow, at dusk')).toBe('2026-11-26_a-castle-in-the-snow-at_1.png');
    expect(name('A castle', { index: 3, ext: '.MP4' })).toBe('2026-11-26_a-castle_3.mp4');
  });

  it('date an item by the workstation’s local calendar, not by UTC', () => {
    const lateEvening = Date.UTC(2026, 10, 26, 23, 30); // 27 Nov 12:30 in Auckland, 26 Nov 18:30 in New York
    expect(name('owl', { createdAt: lateEvening, timeZone: 'Pacific/Auckland' })).toBe('2026-11-27_owl_1.png');
    expect(name('owl', { createdAt: lateEvening, timeZone: 'America/New_York' })).toBe('2026-11-26_owl_1.png');
  });

  it('fold accents and other letters to ASCII and drop everything else', () => {
    expect(promptSlug('Ein großer Café — at night!')).toBe('ein-grosser-cafe-at-night');
    expect(promptSlug('Ærø, Łódź & Þórsmörk')).toBe('aero-lodz-thorsmork');
    expect(promptSlug('ＦＵＬＬ width ﬁsh')).toBe('full-width-fish');
    expect(promptSlug('  --Hello__World--  ')).toBe('hello-world');
    expect(promptSlug('a cat 🐱 on a 🚀')).toBe('a-cat-on-a');
  });

  it('name an item with no prompt "imported" and one without any ASCII word "untitled"', () => {
    expect(name(null)).toBe('2026-11-26_imported_1.png');
    expect(name('   ')).toBe('2026-11-26_imported_1.png');
    expect(name('🐱🚀✨')).toBe('2026-11-26_untitled_1.png');
    expect(name('日本の城')).toBe('2026-11-26_untitled_1.png');
    expect(name('?!…')).toBe('2026-11-26_untitled_1.png');
  });

  it('keep at most six whole words and 48 characters, never a dash at either end', () => {
    expect(promptSlug('one two three four five six seven eight')).toBe('one-two-three-four-five-six');
    const long = promptSlug('extraordinarily magnificent photorealistic panoramic landscapes everywhere');
    expect(long).toBe('extraordinarily-magnificent-photorealistic'); // "panoramic" would make it 52
    expect(long.length).toBeLessThanOrEqual(48);
    const oneWord = promptSlug('x'.repeat(500));
    expect(oneWord).toBe('x'.repeat(48));
    const huge = name(`${'supercalifragilistic '.repeat(400)}!`);
    expect(huge.length).toBeLessThanOrEqual(75);
    for (const slug of [long, oneWord, promptSlug('- a -'), promptSlug('-')]) expect(slug).not.toMatch(/^-|-$/);
  });

  it('cannot form a Windows device name or character, whatever the prompt', () => {
    for (const prompt of [
      'CON',
      'nul',
      'com1',
      'LPT9.txt',
      'aux.',
      'a<b>c:d"e/f\\g|h?i*j',
      ' trailing. ',
      '../../etc/passwd',
      'C:\\Windows',
      '\u0000\u001f',
      null,
    ]) {
      const file = name(prompt);
      expect(file).toMatch(SAFE);
      expect(file).not.toMatch(WINDOWS_DEVICE);
      expect(file).not.toMatch(/[<>:"/\\|?*]|[. ]$/);
      expect([...file].every((c) => c.charCodeAt(0) > 31)).toBe(true);
    }
    expect(name('../../etc/passwd')).toBe('2026-11-26_etc-passwd_1.png');
    expect(name('x', { ext: '../exe' })).toBe('2026-11-26_x_1.bin');
  });

  it('refuse an index that is not a whole number from 1', () => {
    for (const index of [0, -1, 1.5, Number.NaN]) expect(() => name('x', { index })).toThrow(RangeError);
  });

  it('number items of one export per date and slug, so no two files or sidecars collide', () => {
    const next = exportBaseNamer('UTC');
    const day = 86_400_000;
    const names = [
      next({ createdAt: NOV_26, prompt: 'A castle' }),
      next({ createdAt: NOV_26 + 1, prompt: 'a CASTLE!' }), // same slug, same day
      next({ createdAt: NOV_26 + day, prompt: 'a castle' }), // next day starts again at 1
      next({ createdAt: NOV_26 + 2, prompt: 'a dragon' }),
      next({ createdAt: NOV_26 + 3, prompt: null }),
      next({ createdAt: NOV_26 + 4, prompt: null }),
      next({ createdAt: NOV_26 + 5, prompt: 'a castle' }),
    ];
    expect(names).toEqual([
      '2026-11-26_a-castle_1',
      '2026-11-26_a-castle_2',
      '2026-11-27_a-castle_1',
      '2026-11-26_a-dragon_1',
      '2026-11-26_imported_1',
      '2026-11-26_imported_2',
      '2026-11-26_a-castle_3',
    ]);
    // a fresh export numbers from 1 again
    expect(exportBaseNamer('UTC')({ createdAt: NOV_26, prompt: 'A castle' })).toBe('2026-11-26_a-castle_1');
  });

  it('stay unique for a large export of the same prompt', () => {
    const next = exportBaseNamer('UTC');
    const names = Array.from({ length: 500 }, (_, i) => next({ createdAt: NOV_26 + i, prompt: 'same' }));
    expect(new Set(names).size).toBe(500);
    expect(names.at(-1)).toBe('2026-11-26_same_500');
  });
});

describe('the export folder', () => {
  it('is named on the workstation’s clock, not in UTC', () => {
    // 23:30 on the 26th in UTC is already 00:30 on the 27th in Berlin, and still the 26th in New York
    const lateEvening = Date.UTC(2026, 10, 26, 23, 30, 5);
    expect(exportFolderName(lateEvening, 'Europe/Berlin')).toBe('2026-11-27_00-30-05');
    expect(exportFolderName(lateEvening, 'America/New_York')).toBe('2026-11-26_18-30-05');
    expect(exportFolderName(lateEvening, 'UTC')).toBe('2026-11-26_23-30-05');
  });
});
