// `npm run bench:budgets`: the offline app's budgets, measured on the real production build.
//   Bytes (asserted: exits non-zero when over budget, so CI can run it):
//     - JavaScript needed for an interactive home screen: the entry chunk and everything it
//       imports statically (read from Vite's build manifest), gzip.
//     - Total transfer for the full game without audio: every file the service worker precaches,
//       less the scenario translations into other languages (reported separately).
//   Timings (reported, never asserted: machines differ):
//     - navigation → interactive home screen in headless Chromium, median of several runs, first
//       visit and repeat visit (served by the service worker);
//     - Lighthouse 12 performance and accessibility scores (mobile defaults, simulated throttling);
//     - a decision's latency, key press → HUD updated, median and p95, during a real keyboard play
//       of the tutorial and street lighting;
//     - JS heap after playing a whole scenario (after a forced garbage collection).
//   --bytes    only the byte budgets (no browser), for CI
//   --runs N   navigations for the home-screen timing (default 7)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type Manifest } from 'vite';
import { chromiumPath, launchBrowser } from '../tests/e2e/browser';

const KB = 1000;
const BUDGET = { homeJs: 150 * KB, total: 700 * KB } as const;
const AUDIO = /\.(ogg|mp3|m4a|wav|opus|flac)$/i;

const argv = process.argv.slice(2);
const bytesOnly = argv.includes('--bytes');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : 7;

interface Row {
  measure: string;
  value: string;
  budget: string;
  verdict: string;
}
const rows: Row[] = [];

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}
const kb = (n: number) => `${(n / KB).toFixed(1)} kB`;
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
function p95(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)]!;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The entry chunk and its static imports, transitively: what the browser must load before React renders. */
function homeChunks(manifest: Manifest): string[] {
  const entry = Object.entries(manifest).find(([, c]) => c.isEntry);
  if (!entry) throw new Error('The build manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const imported of manifest[key]?.imports ?? []) visit(imported);
  };
  visit(entry[0]);
  return [...seen].map((key) => manifest[key]!.file);
}

/** Every file the service worker precaches, read from the generated sw.js. */
function precached(outDir: string): string[] {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
  if (urls.length === 0) throw new Error('sw.js lists no precached files');
  // The service worker itself and its Workbox runtime are downloaded too.
  const runtime = files(outDir)
    .map((f) => relative(outDir, f))
    .filter((f) => f === 'sw.js' || /^workbox-[\w-]+\.js$/.test(f));
  return [...new Set([...urls, ...runtime])];
}

function byteBudgets(outDir: string) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const home = homeChunks(manifest);
  const homeJs = home.reduce((sum, f) => sum + gz(join(outDir, f)), 0);
  rows.push({
    measure: `JS for an interactive home screen (${home.length} file${home.length === 1 ? '' : 's'}, gzip)`,
    value: kb(homeJs),
    budget: `≤ ${kb(BUDGET.homeJs)}`,
    verdict: homeJs <= BUDGET.homeJs ? 'ok' : 'OVER',
  });

  // Scenario translations are precached too (every language works offline), but a player plays in
  // one language: the budget is the full game in its own language, all languages are reported.
  const translationFiles = new Set(
    Object.entries(manifest)
      .filter(([key, c]) => key.startsWith('scenarios/translations/') || c.src?.startsWith('scenarios/translations/'))
      .map(([, c]) => c.file),
  );
  const all = precached(outDir);
  const noAudio = all.filter((f) => !AUDIO.test(f));
  const oneLanguage = noAudio.filter((f) => !translationFiles.has(f));
  const total = oneLanguage.reduce((sum, f) => sum + gz(join(outDir, f)), 0);
  rows.push({
    measure: `Full game without audio, in the scenarios' own language (${oneLanguage.length} files, gzip)`,
    value: kb(total),
    budget: `≤ ${kb(BUDGET.total)}`,
    verdict: total <= BUDGET.total ? 'ok' : 'OVER',
  });
  const everything = noAudio.reduce((sum, f) => sum + gz(join(outDir, f)), 0);
  rows.push({
    measure: `Everything precached, all ${translationFiles.size} scenario translations too (gzip)`,
    value: kb(everything),
    budget: 'reported',
    verdict: `${noAudio.length} files`,
  });

  const js = noAudio.filter((f) => f.endsWith('.js'));
  const biggest = js
    .map((f) => ({ f, size: gz(join(outDir, f)) }))
    .sort((a, b) => b.size - a.size)
    .slice(0, 4)
    .map(({ f, size }) => `${f.replace(/^assets\//, '')} ${kb(size)}`);
  return { home, biggest };
}

