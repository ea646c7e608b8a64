/**
 * Links between documents and workspace symbols on a generated corpus of 1,000 documents, next to
 * the baseline of building every record again (what a re-parse per keystroke or per lookup would
 * cost), measured in the same run: building the link index and the symbol entries once, then
 * each workspace-symbol query, each reference lookup and each "cited by" list. Also the memory
 * the symbol entries take.
 */
import { readFileSync } from 'node:fs';
import { isParliamentaryText } from '../src/core/classify';
import { CorpusIndex } from '../src/core/corpus/corpusIndex';
import { buildRecord, type CorpusRecord } from '../src/core/corpus/record';
import { citationsOf, sameDocumentKeys } from '../src/core/corpus/resolve';
import { matchSymbols, symbolEntries, type SymbolEntry } from '../src/core/corpus/symbols';
import { findFiles } from '../src/cli/files';
import { timeBest } from './corpus';
import { benchCorpus } from './corpusCli';

const QUERIES = ['Vraag 3 wolf', 'ontvangen 2024', 'antwoord 2 stikstof', 'vraag', 'Kostić'];
/** Per query: at most this share of rebuilding the records (one frame's worth at 1,000 documents). */
const TARGET_SHARE = 0.01;

const gc = (globalThis as { gc?: () => void }).gc;

function heap(): number {
  gc?.();
  return process.memoryUsage().heapUsed;
}

export function benchLinks(count = 1000): void {
  const dir = benchCorpus(count);
  const texts = findFiles(dir, []).map((f) => readFileSync(f.path, 'utf8')).filter((t) => isParliamentaryText(t));
  let records: CorpusRecord[] = [];
  const rebuildMs = timeBest(2, () => { records = texts.map((t) => buildRecord(t)); });

  let index = new CorpusIndex();
  const indexMs = timeBest(3, () => {
    index = new CorpusIndex();
    records.forEach((r, i) => index.set(`doc-${i}.txt`, r));
  });
  const before = heap();
  let entries: SymbolEntry[] = [];
  const entriesMs = timeBest(3, () => { entries = records.flatMap((r, i) => symbolEntries(`doc-${i}.txt`, r)); });
  const entriesMb = (heap() - before) / (1024 * 1024);

  console.log(`links and workspace symbols: ${texts.length} documents, ${entries.length} symbol entries`);
  console.log(`  baseline: every record built again  ${rebuildMs.toFixed(0)} ms`);
  console.log(`  link index, once                    ${indexMs.toFixed(1)} ms (${((indexMs / rebuildMs) * 100).toFixed(2)}%)`);
  console.log(`  symbol entries, once                ${entriesMs.toFixed(1)} ms (${((entriesMs / rebuildMs) * 100).toFixed(2)}%), ${entriesMb.toFixed(1)} MB heap`);
  let sink = 0;
  for (const q of QUERIES) {
    const ms = timeBest(5, () => { sink += matchSymbols(q, entries, 1000).length; });
    const share = ms / rebuildMs;
    console.log(`  query "${q}"`.padEnd(40) + `${ms.toFixed(2)} ms, ${matchSymbols(q, entries, 100_000).length} matches (${(share * 100).toFixed(2)}% of the baseline; target ≤ ${TARGET_SHARE * 100}%) ${share <= TARGET_SHARE ? 'PASS' : 'FAIL'}`);
  }
  // "Cited by": the most cited document's citing places, as Find All References lists them.
  let most = '';
  let mostCount = -1;
  for (const [path] of index.entries()) {
    const n = index.citedByCount(path);
    if (n > mostCount) { most = path; mostCount = n; }
  }
  const keys = [...(index.get(most)?.identities ?? [])];
  const refsMs = timeBest(5, () => { sink += citationsOf(index, sameDocumentKeys(index, keys)).length; });
  console.log(`  references to the most cited document (${mostCount} citing documents): ${refsMs.toFixed(3)} ms (${((refsMs / rebuildMs) * 100).toFixed(3)}% of the baseline)`);
  if (sink < 0) console.log(sink);
}

if (require.main === module) benchLinks(Number(process.argv[2] ?? 1000));
