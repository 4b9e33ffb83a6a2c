// The Phaser world in the real app: the city is drawn on a canvas, a click on a place opens its
// briefing, and however often the player moves between screens there is only ever one canvas.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';

// The map's logical size and the market square's place on it (src/play/layout.ts).
const MAP = { width: 1000, height: 560 };
const MARKET = { x: 470, y: 300 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/** Collects page errors and any request that leaves the app's own server. */
function watch(page: Page): { errors: string[]; external: string[] } {
  const errors: string[] = [];
  const external: string[] = [];
  const base = new URL(inject('baseUrl')).origin;
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) external.push(url);
  });
  return { errors, external };
}

/**
 * Waits until the canvas shows a drawing, not an empty colour: a PNG of a drawn city is many
 * kilobytes, a flat colour compresses to almost nothing. WebGL pixels cannot be read back
 * from the page, but a screenshot sees them.
 */
async function waitForDrawing(page: Page): Promise<void> {
  const canvas = page.locator('.stage canvas');
  await page.locator('.stage canvas, .stage.failed').first().waitFor();
  if (await page.locator('.stage.failed').isVisible()) {
    throw new Error("The stage shows no world: src/main.tsx must pass loadGame={() => import('./game')}");
  }
  for (let i = 0; i < 40; i++) {
    if ((await canvas.screenshot()).length > 30_000) return;
    await page.waitForTimeout(250);
  }
  throw new Error('The canvas stayed empty');
}

async function toMap(page: Page): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: 'Play without a name' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your city' }).waitFor();
}

describe('the game world', () => {
  it('draws the city, opens a place clicked on the canvas, and keeps one canvas across screens', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const { errors, external } = watch(page);
    await toMap(page);
    await waitForDrawing(page);
    await expect(page.locator('canvas').count()).resolves.toBe(1);

    // Click the market square on the canvas, beside the place's DOM button so the canvas gets it.
    // The canvas can move while the page settles (the "ready to play offline" notice appears above
    // it once the service worker has stored the game), so it is measured right before each click,
    // and a click that landed while it moved is tried again.
    const at = { x: MARKET.x - 40, y: MARKET.y + 24 };
    const briefing = page.getByRole('heading', { level: 2, name: 'First steps: the bench that does not exist' });
    for (let attempt = 1; ; attempt++) {
      const box = await page.locator('.stage canvas').boundingBox();
      if (!box) throw new Error('The canvas has no box');
      await page.mouse.click(box.x + (at.x / MAP.width) * box.width, box.y + (at.y / MAP.height) * box.height);
      try {
        await briefing.waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }

    await page.getByRole('button', { name: /^Start “First steps/ }).click();
    await page.getByRole('heading', { name: 'Welcome to City Hall' }).waitFor();
    await waitForDrawing(page);
    await expect(page.locator('canvas').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Leave scenario' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your city' }).waitFor();
    await waitForDrawing(page);
    await expect(page.locator('canvas').count()).resolves.toBe(1);

    // Home has no stage: the game is destroyed, and made again on the way back.
    await page.getByRole('button', { name: 'Players' }).click();
    await page.getByRole('button', { name: 'Play without a name' }).click();
    await waitForDrawing(page);
    await expect(page.locator('canvas').count()).resolves.toBe(1);

    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    await page.close();
  });

  it('plays with reduced motion on a phone without errors', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const { errors } = watch(page);
    await toMap(page);
    await waitForDrawing(page);
    await page.getByRole('button', { name: /^First steps: the bench that does not exist/ }).click();
    await page.getByRole('button', { name: /^Start “First steps/ }).click();
    await page.getByRole('heading', { name: 'Welcome to City Hall' }).waitFor();
    for (let step = 0; step < 40; step++) {
      if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) break;
      const option = page.locator('button.option').first();
      if (await option.isVisible()) await option.click();
      else await page.getByRole('button', { name: /^(Continue|See the results)$/ }).click();
    }
    await page.getByRole('heading', { name: 'Your decisions, reviewed' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