/** Milliseconds from navigation start until "Play without a name" is in the page (React attached). */
async function timeToHome(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return await page.evaluate<number>('window.__homeAt');
}

// In-page probes are plain strings: the TypeScript runner's helpers do not exist in the page.
const HOME_PROBE = `
  window.__homeAt = new Promise((resolve) => {
    const found = () => [...document.querySelectorAll('button')].some((b) => b.textContent.trim() === 'Play without a name');
    const observer = new MutationObserver(() => {
      if (!found()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(document, { childList: true, subtree: true });
  });
`;

// Times each decision: from the Enter key's event time (the key press, including any wait for the
// page's main thread) and from the start of its handling, to the first change inside the play
// screen (the HUD), and to the frame after it.
const LATENCY_PROBE = `
  window.__latency = [];
  let pressed = null;
  window.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && document.activeElement?.classList.contains('option'))
      pressed = { at: e.timeStamp, handledAt: performance.now() };
  }, true);
  new MutationObserver((records) => {
    if (pressed === null) return;
    const inHud = records.some((r) => {
      const el = r.target instanceof Element ? r.target : r.target.parentElement;
      return el?.closest('.play-screen, .screen-results') != null;
    });
    if (!inHud) return;
    const { at, handledAt } = pressed;
    const updatedAt = performance.now();
    pressed = null;
    requestAnimationFrame(() => window.__latency.push([updatedAt - at, performance.now() - at, updatedAt - handledAt]));
  }).observe(document.getElementById('main'), { subtree: true, childList: true, characterData: true, attributes: true });
`;

async function homeTimings(browser: Browser, url: string) {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
    await context.addInitScript(HOME_PROBE);
    const page = await context.newPage();
    cold.push(await timeToHome(page, url));
    // The repeat visit is served by the service worker the first one installed.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    warm.push(await timeToHome(page, url));
    if (!(await page.evaluate('navigator.serviceWorker.controller !== null')))
      throw new Error('The repeat visit was not served by the service worker');
    await context.close();
  }
  rows.push({
    measure: `Navigation → interactive home, first visit (median of ${RUNS})`,
    value: ms(median(cold)),
    budget: 'reported',
    verdict: `min ${ms(Math.min(...cold))}, max ${ms(Math.max(...cold))}`,
  });
  rows.push({
    measure: `Navigation → interactive home, repeat visit offline-ready (median of ${RUNS})`,
    value: ms(median(warm)),
    budget: 'reported',
    verdict: `min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))}`,
  });
}

