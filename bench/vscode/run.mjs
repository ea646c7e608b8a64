// `npm run bench:vscode [-- --sizes 1000,10000] [--rounds N] [--timeout-minutes M]`: the corpus index in real VS Code
// (KAMERSTUKKEN_BENCH_PROFILE=<folder>: CPU profiles of the baseline, the rebuild and the restart in the extension host,
// and of each start from activation to the Annotations view filled: cold-start, warm-start; measured on the development
// build then, whose profiles name the functions; otherwise on the production build the .vsix ships)
// (code-server 4.100.3 + headless Chromium, as the integration tests run), over generated corpora
// (bench/corpusGenerator.ts: N documents, each with a sidecar of 10 annotations, in nested folders).
//
// Per size, three starts of VS Code on the same user data (so the second finds the first's cache):
//   cold: the first start (no cache): activation to index ready, the Annotations view filled, then
//         alternating in the same extension host: the baseline, a rebuild from the files, the
//         workspace export, a start again from the cache; the heap after the start.
//   warm: the second start: activation to the Annotations view filled from the cache, then to every
//         file checked (stat'ed) in the background, and what it read.
//   empty: a start over an empty folder: the heap the index's memory is measured above.
// Every figure is printed next to the baseline measured in the same extension host: walking the
// workspace and reading every file through workspace.fs with 64 reads in flight, plus YAML.parse of
// each sidecar. Targets: view filled ≤ 1× the baseline (the Annotations view and the Corpus view), export ≤ 1.2×, second start ≤ 0.2×, index
// memory < 2 MB per 100 documents, and time per document at 10,000 within 1.3× of that at 1,000.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { launchChromium, repoRoot, startCodeServer, workbenchUrl, writeUserSettings } from '../../scripts/codeServer.mjs';

function parseArgs(argv) {
  const opts = { sizes: [1000, 10000], rounds: 2, build: true, timeoutMinutes: 20 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--sizes') opts.sizes = argv[++i].split(',').map(Number);
    else if (argv[i] === '--rounds') opts.rounds = Number(argv[++i]);
    else if (argv[i] === '--no-build') opts.build = false;
    else if (argv[i] === '--timeout-minutes') opts.timeoutMinutes = Number(argv[++i]);
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  return opts;
}

/** The generated corpus of `count` documents (made once per machine, kept in the temporary folder). */
function corpusFolder(count) {
  const p = spawnSync(process.execPath, ['--import', 'tsx', '-e', `process.stdout.write(require('./bench/corpusCli').benchCorpus(${count}))`], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (p.status !== 0) throw new Error(`generating the corpus failed (${p.status})`);
  const lines = p.stdout.trim().split('\n');
  return lines[lines.length - 1].replace(/^.*?\)\s*/, '').trim();
}

/** Reads every file once, so both the baseline and the index find them in the page cache. */
function warmPageCache(dir) {
  let n = 0;
  const visit = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) visit(p);
      else { readFileSync(p); statSync(p); n++; }
    }
  };
  visit(dir);
  return n;
}

async function session({ folder, userDataDir, extensionsDir, suite, phase, rounds, runDir, port, timeoutMinutes = 20 }) {
  const out = path.join(runDir, `${phase}.json`);
  const env = {
    KAMERSTUKKEN_BENCH_OUT: out, KAMERSTUKKEN_BENCH_PHASE: phase, KAMERSTUKKEN_BENCH_ROUNDS: String(rounds),
    KAMERSTUKKEN_BENCH_EXPORT: path.join(runDir, 'export.csv'),
  };
  const server = await startCodeServer({ userDataDir, extensionsDir, env, port });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    // With profiles: the workbench's (the page's main thread) over the whole session, as <phase>-workbench.cpuprofile.
    const profileDir = process.env.KAMERSTUKKEN_BENCH_PROFILE;
    const cdp = profileDir ? await page.context().newCDPSession(page) : undefined;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const exited = new Promise((resolve) => { void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))); });
    await page.goto(workbenchUrl(server.url, { folder, extensionDevelopmentPath: repoRoot, extensionTestsPath: suite }), { waitUntil: 'domcontentloaded', timeout: 180_000 });
    let timer;
    const timeout = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMinutes * 60_000); });
    const r = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(path.join(profileDir, `${phase}-workbench.cpuprofile`), JSON.stringify(profile));
    }
    if (r === 'timeout') throw new Error(`${phase}: timed out`);
  } finally {
    await browser.close().catch(() => {});
    await server.stop().catch(() => {});
  }
  const result = JSON.parse(await readFile(out, 'utf8'));
  if (result.error) throw new Error(`${phase}: ${result.error}`);
  return result;
}

