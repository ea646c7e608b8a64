import vscode = require('vscode');
import { isUriString } from '../core/annotations/commandArgs';
import { baseName } from './annotations/sidecarFiles';

/**
 * Where an export writes, shared by every export command (annotations, REFI-QDA, corpus, code
 * matrix): a target given as an argument (a URI, or a string that is a URI or a path), which is
 * never replaced without `overwrite`, else the Save dialog's choice.
 */

/** A target argument as a URI: a Uri, a URI string, or a file path. */
export function targetUri(v: unknown): vscode.Uri | undefined {
  if (v instanceof vscode.Uri) return v;
  if (typeof v === 'string' && v) return isUriString(v) ? vscode.Uri.parse(v) : vscode.Uri.file(v);
  return undefined;
}

async function fileExists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

/**
 * The given target, unless it exists and `overwrite` is not set (then an error message and
 * undefined); without a target, what `dialog` chooses (its own overwrite confirmation).
 */
export async function chooseTarget(
  options: { readonly target?: unknown; readonly overwrite?: boolean },
  dialog: () => Thenable<vscode.Uri | undefined>,
): Promise<vscode.Uri | undefined> {
  const given = targetUri(options.target);
  if (!given) return dialog();
  if (!options.overwrite && await fileExists(given)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists and was not overwritten.', baseName(given)));
    return undefined;
  }
  return given;
}
