// A whole lockstep workshop in Chromium: a real hub (server/app.ts) serves the built game and the
// session sockets on a free loopback port; a facilitator page and three participant pages (each in
// its own browser context, like separate phones) create, join, answer, reveal, move on, reload,
// end, and export the results as CSV.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startHub, type HubApp } from '../../server/app';
import { launchBrowser } from './browser';

let browser: Browser;
let app: HubApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'ppi-workshop-e2e-'));
  app = await startHub({
    host: '127.0.0.1',
    port: 0,
    distDir: inject('outDir'),
    dataDir,
    hub: { log: () => undefined },
  });
  // The QR code and the "join at" address: this test's loopback address.
  app.hub.urls = [app.url];
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser.close();
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
  return context.newPage();
}

const optionButtons = (page: Page) => page.locator('.ws-team ol.options button');

describe('without a hub', () => {
  it('says that workshops need npm run serve instead of waiting (the game on a static server)', async () => {
    const page = await newPage();
    await page.goto(`${inject('baseUrl')}?join=ABCD-EFGH`);
    await page.getByRole('heading', { name: 'Join a workshop' }).waitFor();
    await page.getByText('Workshop hub unreachable').waitFor({ timeout: 20_000 });
    await page.getByText('npm run serve', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Back to the game' }).click();
    await page.getByRole('heading', { name: 'Who is playing?' }).waitFor();
    await page.context().close();
  });
});

/** On failure: what each page showed, to see where the session stopped. */
async function dump(pages: Page[]): Promise<string> {
  const texts = await Promise.all(
    pages.map((p) =>
      p
        .locator('main')
        .innerText({ timeout: 2000 })
        .catch((e: unknown) => String(e)),
    ),
  );
  return texts.map((t, i) => `--- page ${i}\n${t.slice(0, 1500)}`).join('\n');
}

describe('a lockstep workshop', () => {
  // Four pages and the hub share a busy machine: a generous time for the whole session.
  it(
    'runs from creation to the CSV export with three teams, one of them reloading mid-session',
    { timeout: 240_000 },
    async () => {
      const pages: Page[] = [];
      try {
        await workshop(pages);
      } catch (e) {
        throw new Error(`${e instanceof Error ? e.message : String(e)}\n${await dump(pages)}`, { cause: e });
      }
    },
  );
});

async function workshop(pages: Page[]) {
  {
    const facilitator = await browser
      .newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
      .then((c) => c.newPage());
    pages.push(facilitator);
    await facilitator.goto(app.url);
    await facilitator.getByRole('button', { name: 'Run a workshop' }).click();
    await facilitator.getByText('Connected', { exact: true }).waitFor();
    await facilitator.getByLabel('Scenario').selectOption('tutorial');
    await facilitator.getByLabel('Seconds per decision (0 = no timer)').fill('300');
    await facilitator.getByLabel('Title (optional)').fill('Friday workshop');
    await facilitator.getByRole('button', { name: 'Create the session' }).click();
    const codeText = (await facilitator.locator('.ws-code').textContent()) ?? '';
    expect(codeText).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await expect.poll(() => facilitator.locator('.ws-qr svg').count(), { timeout: 10_000 }).toBe(1);
    expect(await facilitator.locator('.ws-qr').getAttribute('aria-label')).toBe(
      `QR code to join: ${app.url}/?join=${codeText}`,
    );

    // Three teams open the QR code's address: the code is filled in; they type a team name.
    const names = ['Red', 'Green', 'Blue'];
    const players: Page[] = [];
    for (const name of names) {
      const page = await newPage();
      pages.push(page);
      // The join link opens the join form straight away: the home screen never shows first.
      await page.addInitScript(() => {
        const w = window as unknown as { sawHome: boolean };
        w.sawHome = false;
        new MutationObserver(() => {
          if (document.documentElement.textContent.includes('Who is playing?')) w.sawHome = true;
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      await page.goto(`${app.url}/?join=${codeText}`);
      await expect.poll(() => page.getByLabel('Join code').inputValue()).toBe(codeText);
      expect(await page.evaluate(() => (window as unknown as { sawHome: boolean }).sawHome)).toBe(false);
      await page.getByLabel('Team name').fill(name);
      await page.getByRole('button', { name: 'Join', exact: true }).click();
      await page.getByRole('heading', { name: "You're in! Waiting for the start" }).waitFor();
      players.push(page);
    }
    for (const name of names) await facilitator.getByRole('rowheader', { name }).waitFor();

    // Start with the keyboard shortcut; every team gets the first decision.
    await facilitator.keyboard.press('s');
    for (const page of players) await page.getByText('How do you describe it?', { exact: false }).waitFor();
    await facilitator.getByText('Answers: 0 of 3').waitFor();
    // Each team sees the options in its own order: they are picked by text.
    await optionButtons(players[0]!).filter({ hasText: 'Describe the outcome' }).click();
    await optionButtons(players[1]!).filter({ hasText: 'Describe the outcome' }).click();
    await optionButtons(players[2]!).filter({ hasText: 'Copy the data sheet' }).click();
    for (const page of players) await page.getByRole('heading', { name: 'Answer sent' }).waitFor();
    await facilitator.getByText('Answers: 3 of 3').waitFor();

    await facilitator.getByRole('button', { name: /^Reveal/ }).click();
    const chart = facilitator.locator('.ws-tally').first();
    await chart.getByText('Answers: 3').waitFor();
    const counts = await chart.locator('.ws-count').allTextContents();
    expect(counts.map(Number).reduce((a, b) => a + b, 0)).toBe(3);
    expect(counts.map(Number).sort()).toEqual([...Array<number>(counts.length - 2).fill(0), 1, 2]);
    for (const page of players) await page.getByRole('heading', { name: 'How the room chose' }).first().waitFor();
    await players[2]!.getByText('(your choice)').waitFor();

    // Next step; Blue's phone reloads and comes back to the same team, at the open decision.
    await facilitator.getByRole('button', { name: /^Next decision/ }).click();
    for (const page of players) await optionButtons(page).first().waitFor();
    await players[2]!.reload();
    await players[2]!.getByText('Team Blue', { exact: false }).waitFor();
    await optionButtons(players[2]!).first().waitFor();
    for (const page of players) await optionButtons(page).first().click();
    await facilitator.getByText('Answers: 3 of 3').waitFor();

    // The facilitator reloads and keeps control.
    await facilitator.reload();
    await facilitator.getByRole('button', { name: /^Reveal/ }).click();
    await facilitator.getByRole('button', { name: /^Next decision/ }).waitFor();

    await facilitator.getByRole('button', { name: 'End the session' }).click();
    await facilitator.getByRole('alert').getByRole('button', { name: 'End the session' }).click();
    await facilitator.getByRole('heading', { name: 'Debrief' }).waitFor();
    await facilitator.getByRole('heading', { name: 'Turning points' }).waitFor();
    for (const page of players) await page.getByRole('heading', { name: 'The end' }).waitFor();
    await players[0]!.getByText(/Your team's score: \d+/).waitFor();

    const [download] = await Promise.all([
      facilitator.waitForEvent('download'),
      facilitator.getByRole('button', { name: 'Export CSV' }).first().click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^ppi-session-${codeText.replace('-', '')}-\\d{4}-\\d\\d-\\d\\d\\.csv$`),
    );
    const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
    const rows = csv
      .trimEnd()
      .split('\r\n')
      .map((r) => r.split(','));
    expect(rows[0]!.slice(0, 8)).toEqual([
      'session_code',
      'session_title',
      'scenario',
      'mode',
      'team',
      'team_id',
      'step',
      'node',
    ]);
    const body = rows.slice(1);
    expect(new Set(body.map((r) => r[4]))).toEqual(new Set(names));
    for (const name of names) {
      const mine = body.filter((r) => r[4] === name);
      // Two answered steps, and the third (open at the end, or taken by the timeout path) if any.
      expect(mine.length).toBeGreaterThanOrEqual(2);
      expect(mine[0]![6]).toBe('1');
      expect(mine[0]![7]).toBe('need');
      expect(mine[1]![6]).toBe('2');
    }
    expect(body.find((r) => r[4] === 'Blue')![8]).not.toBe(body.find((r) => r[4] === 'Red')![8]);

    // The results stay in the facilitator's browser: after leaving, they can be exported again.
    await facilitator.getByRole('button', { name: 'New session' }).click();
    await facilitator.getByRole('heading', { name: 'Saved results' }).waitFor();
    await facilitator.getByText('Friday workshop', { exact: false }).waitFor();
  }
}
