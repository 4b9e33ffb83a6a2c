// A city author opens their scenario file in the game: the broken version shows its problems with
// line and column, the fixed one (dropped on the map) becomes their own place, is played to the
// end, is still there after a reload, and is removed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';

const FIXED = readFileSync('tests/e2e/fixtures/harbour-cranes.json', 'utf8');
const BROKEN = readFileSync('tests/e2e/fixtures/harbour-cranes.broken.json', 'utf8');
const FILE = 'harbour-cranes.json';
const PLACE = /^Quiet cranes for the harbour \(your own scenario\)/;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
    const { axe } = window as unknown as {
      axe: { run: (d: Document, o: object) => Promise<{ violations: Violation[] }> };
    };
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/** Drops a file on the map the way a file manager does: dragenter and dragover, then drop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const data = await page.evaluateHandle(
    ([fileName, content]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'application/json' }));
      return transfer;
    },
    [name, text] as const,
  );
  const fire = (types: readonly string[]) =>
    page.evaluate(
      ([transfer, kinds]) => {
        const target = document.querySelector('.stage') ?? document.body;
        for (const type of kinds) {
          target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
        }
      },
      [data, types] as const,
    );
  await fire(['dragenter', 'dragover']);
  // The drop target is shown while a file is held over the page.
  await page.getByText('Drop the scenario file to open it').waitFor();
  await fire(['drop']);
}

describe('a custom scenario file in the game', () => {
  it(
    'shows the problems of a broken file, plays the fixed one, keeps it across reloads and removes it',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      // Fail at the step that went wrong, not at the test's timeout.
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(inject('baseUrl'));
      await page.getByRole('button', { name: 'Play without a name' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your city' }).waitFor();

      // The button opens the browser's file picker.
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open a scenario file' }).click();
      await (await chooser).setFiles({ name: FILE, mimeType: 'application/json', buffer: Buffer.from(BROKEN) });
      const problems = page.getByRole('heading', { level: 2, name: `Problems in ${FILE}` });
      await problems.waitFor();
      await expect(problems.evaluate((h) => h === document.activeElement)).resolves.toBe(true);
      const items = page.locator('.problem-list li');
      await expect(items.count()).resolves.toBe(3);
      await expect(items.nth(0).textContent()).resolves.toContain(`${FILE}:11:14 at /minutes`);
      await expect(items.nth(0).textContent()).resolves.toContain('Expected: whole minutes');
      await expect(items.nth(2).textContent()).resolves.toContain('Hint: did you mean "prompt"?');
      await expect(page.getByRole('button', { name: PLACE }).count()).resolves.toBe(0);
      await expect(seriousViolations(page)).resolves.toEqual([]);

      // The fixed file, dropped on the map.
      await dropFile(page, FILE, FIXED);
      const briefing = page.getByRole('heading', { level: 2, name: 'Quiet cranes for the harbour' });
      await briefing.waitFor();
      await expect(problems.count()).resolves.toBe(0);
      await expect(page.locator('.drop-target').count()).resolves.toBe(0);
      await expect(page.getByRole('button', { name: PLACE }).isVisible()).resolves.toBe(true);
      await expect(page.locator('.own-flag').textContent()).resolves.toBe('Yours');
      await expect(page.getByText(`Your own scenario, opened from ${FILE}.`).isVisible()).resolves.toBe(true);

      // Played at once, to the end.
      await page.getByRole('button', { name: 'Start “Quiet cranes for the harbour”' }).click();
      for (let i = 0; i < 20; i++) {
        if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) break;
        const option = page.locator('button.option').filter({ hasText: 'Lifting of 40 tonnes' });
        if (await option.isVisible()) await option.click();
        else await page.getByRole('button', { name: /^(Continue|See the results)$/ }).click();
      }
      await page.getByRole('heading', { name: 'Your decisions, reviewed' }).waitFor();
      const score = (await page.getByText(/^Score \d+ of 100$/).textContent())!.match(/\d+/)![0];

      // Still there after a reload, completed with its best score.
      await page.waitForTimeout(300);
      await page.reload();
      await page.getByRole('button', { name: 'Play without a name' }).click();
      const place = page.getByRole('button', {
        name: /^Quiet cranes for the harbour \(your own scenario\): Completed/,
      });
      await place.click();
      await expect(page.getByText(new RegExp(`Best score ${score}`)).isVisible()).resolves.toBe(true);

      // Removed after confirming; finished results stay, nothing crashes.
      await page.getByRole('button', { name: 'Remove “Quiet cranes for the harbour”' }).click();
      await expect(seriousViolations(page)).resolves.toEqual([]);
      await page.getByRole('group').getByRole('button', { name: 'Remove', exact: true }).click();
      await page.getByText('“Quiet cranes for the harbour” was removed from this device.').waitFor();
      await expect(page.getByRole('button', { name: PLACE }).count()).resolves.toBe(0);
      await page.waitForTimeout(300);
      await page.reload();
      await page.getByRole('button', { name: 'Play without a name' }).click();
      await page.getByRole('heading', { level: 1, name: 'Your city' }).waitFor();
      await page.getByRole('button', { name: /^First steps/ }).waitFor();
      await expect(page.getByRole('button', { name: PLACE }).count()).resolves.toBe(0);
      expect(errors).toEqual([]);
      await context.close();
    },
  );
});
