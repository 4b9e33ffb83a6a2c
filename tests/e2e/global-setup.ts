// Builds the app once and serves it with Vite's preview server on a free loopback port.
import type { TestProject } from 'vitest/node';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';

let server: PreviewServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  // Test the build players get: Vitest sets NODE_ENV=test, which would bundle React's dev build.
  process.env.NODE_ENV = 'production';
  // A private output folder, so two test runs (or a running `npm start`) never share files.
  outDir = mkdtempSync(join(tmpdir(), 'ppi-quest-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report a URL');
  project.provide('baseUrl', url);
  // The built app itself, for tests that start (and stop) a preview server of their own.
  project.provide('outDir', outDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    outDir: string;
  }
}
