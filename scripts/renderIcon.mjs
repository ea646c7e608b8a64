// Renders media/icon.svg to media/icon.png (256×256, transparent corners) with headless Chromium.
//   node scripts/renderIcon.mjs
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { launchChromium, repoRoot } from './codeServer.mjs';

const svg = await readFile(path.join(repoRoot, 'media', 'icon.svg'), 'utf8');
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: path.join(repoRoot, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('media/icon.png written');
