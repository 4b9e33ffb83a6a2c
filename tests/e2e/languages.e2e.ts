// The UI languages in Chromium: the first visit follows the browser's languages, the language can
// be changed on the play screen, <html lang> follows, and the long words of German, Finnish and
// Estonian (and the longest text size) never push anything off a phone or a laptop screen, nor cut
// off a place's tooltip on the map.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import en from '../../src/i18n/locales/en.json';
import de from '../../src/i18n/locales/de.json';
import et from '../../src/i18n/locales/et.json';
import pl from '../../src/i18n/locales/pl.json';
import sv from '../../src/i18n/locales/sv.json';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 768 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** A page in a fresh context whose browser prefers `locale` (navigator.languages). */
async function pageIn(locale: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  return page;
}

/** Visible elements that stick out of the page sideways, or text clipped inside its own box. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      found.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      // Off-screen on purpose until focused, or not shown.
      if (el.closest('.skip-link, .visually-hidden, dialog:not([open]), canvas')) continue;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const classes = (el.getAttribute('class') ?? '').trim().split(/\s+/).filter(Boolean);
      const name = [el.tagName.toLowerCase(), ...classes].join('.');
      const text = el.textContent.trim().slice(0, 40);
      if (box.left < -1 || box.right > width + 1) {
        found.push(`${name} "${text}" spans ${Math.round(box.left)}–${Math.round(box.right)} of ${width}`);
      }
      const clips = style.overflowX === 'hidden' || style.overflowX === 'clip' || style.textOverflow === 'ellipsis';
      if (clips && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${name} "${text}" is cut: ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return found;
  });
}

/** Map tooltips (shown on focus) that stick out of the page or are cut off by a box around them. */
async function cutTooltips(page: Page): Promise<string[]> {
  const found: string[] = [];
  const markers = page.locator('.place-markers .marker');
  for (let i = 0; i < (await markers.count()); i++) {
    await markers.nth(i).focus();
    const tooltip = page.locator('.place-markers li').nth(i).locator('.tooltip');
    await tooltip.waitFor({ timeout: 10_000 });
    const cut = await tooltip.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const page = { left: 0, top: -window.scrollY, right: document.documentElement.clientWidth, bottom: Infinity };
      const clips = [page];
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflow !== 'visible') clips.push(up.getBoundingClientRect());
      }
      return clips.some(
        (c) => box.left < c.left - 1 || box.top < c.top - 1 || box.right > c.right + 1 || box.bottom > c.bottom + 1,
      );
    });
    if (cut) found.push(`${await markers.nth(i).getAttribute('aria-label')}: tooltip cut off`);
  }
  await markers.last().blur();
  return found;
}

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** Answers with the first option and continues, in any language, until a decision's feedback shows. */
async function playToFeedback(page: Page): Promise<void> {
  for (let i = 0; i < 10; i++) {
    const option = page.locator('button.option').first();
    if (await option.isVisible()) {
      await option.click();
      await page.locator('.changes').first().waitFor();
      return;
    }
    await page.locator('button.continue').click();
  }
  throw new Error('never reached a decision');
}

/** Answers with the first option and continues, in any language, until the results screen. */
async function playToResults(page: Page): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await page.locator('.results-screen').isVisible()) return;
    const option = page.locator('button.option').first();
    if (await option.isVisible()) await option.click();
    else await page.locator('button.continue').click();
  }
  throw new Error('never reached the results');
}

describe('the first visit', () => {
  it.each([
    { preferred: 'sv-FI', lang: 'sv', heading: sv.home.title },
    { preferred: 'pl-PL', lang: 'pl', heading: pl.home.title },
    { preferred: 'et', lang: 'et', heading: et.home.title },
    { preferred: 'nb-NO', lang: 'en', heading: en.home.title },
  ])('speaks $lang to a browser that prefers $preferred', async ({ preferred, lang, heading }) => {
    const page = await pageIn(preferred, LAPTOP);
    await page.getByRole('heading', { name: heading }).waitFor();
    expect(await htmlLang(page)).toBe(lang);
    await page.context().close();
  });
});

