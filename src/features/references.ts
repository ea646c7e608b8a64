import * as vscode from 'vscode';
import { markersOf, referencesTo } from '../core/referenceIndex';
import { targetAt } from '../core/targets';
import { toRange } from '../convert';
import { type DocumentModels, SELECTOR } from '../documentModels';

/**
 * Find All References: on a question or answer label (or on a cross-reference), every
 * cross-reference to that question or answer; on a footnote or its marker, every marker.
 */
export function registerReferences(models: DocumentModels): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(SELECTOR, {
    provideReferences(document, position, context) {
      const index = models.references(document);
      const target = targetAt(index, document.offsetAt(position));
      if (!target) return undefined;
      const doc = index.doc;
      const spans: Array<{ start: number; end: number }> = [];
      const blocks: number[] = [];
      let footnote: number | undefined;
      switch (target.kind) {
        case 'label':
          blocks.push(target.index);
          break;
        case 'crossRef':
          blocks.push(...target.resolution.blocks);
          break;
        case 'footnoteRef':
          footnote = target.ref.footnote;
          break;
        case 'footnote':
          footnote = target.index;
          break;
        default:
          return undefined;
      }
      if (context.includeDeclaration) for (const b of blocks) spans.push(doc.blocks[b].label.span);
      const seen = new Set<number>();
      for (const b of blocks) {
        for (const r of referencesTo(index, b)) {
          if (!seen.has(r)) {
            seen.add(r);
            spans.push(doc.crossRefs[r].span);
          }
        }
      }
      if (footnote !== undefined) {
        const f = doc.footnotes[footnote];
        if (context.includeDeclaration) spans.push({ start: f.span.start, end: f.span.start + f.marker.length });
        for (const m of markersOf(doc, footnote)) spans.push(doc.footnoteRefs[m].span);
      }
      return spans.sort((a, b) => a.start - b.start).map((s) => new vscode.Location(document.uri, toRange(document, s)));
    },
  });
}
