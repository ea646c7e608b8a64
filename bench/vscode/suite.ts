// The real-VS-Code benchmark's side in the extension host (bench/vscode/run.mjs bundles it as the
// extensionTestsPath). Phase "cold": the first start over a generated corpus (no cache); phase
// "warm": the next start with the same user data (the cache). Each figure is printed by the runner
// next to a baseline measured here in the same extension host: walking the workspace and reading
// every file through workspace.fs with 64 reads in flight, plus YAML.parse of each sidecar.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as inspector from 'node:inspector';
import * as path from 'node:path';
import { type PerformanceEntry, PerformanceObserver } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as vscode from 'vscode';
import { parse as yamlParse } from 'yaml';
import { Pool } from '../../src/core/util/pool';

const EXTENSION_ID = 'kamerstukken.kamerstukken';
const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

interface CorpusState {
  state: string;
  documents: number;
  annotations: number;
  io: { readDirectory: number; stat: number; readFile: number; writeFile: number };
  lastPass?: { totalMs: number; walkMs: number; readFromDisk: number; reusedFromCache: number };
  slices: number;
  longestSliceMs: number;
  timeline: { createdAt: number; cacheBytesAt?: number; cacheReadAt?: number; shownAt?: number; readyAt?: number };
  cache: { folder?: string; loaded: number };
}

/**
 * Screens filled once the index is ready: the Annotations view, and later ones (the Corpus view:
 * register its test-only state command here, e.g. 'kamerstukken.corpusViewState', and the
 * benchmark prints its figure too). Each command returns what the view shows once it is filled.
 */
const VIEWS: readonly { readonly name: string; readonly command: string }[] = [
  { name: 'Annotations view', command: 'kamerstukken.annotationsViewState' },
  { name: 'Corpus view', command: 'kamerstukken.corpusViewState' },
];

function gcNow(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  (runInNewContext('gc') as () => void)();
}

function activationStart(): number | undefined {
  const name = `code/extHost/willActivateExtension/${EXTENSION_ID}`;
  const shared = (globalThis as { MonacoPerformanceMarks?: { getMarks(): { name: string; startTime: number }[] } }).MonacoPerformanceMarks;
  return shared?.getMarks().find((m) => m.name === name)?.startTime ?? performance.getEntriesByName(name)[0]?.startTime;
}

async function state(): Promise<CorpusState> {
  return (await vscode.commands.executeCommand<CorpusState>('kamerstukken.corpusState'));
}

async function control(action: string): Promise<unknown> {
  return vscode.commands.executeCommand('kamerstukken.corpusControl', action);
}

/** The baseline: walk, read every file (64 in flight), YAML.parse each sidecar. */
async function baseline(): Promise<{ ms: number; files: number; bytes: number }> {
  const t0 = performance.now();
  const pool = new Pool(64);
  let files = 0;
  let bytes = 0;
  const reads: Promise<void>[] = [];
  const visit = async (dir: vscode.Uri): Promise<void> => {
    const entries = await pool.run(() => vscode.workspace.fs.readDirectory(dir));
    const sub: Promise<void>[] = [];
    for (const [name, type] of entries) {
      const uri = vscode.Uri.joinPath(dir, name);
      if (type & vscode.FileType.Directory) {
        if (!SKIP.has(name)) sub.push(visit(uri));
      } else if (name.endsWith('.txt') || name.endsWith('.kamerstuk') || name.endsWith('.annotations.yaml')) {
        reads.push(pool.run(() => vscode.workspace.fs.readFile(uri)).then((b) => {
          files++;
          bytes += b.byteLength;
          const text = new TextDecoder().decode(b);
          if (name.endsWith('.annotations.yaml')) yamlParse(text);
        }));
      }
    }
    await Promise.all(sub);
  };
  await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => visit(f.uri)));
  await Promise.all(reads);
  return { ms: performance.now() - t0, files, bytes };
}

