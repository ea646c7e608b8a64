// `npm run test:integration`: runs the mocha suites test/integration/*.test.ts inside a real VS Code
// (code-server 4.100.3 + headless Chromium), with this repository loaded as development extension and
// a fresh copy of seeds/ as the workspace folder.
//
//   node test/integration/run.mjs [--grep <pattern>] [--screenshot <file.png>] [--keep] [--timeout <s>]
//                                 [--verbose] [--locale <id>]
//
// Suites named `<name>.<locale>.test.ts` (e.g. locale.nl.test.ts) run in a second VS Code started with
// `--locale <locale>` and a test language pack for it (see uiBridge.mjs); `--locale <id>` runs only those.
//
// Output: mocha's spec report (tailed live from a file the test index writes), extension host errors,
// and a last line `N passed, N failed`. Exit code 0 only if every test passed.
import { spawn } from 'node:child_process';
import { cp, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { launchChromium, repoRoot, startCodeServer, workbenchUrl, writeUserSettings } from '../../scripts/codeServer.mjs';
import { installLanguagePack, startUiBridge, suiteLocale } from './uiBridge.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// One folder per run, so that runs side by side (two terminals, two engineers) do not clash.
const outDir = path.join(repoRoot, 'out', 'integration', String(process.pid));

function parseArgs(argv) {
  const opts = { grep: undefined, screenshot: undefined, keep: false, timeout: 300, verbose: false, build: true, locale: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--grep') opts.grep = argv[++i];
    else if (a === '--screenshot') opts.screenshot = path.resolve(argv[++i]);
    else if (a === '--keep') opts.keep = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--timeout') opts.timeout = Number(argv[++i]);
    else if (a === '--locale') opts.locale = argv[++i];
    else throw new Error(`unknown argument: ${a}`);
  }
  return opts;
}

function run(cmd, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`))));
  });
}

/**
 * Bundles index.ts and each *.test.ts into out/integration/<pid>/ (a fresh folder: no stale suites):
 * the suites of `locale` (`<name>.<locale>.test.ts`), or without a locale the others.
 */
export async function buildTests(locale = undefined) {
  const suites = readdirSync(here).filter((f) => f.endsWith('.test.ts') && suiteLocale(f) === locale).map((f) => path.join(here, f));
  await rm(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(here, 'index.ts'), ...suites],
    outdir: outDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return { index: path.join(outDir, 'index.js'), suites };
}

/** Copies seeds/ into a fresh workspace folder. */
export async function makeWorkspace(dir) {
  await rm(dir, { recursive: true, force: true });
  await cp(path.join(repoRoot, 'seeds'), dir, { recursive: true });
  return dir;
}

/** Streams a growing file to stdout until stop() is called (stop() flushes the rest). */
function tail(file) {
  let offset = 0;
  let busy = Promise.resolve();
  const readMore = () => (busy = busy.then(async () => {
    if (!existsSync(file)) return;
    const fh = await open(file, 'r');
    try {
      for (;;) {
        const buf = Buffer.alloc(64 * 1024);
        const { bytesRead } = await fh.read(buf, 0, buf.length, offset);
        if (bytesRead === 0) break;
        offset += bytesRead;
        process.stdout.write(buf.subarray(0, bytesRead));
      }
    } finally {
      await fh.close();
    }
  }).catch(() => {}));
  const timer = globalThis.setInterval(readMore, 250);
  return {
    stop: async () => {
      globalThis.clearInterval(timer);
      await readMore();
    },
  };
}

// Browser console messages that are expected without network access or are plain workbench chatter.
const NOISE = [
  /marketplace|gallery|open-vsx|extensionsWorkbenchService|update\.code\.visualstudio/i,
  /Failed to load resource/i,
  /ERR_NAME_NOT_RESOLVED|ERR_INTERNET_DISCONNECTED|ERR_CONNECTION_REFUSED|net::ERR_/i,
  /service ?worker/i,
  /Long running operations during shutdown|Unable to resolve nonexistent file/i,
  /content security policy/i,
  /File Watcher .*restarting watcher|vsda/i,
];

/** Removes the console styling directives (`%c ... color: #f33`) VS Code puts into its log lines. */
const unstyle = (text) => text.replace(/%c\s*(\S+)?\s*color: #[0-9a-f]+\s*/gi, (_m, level) => (level ? `${level} ` : ''));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.build) {
    await run('npm', ['run', '--silent', 'build'], repoRoot);
  }
  if (!existsSync(path.join(repoRoot, 'dist', 'extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first.');
  }
  // One VS Code for the suites without a locale, then one per locale that has suites.
  const locales = opts.locale ? [opts.locale]
    : [undefined, ...new Set(readdirSync(here).map(suiteLocale).filter(Boolean))];
  let passed = 0;
  let failed = 0;
  let ok = true;
  for (const [i, locale] of locales.entries()) {
    const result = await runOnce(i === 0 ? opts : { ...opts, screenshot: undefined }, locale);
    passed += result.passed;
    failed += result.failed;
    ok &&= result.ok;
  }
  if (locales.length > 1) console.log(`[integration] ${locales.length} runs (${locales.map((l) => l ?? 'default locale').join(', ')})`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = ok ? 0 : 1;
}

/** Runs the suites of one locale (undefined: the default) in a fresh code-server and Chromium. */
async function runOnce(opts, locale) {
  const t0 = Date.now();
  const secs = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  const { index, suites } = await buildTests(locale);
  console.log(`[integration] bundled ${suites.length} suite(s)${locale ? ` for --locale ${locale}` : ''}: ${suites.map((s) => path.basename(s)).join(', ')}`);

  const runDir = path.join(repoRoot, '.vscode-test', 'runs', `${process.pid}${locale ? `-${locale}` : ''}`);
  await rm(runDir, { recursive: true, force: true });
  const workspace = await makeWorkspace(path.join(runDir, 'workspace'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  await mkdir(extensionsDir, { recursive: true });
  await writeUserSettings(userDataDir);
  if (locale) await installLanguagePack(locale, { userDataDir, extensionsDir });
  const reportFile = path.join(runDir, 'report.txt');
  const bridgeDir = path.join(runDir, 'ui-bridge');

  const forwarded = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('KAMERSTUKKEN_')));
  const env = {
    ...forwarded,
    KAMERSTUKKEN_TEST_REPORT: reportFile,
    KAMERSTUKKEN_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
    ...(opts.grep ? { KAMERSTUKKEN_TEST_GREP: opts.grep } : {}),
    KAMERSTUKKEN_UI_BRIDGE: bridgeDir,
  };

  // Extension host output reaches code-server's stdout/stderr; show errors from it (all with --verbose).
  const serverLog = (line) => {
    if (!line.trim()) return;
    if (opts.verbose || /\b(error|exception|uncaught|unhandled)\b/i.test(line)) {
      if (!NOISE.some((re) => re.test(line))) console.error(`[code-server] ${line}`);
    }
  };

  let server;
  let browser;
  let bridge;
  let tailer;
  let exitCode;
  let failure;
  try {
    server = await startCodeServer({ userDataDir, extensionsDir, env, log: serverLog, locale });
    console.log(`[integration] code-server ${server.url} ready after ${secs()}`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    page.on('pageerror', (err) => console.error(`[browser] page error: ${err.message}`));
    page.on('console', (msg) => {
      const text = unstyle(msg.text());
      const type = msg.type();
      if (opts.verbose) return console.log(`[browser:${type}] ${text}`);
      // Extension host errors are forwarded to the workbench console ("[Extension Host] ...").
      if (type === 'error' && !NOISE.some((re) => re.test(text))) console.error(`[browser:error] ${text}`);
    });

    const exited = new Promise((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    tailer = tail(reportFile);
    bridge = await startUiBridge(page, bridgeDir);
    const url = workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: index });
    await page.goto(url, { waitUntil: 'domcontentloaded' });

    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), opts.timeout * 1000); });
    const result = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') failure = `timed out after ${opts.timeout} s`;
    else exitCode = result;

    if (opts.screenshot) {
      await mkdir(path.dirname(opts.screenshot), { recursive: true });
      await page.screenshot({ path: opts.screenshot });
      console.log(`[integration] screenshot: ${path.relative(process.cwd(), opts.screenshot)}`);
    }
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  } finally {
    await tailer?.stop();
    await bridge?.stop();
    await browser?.close().catch(() => {});
    await server?.stop().catch(() => {});
  }

  let summary;
  try {
    summary = JSON.parse(await readFile(reportFile + '.json', 'utf8'));
  } catch {
    summary = undefined;
  }
  if (!summary && !failure) failure = `the tests did not report a result (exit code ${exitCode})`;
  if (failure) console.error(`[integration] FAILED: ${failure}`);
  await rm(outDir, { recursive: true, force: true });
  if (!opts.keep && !failure) await rm(runDir, { recursive: true, force: true });
  else console.error(`[integration] run folder kept: ${path.relative(process.cwd(), runDir)}`);
  console.log(`[integration] finished in ${secs()}`);

  const passed = summary?.passes ?? 0;
  // A run that broke before mocha could report (load error, crash, timeout) counts as one failure.
  const failed = summary ? summary.failures : 1;
  return { passed, failed, ok: !failure && exitCode === 0 && failed === 0 };
}

// Run only when executed directly (runElectron.mjs imports buildTests/makeWorkspace from here).
const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) main().catch(async (e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
  await writeFile(path.join(repoRoot, '.vscode-test', 'last-error.txt'), String(e)).catch(() => {});
});
