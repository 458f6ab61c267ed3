import fs from 'node:fs';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { relative, sourceFiles } from './sourceFiles';

/**
 * `src/shared` (pure contract and domain, used on both sides) and `src/renderer` (a web page in a
 * sandbox) must not reach for Electron or Node: in the renderer such an import would either fail at
 * run time or mean someone loosened the sandbox; in shared it would drag main-only code into the
 * page bundle. ARCHITECTURE.md: "Imports only go down".
 */

const SPECIFIER =
  /\b(?:import|export)\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

const BUILTINS = new Set(builtinModules.flatMap((name) => [name, name.split('/')[0] ?? name]));

function importsOf(source: string): string[] {
  return [...source.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
}

function isForbidden(specifier: string): boolean {
  if (specifier === 'electron' || specifier.startsWith('electron/')) return true;
  if (specifier.startsWith('node:')) return true;
  return BUILTINS.has(specifier) || BUILTINS.has(specifier.split('/')[0] ?? '');
}

describe('import boundaries', () => {
  it('recognizes every import form it must police', () => {
    const sample = [
      "import fs from 'fs';",
      "import { join } from \"node:path\";",
      "import type { App } from 'electron';",
      "export * from 'os';",
      "const cp = require('child_process');",
      "const m = await import('electron/main');",
      "import './styles.css';",
      "import React from 'react';",
    ].join('\n');
    expect(importsOf(sample).filter(isForbidden)).toEqual(['fs', 'node:path', 'electron', 'os', 'child_process', 'electron/main']);
  });

  it.each(['src/shared', 'src/renderer'])('%s imports neither electron nor Node built-ins', (dir) => {
    const offenders = sourceFiles(dir, ['.ts', '.tsx', '.js', '.mjs'])
      .flatMap((file) => importsOf(fs.readFileSync(file, 'utf8')).filter(isForbidden).map((s) => `${relative(file)} → ${s}`));
    expect(offenders).toEqual([]);
  });

  it('has shared files to check', () => {
    expect(sourceFiles('src/shared', ['.ts']).length).toBeGreaterThan(0);
  });
});
