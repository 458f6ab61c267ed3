import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerAppProtocol, resolveAppAsset } from '../../../src/main/electron/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/contract/csp';

const root = path.resolve('/opt/studio/out/renderer');

describe('resolveAppAsset', () => {
  it('maps renderer URLs to files inside the renderer folder', () => {
    expect(resolveAppAsset('studio-app://renderer/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset('studio-app://renderer/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppAsset('studio-app://renderer/assets/index-abc.js', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppAsset('studio-app://renderer/assets/font%20name.woff2', root)).toBe(path.join(root, 'assets', 'font name.woff2'));
  });

  it.each([
    'studio-app://renderer/../main/index.js',
    'studio-app://renderer/assets/../../main/index.js',
    'studio-app://renderer/%2e%2e/main/index.js',
    'studio-app://renderer/assets/%2E%2E/%2E%2E/secret',
    'studio-app://renderer/..%2fmain%2findex.js',
    'studio-app://renderer/assets%5c..%5c..%5csecret',
    'studio-app://renderer/assets\\..\\..\\secret',
    'studio-app://renderer/index.html%00.png',
    'studio-app://renderer//etc/passwd',
    'studio-app://renderer/%E0%A4%A',
    'studio-app://other/index.html',
    'studio-app://renderer.evil/index.html',
    'studio-app://user@renderer/index.html',
    'studio-media://renderer/index.html',
    'file:///opt/studio/out/renderer/index.html',
  ])('refuses %s', (url) => {
    expect(resolveAppAsset(url, root)).toBeNull();
  });
});

describe('app protocol handler', () => {
  let dir: string;
  let rendererDir: string;
  let serve: (url: string, init?: RequestInit) => Promise<Response>;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'app-protocol-'));
    rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Studio</title>');
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
    let handler: ((request: Request) => Promise<Response> | Response) | undefined;
    registerAppProtocol({
      protocol: { handle: vi.fn((_s: string, h: typeof handler) => void (handler = h)) },
      rendererDir,
    });
    serve = async (url, init) => handler!(new Request(url, init));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('serves index.html with the CSP header and nosniff', async () => {
    const response = await serve('studio-app://renderer/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Studio</title>');
  });

  it('serves assets with their type', async () => {
    const response = await serve('studio-app://renderer/assets/app.js');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await response.text()).toBe('console.log(1)');
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    expect((await serve('studio-app://renderer/assets/link.txt')).status).toBe(404);
  });

  it('answers 404 for missing files and 405 for writes', async () => {
    expect((await serve('studio-app://renderer/missing.js')).status).toBe(404);
    expect((await serve('studio-app://renderer/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('answers 400 for a path with a malformed percent-escape, and still serves a well-escaped one', async () => {
    for (const url of ['studio-app://renderer/assets/%E0%A4%A', 'studio-app://renderer/assets/%', 'studio-app://renderer/%E0%A4']) {
      const response = await serve(url);
      expect(response.status).toBe(400);
      expect(await response.text()).not.toMatch(/URI malformed/);
    }
    expect((await serve('studio-app://renderer/assets/app%2Ejs')).status).toBe(404);
    expect((await serve('studio-app://renderer/assets/ap%70.js')).status).toBe(200);
  });
});
