import vscode = require('vscode');
import { type FileStamp } from '../../core/corpus/cache';
import { DEFAULT_MAX_FILE_SIZE_MB, documentPathOfSidecar, FileBudget, fileRole, limitOf, walksFolder } from '../../core/corpus/workspaceFiles';
import { Pool } from '../../core/util/pool';

/**
 * Requests in flight at once. Each `workspace.fs` call waits for a round trip to the workbench
 * before it touches the disk (VS Code asks the main thread to activate the file system provider
 * every time, even for local files), so the index's stat and read of every file spend most of
 * their time waiting. A build over 1,000 documents in code-server (bench:vscode) took 1.8× the
 * baseline's time with 64 in flight, 0.8× with 256, 0.45× with 512.
 */
const REQUESTS_IN_FLIGHT = 512;
/** Bytes of files being read at once (their sizes as `stat` gave them): many requests, bounded memory. */
const BYTES_IN_FLIGHT = 64 * 1024 * 1024;

/** Lets the event loop run other work: setImmediate where there is one (Node), else a 0 ms timer (a web worker). */
export function yieldToOthers(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;
  return new Promise((resolve) => { if (immediate) immediate(resolve); else setTimeout(resolve, 0); });
}

/** The size in bytes over which a text is not read (`kamerstukken.corpus.maxFileSizeMB`). */
export function maxBytesSetting(): number {
  return limitOf(vscode.workspace.getConfiguration('kamerstukken.corpus').get('maxFileSizeMB'), DEFAULT_MAX_FILE_SIZE_MB) * 1024 * 1024;
}

/** Counts of what the index asked the file system, for the tests and the benchmark. */
export interface IoCounts {
  readDirectory: number;
  stat: number;
  readFile: number;
  writeFile: number;
}

/**
 * The index's access to files: `workspace.fs` only (the web extension has nothing else), at most
 * `REQUESTS_IN_FLIGHT` requests and `BYTES_IN_FLIGHT` bytes being read at once, each counted.
 */
export class CorpusFs {
  readonly pool = new Pool(REQUESTS_IN_FLIGHT);
  private readonly bytes = new Pool(BYTES_IN_FLIGHT);
  readonly counts: IoCounts = { readDirectory: 0, stat: 0, readFile: 0, writeFile: 0 };
  /** The folders read since the counts were last reset (the first 100), for the tests' messages. */
  readonly foldersRead: string[] = [];

  readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    return this.pool.run(() => {
      this.counts.readDirectory++;
      if (this.foldersRead.length < 100) this.foldersRead.push(uri.toString());
      return vscode.workspace.fs.readDirectory(uri);
    });
  }

  /** The file's stamp; undefined when it is not there (or not a file). */
  stat(uri: vscode.Uri): Promise<FileStamp | undefined> {
    return this.pool.run(async () => {
      this.counts.stat++;
      try {
        const s = await vscode.workspace.fs.stat(uri);
        return s.type & vscode.FileType.File ? { mtime: s.mtime, size: s.size } : undefined;
      } catch {
        return undefined;
      }
    });
  }

  /** The file's bytes; `size` (from `stat`) counts against the bytes in flight. */
  readFile(uri: vscode.Uri, size = 0): Promise<Uint8Array> {
    return this.bytes.run(() => this.pool.run(() => {
      this.counts.readFile++;
      return vscode.workspace.fs.readFile(uri);
    }), size);
  }

  writeFile(uri: vscode.Uri, bytes: Uint8Array): Promise<void> {
    return this.pool.run(() => {
      this.counts.writeFile++;
      return vscode.workspace.fs.writeFile(uri, bytes);
    });
  }
}

/** A document the walk found: its text file (if there is one) and its sidecar (if there is one). */
export interface FoundDocument {
  readonly uri: vscode.Uri;
  role?: 'text' | 'kamerstuk';
  sidecar?: vscode.Uri;
}

export interface WalkResult {
  readonly documents: Map<string, FoundDocument>;
  /** Files found beyond the limit (not indexed). */
  readonly budget: FileBudget;
  /** Folders that could not be read. */
  readonly unreadableFolders: { uri: vscode.Uri; detail: string }[];
  readonly cancelled: boolean;
}

/**
 * Every `.txt`, `.kamerstuk` and sidecar under the workspace folders, many folders read at once.
 * No depth limit (links to folders are not followed, so there are no cycles); at most
 * `maxFiles` files, the rest counted in `budget` so the caller can say so.
 */
export async function walkWorkspace(fs: CorpusFs, folders: readonly vscode.Uri[], maxFiles: number, token: vscode.CancellationToken): Promise<WalkResult> {
  const documents = new Map<string, FoundDocument>();
  const budget = new FileBudget(maxFiles);
  const unreadableFolders: { uri: vscode.Uri; detail: string }[] = [];
  const docOf = (uri: vscode.Uri): FoundDocument => {
    const key = uri.toString();
    let d = documents.get(key);
    if (!d) {
      d = { uri };
      documents.set(key, d);
    }
    return d;
  };
  const visit = async (dir: vscode.Uri): Promise<void> => {
    if (token.isCancellationRequested) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await fs.readDirectory(dir);
    } catch (error) {
      unreadableFolders.push({ uri: dir, detail: error instanceof Error ? error.message : String(error) });
      return;
    }
    const subfolders: Promise<void>[] = [];
    for (const [name, type] of entries) {
      if (type & vscode.FileType.Directory) {
        if (!(type & vscode.FileType.SymbolicLink) && walksFolder(name)) subfolders.push(visit(vscode.Uri.joinPath(dir, name)));
        continue;
      }
      const role = fileRole(name);
      if (!role || !budget.take()) continue;
      const uri = vscode.Uri.joinPath(dir, name);
      if (role === 'sidecar') docOf(uri.with({ path: documentPathOfSidecar(uri.path) })).sidecar = uri;
      else docOf(uri).role = role;
    }
    await Promise.all(subfolders);
  };
  await Promise.all(folders.map(visit));
  return { documents, budget, unreadableFolders, cancelled: token.isCancellationRequested };
}
