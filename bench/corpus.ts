import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const seedsDir = join(__dirname, '..', 'seeds');

export function readSeeds(): string[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(seedsDir, f), 'utf8'));
}

/**
 * A corpus of at least `minBytes` (UTF-8) built by repeating the seeds, as one long document:
 * the worst case for anything per-document, and the realistic case for per-line work.
 */
export function buildCorpus(minBytes = 10 * 1024 * 1024): string {
  const seeds = readSeeds();
  const parts: string[] = [];
  let bytes = 0;
  for (let i = 0; bytes < minBytes; i++) {
    const s = seeds[i % seeds.length] + '\n\n';
    parts.push(s);
    bytes += Buffer.byteLength(s, 'utf8');
  }
  return parts.join('');
}

const gc = (globalThis as { gc?: () => void }).gc;

/** The best of `runs` timings in ms, each after a full garbage collection when `--expose-gc` is on. */
export function timeBest(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

/** One timing in ms, without a garbage collection first. */
export function timeOnce(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
