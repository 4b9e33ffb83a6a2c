// `npm run icons`: renders the hand-drawn SVG app icons in public/icons/ to the PNG sizes an
// installable web app needs (192 and 512, and a maskable 512), using Debian's Chromium. Run it
// after editing an SVG and commit the PNGs: they are source art, not build output.
import { readFileSync, writeFileSync } from 'node:fs';
import { launchBrowser } from '../tests/e2e/browser';

const TARGETS = [
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-192.png', size: 192 },
  { svg: 'public/icons/icon.svg', png: 'public/icons/icon-512.png', size: 512 },
  { svg: 'public/icons/maskable.svg', png: 'public/icons/maskable-512.png', size: 512 },
  { svg: 'public/icons/maskable.svg', png: 'public/icons/apple-touch-icon.png', size: 180 },
] as const;

const browser = await launchBrowser();
try {
  for (const { svg, png, size } of TARGETS) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const source = readFileSync(svg, 'utf8');
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`,
    );
    writeFileSync(
      png,
      await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
    );
    console.log(`${png} (${size}×${size})`);
    await page.close();
  }
} finally {
  await browser.close();
}
