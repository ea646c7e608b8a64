// `npm run test:integration`: runs the mocha suites test/integration/*.test.ts inside a real VS Code
// (code-server 4.100.3 + headless Chromium), with this repository loaded as development extension and
// a fresh copy of seeds/ as the workspace folder.
//
//   node test/integration/run.mjs [--grep <pattern>] [--screenshot <file.png>] [--keep] [--timeout <s>]
//                                 [--verbose] [--vsix [file.vsix] | --web | --locale <id>]
//
// --vsix: packages the extension (`vsce package`, or takes the given .vsix), installs it into a fresh
//   extensions folder with `code-server --install-extension` and runs test/integration/vsix/*.test.ts
//   from a generated empty development extension, so the extension under test is the installed package.
//   Prints the package's size and file count and the activation figures the suite measures.
// --web: runs the repository as a web extension (its `browser` bundle, in the web worker extension
//   host) with test/integration/web/*.test.ts bundled for the browser.
//
// Suites named `<name>.<locale>.test.ts` (e.g. locale.nl.test.ts) run in a second VS Code started with
// `--locale <locale>` and a test language pack for it (see uiBridge.mjs); `--locale <id>` runs only those.
//
// Output: mocha's spec report (tailed live from a file the test index writes), extension host errors,
// and a last line `N passed, N failed`. Exit code 0 only if every test passed.
import { spawn } from 'node:child_process';
import { cp, mkdir, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { installExtension, launchChromium, repoRoot, startCodeServer, workbenchUrl, writeUserSettings } from '../../scripts/codeServer.mjs';
import { installLanguagePack, startUiBridge, suiteLocale } from './uiBridge.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// One folder per run, so that runs side by side (two terminals, two engineers) do not clash.
const outDir = path.join(repoRoot, 'out', 'integration', String(process.pid));

function parseArgs(argv) {
  const opts = { grep: undefined, screenshot: undefined, keep: false, timeout: 600, verbose: false, build: true, mode: 'dev', vsix: undefined, locale: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--grep') opts.grep = argv[++i];
    else if (a === '--screenshot') opts.screenshot = path.resolve(argv[++i]);
    else if (a === '--keep') opts.keep = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--no-build') opts.build = false;
    else if (a === '--timeout') opts.timeout = Number(argv[++i]);
    else if (a === '--web') opts.mode = 'web';
    else if (a === '--vsix') {
      opts.mode = 'vsix';
      if (argv[i + 1]?.endsWith('.vsix')) opts.vsix = path.resolve(argv[++i]);
    }
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
 * Bundles index.ts and each *.test.ts of `suitesDir` (default: this folder) into out/integration/<pid>/
 * (a fresh folder: no stale suites): the suites of `locale` (`<name>.<locale>.test.ts`), or without a
 * locale the others.
 */
export async function buildTests(suitesDir = here, locale = undefined) {
  const suites = readdirSync(suitesDir).filter((f) => f.endsWith('.test.ts') && suiteLocale(f) === locale).map((f) => path.join(suitesDir, f));
  await rm(outDir, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [path.join(here, 'index.ts'), ...suites],
    outdir: outDir,
    entryNames: '[name]',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // xmllint-wasm starts its worker from its own folder: required from node_modules at run time.
    external: ['vscode', 'mocha', 'xmllint-wasm'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return { index: path.join(outDir, 'index.js'), suites };
}

/**
 * Bundles the web suites (web/*.test.ts) with web/index.ts and mocha's browser build into one CommonJS
 * module for the web worker extension host, which can `require` nothing but `vscode`. Node builtins fail
 * the build, as in the extension's own web bundle.
 */
async function buildWebTests({ report, measureFile, grep }) {
  const dir = path.join(here, 'web');
  const suites = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => path.join(dir, f));
  await rm(outDir, { recursive: true, force: true });
  const outfile = path.join(outDir, 'webTests.js');
  // Suites load inside run(), after mocha.setup() has defined describe/it.
  const entry = [
    `const { runSuites } = require(${JSON.stringify(path.join(dir, 'index.ts'))});`,
    `exports.run = () => runSuites(() => { ${suites.map((f) => `require(${JSON.stringify(f)});`).join(' ')} });`,
  ].join('\n');
  await esbuild.build({
    stdin: { contents: entry, resolveDir: dir, sourcefile: 'webTests.js', loader: 'js' },
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: {
      KAMERSTUKKEN_WEB_TEST: JSON.stringify({ report, grep }),
      KAMERSTUKKEN_WEB_MEASURE_FILE: JSON.stringify(measureFile),
      'process.env.NODE_ENV': '"development"',
    },
    plugins: [{
      // mocha.js is a UMD bundle in an ESM package: bundled as ESM, its `typeof module` test would find
      // the test module's own `module` (the extension host loads it with new Function('module', ...))
      // and replace its exports with mocha. Hidden from it, mocha sets the globals `mocha` and `Mocha`.
      name: 'mocha-browser-globals',
      setup(build) {
        build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
          contents: `(function (module, exports, define) {\n${await readFile(args.path, 'utf8')}\n}).call(globalThis);`,
          loader: 'js',
        }));
      },
    }, {
      name: 'no-node-builtins',
      setup(build) {
        build.onResolve({ filter: /^(node:|(fs|path|os|util|assert|child_process)(\/|$))/ }, (args) => ({
          errors: [{ text: `Node builtin "${args.path}" imported by ${args.importer}: web tests run without Node` }],
        }));
      },
    }],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return { index: outfile, suites };
}

/** Runs `vsce package` (its `vscode:prepublish` builds the production bundles) into `file`. */
async function packageVsix(file) {
  await run(path.join(repoRoot, 'node_modules', '.bin', 'vsce'), ['package', '--out', file], repoRoot);
  return file;
}

/** Number of entries of a zip file, from its end-of-central-directory record. */
async function zipEntries(file) {
  const buf = await readFile(file);
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return buf.readUInt16LE(i + 10);
  }
  throw new Error(`${file} is not a zip file`);
}

/** An extension with nothing in it: the development extension that carries the tests in --vsix runs. */
async function writeRunnerExtension(dir) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({
    name: 'kamerstukken-vsix-test-runner',
    publisher: 'kamerstukken-test',
    version: '0.0.0',
    description: 'Carries the --vsix integration tests; the extension under test is the installed .vsix.',
    engines: { vscode: '^1.90.0' },
  }, null, 2) + '\n');
  return dir;
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
  // One VS Code for the suites without a locale, then one per locale that has suites (dev mode only).
  const locales = opts.locale ? [opts.locale]
    : opts.mode !== 'dev' ? [undefined]
    : [undefined, ...new Set(readdirSync(here).map(suiteLocale).filter(Boolean))];
  let passed = 0;
  let failed = 0;
  let ok = true;
  for (const [i, locale] of locales.entries()) {
    const result = await runOnce(i === 0 ? opts : { ...opts, screenshot: undefined, build: false }, locale);
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

  const runDir = path.join(repoRoot, '.vscode-test', 'runs', `${process.pid}${locale ? `-${locale}` : ''}`);
  await rm(runDir, { recursive: true, force: true });
  await mkdir(runDir, { recursive: true });
  const reportFile = path.join(runDir, 'report.txt');
  const measureFile = path.join(runDir, 'measure.json');

  // --vsix packages instead (vscode:prepublish builds the production bundles).
  if (opts.build && opts.mode !== 'vsix') {
    await run('npm', ['run', '--silent', 'build'], repoRoot);
  }
  const bundle = opts.mode === 'web' ? path.join('dist', 'web', 'extension.js') : path.join('dist', 'extension.js');
  if (opts.mode !== 'vsix' && !existsSync(path.join(repoRoot, bundle))) {
    throw new Error(`${bundle} is missing: run \`npm run build\` first.`);
  }
  const { index, suites } = opts.mode === 'web'
    ? await buildWebTests({ report: reportFile, measureFile, grep: opts.grep })
    : await buildTests(opts.mode === 'vsix' ? path.join(here, 'vsix') : here, locale);
  console.log(`[integration] bundled ${suites.length} suite(s)${locale ? ` for --locale ${locale}` : ''}: ${suites.map((s) => path.basename(s)).join(', ')}`);

  const workspace = await makeWorkspace(path.join(runDir, 'workspace'));
  const userDataDir = path.join(runDir, 'user-data');
  const extensionsDir = path.join(runDir, 'extensions');
  await mkdir(extensionsDir, { recursive: true });
  // --web: the user setting remote.extensionKind makes the workbench run the extension (and the tests,
  // which sit inside its folder) in the web worker extension host. The payload's extensionDevelopmentKind
  // is parsed by code-server 4.100.3's workbench but not applied to a development extension on the
  // remote (it still picks kinds [workspace, web] with preference Remote), so the setting it is.
  // --vsix checks that the extension is not active after startup. With MCP on (the default), VS Code
  // 1.100's MCP discovery opens the user settings.json as a text model at startup while its language
  // is still plaintext, which fires onLanguage:plaintext in every window; off, so the check sees the
  // extension's own activation events only (the report says what the default costs).
  const settings = opts.mode === 'web' ? { 'remote.extensionKind': { 'kamerstukken.kamerstukken': ['web'] } }
    : opts.mode === 'vsix' ? { 'chat.mcp.enabled': false } : {};
  await writeUserSettings(userDataDir, settings);

  let extensionDevelopmentPath = repoRoot;
  if (opts.mode === 'vsix') {
    const vsix = opts.vsix ?? await packageVsix(path.join(runDir, 'kamerstukken.vsix'));
    const { size } = await stat(vsix);
    console.log(`[vsix] ${path.relative(process.cwd(), vsix)}: ${size} bytes, ${await zipEntries(vsix)} files`);
    const t = Date.now();
    const out = await installExtension({ vsix, userDataDir, extensionsDir });
    console.log(`[vsix] installed in ${((Date.now() - t) / 1000).toFixed(1)} s: ${out.trim().split('\n').pop()}`);
    extensionDevelopmentPath = await writeRunnerExtension(path.join(runDir, 'runner-extension'));
  }
  if (locale) await installLanguagePack(locale, { userDataDir, extensionsDir });
  const bridgeDir = path.join(runDir, 'ui-bridge');

  const forwarded = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('KAMERSTUKKEN_')));
  const env = {
    ...forwarded,
    KAMERSTUKKEN_TEST_REPORT: reportFile,
    KAMERSTUKKEN_MEASURE_FILE: measureFile,
    KAMERSTUKKEN_EXTENSIONS_DIR: extensionsDir,
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
    const url = workbenchUrl(server.url, { folder: workspace, extensionDevelopmentPath, extensionTestsPath: index });
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
  const measures = await readFile(measureFile, 'utf8').then(JSON.parse, () => undefined);
  if (measures) console.log(`[${opts.mode}] measured: ${Object.entries(measures).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  if (failure) console.error(`[integration] FAILED: ${failure}`);
  if (!opts.keep) await rm(outDir, { recursive: true, force: true });
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
