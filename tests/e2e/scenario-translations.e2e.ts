// Scenario text in Chromium: a Lithuanian player gets the tutorial in Lithuanian, fetched as a
// chunk of its own only for that language, with nothing left in English and nothing off a phone.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Translation } from '../../src/engine';
import lt from '../../src/i18n/locales/lt.json';
import { launchBrowser } from './browser';

const tutorial = JSON.parse(readFileSync('scenarios/translations/tutorial.lt.json', 'utf8')) as Translation;
const text = (key: string) => tutorial.strings[key]!.text;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('translated scenarios', () => {
  it('plays the tutorial in Lithuanian on a phone, loading only the Lithuanian translations', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'lt-LT',
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const chunks: string[] = [];
    page.on('request', (r) => {
      const name = /\/assets\/([a-z0-9-]+\.[a-z]{2,3})-[\w-]+\.js$/.exec(r.url())?.[1];
      if (name) chunks.push(name);
    });

    await page.goto(inject('baseUrl'));
    await page.getByRole('button', { name: lt.home.guest }).click();
    const title = text('title');
    await page.getByRole('button', { name: new RegExp(`^${title}:`) }).click();
    const briefing = page.getByRole('region', { name: title });
    await briefing.getByText(text('summary')).waitFor();
    await briefing.getByRole('button', { name: lt.map.play.replace('{{title}}', title) }).click();

    await page.getByRole('heading', { level: 2, name: text('node.welcome.title') }).waitFor();
    await expect(page.getByRole('heading', { level: 1, name: title }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(text('node.welcome.text')).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('meter', { name: new RegExp(`^${text('metric.risk.label')}`) }).count()).resolves.toBe(
      1,
    );
    // Complete: nothing shown in English, so no notice either.
    await expect(page.locator('main [lang]').count()).resolves.toBe(0);
    await expect(page.locator('.translation-notice').count()).resolves.toBe(0);
    await expect(page.title()).resolves.toContain(title);
    await expect(
      page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth),
    ).resolves.toBe(true);

    await page.getByRole('button', { name: lt.play.continue }).click();
    await page.getByRole('heading', { level: 2, name: text('node.need.title') }).waitFor();
    await expect(page.getByText(text('node.need.prompt')).isVisible()).resolves.toBe(true);

    expect(chunks).toContain('tutorial.lt');
    expect(chunks.filter((c) => /\.(de|pl)$/.test(c))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
