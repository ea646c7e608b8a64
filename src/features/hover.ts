import vscode = require('vscode');
import { buildDocLinks, linkPieces, safeLinkTarget, type LinkSource } from '../core/links';
import type { DocRef } from '../core/model';
import { ANSWER_CHARS, ANSWER_LINES, crossRefHover, excerpt, type CrossRefHover, type Excerpt } from '../core/hoverContent';
import { targetAt } from '../core/targets';
import { escapeMarkdownInert } from '../core/util/markdown';
import { listAnd } from '../core/util/words';
import { toRange } from '../convert';
import { type DocumentModels, SELECTOR } from '../documentModels';
import type { CorpusLinks } from './corpus/links';
import { describeDocRef, fileName, linkedDocuments, preferredSource, sourceName } from './documentLinks';
import { uriAtTitle } from './documentTitle';

/** Lines of document text, escaped, each kept on its own line. */
function escapedLines(text: string): string {
  return text.split(/\r?\n/).map((l) => escapeMarkdownInert(l.replace(/^\s+/, ''))).join('  \n');
}

/** A Markdown link to an http(s) URL or a file; nothing when the target is not safe. */
function mdLink(label: string, target: string): string {
  const safe = /^file:/i.test(target) ? target.replace(/[\s()<>[\]"'`\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`) : safeLinkTarget(target);
  return safe ? `[${escapeMarkdownInert(label)}](${safe})` : escapeMarkdownInert(label);
}

/** An untrusted Markdown string: no commands, no HTML. */
function untrusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

function appendExcerpt(md: vscode.MarkdownString, e: Excerpt): void {
  md.appendMarkdown(escapedLines(e.text) + (e.truncated ? ' …' : '') + '\n\n');
}

/**
 * An excerpt whose references to other documents (URLs, Kamerstukken, document numbers) are links,
 * made as safe as the document links: http(s) only, the target percent-encoded, the rest escaped.
 */
function appendLinkedExcerpt(md: vscode.MarkdownString, e: Excerpt, preferred: LinkSource | undefined): void {
  const value = linkPieces(e.text, preferred).map((p, k) => p.url !== undefined
    ? mdLink(p.text.replace(/\s+/g, ' '), p.url)
    // Each line as `escapedLines` gives it; a piece after a link goes on on its line.
    : p.text.split(/\r?\n/).map((l, n) => escapeMarkdownInert(n > 0 || k === 0 ? l.replace(/^\s+/, '') : l)).join('  \n')).join('');
  md.appendMarkdown(value + (e.truncated ? ' …' : '') + '\n\n');
}

function crossRefMarkdown(h: CrossRefHover): vscode.MarkdownString {
  const md = untrusted();
  switch (h.status) {
    case 'external':
      md.appendMarkdown(escapeMarkdownInert(vscode.l10n.t('This reference points to another document; that document is not in this text.')));
      return md;
    case 'noStructure':
      md.appendMarkdown(escapeMarkdownInert(vscode.l10n.t('This document has no numbered questions and answers: the reference points to another document.')));
      return md;
    default:
      break;
  }
  for (const s of h.sections) {
    md.appendMarkdown(`**${escapeMarkdownInert(s.label)}**\n\n`);
    appendExcerpt(md, s.excerpt);
  }
  if (h.missing.length > 0) {
    const message = h.missing.length === 1
      ? vscode.l10n.t('There is no question {0} in this document.', h.missing[0])
      : vscode.l10n.t('There are no questions {0} in this document.', listAnd(h.missing, vscode.l10n.t));
    md.appendMarkdown(`*${escapeMarkdownInert(message)}*`);
  }
  return md;
}

/**
 * The hover over a reference to another document: first the documents of the workspace it names
 * (title, who asked, a link that opens it), then what it is in words and where it is online.
 */
async function docRefMarkdown(
  models: DocumentModels, links: CorpusLinks | undefined, document: vscode.TextDocument, ref: DocRef, token: vscode.CancellationToken,
): Promise<vscode.MarkdownString> {
  const md = untrusted();
  const local = linkedDocuments(links, models, ref, document);
  // Each opens at its title, as Go to Definition and Ctrl+click do.
  const targets = await Promise.all(local.map((d) => uriAtTitle(d.uri, models, token)));
  local.forEach((d, i) => {
    md.appendMarkdown(`**${escapeMarkdownInert(d.title ?? fileName(d.uri))}**\n\n`);
    if (d.asker) md.appendMarkdown(`${escapeMarkdownInert(vscode.l10n.t('Asked by {0}', d.asker))}\n\n`);
    md.appendMarkdown(`${mdLink(vscode.l10n.t('Open in the editor: {0}', fileName(d.uri)), targets[i].toString())}\n\n`);
  });
  if (local.length > 0) md.appendMarkdown('---\n\n');
  const docLinks = buildDocLinks(ref);
  md.appendMarkdown(`**${escapeMarkdownInert(describeDocRef(docLinks.description))}**\n\n`);
  const preferred = preferredSource(document);
  const ordered = [...docLinks.links].sort((a, b) => Number(b.source === preferred) - Number(a.source === preferred));
  const items = ordered.map((l) => `- ${mdLink(vscode.l10n.t('Open on {0}', sourceName(l.source)), l.url)}`);
  if (items.length > 0) md.appendMarkdown(items.join('\n'));
  return md;
}

/** Hovers: the target of a cross-reference, the text of a footnote, and what another document is. */
export function registerHover(models: DocumentModels, links?: CorpusLinks): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, {
    provideHover(document, position, token) {
      const index = models.references(document);
      const target = targetAt(index, document.offsetAt(position));
      if (!target) return undefined;
      const range = toRange(document, target.span);
      switch (target.kind) {
        case 'crossRef':
          return new vscode.Hover(crossRefMarkdown(crossRefHover(document.getText(), index, target.resolution)), range);
        case 'footnoteRef':
        case 'footnote': {
          const md = untrusted();
          md.appendMarkdown(`**${escapeMarkdownInert(vscode.l10n.t('Footnote {0}', target.footnote.marker))}**\n\n`);
          appendLinkedExcerpt(md, excerpt(document.getText(), target.footnote.body, ANSWER_LINES, ANSWER_CHARS), preferredSource(document));
          return new vscode.Hover(md, range);
        }
        case 'docRef':
          return docRefMarkdown(models, links, document, target.ref, token).then((md) => new vscode.Hover(md, range));
        case 'label':
          return undefined;
      }
    },
  });
}
