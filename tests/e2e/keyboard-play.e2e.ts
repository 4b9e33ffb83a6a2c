// A new player opens the game and plays the tutorial from home to results with the keyboard alone.
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

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
  });
}

/** Presses Tab until the focused element's label matches, as a keyboard user would. */
async function tabTo(page: Page, label: RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (label.test(await focusedText(page))) return;
  }
  throw new Error(`No focusable element matching ${label} within ${limit} tabs`);
}

describe('keyboard only', () => {
  it('plays the tutorial and then the first level from the home screen to the results', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const external: string[] = [];
    const base = inject('baseUrl');
    page.on('request', (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
        external.push(r.url());
    });
    await page.goto(base);
    await page.getByRole('heading', { name: 'Who is playing?' }).waitFor();

    await tabTo(page, /^Play without a name$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Your city' }).waitFor();

    await tabTo(page, /^First steps: the bench that does not exist: Open/);
    await page.keyboard.press('Enter');
    await tabTo(page, /^Start “First steps/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Welcome to City Hall' }).waitFor();

    await playByKeyboard(page);
    await expect(page.getByText(/^Score \d+ of 100$/).isVisible()).resolves.toBe(true);
    await expect(page.locator('.review > li').count()).resolves.toBe(3);

    // The tutorial opened the levels and suggests the first one, played the same way.
    await tabTo(page, /^Play “From a solution to a need”$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'From a solution to a need' }).waitFor();
    await playByKeyboard(page);
    await expect(page.getByText(/^Score \d+ of 100$/).isVisible()).resolves.toBe(true);
    await expect(page.locator('.review > li').count()).resolves.toBeGreaterThanOrEqual(8);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });
});

/** Takes the first option of every decision and continues everywhere else, by keyboard. */
async function playByKeyboard(page: Page): Promise<void> {
  for (let step = 0; step < 80; step++) {
    if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) return;
    const option = page.locator('button.option').first();
    if (await option.isVisible())
      await tabTo(page, new RegExp(`^A${escapeRegExp((await option.locator('span').last().textContent()) ?? '')}`));
    else await tabTo(page, /^(Continue|See the results)$/);
    await page.keyboard.press('Enter');
  }
  throw new Error('The scenario did not reach its results within 80 steps');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
