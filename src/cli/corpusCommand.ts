/**
 * `kamerstukken corpus <folder>`: indexes a folder of parliamentary texts and writes the corpus
 * as CSV or JSON Lines. The work is the pure core's (`src/core/corpus`); this reads the files,
 * reports progress and problems on stderr, and writes the table.
 */
import { renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isParliamentaryText } from '../core/classify';
import {
  buildRecord, CORPUS_CSV_WORDS, corpusCsv, corpusJsonl, linkQuestionSets, type CorpusCsvWords, type CorpusDocument,
} from '../core/corpus';
import type { RecordOptions } from '../core/corpus/record';
import { LOOP_CHUNK } from '../core/util/chunks';
import { describeError, findFiles, readText, type FileProblem, type FoundFile } from './files';

export type TableFormat = 'csv' | 'jsonl';

export interface CorpusCommandOptions {
  readonly folder: string;
  readonly format: TableFormat;
  /** Write here instead of to stdout. */
  readonly out?: string;
  /** ISO date of today (the status of open questions). */
  readonly today: string;
  /** The language of the CSV's headers and values. */
  readonly lang: 'en' | 'nl';
  /** No progress and no summary on stderr (problems are still reported). */
  readonly quiet?: boolean;
}

export interface Output {
  write(text: string): void;
  readonly isTTY?: boolean;
}

export interface IndexedFolder {
  readonly documents: CorpusDocument[];
  /** Files reported and skipped (unreadable, binary, too large), and folders that could not be read. */
  readonly problems: FileProblem[];
  /** Files read with a remark (not UTF-8), and indexed. */
  readonly notes: FileProblem[];
  /** `.txt` files that are not parliamentary texts (skipped without a report). */
  readonly notParliamentary: number;
  /** Bytes read, of all files read. */
  readonly bytes: number;
}

/**
 * What the CSV table reads of a record: no blocks (nor their texts) and no references. The
 * records are built without them; the table is the same.
 */
export const CSV_RECORD_OPTIONS: RecordOptions = { blockTexts: false, blocks: false, references: false };

/** CSV words in Dutch, for `--lang nl`. */
const CORPUS_CSV_WORDS_NL: CorpusCsvWords = {
  headers: {
    file: 'bestand', kind: 'soort', role: 'rol', title: 'titel', askedBy: 'vragensteller', parties: 'partij', addressedTo: 'gericht aan',
    answeredBy: 'beantwoord door', submitted: 'ingezonden', received: 'ontvangen', due: 'uiterste datum', daysToAnswer: 'dagen tot antwoord',
    status: 'status', postponements: 'uitstelberichten', questions: 'vragen', footnotes: 'voetnoten', relatedFiles: 'verwante bestanden',
  },
  kinds: {
    questions: 'Kamervragen', beslisnota: 'beslisnota', webpage: 'webpagina', postponement: 'uitstelbericht',
    questionList: 'lijst van vragen', unknown: 'onbekend',
  },
  roles: { questions: 'vragen', answer: 'antwoord', postponement: 'uitstelbericht' },
  statuses: {
    answeredInTime: 'op tijd beantwoord', answeredLate: 'te laat beantwoord',
    answeredLateWithoutPostponement: 'te laat beantwoord zonder uitstelbericht', openOverdue: 'open, termijn verstreken', open: 'open',
    undetermined: 'onbepaald',
  },
};

/** Reports progress on stderr once a run takes more than a second: in place on a terminal, else a line every 5 s. */
class Progress {
  private readonly started = Date.now();
  private last = 0;
  private shown = false;
  constructor(private readonly err: Output, private readonly quiet: boolean) {}

  update(done: number, total: number, bytes: number): void {
    if (this.quiet) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.last < (this.err.isTTY ? 200 : 5000)) return;
    this.last = now;
    const line = `kamerstukken: ${done}/${total} files, ${(bytes / 1e6).toFixed(1)} MB`;
    if (this.err.isTTY) {
      this.err.write(`\r${line}\u001b[K`);
      this.shown = true;
    } else {
      this.err.write(`${line}\n`);
    }
  }

  done(): void {
    if (this.shown) this.err.write('\r\u001b[K');
  }
}

/**
 * Reads and indexes the corpus files under `folder`. Throws when the folder itself cannot be read
 * (the message says why); a file that cannot be read is reported once in `problems` and skipped.
 */
