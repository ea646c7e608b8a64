import vscode = require('vscode');
import { foldingSpans } from '../core/outline';
import { type DocumentModels, SELECTOR } from '../documentModels';

/** Folding for each question, answer, header, beslisnota section and the footnotes. */
export function registerFolding(models: DocumentModels): vscode.Disposable {
  return vscode.languages.registerFoldingRangeProvider(SELECTOR, {
    provideFoldingRanges(document) {
      const ranges: vscode.FoldingRange[] = [];
      for (const span of foldingSpans(models.get(document))) {
        const start = document.positionAt(span.start).line;
        const end = document.positionAt(span.end).line;
        if (end > start) ranges.push(new vscode.FoldingRange(start, end));
      }
      return ranges;
    },
  });
}
