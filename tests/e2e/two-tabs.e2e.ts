// The same run in two tabs: the second is told, and cannot overwrite the first tab's save.
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

async function openTutorial(page: Page, player: RegExp): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: player }).click();
  await page.getByRole('button', { name: /^First steps/ }).click();
  await page.getByRole('button', { name: /^(Start|Continue) “First steps/ }).click();
}

describe('two tabs', () => {
  it('tells the second tab that the run is open elsewhere and keeps the first tab’s progress', async () => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await first.goto(inject('baseUrl'));
    await first.getByLabel('Your name or team name').fill('Lina');
    await first.getByRole('button', { name: 'Add player' }).click();
    await first.getByRole('button', { name: /^First steps.*Open/ }).click();
    await first.getByRole('button', { name: /^Start/ }).click();
    await first.getByRole('button', { name: 'Continue' }).click();
    await first.getByRole('button', { name: /Describe the outcome/ }).click();
    await first.getByRole('heading', { level: 2, name: 'Best choice' }).waitFor();

    const second = await context.newPage();
    await openTutorial(second, /^Play as Lina$/);
    await second.getByRole('heading', { level: 2, name: 'Best choice' }).waitFor();
    // The second tab plays on, but its steps are not saved over the first tab's run.
    await second.getByRole('button', { name: 'Continue' }).click();
    await second.getByText('This scenario is open in another tab too.', { exact: false }).waitFor();

    // The first tab goes on and its progress is what a reload finds.
    await first.getByRole('button', { name: 'Continue' }).click();
    await first.getByRole('button', { name: /Announce an open market day/ }).click();
    await first.waitForTimeout(300);
    await second.close();
    await first.close();

    const third = await context.newPage();
    await openTutorial(third, /^Play as Lina$/);
    await third.getByRole('heading', { level: 2, name: 'Best choice' }).waitFor();
    await expect(third.getByText(/Journal · 2 decisions so far/).isVisible()).resolves.toBe(true);
    await context.close();
  });
});
