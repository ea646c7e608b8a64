import { parseDocument } from '../src/core/parser';
import { buildCorpus, timeBest, timeOnce } from './corpus';

/** The baseline: split into lines and test one regex per line. The least a parser can do. */
function baseline(text: string): number {
  const re = /^\s*(?:Vraag|Antwoord)\s+\d/;
  let hits = 0;
  for (const line of text.split(/\r?\n/)) if (re.test(line)) hits++;
  return hits;
}

/**
 * Baseline and parser alternate, so both meet the same machine (a shared VM's speed drifts); the
 * ratio is the median of the paired runs. With `forcedGc`, each run starts after a full garbage
 * collection: V8 then drops optimised code that refers to objects of the previous run, so each
 * parse re-tiers (the baseline is mostly built-ins and hardly notices).
 */
function pairedRatios(corpus: string, forcedGc: boolean): { ratios: number[]; base: number; ours: number } {
  let sink = 0;
  const time = forcedGc ? (fn: () => void) => timeBest(1, fn) : timeOnce;
  const ratios: number[] = [];
  let base = Infinity;
  let ours = Infinity;
  for (let r = 0; r < 15; r++) {
    const b = time(() => { sink += baseline(corpus); });
    const o = time(() => { sink += parseDocument(corpus).blocks.length; });
    base = Math.min(base, b);
    ours = Math.min(ours, o);
    ratios.push(b / o);
  }
  if (sink < 0) console.log(sink);
  ratios.sort((x, y) => x - y);
  return { ratios, base, ours };
}

function median(sorted: readonly number[]): number {
  return sorted[Math.floor(sorted.length / 2)];
}

export function benchParser(corpus: string): void {
  const mb = Buffer.byteLength(corpus, 'utf8') / (1024 * 1024);
  let sink = 0;
  // Throughput as in an editor that parses on every change: no forced collection between runs
  // (each run pays for the collections its own garbage causes).
  const { ratios, base, ours } = pairedRatios(corpus, false);
  const ratio = median(ratios);
  const baseRate = mb / (base / 1000);
  const ourRate = mb / (ours / 1000);
  console.log(`parser: ${mb.toFixed(1)} MB corpus`);
  console.log(`  baseline (split lines + one regex per line): best ${base.toFixed(0)} ms, ${baseRate.toFixed(1)} MB/s`);
  console.log(`  parseDocument:                                best ${ours.toFixed(0)} ms, ${ourRate.toFixed(1)} MB/s`);
  console.log(`  throughput parser/baseline, median of 15 paired runs: ${ratio.toFixed(2)} (range ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}; target ≥ 0.33) ${ratio >= 1 / 3 ? 'PASS' : 'FAIL'}`);
  if ((globalThis as { gc?: unknown }).gc) {
    const cold = pairedRatios(corpus, true);
    console.log(`  the same after a forced full GC before every run (optimised code dropped; not judged): ${median(cold.ratios).toFixed(2)} (range ${cold.ratios[0].toFixed(2)}–${cold.ratios[cold.ratios.length - 1].toFixed(2)})`);
  }

  // Linearity: a tenth of the corpus and all of it, alternating (as above, so both meet the same
  // machine and the same state of the heap), the best of 7 runs each.
  const tenth = corpus.slice(0, Math.floor(corpus.length / 10));
  let small = Infinity;
  let all = Infinity;
  for (let r = 0; r < 7; r++) {
    small = Math.min(small, timeOnce(() => { sink += parseDocument(tenth).blocks.length; }));
    all = Math.min(all, timeOnce(() => { sink += parseDocument(corpus).blocks.length; }));
  }
  const growth = all / small;
  console.log(`  scaling: 1/10 of the corpus ${small.toFixed(0)} ms, all ${all.toFixed(0)} ms → ×${growth.toFixed(1)} for ×10 text (linear ≈ 10) ${growth < 15 ? 'PASS' : 'FAIL'}`);

  // One document on one line: the worst case for anything that looks at line context.
  const oneLine = corpus.slice(0, 2 * 1024 * 1024).replace(/\r?\n/g, ' ');
  const oneLineMs = timeBest(3, () => { sink += parseDocument(oneLine).blocks.length; });
  console.log(`  2 MB on one line: ${oneLineMs.toFixed(0)} ms (${(2 / (oneLineMs / 1000)).toFixed(1)} MB/s)`);
  if (sink < 0) console.log(sink);
}

if (require.main === module) benchParser(buildCorpus());
