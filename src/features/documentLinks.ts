import * as vscode from 'vscode';
import { buildDocLinks, displayDossier, displayVergaderjaar, LINK_SOURCES, preferredLink, refersTo, type DocDescription, type DocLinks, type LinkSource } from '../core/links';
import { toRange } from '../convert';
import { type DocumentModels, LANGUAGE_ID, SELECTOR } from '../documentModels';

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

/** Other open parliamentary documents that are the document a reference names (same zaak, document or Aanhangsel number). */
export function openDocumentsFor(models: DocumentModels, links: DocLinks, self: vscode.TextDocument): vscode.TextDocument[] {
  if (!links.identity) return [];
  return vscode.workspace.textDocuments.filter((d) =>
    d.uri.toString() !== self.uri.toString() && d.languageId === LANGUAGE_ID && refersTo(links, models.get(d).metadata));
}

/** Ctrl+click on a reference to another document opens it online (the source `kamerstukken.links.preferred` names). */
export function registerDocumentLinks(models: DocumentModels): vscode.Disposable {
  return vscode.languages.registerDocumentLinkProvider(SELECTOR, {
    provideDocumentLinks(document) {
      const preferred = preferredSource(document);
      const out: vscode.DocumentLink[] = [];
      for (const ref of models.get(document).docRefs) {
        const links = buildDocLinks(ref);
        const link = preferredLink(links.links, preferred);
        if (!link) continue;
        let target: vscode.Uri;
        try {
          target = vscode.Uri.parse(link.url, true);
        } catch {
          continue; // a URL in the text that is no valid URI
        }
        const dl = new vscode.DocumentLink(toRange(document, ref.span), target);
        dl.tooltip = `${describeDocRef(links.description)} — ${vscode.l10n.t('open on {0}', sourceName(link.source))}`;
        out.push(dl);
      }
      return out;
    },
  });
}
