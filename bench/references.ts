import { parseDocument } from '../src/core/parser';
import { crossRefHover } from '../src/core/hoverContent';
import { buildReferenceIndex } from '../src/core/referenceIndex';
import { targetAt } from '../src/core/targets';
import { buildCorpus, timeBest } from './corpus';

/**
 * The reference index on the 10 MB corpus (one long document of repeated seeds: every question
 * number occurs thousands of times), next to parseDocument on the same text as baseline; and one
 * hover computed on it.
 */
export function benchReferences(corpus: string): void {
  const mb = Buffer.byteLength(corpus, 'utf8') / (1024 * 1024);
  let sink = 0;
  const parseMs = timeBest(5, () => { sink += parseDocument(corpus).crossRefs.length; });
  const model = parseDocument(corpus);
  const indexMs = timeBest(5, () => { sink += buildReferenceIndex(model).resolutions.length; });
  const index = buildReferenceIndex(model);
  console.log(`references: ${mb.toFixed(1)} MB corpus, ${model.blocks.length} blocks, ${model.crossRefs.length} cross-references, ${model.docRefs.length} document references`);
  console.log(`  baseline parseDocument:   ${parseMs.toFixed(0)} ms`);
  console.log(`  buildReferenceIndex:      ${indexMs.toFixed(1)} ms (${((indexMs / parseMs) * 100).toFixed(1)}% of parsing; target ≤ 25%) ${indexMs <= parseMs / 4 ? 'PASS' : 'FAIL'}`);

  // One hover: a cross-reference in the middle of the corpus, found, resolved and excerpted.
  const middle = model.crossRefs[Math.floor(model.crossRefs.length / 2)];
  const offset = middle ? middle.numbersSpan.start : 0;
  const hoverMs = timeBest(20, () => {
    const t = targetAt(index, offset);
    if (t?.kind === 'crossRef') sink += crossRefHover(corpus, index, t.resolution).sections.length;
  });
  console.log(`  one hover (lookup + excerpts): ${hoverMs.toFixed(3)} ms (target ≤ 10 ms) ${hoverMs <= 10 ? 'PASS' : 'FAIL'}`);
  if (sink < 0) console.log(sink);
}

if (require.main === module) benchReferences(buildCorpus());
