import vscode = require('vscode');
import { normalizeTag } from '../../core/coding/tags';
import { escapeMarkdownInert, markdownCodeSpan } from '../../core/util/markdown';
import type { CodebookService } from '../coding/codebookService';
import type { CoderVisibility } from '../coding/coder';
import { ANNOTATION_SELECTOR, type AnnotationStore } from './store';

function commandLink(command: string, args: object): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/**
 * Hovering a tagged passage shows its tags (with the codebook's description and memo), its note
 * and coder, with links to edit or remove it. Only annotations blind coding lets through.
 */
export function registerAnnotationHover(store: AnnotationStore, codebook: CodebookService, visibility: CoderVisibility): vscode.Disposable {
  return vscode.languages.registerHoverProvider(ANNOTATION_SELECTOR, {
    provideHover(document, position) {
      const state = store.stateOf(document.uri);
      if (!state) return undefined;
      const offset = document.offsetAt(position);
      const hits = state.annotations.filter((a) => !a.orphaned && a.start <= offset && offset < a.end && visibility.visible(a));
      if (hits.length === 0) return undefined;
      const defs = new Map(codebook.definitions(document.uri).map((d) => [d.name, d]));
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: ['kamerstukken.editAnnotation', 'kamerstukken.removeAnnotation'] };
      hits.forEach((a, i) => {
        if (i > 0) md.appendMarkdown('\n\n---\n\n');
        const tags = a.tags.length > 0 ? a.tags.map(markdownCodeSpan).join(' ') : vscode.l10n.t('(no tag)');
        md.appendMarkdown(`$(tag) ${tags}\n\n`);
        if (a.note) md.appendMarkdown(`${escapeMarkdownInert(a.note)}\n\n`);
        for (const tag of a.tags) {
          const def = defs.get(normalizeTag(tag));
          const about = [def?.description, def?.memo ? `${vscode.l10n.t('Memo')}: ${def.memo}` : undefined].filter(Boolean).join(' — ');
          if (about) md.appendMarkdown(`${markdownCodeSpan(tag)}: ${escapeMarkdownInert(about)}\n\n`);
        }
        if (a.coder) md.appendMarkdown(`${escapeMarkdownInert(vscode.l10n.t('Coder: {0}', a.coder))}\n\n`);
        const args = { id: a.id, uri: document.uri.toString() };
        md.appendMarkdown(`[${vscode.l10n.t('Edit')}](${commandLink('kamerstukken.editAnnotation', args)} "${vscode.l10n.t('Edit tags and note')}") · `
          + `[${vscode.l10n.t('Remove')}](${commandLink('kamerstukken.removeAnnotation', args)} "${vscode.l10n.t('Remove this annotation')}")`);
      });
      const start = Math.max(...hits.map((a) => a.start));
      const end = Math.min(...hits.map((a) => a.end));
      return new vscode.Hover(md, new vscode.Range(document.positionAt(start), document.positionAt(end)));
    },
  });
}
