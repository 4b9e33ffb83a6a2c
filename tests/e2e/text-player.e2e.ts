// A new player opens the game, picks the tutorial and plays it to the end with the keyboard only.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Tabs until the focused element's text matches, as a keyboard user would. */
async function tabTo(page: Page, text: RegExp, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.test(focused)) return;
  }
  throw new Error(`No focusable element matching ${text} within ${limit} tabs`);
}

describe('text player', () => {
  it('plays the tutorial from the scenario list to the result with the keyboard alone', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const external: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(inject('baseUrl'))) external.push(r.url());
    });
    await page.goto(inject('baseUrl'));
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('PPI Quest');

    await tabTo(page, /Play “First steps/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Welcome to City Hall' }).waitFor();

    // Always take the first option; continue otherwise. Stop at the result.
    for (let step = 0; step < 30; step++) {
      if (await page.getByText(/Score \d+ of 100/).isVisible()) break;
      const option = page.locator('.options button').first();
      if (await option.isVisible()) {
        await tabTo(page, new RegExp(escape(await option.textContent())));
      } else {
        await tabTo(page, /^Continue$/);
      }
      await page.keyboard.press('Enter');
    }

    await expect(page.getByText(/Score \d+ of 100/).isVisible()).resolves.toBe(true);
    const reviewed = await page.locator('.review > li').count();
    expect(reviewed).toBe(3);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});

function escape(text: string | null): string {
  return (text ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
