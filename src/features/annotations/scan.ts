import * as vscode from 'vscode';
import { type SidecarSnapshot, snapshotOf } from '../../core/annotations/session';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar';
import { readSidecar, readText } from './sidecarFiles';

const SKIP = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test']);
const MAX_DEPTH = 6;
const MAX_DIRECTORIES = 2000;

/**
 * The annotation sidecars in the workspace, by walking its folders (bounded depth and size;
 * `findFiles` needs ripgrep, which web and some remote hosts lack). With `limit`, stops after that
 * many; with `token`, stops when it is cancelled.
 */
export async function findSidecars(options: { limit?: number; token?: vscode.CancellationToken } = {}): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  const limit = options.limit ?? Infinity;
  let budget = MAX_DIRECTORIES;
  const walk = async (dir: vscode.Uri, depth: number): Promise<void> => {
    if (budget-- <= 0 || found.length >= limit || options.token?.isCancellationRequested) return;
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(dir);
    } catch {
      return;
    }
    const subdirs: vscode.Uri[] = [];
    for (const [name, type] of entries) {
      if (type & vscode.FileType.Directory) {
        if (depth < MAX_DEPTH && !SKIP.has(name) && !(type & vscode.FileType.SymbolicLink)) subdirs.push(vscode.Uri.joinPath(dir, name));
      } else if (name.endsWith(SIDECAR_SUFFIX) && name.length > SIDECAR_SUFFIX.length) {
        found.push(vscode.Uri.joinPath(dir, name));
        if (found.length >= limit) return;
      }
    }
    for (const d of subdirs) await walk(d, depth + 1);
  };
  for (const folder of vscode.workspace.workspaceFolders ?? []) await walk(folder.uri, 0);
  return found;
}

/** The document a sidecar belongs to. */
export function documentOfSidecar(sidecar: vscode.Uri): vscode.Uri {
  return sidecar.with({ path: sidecar.path.slice(0, -SIDECAR_SUFFIX.length) });
}

/** A snapshot of the sidecar of a document that is not open, for the view and the tag list. */
export interface WorkspaceEntry extends SidecarSnapshot {
  readonly uri: vscode.Uri;
  readonly sidecar: vscode.Uri;
}

/** Reads the sidecar of a document that is not open; undefined when there is none. */
export async function readWorkspaceEntry(textUri: vscode.Uri, sidecar: vscode.Uri): Promise<WorkspaceEntry | undefined> {
  const text = await readSidecar(sidecar);
  if (text === undefined) return undefined;
  const documentText = (await readText(textUri).catch(() => undefined)) ?? '';
  return { uri: textUri, sidecar, ...snapshotOf(text, documentText) };
}
