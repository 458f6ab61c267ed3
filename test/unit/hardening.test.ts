import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relative, sourceFiles } from './sourceFiles';

/**
 * Electron hardening that must never be switched off by a later change (ARCHITECTURE.md, "Electron
 * hardening"). A plain text scan of everything under src/: crude, but it cannot be bypassed by a
 * code path the unit tests do not reach.
 */
const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ['webSecurity disabled', /\bwebSecurity\s*:\s*false\b/],
  ['nodeIntegration enabled', /\bnodeIntegration(?:InWorker|InSubFrames)?\s*:\s*true\b/],
  ['contextIsolation disabled', /\bcontextIsolation\s*:\s*false\b/],
  ['sandbox disabled', /\bsandbox\s*:\s*false\b/],
  ['insecure content allowed', /\ballowRunningInsecureContent\b/],
  ['webview tag enabled', /\bwebviewTag\s*:\s*true\b/],
  ['experimental web features', /\bexperimentalFeatures\b/],
  ['the remote module', /@electron\/remote|\benableRemoteModule\b|\bremote\s*}\s*from\s*['"]electron['"]|require\(\s*['"]electron['"]\s*\)\.remote\b/],
  ['CSP bypass for a scheme', /\bbypassCSP\s*:\s*true\b/],
  ['sandbox switched off from the command line', /['"]--no-sandbox['"]|appendSwitch\(\s*['"]no-sandbox['"]/],
  ['certificate errors ignored', /\bignore-certificate-errors\b|on\(\s*['"]certificate-error['"]/],
];

const files = sourceFiles('src', ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.html']);

describe('Electron hardening stays on', () => {
  it('finds the source files it scans', () => {
    expect(files.map(relative)).toContain('src/main/electron/windowFactory.ts');
  });

  it.each(FORBIDDEN)('no file under src/ has %s', (_name, pattern) => {
    const offenders = files.filter((file) => pattern.test(fs.readFileSync(file, 'utf8'))).map(relative);
    expect(offenders).toEqual([]);
  });

  it('registers IPC handlers only in the transport, which checks the sender first', () => {
    const ipcRegistration = /\bipcMain\s*\.\s*(?:handle|handleOnce|on|once|addListener)\s*\(|\.ipc\s*\.\s*(?:handle|on)\s*\(/;
    const offenders = files
      .filter((file) => ipcRegistration.test(fs.readFileSync(file, 'utf8')))
      .map(relative)
      .filter((file) => file !== 'src/main/electron/ipcTransport.ts');
    expect(offenders).toEqual([]);
  });

  it('opens external URLs only from the window factory, behind the allow-list', () => {
    const offenders = files
      .filter((file) => /\bopenExternal\s*\(/.test(fs.readFileSync(file, 'utf8')))
      .map(relative)
      .filter((file) => file !== 'src/main/electron/windowFactory.ts');
    expect(offenders).toEqual([]);
  });

  it('exposes nothing but window.studio from the preload', () => {
    const exposures = files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/exposeInMainWorld\(\s*['"]([^'"]+)['"]/g)].map(
        (m) => `${relative(file)}:${m[1]}`,
      ),
    );
    expect(exposures).toEqual(['src/preload/index.ts:studio']);
  });
});
