// A real VS Code without a VS Code download: code-server (the VS Code server + web workbench, from npm)
// driven by headless Chromium (playwright-core + @sparticuz/chromium). See the recipe in the team notes
// (real-vscode.md). Used by test/integration/run.mjs, scripts/start.mjs and scripts/screenshot.mjs.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);

const root = path.join(cacheDir, 'node_modules', 'code-server');
const entry = path.join(root, 'out', 'node', 'entry.js');
const vscodeDir = path.join(root, 'lib', 'vscode');
const marker = path.join(cacheDir, '.install-complete');

/** Chromium flags that work on these machines (no GPU, no sandbox as root, no network chatter). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const log = (msg) => console.log(`[code-server] ${msg}`);

/** Runs npm with the given args in cwd; output is captured and only shown when the command fails. */
function npm(args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd,
      env: { ...process.env, npm_config_yes: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) return resolve();
      process.stderr.write(out);
      reject(new Error(`npm ${args.join(' ')} failed with exit code ${code} (in ${cwd})`));
    });
  });
}

/**
 * Installs code-server@4.100.3 into .vscode-test/code-server-4.100.3/ (once; a marker file written last
 * records a complete install, so an interrupted install is redone).
 * @returns {Promise<{ root: string, entry: string, vscodeDir: string }>}
 */
export async function ensureCodeServer() {
  const result = { root, entry, vscodeDir };
  if (await installed()) return result;
  // Several processes (parallel test runs) may get here at once: one installs, the others wait.
  const lock = `${cacheDir}.lock`;
  await mkdir(path.dirname(cacheDir), { recursive: true });
  let announced = false;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (e) {
      if (e?.code !== 'EEXIST') throw e;
    }
    const st = await stat(lock).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > 10 * 60_000) {
      await rm(lock, { recursive: true, force: true }); // left behind by a killed install
      continue;
    }
    if (!announced) log('another process is installing code-server; waiting ...');
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  try {
    if (!(await installed())) await install();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
  return result;
}

async function installed() {
  if (!existsSync(marker) || !existsSync(entry)) return false;
  return (await readFile(marker, 'utf8')).trim() === CODE_SERVER_VERSION;
}

