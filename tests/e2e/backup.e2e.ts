// Export, clear site data, import: everything is back.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('backups', () => {
  it('restores players and results on a device with no site data', async () => {
    const first = await browser.newContext({ acceptDownloads: true });
    const page = await first.newPage();
    await page.goto(inject('baseUrl'));
    await page.getByLabel('Your name or team name').fill('Jonas');
    await page.getByRole('button', { name: 'Add player' }).click();
    await page.getByRole('button', { name: /^First steps.*Open/ }).click();
    await page.getByRole('button', { name: /^Start/ }).click();
    for (let i = 0; i < 30; i++) {
      if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) break;
      const option = page.locator('button.option').first();
      if (await option.isVisible()) await option.click();
      else await page.getByRole('button', { name: /^(Continue|See the results)$/ }).click();
    }
    const score = (await page.getByText(/^Score \d+ of 100$/).textContent())!.match(/\d+/)![0];
    await page.getByRole('button', { name: 'Player: Jonas' }).click();
    await page.getByText('Your data').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save everything on this device to a file' }).click(),
    ]);
    // Downloads vanish with their context: keep a copy, as a person would keep the file.
    const file = join(mkdtempSync(join(tmpdir(), 'ppi-backup-')), download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^ppi-quest-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      profiles: { name: string }[];
      results: unknown[];
    };
    expect(backup.format).toBe('ppi-quest-backup');
    expect(backup.profiles.map((p) => p.name)).toEqual(['Jonas']);
    expect(backup.results).toHaveLength(1);
    await first.close();

    // A new context has no site data at all: the same as clearing it.
    const second = await browser.newContext();
    const fresh = await second.newPage();
    await fresh.goto(inject('baseUrl'));
    await expect(fresh.getByText('No players yet on this device.').isVisible()).resolves.toBe(true);
    await fresh.getByText('Your data').click();
    await fresh.getByLabel('Load a backup file').setInputFiles(file);
    await fresh.getByText(/^Backup loaded: 1 players, 1 results/).waitFor();
    await fresh.getByRole('button', { name: 'Play as Jonas' }).click();
    await fresh.getByRole('button', { name: /^First steps.*Completed/ }).click();
    await expect(fresh.getByText(new RegExp(`Best score ${score}`)).isVisible()).resolves.toBe(true);

    // A broken file is refused with a reason, and nothing is lost.
    await fresh.getByRole('button', { name: 'Player: Jonas' }).click();
    await fresh.getByText('Your data').click();
    await fresh.getByLabel('Load a backup file').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "ppi-quest-backup", "version": 1, "profiles": ['),
    });
    await fresh.getByText(/^This file could not be loaded: /).waitFor();
    await expect(fresh.getByRole('button', { name: 'Play as Jonas' }).isVisible()).resolves.toBe(true);
    await second.close();
  });
});
