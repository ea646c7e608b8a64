/**
 * Finding and reading the files of a corpus folder (Node APIs: the command line only).
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Dirent } from 'node:fs';
import { normalize, sep } from 'node:path';
import { looksBinary } from '../core/classify';

/** Folders that are never a corpus's own. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/** Files larger than this are reported and skipped: no parliamentary text is that large. */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface FoundFile {
  /** The path to read. */
  readonly path: string;
  /** The path relative to the corpus folder, with "/" separators: the document's name in the tables. */
  readonly name: string;
  /** `.kamerstuk` files are always indexed; `.txt` files only when they read as parliamentary. */
  readonly kamerstuk: boolean;
}

export interface FileProblem {
  readonly name: string;
  readonly problem: string;
}

/**
 * The `.txt` and `.kamerstuk` files under `root`, in name order, skipping `.git` and
 * `node_modules`. Symbolic links to files are followed, to folders not (they could loop).
 * A folder that cannot be read is reported and skipped.
 */
export function findFiles(root: string, problems: FileProblem[]): FoundFile[] {
  const out: FoundFile[] = [];
  // Paths and names by concatenation: `join` and `relative` per file cost as much as reading a small file.
  const visit = (dir: string, prefix: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      problems.push({ name: prefix || '.', problem: describeError(error) });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const base = dir.endsWith(sep) ? dir : dir + sep;
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) visit(base + e.name, prefix === '' ? e.name : `${prefix}/${e.name}`);
        continue;
      }
      // The names of other files (a corpus's sidecars, as many as its texts) are not made.
      const lower = e.name.toLowerCase();
      const kamerstuk = lower.endsWith('.kamerstuk');
      if (!kamerstuk && !lower.endsWith('.txt')) continue;
      const p = base + e.name;
      const name = prefix === '' ? e.name : `${prefix}/${e.name}`;
      if (e.isSymbolicLink()) {
        // Only a link to a file: not to a folder named "x.txt", nor to a pipe (reading it would wait
        // for ever). A dangling link is reported when read.
        try {
          if (!statSync(p).isFile()) continue;
        } catch {
          // Read (and reported) below.
        }
      } else if (!e.isFile()) {
        continue;
      }
      out.push({ path: p, name, kamerstuk });
    }
  };
  visit(normalize(root), '');
  return out;
}

export type ReadResult =
  | { readonly ok: true; readonly text: string; readonly bytes: number; readonly note?: string }
  | { readonly ok: false; readonly problem: string; readonly bytes: number };

const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** What `readText` reads into: most texts fit (the decoders copy out of it). */
const readBuffer = Buffer.allocUnsafe(256 * 1024);
const WINDOWS_1252 = new TextDecoder('windows-1252');

/**
 * A file's text: UTF-8 (a byte order mark dropped), UTF-16 with a byte order mark, and text that
 * is not valid UTF-8 read as Windows-1252 (what older exports on Windows are) with a note. Binary
 * files, files that cannot be read and files over {@link MAX_FILE_BYTES} are problems.
 */
export function readText(path: string): ReadResult {
  let data: Buffer;
  let fd: number | undefined;
  try {
    // Open, read, close, into a buffer kept between files; the size is asked (fstat) only when
    // the file fills that buffer: three system calls for most files where `readFileSync` makes four.
    fd = openSync(path, 'r');
    let read = readSync(fd, readBuffer, 0, readBuffer.length, 0);
    if (read < readBuffer.length) {
      data = readBuffer.subarray(0, read);
    } else {
      const size = fstatSync(fd).size;
      if (size > MAX_FILE_BYTES) return { ok: false, problem: `larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB`, bytes: size };
      data = Buffer.allocUnsafe(Math.max(size, read));
      readBuffer.copy(data, 0, 0, read);
      while (read < size) {
        const n = readSync(fd, data, read, size - read, read);
        if (n === 0) break;
        read += n;
      }
      data = data.subarray(0, read);
    }
  } catch (error) {
    return { ok: false, problem: describeError(error), bytes: 0 };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return decode(data);
}

/** The text of a file's bytes (see {@link readText}). */
export function decode(data: Buffer): ReadResult {
  const bytes = data.length;
  if (bytes >= 2 && ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff))) {
    const text = new TextDecoder(data[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(data);
    return looksBinary(text) ? { ok: false, problem: 'binary, not text', bytes } : { ok: true, text, bytes };
  }
  // A NUL in the first 8 KiB: found by `indexOf` on the whole (memchr), with no view object per file.
  const nul = data.indexOf(0);
  if (nul !== -1 && nul < 8192) return { ok: false, problem: 'binary, not text', bytes };
  let text: string;
  let note: string | undefined;
  try {
    // The decoder drops a UTF-8 byte order mark.
    text = UTF8.decode(data);
  } catch {
    text = WINDOWS_1252.decode(data);
    note = 'not UTF-8: read as Windows-1252';
  }
  if (looksBinary(text)) return { ok: false, problem: 'binary, not text', bytes };
  return note ? { ok: true, text, bytes, note } : { ok: true, text, bytes };
}

/** A Node error as a short phrase: "no such file", "permission denied", or its message. */
export function describeError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or folder';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder';
    case 'ENOTDIR': return 'not a folder';
    case 'ELOOP': return 'too many symbolic links';
    case 'EIO': return 'input/output error';
    default: return error instanceof Error ? error.message : String(error);
  }
}
