// Nothing is lost on reload: a run half played continues at the same decision, and a finished
// result is still there after the page is reloaded.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('progress across reloads', () => {
  it('continues a half-played scenario and keeps a finished result', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(inject('baseUrl'));
    await page.getByLabel('Your name or team name').fill('Rasa');
    await page.getByRole('button', { name: 'Add player' }).click();
    await page.getByRole('button', { name: /^First steps.*Open/ }).click();
    await page.getByRole('button', { name: /^Start/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: /Describe the outcome/ }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 2, name: 'Talking to the market' }).waitFor();
    const innovation = await page.getByRole('meter', { name: 'Innovation' }).getAttribute('aria-valuenow');

    // The tab is reloaded mid-scenario (a crash, a closed laptop, a sleepy phone).
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('button', { name: 'Play as Rasa' }).click();
    await page.getByRole('button', { name: /^First steps/ }).click();
    await page.getByRole('button', { name: /^Continue “First steps.*where you left off$/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Talking to the market' }).waitFor();
    expect(await page.getByRole('meter', { name: 'Innovation' }).getAttribute('aria-valuenow')).toBe(innovation);
    await expect(page.getByText('Journal · 1 decision so far').isVisible()).resolves.toBe(true);

    for (let i = 0; i < 30; i++) {
      if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) break;
      const option = page.locator('button.option').first();
      if (await option.isVisible()) await option.click();
      else await page.getByRole('button', { name: /^(Continue|See the results)$/ }).click();
    }
    const score = await page.getByText(/^Score \d+ of 100$/).textContent();

    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('button', { name: 'Play as Rasa' }).click();
    await page.getByRole('button', { name: /^First steps.*Completed/ }).click();
    const best = score!.match(/\d+/)![0];
    await expect(page.getByText(new RegExp(`Best score ${best}`)).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: /^Smart lights.*Open/ }).isVisible()).resolves.toBe(true);

    // The leaderboard and the run history read the stored result.
    await page.getByText('Standings and your runs').click();
    const board = page.getByRole('table').first();
    await board.getByRole('rowheader', { name: 'Rasa (you)' }).waitFor();
    await expect(board.getByRole('row').nth(1).textContent()).resolves.toContain(best);
    await expect(page.getByRole('table').nth(1).getByRole('rowheader').textContent()).resolves.toBe(
      'First steps: the bench that does not exist',
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