describe('switching language', () => {
  it('works from the play screen, and <html lang> and the map follow', async () => {
    const page = await pageIn('en-GB', PHONE);
    await page.getByRole('button', { name: en.home.guest }).click();
    await page.locator('.marker.open').first().click();
    await page.locator('.briefing button.primary').click();
    await page.locator('.play-screen').waitFor();

    await page.getByRole('button', { name: en.nav.settings }).click();
    await page.getByRole('dialog').getByLabel(en.settings.language).selectOption('pl');
    await page.getByRole('button', { name: pl.settings.close }).click();
    expect(await htmlLang(page)).toBe('pl');
    await page.getByRole('button', { name: pl.nav.leave }).waitFor();
    expect(await overflowing(page)).toEqual([]);

    await page.getByRole('button', { name: pl.nav.leave }).click();
    await page.getByRole('heading', { level: 1, name: pl.map.title }).waitFor();
    await expect(
      page.getByRole('list', { name: pl.map.places }).getByRole('button').first().getAttribute('aria-label'),
    ).resolves.toMatch(/: Otwarte, dla początkujących, około 5 minut$/);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });
});

const LONG_WORDS = ['de', 'fi', 'et'] as const;

/** Switches the UI language in the settings dialog, whatever language it is in now. */
async function switchTo(page: Page, lang: string): Promise<void> {
  await page.locator('.app-header nav button.secondary').click();
  await page.locator('dialog[open] select').selectOption(lang);
  await page.locator('dialog[open] button[type="submit"]').click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}

/** The overflow found on the current screen in each of the long-word languages. */
async function inEachLanguage(
  page: Page,
  where: string,
  found: Record<string, string[]>,
  more?: (page: Page) => Promise<string[]>,
): Promise<void> {
  for (const lang of LONG_WORDS) {
    await switchTo(page, lang);
    // The extra check once, in Finnish (the widest): each check is slow on a busy machine.
    found[`${where} ${lang}`] = [...(await overflowing(page)), ...(more && lang === 'fi' ? await more(page) : [])];
  }
}

describe.each([
  { size: 'phone', viewport: PHONE },
  { size: 'laptop', viewport: LAPTOP },
])('long words on a $size', ({ viewport }) => {
  it('fit every screen in German, Finnish and Estonian at the largest text size', { timeout: 360_000 }, async () => {
    const page = await pageIn('de-DE', viewport);
    const found: Record<string, string[]> = {};
    await page.getByRole('heading', { name: de.home.title }).waitFor();

    await page.getByRole('button', { name: de.nav.settings }).click();
    await page.locator('input[name="text-size"][value="larger"]').check();
    await page.getByRole('button', { name: de.settings.close }).click();
    await inEachLanguage(page, 'home', found);

    // A long name in the header, beside the settings button.
    await page.getByLabel(et.home.nameLabel).fill('Aleksandra Wiśniewska-Kowalczyk');
    await page.getByRole('button', { name: et.home.create }).click();
    await page.getByRole('heading', { level: 1, name: et.map.title }).waitFor();
    await inEachLanguage(page, 'map', found, cutTooltips);

    await page.locator('.marker.open').first().click();
    await page.locator('.briefing button.primary').click();
    await page.locator('button.option, button.continue').first().waitFor();
    await playToFeedback(page);
    await inEachLanguage(page, 'play', found);

    await playToResults(page);
    await page.locator('.leaderboard table').waitFor();
    await inEachLanguage(page, 'results', found);

    await page.locator('.app-header nav button.link').last().click();
    await page.locator('details.standings summary').click();
    await page.locator('.standings table').first().waitFor();
    await inEachLanguage(page, 'standings', found);

    expect(Object.entries(found).filter(([, problems]) => problems.length > 0)).toEqual([]);
    expect(Object.keys(found)).toHaveLength(5 * LONG_WORDS.length);
    await page.context().close();
  });
});
