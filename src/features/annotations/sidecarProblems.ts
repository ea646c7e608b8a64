import vscode = require('vscode');
import type { SidecarProblem } from '../../core/annotations/sidecar';
import { problemMessage } from './problems';
import { baseName } from './sidecarFiles';

/** A document whose sidecar has problems, as the reporter needs it. */
export interface BrokenSidecar {
  readonly uri: vscode.Uri;
  readonly sidecar: vscode.Uri | undefined;
  readonly problems: readonly SidecarProblem[];
}

/** Tells the user about sidecars that cannot be read, once per problem, with a button to open the file. */
export class SidecarProblemReporter {
  /** The message last shown for each document, by URI. */
  private readonly reported = new Map<string, string>();

  /** Shows the first problem, unless the same message was shown before for the document (`force`: show it anyway). */
  report(doc: BrokenSidecar, force: boolean): void {
    const p = doc.problems[0];
    if (!p) return;
    const key = doc.uri.toString();
    const file = baseName(doc.sidecar ?? doc.uri);
    const message = p.line !== undefined
      ? vscode.l10n.t('The annotations file {0} has an error on line {1}: {2}. It will not be changed, and annotating {3} is off until it is fixed.', file, p.line, problemMessage(p), baseName(doc.uri))
      : vscode.l10n.t('The annotations file {0} has an error: {1}. It will not be changed, and annotating {2} is off until it is fixed.', file, problemMessage(p), baseName(doc.uri));
    if (!force && this.reported.get(key) === message) return;
    this.reported.set(key, message);
    void this.offerToOpen(doc, message);
  }

  /** The document's sidecar has no problems (any more). */
  fixed(uri: vscode.Uri): void {
    this.reported.delete(uri.toString());
  }

  /** Shows the sidecar's error (the one last reported, unless `message`) with a button to open it at the line. */
  async offerToOpen(doc: BrokenSidecar, message?: string): Promise<void> {
    const open = vscode.l10n.t('Open Annotations File');
    const text = message ?? this.reported.get(doc.uri.toString()) ?? '';
    const choice = await vscode.window.showErrorMessage(text, open);
    if (choice === open && doc.sidecar) {
      const line = Math.max(0, (doc.problems[0]?.line ?? 1) - 1);
      await vscode.window.showTextDocument(doc.sidecar, { selection: new vscode.Range(line, 0, line, 0) });
    }
  }
}
