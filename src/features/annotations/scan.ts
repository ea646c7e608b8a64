import * as vscode from 'vscode';
import { type SidecarSnapshot, snapshotOf } from '../../core/annotations/session';
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar';
import { DEFAULT_MAX_FILES, limitOf } from '../../core/corpus/workspaceFiles';
import { CorpusFs, walkWorkspace } from '../corpus/files';
import { readSidecar, readText } from './sidecarFiles';

/**
 * The annotation sidecars in the workspace, by walking its folders as the corpus index does (no
 * depth limit; at most `kamerstukken.corpus.maxFiles` files, a limit the index reports). With
 * `limit`, at most that many; with `token`, stops when it is cancelled. Features should read the
 * corpus index instead (`CorpusService.documents()`), which has the annotations already.
 */
export async function findSidecars(options: { limit?: number; token?: vscode.CancellationToken } = {}): Promise<vscode.Uri[]> {
  const token = options.token ?? new vscode.CancellationTokenSource().token;
  const maxFiles = limitOf(vscode.workspace.getConfiguration('kamerstukken.corpus').get('maxFiles'), DEFAULT_MAX_FILES);
  const walk = await walkWorkspace(new CorpusFs(), (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri), maxFiles, token);
  const found: vscode.Uri[] = [];
  for (const d of walk.documents.values()) if (d.sidecar) found.push(d.sidecar);
  return found.slice(0, options.limit ?? Infinity);
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
