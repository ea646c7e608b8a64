import vscode = require('vscode');
import { lineEdit } from '../../core/util/textDiff';

/** A file's new text, planned on `before` (its text as the editor has it; undefined: the file is new). */
export interface FileChange {
  readonly uri: vscode.Uri;
  readonly before: string | undefined;
  readonly after: string;
}

/** A file's text as the editor has it (an open document's unsaved changes included); undefined when it does not exist. */
export async function editorText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

export type ApplyResult = 'applied' | 'changedMeanwhile' | 'refused';

/**
 * Carries out file changes as one `WorkspaceEdit` (one step for Undo): each file gets one edit of
 * the lines that differ, a new file is created with its text. Files that had no unsaved changes
 * are saved afterwards; one the user is editing keeps its unsaved state (the user saves it).
 * `changedMeanwhile` when a file is no longer the text the change was planned on: nothing is done.
 */
export async function applyFileChanges(changes: readonly FileChange[], label: string): Promise<ApplyResult> {
  const edit = new vscode.WorkspaceEdit();
  const toSave: vscode.TextDocument[] = [];
  const metadata: vscode.WorkspaceEditEntryMetadata = { label, needsConfirmation: false };
  for (const c of changes) {
    if (c.before === undefined) {
      edit.createFile(c.uri, { ignoreIfExists: false, contents: new TextEncoder().encode(c.after) }, metadata);
      continue;
    }
    const doc = await vscode.workspace.openTextDocument(c.uri);
    if (doc.getText() !== c.before) return 'changedMeanwhile';
    const e = lineEdit(c.before, c.after);
    if (!e) continue;
    edit.replace(c.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.text, metadata);
    if (!doc.isDirty) toSave.push(doc);
  }
  if (edit.size === 0) return 'applied';
  if (!await vscode.workspace.applyEdit(edit)) return 'refused';
  await Promise.all(toSave.map((d) => d.save()));
  return 'applied';
}
