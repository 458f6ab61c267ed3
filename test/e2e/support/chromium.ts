import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Which Chromium the end-to-end specs drive: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own download where one is installed. Playwright cannot download browsers here.
 */
export function chromiumExecutable(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((c): c is string => Boolean(c) && fs.existsSync(c as string));
}

/** True when a browser exists to run the specs (ours, or Playwright's own download). */
export function chromiumAvailable(): boolean {
  if (chromiumExecutable()) return true;
  try {
    // playwright-core knows where its own download would be; it exists only where someone installed it
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional: may be absent, so not a static import
    const { chromium } = require('playwright-core') as typeof import('playwright-core');
    return fs.existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumExecutable();
  return {
    ...(executablePath ? { executablePath } : {}),
    // Flags that work here as root on a closed network (docs/testing.md): without the
    // background-networking ones Chromium keeps trying Google's hosts.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
