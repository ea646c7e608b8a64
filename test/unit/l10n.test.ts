import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssue, type SidecarIssue } from '../../src/core/annotations/sidecar';
import { type CodebookIssue, describeCodebookIssue } from '../../src/core/coding/codebook';
import { english, listAnd, type Translate } from '../../src/core/util/words';
import { root, sources } from './helpers';

function json(path: string): Record<string, string> {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, string>;
}

/** The first argument of every `vscode.l10n.t(...)` call whose message is a string literal. */
function messages(): Set<string> {
  const found = new Set<string>();
  const call = /l10n\.t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/gu;
  for (const file of sources(join(root, 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(call)) found.add(m[2].replace(/\\(['"`\\])/gu, '$1'));
  }
  return found;
}

/** One issue of every kind and wording (the type makes the list complete). */
const ISSUES: { [K in SidecarIssue['kind']]: Array<Extract<SidecarIssue, { kind: K }>> } = {
  tooLarge: [{ kind: 'tooLarge', megabytes: 64 }],
  yaml: [],
  mergeConflict: [{ kind: 'mergeConflict' }],
  tooManyAliases: [{ kind: 'tooManyAliases' }],
  unsupportedTag: [{ kind: 'unsupportedTag', tag: '!!js/function' }],
  empty: [{ kind: 'empty', version: 2 }],
  notMapping: [{ kind: 'notMapping' }],
  missingVersion: [{ kind: 'missingVersion', version: 2 }],
  unknownVersion: [{ kind: 'unknownVersion', found: '3', readable: [1, 2] }],
  documentNotName: [{ kind: 'documentNotName' }],
  memoNotText: [{ kind: 'memoNotText' }],
  annotationsNotList: [{ kind: 'annotationsNotList' }],
  duplicateId: [{ kind: 'duplicateId', id: 'a', firstLine: 3 }, { kind: 'duplicateId', id: 'a' }],
  entryNotMapping: [{ kind: 'entryNotMapping' }],
  missingId: [{ kind: 'missingId' }],
  fieldType: (['names', 'text', 'start', 'end'] as const).map((expected) => ({ kind: 'fieldType', id: 'a', field: 'f', expected })),
};

describe('localisation', () => {
  it('every message in the code has a Dutch translation', () => {
    const dutch = json('l10n/bundle.l10n.nl.json');
    const all = messages();
    assert.ok(all.size > 10, `found ${all.size} messages`);
    const missing = [...all].filter((m) => !(m in dutch));
    assert.deepEqual(missing, []);
  });

  it('every message core words for the editor (sidecar problems, lists) has a Dutch translation', () => {
    const dutch = json('l10n/bundle.l10n.nl.json');
    const asked: string[] = [];
    const t: Translate = (message, ...args) => {
      asked.push(message);
      return english(message, ...args);
    };
    for (const issue of Object.values(ISSUES).flat()) describeIssue(issue, t);
    listAnd(['1', '2'], t);
    assert.ok(asked.length >= 19, `asked for ${asked.length} messages`);
    assert.deepEqual(asked.filter((m) => !(m in dutch)), []);
  });

  it('every codebook problem has a Dutch translation', () => {
    const dutch = json('l10n/bundle.l10n.nl.json');
    const asked: string[] = [];
    const t: Translate = (message, ...args) => {
      asked.push(message);
      return english(message, ...args);
    };
    const issues: CodebookIssue[] = [
      { kind: 'notMapping' }, { kind: 'missingVersion', version: 1 }, { kind: 'unknownVersion', found: '3', readable: [1] },
      { kind: 'codesNotList' }, { kind: 'codeNotMapping' }, { kind: 'missingName' }, { kind: 'invalidName', name: 'a//b' },
      { kind: 'duplicateName', name: 'a', firstLine: 3 }, { kind: 'fieldNotText', name: 'a', field: 'memo' },
      { kind: 'invalidColor', name: 'a', value: 'red' }, { kind: 'colorNotQuoted', name: 'a', value: '#fff' }, { kind: 'mergeConflict' },
    ];
    for (const issue of issues) describeCodebookIssue(issue, t);
    assert.ok(asked.length >= issues.length);
    assert.deepEqual(asked.filter((m) => !(m in dutch)), []);
  });

  it('every %key% of the manifest exists in English and in Dutch', () => {
    const manifest = readFileSync(join(root, 'package.json'), 'utf8');
    const keys = new Set([...manifest.matchAll(/"%([^%"]+)%"/gu)].map((m) => m[1]));
    const english = json('package.nls.json');
    const dutch = json('package.nls.nl.json');
    assert.deepEqual([...keys].filter((k) => !(k in english)), []);
    assert.deepEqual([...keys].filter((k) => !(k in dutch)), []);
    assert.deepEqual(Object.keys(dutch).filter((k) => !(k in english)), [], 'Dutch keys without English');
  });
});