async function viewFill(command: string): Promise<{ ms: number; end: number; rows: number } | undefined> {
  const t0 = performance.now();
  let result: { rows: unknown[] } | undefined;
  try {
    result = await vscode.commands.executeCommand<{ rows: unknown[] }>(command);
  } catch {
    return undefined; // not registered (yet)
  }
  const end = performance.now();
  return { ms: end - t0, end, rows: result?.rows.length ?? 0 };
}

/**
 * With KAMERSTUKKEN_BENCH_PROFILE=<folder>, a CPU profile of `fn` in this extension host written to
 * `<folder>/<name>.cpuprofile` (open it in Chrome's DevTools or VS Code); else just `fn`.
 */
async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.KAMERSTUKKEN_BENCH_PROFILE;
  if (!dir) return fn();
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => { session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))); });
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await post('Profiler.stop') as { profile: unknown };
    session.disconnect();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  }
}

/** The extension host's heap after full garbage collections. */
function heapNow(): number {
  gcNow();
  return process.memoryUsage().heapUsed;
}

/**
 * The heap in this host with the index dropped (and the views told, so they let go of their rows),
 * and with it built again from the files (and the Annotations view filled). The figure that counts
 * is the heap after indexing against a start over an empty workspace (the "empty" phase): this
 * in-host difference misses what VS Code keeps of rows it showed.
 */
async function memory(): Promise<{ heapWith: number; heapWithout: number; heapBefore: number }> {
  await control('saveCache');
  await viewFill('kamerstukken.annotationsViewState');
  const heapBefore = heapNow();
  await control('drop');
  await viewFill('kamerstukken.annotationsViewState');
  const heapWithout = heapNow();
  await control('rebuild');
  await viewFill('kamerstukken.annotationsViewState');
  const heapWith = heapNow();
  return { heapWith, heapWithout, heapBefore };
}

/** Phase "empty": the same start over a workspace without documents; its heap is what the index is measured above. */
async function emptyPhase(result: Record<string, unknown>): Promise<void> {
  await control('ready');
  await viewFill('kamerstukken.annotationsViewState');
  result.heap = heapNow();
  result.documents = (await state()).documents;
}

/** Intercoder agreement over the workspace (block and character units) and the REFI-QDA project export, each timed once. */
async function exchangeFigures(exportTarget: string | undefined): Promise<{ agreementBlock: number; agreementCharacter: number; qdpx: number; qdpxBytes: number; units: number }> {
  const t0 = performance.now();
  const block = await vscode.commands.executeCommand<{ documents: number; overall: { units: number } } | undefined>('kamerstukken.agreement', { unit: 'block', scope: 'workspace' });
  const agreementBlock = performance.now() - t0;
  if (!block || block.documents === 0) throw new Error('the agreement compared no documents');
  const t1 = performance.now();
  const character = await vscode.commands.executeCommand<{ overall: { units: number } } | undefined>('kamerstukken.agreement', { unit: 'character', scope: 'workspace' });
  const agreementCharacter = performance.now() - t1;
  if (!character) throw new Error('no character agreement');
  const target = vscode.Uri.file(`${exportTarget ?? '/tmp/kamerstukken-bench'}.qdpx`);
  const t2 = performance.now();
  const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('kamerstukken.exportAnnotations', { format: 'qdpx', scope: 'workspace', target: target.toString(), overwrite: true });
  const qdpx = performance.now() - t2;
  if (!written) throw new Error('the qdpx export wrote nothing');
  const qdpxBytes = (await vscode.workspace.fs.stat(written)).size;
  return { agreementBlock, agreementCharacter, qdpx, qdpxBytes, units: block.overall.units };
}

