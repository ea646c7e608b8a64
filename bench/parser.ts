import { parseDocument } from '../src/core/parser';
import { buildCorpus, timeBest } from './corpus';

/** The baseline: split into lines and test one regex per line. The least a parser can do. */
function baseline(text: string): number {
  const re = /^\s*(?:Vraag|Antwoord)\s+\d/;
  let hits = 0;
  for (const line of text.split(/\r?\n/)) if (re.test(line)) hits++;
  return hits;
}

export function benchParser(corpus: string): void {
  const mb = Buffer.byteLength(corpus, 'utf8') / (1024 * 1024);
  let sink = 0;
  // Baseline and parser alternate, so both meet the same machine (a shared VM's speed drifts);
  // the ratio is the median of the paired runs.
  const ratios: number[] = [];
  let base = Infinity;
  let ours = Infinity;
  for (let r = 0; r < 15; r++) {
    const b = timeBest(1, () => { sink += baseline(corpus); });
    const o = timeBest(1, () => { sink += parseDocument(corpus).blocks.length; });
    base = Math.min(base, b);
    ours = Math.min(ours, o);
    ratios.push(b / o);
  }
  ratios.sort((x, y) => x - y);
  const ratio = ratios[Math.floor(ratios.length / 2)];
  const baseRate = mb / (base / 1000);
  const ourRate = mb / (ours / 1000);
  console.log(`parser: ${mb.toFixed(1)} MB corpus`);
  console.log(`  baseline (split lines + one regex per line): best ${base.toFixed(0)} ms, ${baseRate.toFixed(1)} MB/s`);
  console.log(`  parseDocument:                                best ${ours.toFixed(0)} ms, ${ourRate.toFixed(1)} MB/s`);
  console.log(`  throughput parser/baseline, median of 15 paired runs: ${ratio.toFixed(2)} (range ${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}; target ≥ 0.33) ${ratio >= 1 / 3 ? 'PASS' : 'FAIL'}`);

  // Linearity: the time per MB on a tenth of the corpus and on all of it.
  const tenth = corpus.slice(0, Math.floor(corpus.length / 10));
  const small = timeBest(5, () => { sink += parseDocument(tenth).blocks.length; });
  const growth = ours / small;
  console.log(`  scaling: 1/10 of the corpus ${small.toFixed(0)} ms, all ${ours.toFixed(0)} ms → ×${growth.toFixed(1)} for ×10 text (linear ≈ 10) ${growth < 15 ? 'PASS' : 'FAIL'}`);

  // One document on one line: the worst case for anything that looks at line context.
  const oneLine = corpus.slice(0, 2 * 1024 * 1024).replace(/\r?\n/g, ' ');
  const oneLineMs = timeBest(3, () => { sink += parseDocument(oneLine).blocks.length; });
  console.log(`  2 MB on one line: ${oneLineMs.toFixed(0)} ms (${(2 / (oneLineMs / 1000)).toFixed(1)} MB/s)`);
  if (sink < 0) console.log(sink);
}

if (require.main === module) benchParser(buildCorpus());
