// Takes the README's screenshots from a real VS Code (code-server + headless Chromium) into media/.
//
//   node scripts/readmeScreenshots.mjs
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';
import { screenshot } from './screenshot.mjs';

const media = (name) => path.join(repoRoot, 'media', name);

/** Collapses the Explorer's folder tree so that the Outline gets the side bar's height. */
async function tallOutline(page) {
  const folderHeader = page.locator('.pane-header', { hasText: 'SEEDS' }).first();
  if (await folderHeader.getAttribute('aria-expanded') === 'true') await folderHeader.click();
  await page.waitForTimeout(300);
}

/** Puts the cursor on a line (1-based) through Go to Line, so breadcrumbs show where it is. */
async function goToLine(page, line) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
}

const shots = [
  {
    file: media('screenshot-outline.png'),
    open: ['000_29150c82fa965ab7.txt'],
    commands: ['outline.focus'],
    actions: async (page) => {
      await tallOutline(page);
      await goToLine(page, 41);
    },
  },
];

for (const shot of shots) {
  const out = await screenshot({ width: 1400, height: 860, settleMs: 3000, ...shot });
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}
