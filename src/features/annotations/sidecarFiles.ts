import vscode = require('vscode');
import { SIDECAR_SUFFIX } from '../../core/annotations/sidecar';
import type { WritePlan } from '../../core/annotations/session';

/** The sidecar of a document, or undefined when it has no file to sit beside. */
export function sidecarUri(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled' || vscode.workspace.fs.isWritableFileSystem(uri.scheme) !== true) return undefined;
  return uri.with({ path: uri.path + SIDECAR_SUFFIX });
}

/** The last segment of a URI's path: the file name. */
export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function isFileNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

/** A file's text, or undefined when it does not exist; other errors (no permission, ...) are thrown. */
export async function readText(uri: vscode.Uri, { keepBom = false } = {}): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8', { ignoreBOM: keepBom }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (isFileNotFound(error)) return undefined;
    throw error;
  }
}

/** A sidecar's text as on disk, with its byte order mark if it has one (kept when it is rewritten). */
export function readSidecar(uri: vscode.Uri): Promise<string | undefined> {
  return readText(uri, { keepBom: true });
}

/** Writes beside the target, then renames over it: a crash never leaves half a file. */
export async function writeAtomic(uri: vscode.Uri, text: string): Promise<void> {
  const tmp = uri.with({ path: `${uri.path}.${Math.random().toString(16).slice(2, 10)}.tmp` });
  await vscode.workspace.fs.writeFile(tmp, new TextEncoder().encode(text));
  try {
    await vscode.workspace.fs.rename(tmp, uri, { overwrite: true });
  } catch (error) {
    await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
    throw error;
  }
}

/** Deletes a file; one that is already gone is fine. */
async function deleteIfExists(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri).then(undefined, (error: unknown) => {
    if (!isFileNotFound(error)) throw error;
  });
}

/** Carries out a session's write plan on its sidecar. */
export async function applyWritePlan(sidecar: vscode.Uri, plan: WritePlan): Promise<void> {
  switch (plan.kind) {
    case 'write': return writeAtomic(sidecar, plan.text);
    case 'delete': return deleteIfExists(sidecar);
    case 'keep':
    case 'none':
      return undefined;
  }
}
