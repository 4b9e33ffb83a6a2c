// After one visit the whole game works with no network: the app is loaded once, its server is
// stopped, and the page is reloaded and a whole scenario played, its result saved and still there
// after another reload. (Chromium's offline emulation does not stop a service worker's own
// fetches, so the server itself goes away; the emulation only tells the page it is offline.)
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { launchBrowser } from './browser';

let browser: Browser;
let server: PreviewServer | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  // A server of its own on the app the global setup built, so stopping it stops no other test.
  server = await preview({
    configFile: false,
    logLevel: 'warn',
    build: { outDir: inject('outDir') },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
});
afterAll(async () => {
  await browser.close();
  await server?.close();
});

describe('offline after the first visit', () => {
  it('reloads and plays a whole scenario with the server gone, and keeps the result', async () => {
    const base = server?.resolvedUrls?.local[0];
    if (!server || !base) throw new Error('The preview server did not report a URL');
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));

    // The first visit, online: the service worker stores the whole game and says so.
    await page.goto(base);
    await page.getByRole('heading', { name: 'Who is playing?' }).waitFor();
    await page.getByText('Ready to play offline: the whole game is now stored on this device.').waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
      return urls.map((u) => new URL(u).pathname);
    });
    expect(precached).toContain('/index.html');
    expect(precached).toContain('/manifest.webmanifest');
    expect(precached).toContain('/icons/icon-192.png');
    // Phaser and the storage fallback are lazy chunks: stored before they are ever needed.
    expect(precached.filter((p) => /^\/assets\/.+\.js$/.test(p)).length).toBeGreaterThanOrEqual(3);

    // The network goes away: the server stops, and the browser reports being offline.
    await server.close();
    server = undefined;
    await expect(fetch(base)).rejects.toThrow();
    await context.setOffline(true);

    await page.reload();
    await page.getByRole('heading', { name: 'Who is playing?' }).waitFor();
    await page.getByText(/^You are offline\./).waitFor();
    await page.getByLabel('Your name or team name').fill('Offline team');
    await page.getByRole('button', { name: 'Add player' }).click();
    await page.getByRole('button', { name: /^First steps.*Open/ }).click();
    await page.getByRole('button', { name: /^Start/ }).click();
    const score = await playThrough(page);

    // The result was saved on the device: still there after another offline reload.
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('button', { name: 'Play as Offline team' }).click();
    await page.getByRole('button', { name: /^First steps.*Completed/ }).click();
    await expect(page.getByText(new RegExp(`Best score ${score}`)).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /^Smart lights.*Open/ }).isVisible()).resolves.toBe(true);
    // The city (Phaser, a lazy chunk) was drawn from the stored copy.
    await page.locator('canvas').first().waitFor();

    expect(errors).toEqual([]);
    expect(failed).toEqual([]);
    await context.close();
  }, 180_000);
});

/** Takes the first option of every decision until the results; returns the score. */
async function playThrough(page: Page): Promise<string> {
  for (let i = 0; i < 40; i++) {
    if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) {
      const text = (await page.getByText(/^Score \d+ of 100$/).textContent()) ?? '';
      return /\d+/.exec(text)?.[0] ?? '';
    }
    const option = page.locator('button.option').first();
    if (await option.isVisible()) await option.click();
    else await page.getByRole('button', { name: /^(Continue|See the results)$/ }).click();
  }
  throw new Error('The scenario did not reach its results within 40 steps');
}