export function indexFolder(
  folder: string, progress?: (done: number, total: number, bytes: number) => void, skip?: string, options?: RecordOptions,
): IndexedFolder {
  let stat;
  try {
    stat = statSync(folder);
  } catch (error) {
    throw new Error(`cannot read the folder ${folder}: ${describeError(error)}`, { cause: error });
  }
  if (!stat.isDirectory()) throw new Error(`${folder} is not a folder`);
  const problems: FileProblem[] = [];
  const notes: FileProblem[] = [];
  const files = findFiles(folder, problems);
  const rootProblem = problems.find((p) => p.name === '.');
  if (rootProblem) throw new Error(`cannot read the folder ${folder}: ${rootProblem.problem}`);
  const out: Indexing = { documents: [], problems, notes, notParliamentary: 0, bytes: 0 };
  const skipName = skip === undefined ? '' : basename(skip);
  for (let k = 0; k < files.length; k += CHUNK) indexFiles(files, k, Math.min(k + CHUNK, files.length), out, progress, skip, skipName, options);
  return out;
}

/** Files per call of `indexFiles` (see LOOP_CHUNK). */
const CHUNK = LOOP_CHUNK;

type Indexing = { -readonly [K in keyof IndexedFolder]: IndexedFolder[K] };

/** Reads and indexes files `from` to `to` into `out`. */
function indexFiles(
  files: readonly FoundFile[], from: number, to: number, out: Indexing, progress: ((done: number, total: number, bytes: number) => void) | undefined,
  skip: string | undefined, skipName: string, options: RecordOptions | undefined,
): void {
  for (let i = from; i < to; i++) {
    const f = files[i];
    // `resolve` per file costs as much as reading a small one: only where the name is the output's.
    if (skip !== undefined && f.path.endsWith(skipName) && resolve(f.path) === skip) continue;
    const read = readText(f.path);
    out.bytes += read.bytes;
    if (!read.ok) {
      out.problems.push({ name: f.name, problem: read.problem });
    } else if (!f.kamerstuk && !isParliamentaryText(read.text)) {
      out.notParliamentary++;
    } else {
      if (read.note) out.notes.push({ name: f.name, problem: read.note });
      out.documents.push({ path: f.name, record: buildRecord(read.text, options) });
    }
    progress?.(i + 1, files.length, out.bytes);
  }
}

/** The table of an indexed folder. */
export function corpusTable(documents: readonly CorpusDocument[], format: TableFormat, today: string, lang: 'en' | 'nl'): string {
  const sets = linkQuestionSets(documents);
  return format === 'csv'
    ? corpusCsv(documents, { today, sets, words: lang === 'nl' ? CORPUS_CSV_WORDS_NL : CORPUS_CSV_WORDS })
    : corpusJsonl(documents, { today, sets });
}

/** Runs the command; returns the exit code (0 done, 1 the folder or the output failed). */
export function runCorpusCommand(options: CorpusCommandOptions, stdout: Output, stderr: Output): number {
  const started = Date.now();
  const progress = new Progress(stderr, options.quiet === true);
  let indexed: IndexedFolder;
  try {
    // The CSV table shows no questions, answers or references: the records are built without them.
    indexed = indexFolder(
      options.folder, (done, total, bytes) => progress.update(done, total, bytes), options.out ? resolve(options.out) : undefined,
      options.format === 'csv' ? CSV_RECORD_OPTIONS : undefined,
    );
  } catch (error) {
    progress.done();
    stderr.write(`kamerstukken: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  progress.done();
  for (const p of indexed.problems) stderr.write(`kamerstukken: skipped ${p.name}: ${p.problem}\n`);
  for (const n of indexed.notes) stderr.write(`kamerstukken: ${n.name}: ${n.problem}\n`);
  const table = corpusTable(indexed.documents, options.format, options.today, options.lang);
  if (options.out) {
    try {
      writeAtomically(options.out, table);
    } catch (error) {
      stderr.write(`kamerstukken: cannot write ${options.out}: ${describeError(error)}\n`);
      return 1;
    }
  } else {
    stdout.write(table);
  }
  if (!options.quiet) {
    const seconds = (Date.now() - started) / 1000;
    const parts = [`${indexed.documents.length} documents (${(indexed.bytes / 1e6).toFixed(1)} MB read) in ${seconds.toFixed(1)} s`];
    if (indexed.problems.length > 0) parts.push(`${indexed.problems.length} skipped`);
    if (indexed.notParliamentary > 0) {
      parts.push(`${indexed.notParliamentary} .txt ${indexed.notParliamentary === 1 ? 'file that is' : 'files that are'} not parliamentary text left out`);
    }
    stderr.write(`kamerstukken: ${parts.join('; ')}${options.out ? `; written to ${options.out}` : ''}\n`);
  }
  return 0;
}

/** Writes through a temporary file beside the target, so a failed run leaves no half table. */
function writeAtomically(path: string, text: string): void {
  const temp = resolve(dirname(path), `.${process.pid}.${Date.now()}.kamerstukken.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written.
    }
    throw error;
  }
}