const ms = (v) => `${Math.round(v)} ms`;
const best = (list) => Math.min(...list);
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // The build the .vsix ships (minified, no source maps: `vscode:prepublish`); with profiles, the
  // development build, whose profiles name the functions.
  const production = !process.env.KAMERSTUKKEN_BENCH_PROFILE;
  if (opts.build) spawnSync(process.execPath, ['scripts/build.mjs', ...(production ? ['--production'] : [])], { cwd: repoRoot, stdio: 'inherit' });
  const runDir = path.join(repoRoot, '.vscode-test', 'runs', `bench-${process.pid}`);
  await rm(runDir, { recursive: true, force: true });
  await mkdir(runDir, { recursive: true });
  const suite = path.join(runDir, 'suite.js');
  await esbuild.build({
    entryPoints: [path.join(repoRoot, 'bench', 'vscode', 'suite.ts')], outfile: suite, bundle: true, platform: 'node',
    format: 'cjs', target: 'node20', external: ['vscode'], logLevel: 'warning',
  });
  console.log(`corpus index in real VS Code (code-server, ${opts.build ? (production ? 'production build, as the .vsix ships' : 'development build, for readable profiles') : 'the build in dist/'}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
  const perDoc = [];
  let ok = true;
  for (const size of opts.sizes) {
    const folder = corpusFolder(size);
    const files = warmPageCache(folder);
    const userDataDir = path.join(runDir, `user-${size}`);
    const extensionsDir = path.join(runDir, `extensions-${size}`);
    await writeUserSettings(userDataDir, {});
    // One port for both starts: the workspace's storage (and so the cache) is named after the folder's remote URI.
    const port = 20000 + (process.pid % 20000);
    const cold = await session({ folder, userDataDir, extensionsDir, suite, phase: 'cold', rounds: opts.rounds, runDir, port, timeoutMinutes: opts.timeoutMinutes });
    const warm = await session({ folder, userDataDir, extensionsDir, suite, phase: 'warm', rounds: 1, runDir, port, timeoutMinutes: opts.timeoutMinutes });
    // The same start over an empty workspace: the heap the index is measured above.
    const emptyFolder = path.join(runDir, `empty-${size}`);
    await mkdir(emptyFolder, { recursive: true });
    const empty = await session({ folder: emptyFolder, userDataDir, extensionsDir, suite, phase: 'empty', rounds: 1, runDir, port, timeoutMinutes: opts.timeoutMinutes });
    const base = best([...cold.baseline.ms, ...warm.baseline.ms]);
    const coldFill = cold.start.activationToReadyMs + cold.views['Annotations view'].ms;
    const rebuild = best(cold.rebuild);
    const exp = best(cold.export);
    const restart = best(cold.restart.map((r) => r.ms));
    // Activation → the cache shown → the view's rows; the check of the files goes on after.
    const warmStart = warm.start.activationToRowsMs ?? warm.start.activationToShownMs + warm.start.shownFillMs;
    const warmChecked = warm.start.activationToReadyMs + warm.views['Annotations view'].ms;
    const restartChecked = best(cold.restart.map((r) => r.checkedMs));
    // The heap after the first start (index built, views filled) above that of a start over an empty workspace.
    const indexMb = (cold.heapAfterStart - empty.heap) / 1e6;
    const memPer100 = indexMb / (cold.documents / 100);
    const x = (v) => `×${(v / base).toFixed(2)}`;
    console.log(`  ${size.toLocaleString('en')} documents (${cold.documents} indexed, ${cold.start.annotations} annotations; ${files} files, ${(cold.baseline.bytes / 1e6).toFixed(1)} MB):`);
    console.log(`    baseline (walk + read every file, 64 in flight, + YAML.parse of each sidecar): ${ms(base)} (runs: ${[...cold.baseline.ms, ...warm.baseline.ms].map(ms).join(', ')})`);
    console.log(`    Annotations view filled, first start (activation → index ready → rows): ${ms(coldFill)} ${x(coldFill)}; rebuilt from the files in a warm host: ${ms(rebuild)} ${x(rebuild)} ${verdict(rebuild <= base)} (target ≤ 1×)`);
    for (const [name, v] of Object.entries(cold.views)) if (name !== 'Annotations view') console.log(`    ${name} filled after the index: ${ms(v.ms)} (${v.rows} rows)`);
    const corpusView = cold.corpusView?.length ? best(cold.corpusView) : undefined;
    if (corpusView !== undefined) console.log(`    Corpus view filled (index rebuilt from the files, the view opened, its rows drawn in the webview): ${ms(corpusView)} ${x(corpusView)} ${verdict(corpusView <= base)} (target ≤ 1×)`);
    console.log(`    workspace export (CSV): ${ms(exp)} ${x(exp)} ${verdict(exp <= 1.2 * base)} (target ≤ 1.2×)`);
    if (cold.exchange?.length) {
      const pick = (k) => Math.min(...cold.exchange.map((e) => e[k]));
      const [agB, agC, qd] = [pick('agreementBlock'), pick('agreementCharacter'), pick('qdpx')];
      // Targets at 1,000 documents (issue 15: agreement over 1,000 documents and 20,000 annotations ≤ 1 s; the .qdpx export our own line); larger corpora are printed.
      const judged = size <= 1000;
      const v = (pass) => (judged ? ` ${verdict(pass)}` : '');
      const target = judged ? '(target ≤ 1 s)' : '(the target is at 1,000 documents)';
      console.log(`    intercoder agreement, workspace (${cold.exchange[0].units} block units): blocks ${ms(agB)} ${x(agB)}${v(agB <= 1000)}, characters ${ms(agC)} ${x(agC)}${v(agC <= 1000)} ${target}`);
      console.log(`    REFI-QDA project export (.qdpx, ${(cold.exchange[0].qdpxBytes / 1e6).toFixed(1)} MB): ${ms(qd)} ${x(qd)}${v(qd <= 1000)} ${target}`);
      ok &&= size > 1000 || (agB <= 1000 && agC <= 1000 && qd <= 1000);
    }
    console.log(`    second start over the unchanged corpus, Annotations view filled from the cache (activation → cache shown → rows): ${ms(warmStart)} ${x(warmStart)} ${verdict(warmStart <= 0.2 * base)} (target ≤ 0.2×); in a warm host ${ms(restart)} ${x(restart)}`);
    if (cold.viewRows) console.log(`      the Annotations view's rows in a warm host, index ready: every row at every level (the test command) ${cold.viewRows.every.map(ms).join(', ')}; the rows VS Code asks for as the view shows (children of expanded rows) ${cold.viewRows.shownOnly.map(ms).join(', ')}`);
    const w = warm.start;
    if (w.activationToCreatedMs !== undefined) console.log(`      of which: activation → index made ${ms(w.activationToCreatedMs)}, → first cache shard's bytes ${ms(w.createdToCacheBytesMs ?? NaN)}, → cache read ${ms(w.createdToCacheReadMs ?? NaN)}, → shown ${ms(w.cacheReadToShownMs ?? NaN)}, → rows ${ms(w.shownToRowsMs ?? NaN)} (this suite ran from ${ms(w.activationToSuiteMs ?? NaN)} after activation${w.gc ? `; garbage collection from there to the rows ${ms(w.gc.ms)}: ${w.gc.minor} minor, ${w.gc.major} major ${ms(w.gc.majorMs)}` : ''})`);
    console.log(`      then every file checked (stat) in the background: done ${ms(warmChecked)} after activation ${x(warmChecked)}, in a warm host ${ms(restartChecked)} ${x(restartChecked)}; read ${warm.start.io.readFile} files (the cache: ${warm.start.cache.loaded} documents), stat ${warm.start.io.stat}, ${warm.start.pass.readFromDisk} documents read again`);
    console.log(`    index memory (extension host heap after GC, first start with the index built, the view filled and the cache written − a start over an empty workspace): ${indexMb.toFixed(1)} MB, ${memPer100.toFixed(2)} MB per 100 documents ${verdict(memPer100 < 2)} (target < 2); heap ${(cold.heapAfterStart / 1e6).toFixed(0)} MB against ${(empty.heap / 1e6).toFixed(0)} MB`);
    console.log(`      in one host: rebuilt from the files − dropped ${((cold.memory.heapWith - cold.memory.heapWithout) / 1e6).toFixed(1)} MB, from the cache − dropped ${((cold.memory.heapBefore - cold.memory.heapWithout) / 1e6).toFixed(1)} MB`);
    console.log(`    CPU slices: ${cold.slices.count}, longest ${ms(cold.slices.longestMs)}`);
    ok &&= rebuild <= base && exp <= 1.2 * base && warmStart <= 0.2 * base && memPer100 < 2 && (corpusView === undefined || corpusView <= base);
    perDoc.push({ size, fill: rebuild / cold.documents, exp: exp / cold.documents, start: warmStart / cold.documents, base: base / cold.documents });
  }
  if (perDoc.length >= 2) {
    const [a, b] = [perDoc[0], perDoc[perDoc.length - 1]];
    const g = (k) => (b[k] / a[k]).toFixed(2);
    const grow = b.fill / a.fill;
    console.log(`  time per document, ${b.size.toLocaleString('en')} against ${a.size.toLocaleString('en')}: view filled ×${g('fill')}, export ×${g('exp')}, second start ×${g('start')}, baseline ×${g('base')} (linear: ≈ 1) ${verdict(grow <= 1.3)} (target ≤ 1.3)`);
    ok &&= grow <= 1.3;
  }
  if (!process.env.KAMERSTUKKEN_BENCH_KEEP) await rm(runDir, { recursive: true, force: true });
  console.log(ok ? 'corpus index bench: all targets met' : 'corpus index bench: some targets not met');
}

main().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
