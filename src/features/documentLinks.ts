import vscode = require('vscode');
import { buildDocLinks, displayDossier, displayVergaderjaar, LINK_SOURCES, preferredLink, type DocDescription, type LinkSource } from '../core/links';
import { identityKey, ownIdentities } from '../core/corpus/identity';
import { askerLine, refKeys, resolveRef } from '../core/corpus/resolve';
import type { DocRef } from '../core/model';
import { toRange } from '../convert';
import { type DocumentModels, LANGUAGE_ID, SELECTOR } from '../documentModels';
import type { CorpusLinks } from './corpus/links';
import { uriAtTitle } from './documentTitle';

/** The reference to another document in words. */
export function describeDocRef(d: DocDescription): string {
  switch (d.kind) {
    case 'aanhangsel':
      return d.chamber === 'ek'
        ? vscode.l10n.t('Appendix to the Proceedings of the Senate (Aanhangsel van de Handelingen I), session {0}, no. {1}', displayVergaderjaar(d.vergaderjaar), d.number)
        : vscode.l10n.t('Appendix to the Proceedings (Aanhangsel van de Handelingen), session {0}, no. {1}', displayVergaderjaar(d.vergaderjaar), d.number);
    case 'kamerstuk': {
      const dossier = d.part ? `${displayDossier(d.dossier)} ${d.part}` : displayDossier(d.dossier);
      return d.vergaderjaar
        ? vscode.l10n.t('Parliamentary paper (Kamerstuk) {0}, no. {1}, session {2}', dossier, d.number, displayVergaderjaar(d.vergaderjaar))
        : vscode.l10n.t('Parliamentary paper (Kamerstuk) {0}, no. {1}', dossier, d.number);
    }
    case 'documentNumber':
      return vscode.l10n.t('Tweede Kamer document {0}', d.value);
    case 'zaakNumber':
      return vscode.l10n.t('Tweede Kamer case (zaak) {0}', d.value);
    case 'identifier':
      return vscode.l10n.t('Official publication {0}', d.value);
    case 'url':
      return vscode.l10n.t('Web page {0}', d.value);
  }
}

/** The name of a link's source, for "Open on ...". */
export function sourceName(source: LinkSource): string {
  switch (source) {
    case 'officielebekendmakingen': return 'officielebekendmakingen.nl';
    case 'tweedekamer': return 'tweedekamer.nl';
    case 'opentk': return 'OpenTK';
    case 'web': return vscode.l10n.t('the web');
  }
}

export function preferredSource(scope: vscode.TextDocument): LinkSource | undefined {
  const value = vscode.workspace.getConfiguration('kamerstukken', scope).get<string>('links.preferred');
  return LINK_SOURCES.find((s) => s === value);
}

/** A document of the workspace a reference names: in the corpus index, or open in an editor. */
export interface LinkedTarget {
  readonly uri: vscode.Uri;
  readonly title?: string;
  /** "Van der Lee (GroenLinks-PvdA)". */
  readonly asker?: string;
}

function and(a: string, b: string): string {
  return vscode.l10n.t('{0} and {1}', a, b);
}

/**
 * The documents of the workspace that are the document `ref` names, open or not: those of the
 * corpus index with that identity, then open documents that have it and the index does not know
 * (untitled, outside the workspace, changed in the editor). `self` is left out.
 */
