/**
 * `npm run bench`: every benchmark in one run, each next to a baseline measured in the same run;
 * `npm run bench -- corpusCli parser` runs only those named.
 * Prints ratios and PASS/FAIL against the targets; timings are not asserted in unit tests.
 */
import { buildCorpus } from './corpus';
import { benchAnnotations } from './annotations';
import { benchCoding } from './coding';
import { benchCorpusCli } from './corpusCli';
import { benchLinks } from './links';
import { benchParser } from './parser';
import { benchReferences } from './references';
import { benchTokenize } from './tokenize';

/** The benchmarks by name, in the order a full run takes them: `npm run bench -- corpusCli parser` runs those two. */
const BENCHES: ReadonlyArray<readonly [string, (corpus: () => string) => void | Promise<void>]> = [
  ['parser', (corpus) => benchParser(corpus())],
  ['references', (corpus) => benchReferences(corpus())],
  ['tokenize', (corpus) => benchTokenize(corpus())],
  ['annotations', () => benchAnnotations()],
  ['coding', () => benchCoding()],
  ['corpusCli', () => benchCorpusCli()],
  ['links', () => benchLinks()],
];

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((n) => !BENCHES.some(([name]) => name === n));
  if (unknown.length > 0) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map(([name]) => name).join(', ')}`);
  let built: string | undefined;
  // The 10 MB text corpus only when a benchmark asks for it.
  const corpus = (): string => (built ??= buildCorpus());
  let first = true;
  for (const [name, run] of BENCHES) {
    if (names.length > 0 && !names.includes(name)) continue;
    if (!first) console.log('');
    first = false;
    await run(corpus);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
