/**
 * The command line over a generated corpus of 1,000 and 10,000 documents: MB/s of text next to a
 * plain read of the same files (the same walk, each file read as UTF-8) in the same run, and how
 * the time grows from 1,000 to 10,000 documents.
 *
 * Measured in this process (`indexFolder` + `corpusTable`: walk, read, classify, parse, record,
 * link, CSV; everything the tool does but start Node and write the table), alternating with the
 * baseline, best of several runs, on code bundled by esbuild as dist/cli.js is: run through tsx,
 * every call from one module into another goes through a getter of tsx's module interop, which
 * costs in the per-character loops. Throughput is judged on CPU time (user + system) of this
 * process: on a machine shared with other work the wall clock measures the others too; both are
 * printed. The built tool (`node dist/cli.js`) is timed once end to end when it has been built.
 *
 * Corpora are generated once per machine into the temporary folder (seeded, so they are the
 * same every time) and reused: generating 10,000 documents with sidecars takes a while.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import type * as CorpusCommand from '../src/cli/corpusCommand';
import { findFiles } from '../src/cli/files';
import { generateCorpus, GENERATOR_VERSION } from './corpusGenerator';

const TARGET_MB_S = 50;
const SEED = 2024;

interface Timing {
  readonly wall: number;
  readonly cpu: number;
}

/** Wall and CPU milliseconds of `fn`. */
function measure(fn: () => void): Timing {
  (globalThis as { gc?: () => void }).gc?.();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

function best(list: readonly Timing[]): Timing {
  return { wall: Math.min(...list.map((t) => t.wall)), cpu: Math.min(...list.map((t) => t.cpu)) };
}

/** A generated corpus of `count` documents, made once and kept in the temporary folder. */
export function benchCorpus(count: number): string {
  const dir = join(tmpdir(), `kamerstukken-bench-corpus-v${GENERATOR_VERSION}-${count}-${SEED}`);
  const done = join(dir, '.complete');
  if (existsSync(done)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const partial = `${dir}.partial-${process.pid}`;
  const t0 = Date.now();
  process.stdout.write(`  (generating ${count.toLocaleString('en')} documents into ${dir} once ... `);
  generateCorpus(partial, count, SEED);
  writeFileSync(join(partial, '.complete'), '');
  renameSync(partial, dir);
  console.log(`${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  return dir;
}

interface Result {
  readonly count: number;
  readonly mb: number;
  readonly base: Timing;
  readonly ours: Timing;
}

type Tool = Pick<typeof CorpusCommand, 'indexFolder' | 'corpusTable' | 'CSV_RECORD_OPTIONS'>;

/** src/cli/corpusCommand.ts bundled as scripts/build.mjs bundles the tool, loaded into this process. */
function bundledTool(): Tool {
  const out = join(tmpdir(), `kamerstukken-bench-cli-${process.pid}.js`);
  buildSync({ entryPoints: [join(__dirname, '..', 'src', 'cli', 'corpusCommand.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node18', outfile: out, logLevel: 'warning' });
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(out) as Tool;
  } finally {
    rmSync(out, { force: true });
  }
}

function run(tool: Tool, count: number, runs: number): Result {
  const dir = benchCorpus(count);
  let sink = 0;
  let bytes = 0;
  const baseline = (): void => {
    bytes = 0;
    for (const f of findFiles(dir, [])) {
      const text = readFileSync(f.path, 'utf8');
      bytes += Buffer.byteLength(text, 'utf8');
      sink += text.length;
    }
  };
  const ours = (): void => {
    // As the command builds them for a CSV table.
    const indexed = tool.indexFolder(dir, undefined, undefined, tool.CSV_RECORD_OPTIONS);
    sink += tool.corpusTable(indexed.documents, 'csv', '2025-06-01', 'en').length;
  };
  // Warm the page cache and the code first.
  baseline();
  ours();
  const b: Timing[] = [];
  const o: Timing[] = [];
  for (let r = 0; r < runs; r++) {
    b.push(measure(baseline));
    o.push(measure(ours));
  }
  if (sink < 0) console.log(sink);
  return { count, mb: bytes / 1e6, base: best(b), ours: best(o) };
}

function rate(mb: number, ms: number): string {
  return `${(mb / (ms / 1000)).toFixed(1)} MB/s`;
}

export function benchCorpusCli(): void {
  console.log(`corpus CLI: kamerstukken corpus <folder> --format csv over generated corpora (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} on ${cpus().length} cores)`);
  const tool = bundledTool();
  const results = [run(tool, 1_000, 5), run(tool, 10_000, 3)];
  for (const r of results) {
    console.log(`  ${r.count.toLocaleString('en')} documents, ${r.mb.toFixed(1)} MB of text:`);
    console.log(`    plain read (walk + read as UTF-8): cpu ${r.base.cpu.toFixed(0)} ms ${rate(r.mb, r.base.cpu)}, wall ${r.base.wall.toFixed(0)} ms ${rate(r.mb, r.base.wall)}`);
    console.log(`    corpus (index + link + CSV):       cpu ${r.ours.cpu.toFixed(0)} ms ${rate(r.mb, r.ours.cpu)}, wall ${r.ours.wall.toFixed(0)} ms ${rate(r.mb, r.ours.wall)}`);
    const mbs = r.mb / (r.ours.cpu / 1000);
    console.log(`    throughput corpus/plain read (cpu): ${(r.base.cpu / r.ours.cpu).toFixed(2)}; ${mbs.toFixed(1)} MB/s of CPU time (target ≥ ${TARGET_MB_S}) ${mbs >= TARGET_MB_S ? 'PASS' : 'FAIL'}`);
  }
  const [small, large] = results;
  // Linear: the time per MB stays the same from 1,000 to 10,000 documents.
  const perMb = (r: Result): number => r.ours.cpu / r.mb;
  const growth = perMb(large) / perMb(small);
  console.log(`  time per MB, 10,000 against 1,000 documents (cpu): ×${growth.toFixed(2)} (linear: ≈ 1; target ≤ 1.3) ${growth <= 1.3 ? 'PASS' : 'FAIL'}`);

  const cli = join(__dirname, '..', 'dist', 'cli.js');
  if (existsSync(cli)) {
    const out = join(tmpdir(), `kamerstukken-bench-${process.pid}.csv`);
    const t0 = Date.now();
    const p = spawnSync(process.execPath, [cli, 'corpus', benchCorpus(10_000), '--out', out, '--quiet', '--today', '2025-06-01'], { encoding: 'utf8' });
    const wall = Date.now() - t0;
    rmSync(out, { force: true });
    console.log(`  node dist/cli.js on 10,000 documents, end to end (start, index, write; once): wall ${wall} ms ${rate(large.mb, wall)}${p.status === 0 ? '' : ` (exit ${p.status}: ${p.stderr.trim()})`}`);
  } else {
    console.log('  (dist/cli.js not built: "npm run build" to time the built tool end to end)');
  }
}

if (require.main === module) benchCorpusCli();
