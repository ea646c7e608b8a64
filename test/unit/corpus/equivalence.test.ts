// The parser's model, the corpus records and the CLI's tables are what they were when
// equivalence.json was written (see equivalence.ts): speed work changes no result.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { equivalenceHashes, SNAPSHOT_FILE } from './equivalence';

describe('equivalence: parser models, corpus records and CLI tables as snapshotted', function () {
  this.timeout(120_000);

  it('every seed, fixture and generated document parses and records as before; the tables are the same', () => {
    const expected = JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')) as Record<string, string>;
    const actual = equivalenceHashes();
    const differ = Object.keys({ ...expected, ...actual }).filter((k) => expected[k] !== actual[k]);
    assert.deepEqual(differ, [], `${differ.length} of ${Object.keys(expected).length} differ (a change of output that is meant: npm run snapshot:equivalence)`);
  });
});
