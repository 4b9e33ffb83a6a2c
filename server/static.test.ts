import { mkdir, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticHandler } from './static';
import { tempDir } from './test-support';

let data: Awaited<ReturnType<typeof tempDir>>;
let server: Server;
let base: string;

beforeAll(async () => {
  data = await tempDir();
  await mkdir(join(data.dir, 'assets'));
  await writeFile(join(data.dir, 'index.html'), '<!doctype html><title>PPI</title>');
  await writeFile(join(data.dir, 'sw.js'), 'self.x = 1;');
  await writeFile(join(data.dir, 'assets', 'index-Bx3k9QzA.js'), 'console.log(1);');
  await writeFile(join(data.dir, 'manifest.webmanifest'), '{}');
  const handle = staticHandler(data.dir);
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  await data.remove();
});

describe('serving the built game', () => {
  it('serves index.html and the service worker uncached, hashed assets for a year', async () => {
    const index = await fetch(base + '/');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const sw = await fetch(base + '/sw.js');
    expect(sw.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(sw.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(base + '/assets/index-Bx3k9QzA.js');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1);');
    const manifest = await fetch(base + '/manifest.webmanifest');
    expect(manifest.headers.get('content-type')).toBe('application/manifest+json; charset=utf-8');
  });

  it('falls back to index.html for app routes, 404 for missing files, and never leaves the folder', async () => {
    const route = await fetch(base + '/workshop/join?join=ABCD-EFGH');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>PPI</title>');
    expect((await fetch(base + '/assets/missing-12345678.js')).status).toBe(404);
    const escape = await fetch(base + '/%2e%2e/%2e%2e/etc/passwd');
    expect(await escape.text()).toContain('<title>PPI</title>'); // the app, not the system's file
    const encoded = await fetch(base + '/..%2f..%2f..%2fetc%2fpasswd');
    expect(await encoded.text()).not.toContain('root:');
    expect((await fetch(base + '/', { method: 'POST' })).status).toBe(405);
  });
});
