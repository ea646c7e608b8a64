/**
 * Which files of a workspace the corpus index looks at, and the limits it keeps. Pure: names in,
 * decisions out; the editor walks the folders.
 */
import { SIDECAR_SUFFIX } from '../annotations/sidecar';

/** Folders never walked: version control, dependencies, build output, the test editor's cache. */
export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);

/** What a file is to the corpus: a text (indexed when it reads as parliamentary), a `.kamerstuk`, or a sidecar. */
export type FileRole = 'text' | 'kamerstuk' | 'sidecar';

export function fileRole(name: string): FileRole | undefined {
  const lower = name.toLowerCase();
  if (name.endsWith(SIDECAR_SUFFIX)) return name.length > SIDECAR_SUFFIX.length ? 'sidecar' : undefined;
  if (lower.endsWith('.txt')) return 'text';
  if (lower.endsWith('.kamerstuk')) return 'kamerstuk';
  return undefined;
}

/** The path of the document a sidecar's path belongs to. */
export function documentPathOfSidecar(path: string): string {
  return path.slice(0, -SIDECAR_SUFFIX.length);
}

/** Whether a folder is walked. */
export function walksFolder(name: string): boolean {
  return !SKIPPED_FOLDERS.has(name);
}

/** Defaults of the settings that bound the index (`kamerstukken.corpus.maxFiles`, `...maxFileSizeMB`). */
export const DEFAULT_MAX_FILES = 50_000;
export const DEFAULT_MAX_FILE_SIZE_MB = 20;

/** A setting's value as a limit: a positive integer, else the default. */
export function limitOf(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
}

/**
 * Counts the files a walk finds against a limit: `take()` says whether one more may be indexed;
 * once one could not, `exceeded` stays true and `seen` keeps counting (for the message).
 */
export class FileBudget {
  private taken = 0;
  seen = 0;

  constructor(readonly limit: number) {}

  get exceeded(): boolean {
    return this.seen > this.limit;
  }

  get indexed(): number {
    return this.taken;
  }

  take(): boolean {
    this.seen++;
    if (this.taken >= this.limit) return false;
    this.taken++;
    return true;
  }
}
