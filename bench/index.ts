/**
 * `npm run bench`: every benchmark in one run, each next to a baseline measured in the same run.
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

async function main(): Promise<void> {
  const corpus = buildCorpus();
  benchParser(corpus);
  console.log('');
  benchReferences(corpus);
  console.log('');
  await benchTokenize(corpus);
  console.log('');
  await benchAnnotations();
  console.log('');
  benchCoding();
  console.log('');
  benchCorpusCli();
  console.log('');
  benchLinks();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
