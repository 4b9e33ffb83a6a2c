// Launches Debian's Chromium for end-to-end tests. No browser is ever downloaded: set
// CHROMIUM_PATH to use another build.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

export function chromiumPath(): string {
  const found = CANDIDATES.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
  if (!found) {
    throw new Error(
      'End-to-end tests need Chromium: on Debian or Ubuntu run `apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  return found;
}

/** A fresh, empty profile each time (Playwright makes a temporary one). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
    ],
  });
}
