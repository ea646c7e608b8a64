// Runs the built command-line tool (bin/kamerstukken.js → dist/cli.js, built here with
// `node scripts/build.mjs --cli`) on generated corpora in temporary folders.
import * as assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCorpus, type GeneratedCorpus } from '../../../bench/corpusGenerator';
import { main } from '../../../src/cli/main';
import type { CorpusJsonLine } from '../../../src/core/corpus/tables';
import { readCsv } from '../annotations/csvReader';
import { root } from '../helpers';
import { answerText, questionsText } from './texts';

const BIN = join(root, 'bin', 'kamerstukken.js');

function cli(args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { PATH: process.env.PATH, ...env }, timeout: 120_000,
  });
}

function jsonLines(text: string): CorpusJsonLine[] {
  return text.trimEnd().split('\n').map((l) => JSON.parse(l) as CorpusJsonLine);
}

describe('command line: kamerstukken corpus', function () {
  this.timeout(120_000);
  let dir: string;
  let corpus: GeneratedCorpus;

  before(() => {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--cli'], { cwd: root, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
    dir = mkdtempSync(join(tmpdir(), 'kamerstukken-cli-'));
    corpus = generateCorpus(join(dir, 'corpus'), 150, 11);
    const c = join(dir, 'corpus');
    // What must be left out: .git and node_modules, a text that is not parliamentary.
    for (const skipped of ['.git', 'node_modules/pkg']) {
      mkdirSync(join(c, skipped), { recursive: true });
      writeFileSync(join(c, skipped, 'vragen.txt'), questionsText());
    }
    writeFileSync(join(c, 'boodschappen.txt'), 'Melk, brood en kaas.\n');
    // What must be reported once and skipped: a binary file, a link to nothing.
    writeFileSync(join(c, 'scan.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00]));
    symlinkSync(join(c, 'weg.txt'), join(c, 'verdwenen.txt'));
    // What must be left alone: a named pipe (reading it would wait for ever), also behind a link.
    assert.equal(spawnSync('mkfifo', [join(c, 'pijp.txt')]).status, 0);
    symlinkSync(join(c, 'pijp.txt'), join(c, 'naar-pijp.txt'));
    // What must be read: an export in Windows-1252, and a .kamerstuk in UTF-16 with a byte order mark.
    writeFileSync(join(c, 'oud-windows.txt'), Buffer.from(answerText({ subject: 'de begroting van Financiën' }), 'latin1'));
    writeFileSync(join(c, 'utf16.kamerstuk'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(answerText({ subject: 'de Zuidas' }), 'utf16le')]));
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('JSON Lines to a file: every document once, the question sets the generator made, problems reported once', () => {
    const out = join(dir, 'corpus.jsonl');
    const r = cli(['corpus', join(dir, 'corpus'), '--format', 'jsonl', '--out', out, '--today', '2025-06-01']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    const lines = jsonLines(readFileSync(out, 'utf8'));
    const files = lines.map((l) => l.file);
    assert.deepEqual(files, [...corpus.documents, 'oud-windows.txt', 'utf16.kamerstuk'].sort());
    // The question sets as the generator made them.
    const sets = new Map<string, string[]>();
    for (const l of lines) if (l.questionSet) sets.set(l.questionSet.id, [...l.questionSet.files]);
    const got = [...sets.values()].map((s) => JSON.stringify(s)).sort();
    const want = [...corpus.sets.map((s) => JSON.stringify(s)), '["oud-windows.txt"]', '["utf16.kamerstuk"]'].sort();
    assert.deepEqual(got, want);
    const windows = lines.find((l) => l.file === 'oud-windows.txt');
    assert.equal(windows?.subject, 'de begroting van Financiën');
    assert.equal(lines.find((l) => l.file === 'utf16.kamerstuk')?.subject, 'de Zuidas');
    assert.equal(lines.find((l) => l.file === 'utf16.kamerstuk')?.pairs[2].answer, 'Volgens BIJ12 zijn het er ongeveer honderd.');
    // Reported once each; the rest of stderr is the summary (and progress lines, on a slow machine).
    const err = r.stderr.split('\n').filter((l) => l.length > 0 && !/^kamerstukken: \d+\/\d+ files, [\d.]+ MB$/u.test(l));
    assert.deepEqual(err.filter((l) => l.includes('scan.txt')), ['kamerstukken: skipped scan.txt: binary, not text']);
    assert.deepEqual(err.filter((l) => l.includes('verdwenen.txt')), ['kamerstukken: skipped verdwenen.txt: no such file or folder']);
    assert.deepEqual(err.filter((l) => l.includes('windows.txt')), ['kamerstukken: oud-windows.txt: not UTF-8: read as Windows-1252']);
    assert.match(err[err.length - 1], new RegExp(`^kamerstukken: ${lines.length} documents \\(.* MB read\\) in .* s; 2 skipped; ${1 + corpus.others.length} \\.txt files that are not parliamentary text left out; written to `, 'u'));
    assert.equal(err.length, 4);
  });

  it('CSV on standard output: BOM, ";", CRLF, one row per document, statuses; Dutch with --lang nl', () => {
    const r = cli(['corpus', join(dir, 'corpus'), '--today', '2025-06-01', '--quiet']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\uFEFFfile;kind;role;title;'));
    const rows = readCsv(r.stdout.slice(1), ';');
    assert.equal(rows.length, 1 + corpus.documents.length + 2);
    const status = rows[0].indexOf('status');
    const statuses = new Set(rows.slice(1).map((row) => row[status]));
    for (const s of ['answered in time', 'answered late without postponement', 'open and overdue']) assert.ok(statuses.has(s), `${s} in ${[...statuses].join(', ')}`);
    // --quiet: only the problems on stderr.
    assert.deepEqual(r.stderr.trimEnd().split('\n').map((l) => l.replace(/:.*$/u, '')), ['kamerstukken', 'kamerstukken', 'kamerstukken']);
    const nl = cli(['corpus', join(dir, 'corpus'), '--today', '2025-06-01', '--quiet', '--lang', 'nl']);
    assert.ok(nl.stdout.startsWith('\uFEFFbestand;soort;rol;titel;vragensteller;partij;'));
    // The language follows LANG when not given.
    const env = cli(['corpus', join(dir, 'corpus'), '--today', '2025-06-01', '--quiet'], { LANG: 'nl_NL.UTF-8' });
    assert.equal(env.stdout, nl.stdout);
  });

  it('a missing folder, a file for a folder, an unwritable output: exit 1 and why', () => {
    const missing = cli(['corpus', join(dir, 'nergens')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^kamerstukken: cannot read the folder .*nergens: no such file or folder\n$/u);
    assert.equal(missing.stdout, '');
    const file = cli(['corpus', join(dir, 'corpus', 'boodschappen.txt')]);
    assert.equal(file.status, 1);
    assert.match(file.stderr, /is not a folder/u);
    const out = join(dir, 'geen-map', 'uit.csv');
    const unwritable = cli(['corpus', join(dir, 'corpus'), '--out', out, '--quiet']);
    assert.equal(unwritable.status, 1);
    assert.match(unwritable.stderr, /cannot write .*uit\.csv: no such file or folder/u);
    assert.ok(!existsSync(out));
  });

  it('usage errors: exit 2 with the usage; --help: exit 0', () => {
    const r = cli(['corpus', 'x', '--format', 'xlsx']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^kamerstukken: unknown format "xlsx": use csv or jsonl\n\nUsage: kamerstukken corpus <folder>/u);
    // The rest in this process: the same function the built tool runs.
    for (const args of [[], ['index', 'x'], ['corpus'], ['corpus', 'x', '--today', '1-6-2025'], ['corpus', 'x', '--today', '2025-02-30'],
      ['corpus', 'x', '--bogus'], ['corpus', 'x', 'y'], ['corpus', 'x', '--lang', 'de'], ['corpus', 'x', '--out', '']]) {
      let out = '';
      let err = '';
      const code = main(args, { write: (t) => { out += t; } }, { write: (t) => { err += t; } }, {});
      assert.equal(code, 2, args.join(' '));
      assert.equal(out, '');
      assert.match(err, /^kamerstukken: .*\n\nUsage: kamerstukken corpus <folder>/u, args.join(' '));
    }
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: kamerstukken corpus <folder>/u);
  });

  it('the launcher says what to do when dist/cli.js was not built', () => {
    const bare = join(dir, 'bare');
    mkdirSync(join(bare, 'bin'), { recursive: true });
    copyFileSync(BIN, join(bare, 'bin', 'kamerstukken.js'));
    const r = spawnSync(process.execPath, [join(bare, 'bin', 'kamerstukken.js'), 'corpus', '.'], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /cli\.js is missing: run "npm run build" first/u);
  });
});
