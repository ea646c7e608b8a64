import vscode = require('vscode');
import type { Span } from './core/model';

/** A core span (offsets) as an editor range. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}
