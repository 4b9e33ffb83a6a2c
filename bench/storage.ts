// `npm run bench:storage`: autosave and leaderboard timings in real Chromium's IndexedDB, with
// 100,000 stored results. Builds a small page (bench/storage-page) with Vite, serves it on
// loopback and drives it with playwright-core. Reports, never asserts: machines differ.
//   --quick  10,000 results, for a smoke run
//   --node   fake-indexeddb in Node instead of Chromium (not comparable with the aims)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview } from 'vite';
import { openStorage } from '../src/storage';
import { launchBrowser } from '../tests/e2e/browser';
import type { PageReport } from './storage-page/main';
import { DEFAULT_PARAMS, runStorageWorkload, type WorkloadParams, type WorkloadReport } from './storage-workload';

const args = new Set(process.argv.slice(2));
const params: WorkloadParams = args.has('--quick')
  ? { ...DEFAULT_PARAMS, results: 10_000, saves: 60, queries: 10 }
  : DEFAULT_PARAMS;

async function inChromium(): Promise<{ label: string; notes: string[]; report: WorkloadReport }> {
  const outDir = mkdtempSync(join(tmpdir(), 'ppi-quest-bench-'));
  const server = await (async () => {
    await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        outDir,
        emptyOutDir: true,
        target: 'es2022',
        rolldownOptions: { input: resolve('bench/storage-page/index.html') },
      },
    });
    return preview({
      configFile: false,
      logLevel: 'warn',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
  })();
  const browser = await launchBrowser();
  try {
    const base = server.resolvedUrls?.local[0];
    if (!base) throw new Error('The preview server did not report a URL');
    const page = await browser.newPage();
    await page.goto(new URL('bench/storage-page/index.html', base).href);
    await page.waitForFunction(() => typeof window.storageBench === 'function');
    const report: PageReport = await page.evaluate((p) => window.storageBench!(p), params);
    if (!report.persistent) throw new Error(`The page fell back to memory (status ${report.status})`);
    const usage = report.usageBytes === undefined ? 'unknown' : `${(report.usageBytes / 1024 / 1024).toFixed(0)} MB`;
    return {
      label: `Chromium ${browser.version()} (headless), real IndexedDB`,
      notes: [
        `origin usage after filling: ${usage}`,
        `navigator.storage.persist(): ${String(report.persisted)}`,
        ...report.checks,
      ],
      report,
    };
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function inNode(): Promise<{ label: string; notes: string[]; report: WorkloadReport }> {
  const { IDBFactory, IDBKeyRange } = await import('fake-indexeddb');
  const storage = await openStorage({ indexedDB: new IDBFactory(), IDBKeyRange, channelName: null });
  try {
    const report = await runStorageWorkload(storage, readFileSync('scenarios/street-lighting.json', 'utf8'), params);
    return {
      label: `Node ${process.version} with fake-indexeddb: NOT a browser, not comparable with the aims`,
      notes: [],
      report,
    };
  } finally {
    await storage.close();
  }
}

const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`);

const { label, notes, report } = args.has('--node') ? await inNode() : await inChromium();
const rows = report.figures.map((f) => ({
  measure: f.measure,
  median: fmt(f.median),
  p95: fmt(f.p95),
  runs: String(f.runs),
  aim: f.aim,
  note: f.note,
}));
const headers = ['measure', 'median', 'p95', 'runs', 'aim', 'note'] as const;
const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => r[h].length)));
const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
console.log(`PPI Quest storage benchmark: ${label}, ${new Date().toISOString().slice(0, 10)}`);
console.log(
  `Filled ${params.results.toLocaleString('en')} results for ${params.profiles} profiles in ${params.scenarios} scenarios in ${(report.fillMs / 1000).toFixed(1)} s (chunks of ${params.chunk.toLocaleString('en')}).`,
);
for (const note of notes) console.log(note[0]!.toUpperCase() + note.slice(1) + '.');
console.log(line(headers));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(headers.map((h) => r[h])));