async function install() {
  const started = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), cacheDir) || cacheDir} (one-off, about a minute)`);
  await rm(marker, { force: true });
  await mkdir(cacheDir, { recursive: true });
  // Own package.json, so npm installs here and never walks up into the repository's node_modules.
  await writeFile(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2) + '\n');

  const steps = [
    ['npm install --ignore-scripts code-server', ['install', '--ignore-scripts', `code-server@${CODE_SERVER_VERSION}`], cacheDir],
    ['npm rebuild argon2', ['rebuild', 'argon2'], cacheDir],
    ['lib/vscode: npm install --omit=dev', ['install', '--omit=dev', '--ignore-scripts'], vscodeDir],
    ['lib/vscode: npm rebuild native modules', ['rebuild', 'node-pty', '@parcel/watcher', 'native-watchdog', '@vscode/spdlog'], vscodeDir],
    ['lib/vscode/extensions: npm install --omit=dev', ['install', '--omit=dev', '--ignore-scripts'], path.join(vscodeDir, 'extensions')],
  ];
  for (const [label, args, cwd] of steps) {
    const t = Date.now();
    log(`${label} ...`);
    await npm(args, cwd);
    log(`${label} done (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    if (cwd === vscodeDir && args[0] === 'rebuild') {
      // ln -sfn node_modules node_modules.asar
      await rm(path.join(vscodeDir, 'node_modules.asar'), { force: true, recursive: true });
      await symlink('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    }
  }
  if (!existsSync(entry)) throw new Error(`code-server entry point missing after install: ${entry}`);
  await writeFile(marker, CODE_SERVER_VERSION + '\n');
  log(`installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Installs a .vsix into an extensions folder the way a user does (`code-server --install-extension`).
 * @param {{ vsix: string, userDataDir: string, extensionsDir: string }} options
 * @returns {Promise<string>} code-server's output
 */
export async function installExtension({ vsix, userDataDir, extensionsDir }) {
  const { entry: csEntry } = await ensureCodeServer();
  await mkdir(userDataDir, { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  const args = [csEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--config', path.join(userDataDir, 'code-server.yaml'), '--install-extension', vsix];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(output) : reject(new Error(`--install-extension exited with ${code}:\n${output}`))));
  });
}

/** @returns {Promise<number>} a TCP port that was free a moment ago on 127.0.0.1 */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on 127.0.0.1 at a free port and waits until it listens.
 * @param {{ userDataDir: string, extensionsDir: string, env?: Record<string, string | undefined>,
 *           log?: (line: string) => void, timeoutMs?: number, locale?: string, port?: number }} options
 *   port: the port to listen on (default: a free one); the same port again opens the same workspace storage
 *   (VS Code names a remote folder's storage after its URI, which holds host and port).
 *   env: extra environment variables for code-server (they reach the extension host).
 *   locale: code-server's `--locale` (the display language, e.g. `nl`); VS Code ignores it without a language pack
 *   for it (see installLanguagePack in test/integration/uiBridge.mjs).
 *   log: receives every output line of code-server (default: discarded, except after a failed start).
 * @returns {Promise<{ port: number, url: string, process: import('node:child_process').ChildProcess,
 *                     output: () => string, stop: () => Promise<void> }>}
 */
export async function startCodeServer({ userDataDir, extensionsDir, env = {}, log: onLine, timeoutMs = 60_000, locale, port: wantedPort }) {
  const { entry: csEntry } = await ensureCodeServer();
  await mkdir(userDataDir, { recursive: true });
  await mkdir(extensionsDir, { recursive: true });
  const port = wantedPort ?? await freePort();
  const args = [
    csEntry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // Keep code-server's config.yaml out of ~/.config.
    '--config', path.join(userDataDir, 'code-server.yaml'),
    ...(locale ? ['--locale', locale] : []),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group, so stop() also ends its children (extension host, file watcher)
  });
  let output = '';
  let pending = '';
  const onData = (d) => {
    output += d;
    if (output.length > 1_000_000) output = output.slice(-500_000);
    pending += d;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    if (onLine) for (const l of lines) onLine(l);
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  let exited = false;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); }));

  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`code-server did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const check = () => {
      if (output.includes('HTTP server listening')) { clearTimeout(timer); resolve(); }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    void exitPromise.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`code-server exited early (code ${code}, signal ${signal}):\n${output}`));
    });
  }).catch(async (e) => {
    killGroup(child, 'SIGKILL');
    throw e;
  });

  const stop = async () => {
    if (exited) return;
    killGroup(child, 'SIGTERM');
    const t = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exitPromise;
    clearTimeout(t);
  };
  return { port, url: `http://127.0.0.1:${port}/`, process: child, output: () => output, stop };
}

function killGroup(child, signal) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    try { child.kill(signal); } catch { /* already gone */ }
  }
}

/**
 * Launches headless Chromium for playwright-core: the binary from the npm package @sparticuz/chromium,
 * or Debian's /usr/bin/chromium when that one is missing or fails.
 * @param {{ headless?: boolean }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchChromium({ headless = true } = {}) {
  const { chromium } = await import('playwright-core');
  const candidates = [];
  if (process.env.CHROMIUM_PATH) candidates.push(async () => process.env.CHROMIUM_PATH);
  candidates.push(async () => {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    return sparticuz.executablePath();
  });
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (existsSync(p)) candidates.push(async () => p);
  }
  const errors = [];
  for (const candidate of candidates) {
    let executablePath;
    try {
      executablePath = await candidate();
      return await chromium.launch({ executablePath, headless, args: chromiumArgs });
    } catch (e) {
      errors.push(`${executablePath ?? '@sparticuz/chromium'}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new Error(`could not launch Chromium:\n${errors.join('\n')}`);
}

/**
 * The workbench URL that opens `folder` with the extension at `extensionDevelopmentPath` loaded as a
 * development extension (and, with `extensionTestsPath`, runs that module's run() in the extension host).
 * @param {string} baseUrl e.g. http://127.0.0.1:PORT/
 * @param {{ folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} options
 */
export function workbenchUrl(baseUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const u = new URL(baseUrl);
  const remote = (p) => `vscode-remote://${u.host}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${u.origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** User settings for a quiet, predictable workbench. */
export const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // No task detection (it searches the workspace, which needs the ripgrep binary this install skips).
  'task.autoDetect': 'off',
  'typescript.tsc.autoDetect': 'off',
  'npm.autoDetect': 'off',
};

/** Writes quietSettings (plus extra) as the user settings of a code-server user-data-dir. */
export async function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'settings.json'), JSON.stringify({ ...quietSettings, ...extra }, null, 2) + '\n');
}
