import vscode = require('vscode');
import { citationsOf, citingSpans, ownTargetAt, refKeys, sameDocumentKeys } from '../core/corpus/resolve';
import type { Span } from '../core/model';
import { markersOf, referencesTo } from '../core/referenceIndex';
import { targetAt } from '../core/targets';
import { toRange } from '../convert';
import { type DocumentModels, SELECTOR } from '../documentModels';
import type { CorpusLinks } from './corpus/links';
import { ownKeys, readFromEditor } from './documentLinks';

/**
 * Every place in the workspace that cites a document by one of `keys`: documents changed in their
 * editors (or not in the index) as the editors have them now, the others as the corpus index read them.
 */
function citations(models: DocumentModels, links: CorpusLinks | undefined, keys: readonly string[]): vscode.Location[] {
  const out: vscode.Location[] = [];
  const open = new Set<string>();
  for (const d of vscode.workspace.textDocuments) {
    if (!readFromEditor(d, links)) continue;
    open.add(d.uri.toString());
    const own = ownKeys(d);
    for (const span of citingSpans(models.get(d).docRefs, keys, own)) out.push(new vscode.Location(d.uri, toRange(d, span)));
  }
  if (links) {
    for (const c of citationsOf(links.links(), keys, open)) {
      out.push(new vscode.Location(links.uriOf(c.path), new vscode.Range(c.line, c.character, c.endLine, c.endCharacter)));
    }
  }
  return out;
}

/**
 * Find All References: on a question or answer label (or on a cross-reference), every
 * cross-reference to that question or answer; on a footnote or its marker, every marker; on the
 * document's own title or identifier, every place in the workspace that cites the document; on a
 * reference to another document, every place that cites that document.
 */
export function registerReferences(models: DocumentModels, links?: CorpusLinks): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(SELECTOR, {
    provideReferences(document, position, context) {
      const offset = document.offsetAt(position);
      const own = ownTargetAt(document.getText(), models.get(document), offset);
      if (own) {
        const declaration = context.includeDeclaration ? [new vscode.Location(document.uri, toRange(document, own.span))] : [];
        return [...declaration, ...citations(models, links, links ? sameDocumentKeys(links.links(), own.keys) : own.keys)];
      }
      const index = models.references(document);
      const target = targetAt(index, offset);
      if (!target) return undefined;
      if (target.kind === 'docRef') {
        const keys = refKeys(target.ref);
        return keys.length > 0 ? citations(models, links, links ? sameDocumentKeys(links.links(), keys) : keys) : undefined;
      }
      const doc = index.doc;
      const spans: Span[] = [];
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
