import * as vscode from 'vscode';
import { escapeMarkdownInert, markdownCodeSpan } from '../../core/util/markdown';
import { ANNOTATION_SELECTOR, type AnnotationStore } from './store';

function commandLink(command: string, args: object): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Hovering a tagged passage shows its tags and note, with links to edit or remove it. */
export function registerAnnotationHover(store: AnnotationStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(ANNOTATION_SELECTOR, {
    provideHover(document, position) {
      const state = store.stateOf(document.uri);
      if (!state) return undefined;
      const offset = document.offsetAt(position);
      const hits = state.annotations.filter((a) => !a.orphaned && a.start <= offset && offset < a.end);
      if (hits.length === 0) return undefined;
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: ['kamerstukken.editAnnotation', 'kamerstukken.removeAnnotation'] };
      hits.forEach((a, i) => {
        if (i > 0) md.appendMarkdown('\n\n---\n\n');
        const tags = a.tags.length > 0 ? a.tags.map(markdownCodeSpan).join(' ') : vscode.l10n.t('(no tag)');
        md.appendMarkdown(`$(tag) ${tags}\n\n`);
        if (a.note) md.appendMarkdown(`${escapeMarkdownInert(a.note)}\n\n`);
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
