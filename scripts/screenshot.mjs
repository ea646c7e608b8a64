// Screenshots of the extension in a real VS Code (code-server + headless Chromium), for the README.
//
//   node scripts/screenshot.mjs [out.png (default media/screenshot.png)] [seed.txt ...] [--command <id>]...
//
// or from code:
//   import { screenshot } from './scripts/screenshot.mjs';
//   await screenshot({ file: 'media/outline.png', open: ['000_29150c82fa965ab7.txt'],
//                      commands: ['outline.focus'], actions: async (page) => { ... } });
//
// `open` (paths relative to the folder, default seeds/) are opened in editors and `commands` run in the
// extension host (both through a tiny extensionTestsPath module); then `actions(page)` may drive the
// page with playwright (hover, click, keyboard) before the PNG is taken.
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, repoRoot, startCodeServer, workbenchUrl, writeUserSettings } from './codeServer.mjs';

// Runs inside the extension host. CommonJS, so it loads without a build step.
const openerModule = `
const vscode = require('vscode');
exports.run = async function run() {
  const cfg = JSON.parse(process.env.KAMERSTUKKEN_SCREENSHOT || '{}');
  const folder = vscode.workspace.workspaceFolders[0].uri;
  for (const rel of cfg.open || []) {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, rel));
    await vscode.window.showTextDocument(doc, { preview: false });
  }
  for (const cmd of cfg.commands || []) await vscode.commands.executeCommand(cmd);
  await new Promise((resolve) => setTimeout(resolve, cfg.settleMs || 1500));
  // The extension host ends when run() settles, and with it every provider (outline, hovers):
  // say "ready", then stay until the picture is taken.
  const fs = require('fs');
  fs.writeFileSync(cfg.ready, 'ready');
  const until = Date.now() + 600000;
  while (!fs.existsSync(cfg.release) && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
};
`;

/**
 * @param {{ file: string, open?: string[], commands?: string[], folder?: string,
 *           actions?: (page: import('playwright-core').Page) => Promise<void>,
 *           settings?: Record<string, unknown>, width?: number, height?: number, settleMs?: number }} options
 * @returns {Promise<string>} the absolute path of the PNG
 */
export async function screenshot({
  file, open = [], commands = ['outline.focus'], folder = path.join(repoRoot, 'seeds'),
  actions, settings = {}, width = 1400, height = 900, settleMs = 1500,
}) {
  const base = path.join(repoRoot, '.vscode-test', 'screenshot', `${process.pid}`);
  const userDataDir = path.join(base, 'user-data');
  await writeUserSettings(userDataDir, settings);
  const opener = path.join(base, 'opener.cjs');
  await writeFile(opener, openerModule);

  const server = await startCodeServer({
    userDataDir,
    extensionsDir: path.join(base, 'extensions'),
    env: { KAMERSTUKKEN_SCREENSHOT: JSON.stringify({ open, commands, settleMs, ready: path.join(base, 'ready'), release: path.join(base, 'release') }) },
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width, height } });
    const done = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await page.goto(workbenchUrl(server.url, { folder, extensionDevelopmentPath: repoRoot, extensionTestsPath: opener }), { waitUntil: 'domcontentloaded' });
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), 120_000); });
    const ready = (async () => {
      for (;;) {
        if (await access(path.join(base, 'ready')).then(() => true, () => false)) return 'ready';
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const state = await Promise.race([done, timeout, ready]);
    clearTimeout(timer);
    if (state !== 'ready') throw new Error(`opening the editors failed (${state})`);
    if (actions) await actions(page);
    const out = path.resolve(file);
    await mkdir(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    await writeFile(path.join(base, 'release'), 'release');
    return out;
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
    await rm(base, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const commands = [];
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--command') commands.push(args[++i]);
    else rest.push(args[i]);
  }
  const file = rest[0]?.endsWith('.png') ? rest.shift() : path.join(repoRoot, 'media', 'screenshot.png');
  const open = rest.length > 0 ? rest : ['000_29150c82fa965ab7.txt'];
  screenshot({ file, open, commands: commands.length > 0 ? commands : ['outline.focus'] }).then(
    (out) => console.log(`wrote ${path.relative(process.cwd(), out)}`),
    (e) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exitCode = 1;
    },
  );
}
