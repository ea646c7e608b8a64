/**
 * The command-line tool, without VS Code: `kamerstukken corpus <folder> --format csv|jsonl
 * [--out file]`. Built by scripts/build.mjs into dist/cli.js; `bin/kamerstukken.js` runs it.
 */
import { parseArgs } from 'node:util';
import { isIsoDate } from '../core/corpus/term';
import { runCorpusCommand, type Output, type TableFormat } from './corpusCommand';

const USAGE = `Usage: kamerstukken corpus <folder> [--format csv|jsonl] [--out <file>] [--today <yyyy-mm-dd>] [--lang en|nl] [--quiet]

Indexes the parliamentary texts under <folder> (.txt files that read as Kamervragen, answers,
postponement notices, beslisnota's or copied Tweede Kamer pages, and every .kamerstuk file;
.git and node_modules are skipped) and writes one row per document.

  --format csv    (default) ";"-separated, UTF-8 with byte order mark, CRLF: opens in Excel
  --format jsonl  one JSON object per line, with each document's questions and answers
  --out <file>    write to <file> instead of standard output
  --today <date>  the date the status of open questions is judged on (default: today)
  --lang en|nl    the language of the CSV's headers and values (default: from LANG, else en)
  --quiet         no progress and no summary on standard error

Exit status: 0 when the table was written (files that could not be read are reported on
standard error and left out), 1 when the folder or the output could not be used, 2 on a usage error.
`;

/** Today's date where the tool runs, as yyyy-mm-dd. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function defaultLang(env: NodeJS.ProcessEnv): 'en' | 'nl' {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^nl(?:[_.-]|$)/iu.test(lang) ? 'nl' : 'en';
}

/** Runs the tool with `argv` (without node and the script); returns the exit code. */
export function main(argv: readonly string[], stdout: Output, stderr: Output, env: NodeJS.ProcessEnv = process.env): number {
  const usageError = (message: string): number => {
    stderr.write(`kamerstukken: ${message}\n\n${USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string', short: 'o' },
        today: { type: 'string' },
        lang: { type: 'string' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    stdout.write(USAGE);
    return 0;
  }
  const [command, folder, ...rest] = positionals;
  if (command === undefined) return usageError('no command given');
  if (command !== 'corpus') return usageError(`unknown command "${command}"`);
  if (folder === undefined) return usageError('no folder given');
  if (rest.length > 0) return usageError(`unexpected argument "${rest[0]}"`);
  const format = values.format ?? 'csv';
  if (format !== 'csv' && format !== 'jsonl') return usageError(`unknown format "${format}": use csv or jsonl`);
  const today = values.today ?? localToday();
  if (!isIsoDate(today)) return usageError(`--today must be a date as yyyy-mm-dd, not "${today}"`);
  const lang = values.lang ?? defaultLang(env);
  if (lang !== 'en' && lang !== 'nl') return usageError(`unknown language "${lang}": use en or nl`);
  if (values.out === '') return usageError('--out needs a file name');
  return runCorpusCommand(
    { folder, format: format as TableFormat, ...(values.out ? { out: values.out } : {}), today, lang, quiet: values.quiet === true },
    stdout, stderr,
  );
}

/** Standard output that finishes its writes before the process exits, and stops quietly when the reader goes (`| head`). */
function processOutput(stream: NodeJS.WriteStream): Output {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return { write: (text: string) => void stream.write(text), isTTY: stream.isTTY === true };
}

/** Runs the tool on the process's arguments and streams; sets its exit code. */
export function run(): void {
  process.exitCode = main(process.argv.slice(2), processOutput(process.stdout), processOutput(process.stderr));
}

// `node dist/cli.js …` runs it; bin/kamerstukken.js calls `run`.
if (require.main === module) run();