export function linkedDocuments(links: CorpusLinks | undefined, models: DocumentModels, ref: DocRef, self: vscode.TextDocument): LinkedTarget[] {
  const out = new Map<string, LinkedTarget>();
  const keys = refKeys(ref);
  const own = ownKeys(self);
  // The document's own number in its own metadata: it names this document, not a copy elsewhere.
  if (keys.length === 0 || keys.some((k) => own.includes(k))) return [];
  if (links) {
    for (const t of resolveRef(links.links(), ref, self.uri.toString(), own)) {
      const asker = askerLine(t.record, and);
      out.set(t.path, { uri: links.uriOf(t.path), ...(t.record.title ? { title: t.record.title } : {}), ...(asker ? { asker } : {}) });
    }
  }
  // Open documents the index does not have as they are (untitled, changed in the editor, outside
  // the workspace, or all while the first pass runs; not a file deleted since, which VS Code may
  // keep among its documents), by the identities they give themselves: as strictly as the index
  // reads them, not the first number a text mentions, which may be a reference to another document.
  for (const d of vscode.workspace.textDocuments) {
    const key = d.uri.toString();
    if (out.has(key) || d.languageId !== LANGUAGE_ID || key === self.uri.toString()) continue;
    if (!readFromEditor(d, links)) continue;
    if (!ownKeys(d).some((k) => keys.includes(k))) continue;
    const md = models.get(d).metadata;
    const asker = askerLine(md, and);
    out.set(key, { uri: d.uri, ...(md.title ? { title: md.title.text } : {}), ...(asker ? { asker } : {}) });
  }
  return [...out.values()];
}

/**
 * Whether an open parliamentary document is read from its editor rather than from the corpus
 * index: when the index does not have it as it is (untitled, changed in the editor, outside the
 * workspace folders, or any while the first pass runs). A saved file of the workspace is the
 * index's: a file deleted since may still be among VS Code's documents.
 */
export function readFromEditor(d: vscode.TextDocument, links: CorpusLinks | undefined): boolean {
  return d.languageId === LANGUAGE_ID
    && (!links?.complete || d.isUntitled || d.isDirty || vscode.workspace.getWorkspaceFolder(d.uri) === undefined);
}

/** The own identity keys of open documents, per version (read from the first 20,000 characters). */
const ownCache = new Map<string, { readonly version: number; readonly keys: readonly string[] }>();

/** The identity keys a document gives itself (see `ownIdentities`), as its editor has it now. */
export function ownKeys(document: vscode.TextDocument): readonly string[] {
  const key = document.uri.toString();
  const hit = ownCache.get(key);
  if (hit && hit.version === document.version) return hit.keys;
  if (ownCache.size >= 64) ownCache.clear();
  const keys = ownIdentities(document.getText()).map(identityKey);
  ownCache.set(key, { version: document.version, keys });
  return keys;
}

/** The name of a file for display: the last part of its path. */
export function fileName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() ?? uri.toString();
}

/**
 * Ctrl+click on a reference to another document opens it: in the editor when it is in the
 * workspace, else online (the source `kamerstukken.links.preferred` names).
 */
export function registerDocumentLinks(models: DocumentModels, links?: CorpusLinks): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(SELECTOR, {
    provideDocumentLinks(document) {
      const preferred = preferredSource(document);
      const out: vscode.DocumentLink[] = [];
      for (const ref of models.get(document).docRefs) {
        const local = links ? linkedDocuments(links, models, ref, document)[0] : undefined;
        if (local) {
          // Its target (the document at its title) is found when the link is used: reading it now would read every document cited.
          const dl = new LocalLink(toRange(document, ref.span), local.uri);
          dl.tooltip = `${local.title ?? fileName(local.uri)} — ${vscode.l10n.t('open in the editor')}`;
          out.push(dl);
          continue;
        }
        const docLinks = buildDocLinks(ref);
        const link = preferredLink(docLinks.links, preferred);
        if (!link) continue;
        let target: vscode.Uri;
        try {
          target = vscode.Uri.parse(link.url, true);
        } catch {
          continue; // a URL in the text that is no valid URI
        }
        const dl = new vscode.DocumentLink(toRange(document, ref.span), target);
        dl.tooltip = `${describeDocRef(docLinks.description)} — ${vscode.l10n.t('open on {0}', sourceName(link.source))}`;
        out.push(dl);
      }
      return out;
    },
    async resolveDocumentLink(link, token) {
      if (link instanceof LocalLink) link.target = await uriAtTitle(link.file, models, token);
      return link;
    },
  });
}

/** A link to a document of the workspace, opened at its title once resolved. */
class LocalLink extends vscode.DocumentLink {
  constructor(range: vscode.Range, readonly file: vscode.Uri) {
    super(range);
  }
}