/** Plays the tutorial and then street lighting by keyboard, timing each decision's key press to the HUD. */
async function playTimings(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Play without a name' }).click();
  await page.getByRole('button', { name: /^First steps.*Open/ }).click();
  await page.getByRole('button', { name: /^Start/ }).click();
  await page.evaluate(LATENCY_PROBE);
  await playByKeyboard(page);
  await page.getByRole('button', { name: 'Back to the city map' }).click();
  await page.getByRole('button', { name: /^Smart lights for Ventava.*Open/ }).click();
  await page.getByRole('button', { name: /^Start/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Smart lights for Ventava' }).waitFor();
  await playByKeyboard(page);

  const samples = await page.evaluate<[number, number, number][]>('window.__latency');
  const toHud = samples.map((s) => s[0]);
  const toFrame = samples.map((s) => s[1]);
  const handled = samples.map((s) => s[2]);
  rows.push({
    measure: `Decision: key press → HUD updated (${samples.length} decisions)`,
    value: `median ${ms(median(toHud))}, p95 ${ms(p95(toHud))}`,
    budget: 'aim < 16 ms',
    verdict: 'reported',
  });
  rows.push({
    measure: "Decision: key handled → HUD updated (the app's own work)",
    value: `median ${ms(median(handled))}, p95 ${ms(p95(handled))}`,
    budget: 'reported',
    verdict: 'reported',
  });
  rows.push({
    measure: 'Decision: key press → next frame painted',
    value: `median ${ms(median(toFrame))}, p95 ${ms(p95(toFrame))}`,
    budget: 'reported',
    verdict: 'reported',
  });

  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  rows.push({
    measure: 'JS heap after the tutorial and street lighting (after GC)',
    value: `${(heap.usedSize / 1024 / 1024).toFixed(1)} MB`,
    budget: 'aim < 80 MB',
    verdict: 'reported',
  });
  await context.close();
}

async function playByKeyboard(page: Page): Promise<void> {
  for (let step = 0; step < 80; step++) {
    if (await page.getByRole('heading', { name: 'Your decisions, reviewed' }).isVisible()) return;
    const option = page.locator('button.option').first();
    if (await option.isVisible()) {
      const before = await page.evaluate<number>('window.__latency.length');
      await option.focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(`window.__latency.length > ${before}`);
    } else {
      await page.getByRole('button', { name: /^(Continue|See the results)$/ }).click();
    }
  }
  throw new Error('The scenario did not reach its results within 80 steps');
}

/** Lighthouse 12 through its Node API, on a Chromium this script starts with a debugging port. */
async function lighthouseScores(url: string) {
  const { default: lighthouse } = await import('lighthouse');
  const profile = mkdtempSync(join(tmpdir(), 'ppi-quest-lh-'));
  const chrome = spawn(
    chromiumPath(),
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let text = '';
      const timer = setTimeout(() => reject(new Error('Chromium did not open a debugging port')), 30_000);
      chrome.stderr.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      chrome.on('exit', () => reject(new Error(`Chromium exited: ${text}`)));
    });
    const result = await lighthouse(url, {
      port,
      logLevel: 'error',
      output: 'json',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    const score = (s: number | null | undefined) => (s == null ? 'n/a' : String(Math.round(s * 100)));
    rows.push({
      measure: `Lighthouse ${result.lhr.lighthouseVersion} performance (mobile, simulated throttling)`,
      value: score(categories.performance?.score),
      budget: 'reported',
      verdict: ['first-contentful-paint', 'largest-contentful-paint', 'interactive', 'total-blocking-time']
        .map((id) => `${id.replace(/-/g, ' ')} ${audits[id]?.displayValue ?? '?'}`)
        .join(', '),
    });
    rows.push({
      measure: `Lighthouse ${result.lhr.lighthouseVersion} accessibility`,
      value: score(categories.accessibility?.score),
      budget: 'reported',
      verdict: Object.values(audits)
        .filter((a) => a.score === 0 && categories.accessibility?.auditRefs.some((r) => r.id === a.id))
        .map((a) => a.id)
        .join(', '),
    });
  } finally {
    const exited = new Promise((resolve) => chrome.once('exit', resolve));
    chrome.kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

// Measure the build players get (a test runner may have set NODE_ENV=test).
process.env.NODE_ENV = 'production';
const outDir = mkdtempSync(join(tmpdir(), 'ppi-quest-budgets-'));
try {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
  const { home, biggest } = byteBudgets(outDir);
  let browserLabel = '';
  if (!bytesOnly) {
    const server = await preview({
      configFile: false,
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('The preview server did not report a URL');
    const browser = await launchBrowser();
    browserLabel = `Chromium ${browser.version()} (headless)`;
    try {
      await homeTimings(browser, url);
      await playTimings(browser, url);
    } finally {
      await browser.close();
    }
    try {
      await lighthouseScores(url);
    } catch (error) {
      rows.push({ measure: 'Lighthouse', value: 'failed', budget: 'reported', verdict: String(error) });
    } finally {
      await server.close();
    }
  }

  const headers = ['measure', 'value', 'budget', 'verdict'] as const;
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => r[h].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `PPI Quest budgets: production build, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}${browserLabel ? `, ${browserLabel}` : ''}`,
  );
  console.log(`Home screen JS: ${home.join(', ')}. Largest JS (gzip): ${biggest.join('; ')}. 1 kB = 1000 bytes.`);
  console.log(line(headers));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(headers.map((h) => r[h])));
  if (rows.some((r) => r.verdict === 'OVER')) {
    console.error('A byte budget is exceeded (see OVER above).');
    process.exitCode = 1;
  }
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
