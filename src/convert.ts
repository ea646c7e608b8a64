import * as vscode from 'vscode';
import type { Span } from './core/model';

/** A core span (offsets) as an editor range. */
export function toRange(document: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** Whether an offset lies within a span (end inclusive, so a cursor just after a word counts). */
export function spanContains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
