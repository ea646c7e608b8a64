import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './helpers';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

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

describe('localisation', () => {
  it('every message in the code has a Dutch translation', () => {
    const dutch = json('l10n/bundle.l10n.nl.json');
    const all = messages();
    assert.ok(all.size > 10, `found ${all.size} messages`);
    const missing = [...all].filter((m) => !(m in dutch));
    assert.deepEqual(missing, []);
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
