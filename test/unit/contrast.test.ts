import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The colour tokens meet WCAG 2.2 AA in both themes: text 4.5:1 (1.4.3), control edges, the focus
 * ring and status fills 3:1 (1.4.11). Reads tokens.css itself, so a changed colour is checked here
 * before anyone looks at a screen.
 */
const tokensCss = fs.readFileSync(path.resolve(__dirname, '../../src/renderer/src/styles/tokens.css'), 'utf8');

function block(selector: string): string {
  const start = tokensCss.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} block in tokens.css`);
  return tokensCss.slice(start, tokensCss.indexOf('}', start));
}

function colours(css: string): Record<string, string> {
  return Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]));
}

const light = colours(block(':root'));
const darkByChoice = colours(block(":root[data-theme='dark']"));
const darkBySystem = colours(block(":root:not([data-theme='light'])"));
const dark = { ...light, ...darkByChoice };

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BACKGROUNDS = ['bg', 'surface', 'surface-2', 'surface-selected'];
const TEXT = ['text', 'muted', 'accent', 'ok', 'warn', 'danger'];
const NON_TEXT = ['control-border', 'accent', 'ok', 'warn', 'danger'];

describe.each([
  ['light', light],
  ['dark', dark],
])('%s theme', (_name, theme) => {
  it.each(TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg])))('text --%s on --%s is at least 4.5:1', (fg, bg) => {
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT.flatMap((fg) => BACKGROUNDS.map((bg) => [fg, bg])))('--%s as an edge, ring or fill on --%s is at least 3:1', (fg, bg) => {
    expect(contrast(theme[fg]!, theme[bg]!)).toBeGreaterThanOrEqual(3);
  });

  it('primary buttons: --accent-text on --accent is at least 4.5:1', () => {
    expect(contrast(theme['accent-text']!, theme.accent!)).toBeGreaterThanOrEqual(4.5);
  });
});

it('the dark theme is the same whether the OS or the person chose it', () => {
  expect(darkBySystem).toEqual(darkByChoice);
});

it('the focus ring is a solid outline in the accent colour', () => {
  expect(tokensCss).toMatch(/--focus-ring-color: var\(--accent\);/);
  expect(tokensCss).toMatch(/--focus-ring: var\(--focus-ring-width\) solid var\(--focus-ring-color\);/);
});
