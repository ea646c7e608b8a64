/**
 * What the speed work must not change: for every seed, every fixture and the documents of a
 * generated corpus, a SHA-256 of the parser's model and of the corpus record (canonical JSON:
 * keys sorted, so only values count), and of the CLI's CSV and JSON Lines tables over the
 * generated corpus. `npm run snapshot:equivalence` writes them (equivalence.json) from the code as
 * it is; equivalence.test.ts compares the code with them. Regenerate only when a change of output
 * is meant (a new record field, a parser fix), and say so in the commit.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus } from '../../../bench/corpusGenerator';
import { indexFolder, runCorpusCommand } from '../../../src/cli/corpusCommand';
import { buildRecord } from '../../../src/core/corpus/record';
import { parseDocument } from '../../../src/core/parser';
import { root } from '../helpers';

export const SNAPSHOT_FILE = join(__dirname, 'equivalence.json');
/** The generated corpus: documents and seed. */
const GENERATED = { count: 400, seed: 17 };

/** JSON with object keys sorted (arrays keep their order); `undefined` fields left out as JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}

function textsOf(dir: string, prefix: string): Array<[string, string]> {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => [`${prefix}/${f}`, readFileSync(join(dir, f), 'utf8')]);
}

/** Name → hash, for everything the snapshot covers. */
export function equivalenceHashes(): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (name: string, text: string): void => {
    out[`parse:${name}`] = hash(canonicalJson(parseDocument(text)));
    out[`record:${name}`] = hash(canonicalJson(buildRecord(text)));
  };
  for (const [name, text] of [...textsOf(join(root, 'seeds'), 'seeds'), ...textsOf(join(root, 'test', 'fixtures'), 'fixtures')]) add(name, text);
  const dir = mkdtempSync(join(tmpdir(), 'kamerstukken-equivalence-'));
  try {
    const c = generateCorpus(dir, GENERATED.count, GENERATED.seed);
    for (const name of [...c.documents, ...c.others]) add(`generated/${name}`, readFileSync(join(dir, name), 'utf8'));
    out['cli:documents'] = hash(canonicalJson(indexFolder(dir).documents));
    // The tables as the command writes them (the CSV from records without block texts).
    const table = (format: 'csv' | 'jsonl', lang: 'en' | 'nl'): string => {
      let written = '';
      const code = runCorpusCommand({ folder: dir, format, today: '2025-06-01', lang, quiet: true }, { write: (t) => { written += t; } }, { write: () => undefined });
      if (code !== 0) throw new Error(`the command failed (${code})`);
      return written;
    };
    for (const lang of ['en', 'nl'] as const) out[`cli:csv:${lang}`] = hash(table('csv', lang));
    out['cli:jsonl'] = hash(table('jsonl', 'en'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