export async function run(): Promise<void> {
  const out = process.env.KAMERSTUKKEN_BENCH_OUT;
  const phase = process.env.KAMERSTUKKEN_BENCH_PHASE ?? 'cold';
  const exportTarget = process.env.KAMERSTUKKEN_BENCH_EXPORT;
  const result: Record<string, unknown> = { phase };
  try {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    if (!ext) throw new Error(`${EXTENSION_ID} is not installed`);
    if (phase === 'empty') {
      await ext.activate();
      await emptyPhase(result);
      if (out) writeFileSync(out, JSON.stringify(result, null, 2));
      return;
    }
    // The Annotations view as soon as it can fill: from the cache on a second start (the files are
    // checked after), after the first pass on a first start. Profiled from here (the extension may
    // have activated before this suite ran) with KAMERSTUKKEN_BENCH_PROFILE.
    const suiteAt = performance.now();
    // The garbage collections from here until the rows are filled (kind: 1 minor, 4 major, 8 incremental, 16 weak callbacks).
    const gcs: { kind: number; ms: number }[] = [];
    const gcTaken = (entries: readonly PerformanceEntry[]): void => {
      for (const e of entries) gcs.push({ kind: (e as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind ?? 0, ms: e.duration });
    };
    const gcObserver = new PerformanceObserver((list) => gcTaken(list.getEntries()));
    gcObserver.observe({ entryTypes: ['gc'] });
    const shownFill = await profiled(`${phase}-start`, async () => {
      await ext.activate();
      return viewFill('kamerstukken.annotationsViewState');
    });
    gcTaken(gcObserver.takeRecords());
    gcObserver.disconnect();
    const shown = await state();
    await control('ready');
    const first = await state();
    const activated = activationStart();
    // VS Code's marks are on the epoch clock; the service's on performance.now().
    const readyAt = first.timeline.readyAt !== undefined ? performance.timeOrigin + first.timeline.readyAt : undefined;
    const shownAt = shown.timeline.shownAt !== undefined ? performance.timeOrigin + shown.timeline.shownAt : undefined;
    result.start = {
      activationToReadyMs: activated !== undefined && readyAt !== undefined ? readyAt - activated : undefined, cache: first.cache,
      activationToShownMs: activated !== undefined && shownAt !== undefined ? shownAt - activated : undefined,
      shownFillMs: shownFill?.ms,
      // The rows asked for may have waited for the cache: activation → rows is not the sum of the two.
      activationToRowsMs: activated !== undefined && shownFill ? performance.timeOrigin + shownFill.end - activated : undefined,
      shownToRowsMs: shown.timeline.shownAt !== undefined && shownFill ? shownFill.end - shown.timeline.shownAt : undefined,
      // Where the time from activation to the cache shown goes: activation to the index made, the cache read, shown.
      activationToSuiteMs: activated !== undefined ? performance.timeOrigin + suiteAt - activated : undefined,
      activationToCreatedMs: activated !== undefined ? performance.timeOrigin + shown.timeline.createdAt - activated : undefined,
      createdToCacheBytesMs: shown.timeline.cacheBytesAt !== undefined ? shown.timeline.cacheBytesAt - shown.timeline.createdAt : undefined,
      createdToCacheReadMs: shown.timeline.cacheReadAt !== undefined ? shown.timeline.cacheReadAt - shown.timeline.createdAt : undefined,
      cacheReadToShownMs: shown.timeline.cacheReadAt !== undefined && shown.timeline.shownAt !== undefined ? shown.timeline.shownAt - shown.timeline.cacheReadAt : undefined,
      createdToReadyMs: first.timeline.readyAt !== undefined ? first.timeline.readyAt - first.timeline.createdAt : undefined,
      io: first.io, pass: first.lastPass, documents: first.documents, annotations: first.annotations,
      slices: first.slices, longestSliceMs: first.longestSliceMs,
      gc: { minor: gcs.filter((g) => g.kind === 1).length, major: gcs.filter((g) => g.kind === 4).length, ms: gcs.reduce((n, g) => n + g.ms, 0), majorMs: gcs.filter((g) => g.kind === 4).reduce((n, g) => n + g.ms, 0) },
    };
    // The heap with the index as the start leaves it once settled, its cache written (which the index
    // then holds compactly), against the "empty" phase's.
    await control('saveCache');
    result.heapAfterStart = heapNow();
    const views: Record<string, unknown> = {};
    for (const v of VIEWS) {
      const fill = await viewFill(v.command);
      if (fill) views[v.name] = fill;
    }
    // The Corpus view is an editor panel: closed again, so it does not redraw during the other figures.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    result.views = views;
    // What the Annotations view's test command builds (every row, every level) against what VS Code
    // asks for when the view shows (the children of expanded rows), on the same index, alternating.
    const every: number[] = [];
    const shownOnly: number[] = [];
    for (let i = 0; i < 3; i++) {
      every.push((await profiled(`${phase}-rows-${i}`, () => viewFill('kamerstukken.annotationsViewState')))?.ms ?? NaN);
      shownOnly.push((await viewFill('kamerstukken.annotationsViewShownRows'))?.ms ?? NaN);
    }
    result.viewRows = { every, shownOnly };
    // Baseline and the figures again, alternating, in this (warm) extension host.
    const baselines: number[] = [];
    const rebuilds: number[] = [];
    const restarts: { ms: number; checkedMs: number; io: CorpusState['io'] }[] = [];
    const exports: number[] = [];
    const corpusViews: number[] = [];
    const exchange: { agreementBlock: number; agreementCharacter: number; qdpx: number; qdpxBytes: number; units: number }[] = [];
    let files = 0;
    let bytes = 0;
    await control('saveCache');
    const rounds = Number(process.env.KAMERSTUKKEN_BENCH_ROUNDS ?? 2);
    for (let r = 0; r < rounds; r++) {
      const b = await profiled(`${phase}-baseline-${r}`, baseline);
      baselines.push(b.ms);
      files = b.files;
      bytes = b.bytes;
      if (phase === 'cold') {
        // The index built from the files alone (no cache), then the Annotations view filled.
        await control('resetCounts');
        const t0 = performance.now();
        await profiled(`rebuild-${r}`, async () => {
          await control('rebuild');
          await viewFill('kamerstukken.annotationsViewState');
        });
        rebuilds.push(performance.now() - t0);
        await control('saveCache');
        // The workspace export (CSV of every annotation).
        const t1 = performance.now();
        const written = await vscode.commands.executeCommand('kamerstukken.exportAnnotations', { format: 'csv', scope: 'workspace', target: exportTarget, overwrite: true });
        if (!written) throw new Error('the export wrote nothing');
        exports.push(performance.now() - t1);
        // The index built from the files again, then the Corpus view opened and its rows drawn in the webview.
        const t3 = performance.now();
        await control('rebuild');
        if (await profiled(`corpus-view-${r}`, () => viewFill('kamerstukken.corpusViewState'))) corpusViews.push(performance.now() - t3);
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await control('saveCache');
        exchange.push(await exchangeFigures(exportTarget));
      }
      // A start again over the unchanged corpus: the cache read and shown (the view filled), then
      // every file stat'ed by the check that follows, nothing read.
      await control('resetCounts');
      const t2 = performance.now();
      await profiled(`${phase}-restart-${r}`, async () => {
        await control('restartShown');
        await viewFill('kamerstukken.annotationsViewState');
      });
      const ms = performance.now() - t2;
      await control('idle');
      restarts.push({ ms, checkedMs: performance.now() - t2, io: (await state()).io });
    }
    const after = await state();
    result.baseline = { ms: baselines, files, bytes };
    result.rebuild = rebuilds;
    result.export = exports;
    result.corpusView = corpusViews;
    result.exchange = exchange;
    result.restart = restarts;
    result.slices = { count: after.slices, longestMs: after.longestSliceMs };
    result.documents = after.documents;
    result.memory = await memory();
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  if (out) writeFileSync(out, JSON.stringify(result, null, 2));
}
