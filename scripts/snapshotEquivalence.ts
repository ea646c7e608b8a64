// `npm run snapshot:equivalence`: writes test/unit/corpus/equivalence.json from the code as it is
// (see test/unit/corpus/equivalence.ts). Only when a change of the parser's or the corpus's output is meant.
import { writeFileSync } from 'node:fs';
import { equivalenceHashes, SNAPSHOT_FILE } from '../test/unit/corpus/equivalence';

const hashes = equivalenceHashes();
writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(hashes, null, 1)}\n`);
console.log(`${Object.keys(hashes).length} hashes written to ${SNAPSHOT_FILE}`);
