// axe-core, run in Chromium on every screen: no serious or critical violation is allowed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each([
  { name: 'laptop', viewport: { width: 1366, height: 768 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
])('accessibility on a $name', ({ viewport }) => {
  it('every screen passes axe without serious or critical violations', async () => {
    const page = await browser.newPage({ viewport });
    const found: Record<string, string[]> = {};
    await page.goto(inject('baseUrl'));
    await page.getByRole('heading', { name: 'Who is playing?' }).waitFor();
    found.home = await seriousViolations(page);

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('dialog').waitFor();
    found.settings = await seriousViolations(page);
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByLabel('Your name or team name').fill('Axe');
    await page.getByRole('button', { name: 'Add player' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your city' }).waitFor();
    found.map = await seriousViolations(page);

    await page.getByRole('button', { name: /^First steps.*Open/ }).click();
    await page.getByRole('button', { name: /^Start/ }).click();
    await page.getByRole('heading', { name: 'Welcome to City Hall' }).waitFor();
    found.scene = await seriousViolations(page);

    await page.getByRole('button', { name: 'Continue' }).click();
    found.decision = await seriousViolations(page);
    await page.locator('button.option').first().click();
    found.feedback = await seriousViolations(page);

    for (let i = 0; i < 30; i++) {
      if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) break;
      const option = page.locator('button.option').first();
      if (await option.isVisible()) await option.click();
      else await page.getByRole('button', { name: /^(Continue|See the results)$/ }).click();
    }
    found.results = await seriousViolations(page);

    expect(found).toEqual({ home: [], settings: [], map: [], scene: [], decision: [], feedback: [], results: [] });
    await page.close();
  });
});
