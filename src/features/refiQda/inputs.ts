import vscode = require('vscode');
import { TextPositions } from '../../core/annotations/model';
import { CODEBOOK_PATH } from '../../core/coding/codebook';
import type { CorpusRecord } from '../../core/corpus/record';
import { contextsOf } from '../../core/corpus/cache';
import type { RefiCodeInput, RefiDocumentInput, RefiValue } from '../../core/refiQda';
import type { CorpusDocument, CorpusService } from '../corpus';
import type { CodebookService } from '../coding/codebookService';

/** The name of a document in an export: workspace-relative. */
export function documentName(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path.slice(uri.path.lastIndexOf('/') + 1) : vscode.workspace.asRelativePath(uri, false);
}

function openText(uri: vscode.Uri): string | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key)?.getText();
}

/** The whole days from one ISO date to another, or undefined. */
function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  if (!from || !to) return undefined;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return Number.isFinite(a) && Number.isFinite(b) ? Math.round((b - a) / 86_400_000) : undefined;
}

/** The corpus record's attributes of a document, as REFI-QDA Variables (names in the user's language). */
function attributesOf(record: CorpusRecord | undefined): Record<string, RefiValue> {
  if (!record) return {};
  const list = (xs: readonly string[]): string | undefined => (xs.length > 0 ? xs.join(', ') : undefined);
  return {
    [vscode.l10n.t('kind')]: record.kind,
    [vscode.l10n.t('title')]: record.title,
    [vscode.l10n.t('asked by')]: list(record.askedBy),
    [vscode.l10n.t('party')]: list(record.parties),
    [vscode.l10n.t('addressed to')]: record.addressedTo,
    [vscode.l10n.t('answered by')]: record.answeredBy,
    [vscode.l10n.t('submitted')]: record.submitted,
    [vscode.l10n.t('received')]: record.received,
    [vscode.l10n.t('days to answer')]: daysBetween(record.submitted, record.received),
  };
}

/** A corpus document as the REFI-QDA export takes it: its text now, its annotations with stored positions. */
function refiDocument(d: CorpusDocument, text: string): RefiDocumentInput {
  const positions = new TextPositions(text);
  const contexts = contextsOf(d);
  return {
    name: documentName(d.uri),
    text,
    attributes: attributesOf(d.record),
    annotations: d.annotations.map((a, i) => {
      const c = contexts[i];
      const placed = !a.orphaned && a.end > a.start && a.end <= text.length;
      const at = placed ? positions.selector(a.start, a.end) : { quote: a.quote, prefix: c.prefix, suffix: c.suffix, start: 0, end: 0 };
      return {
        id: a.id, tags: a.tags, ...(a.note ? { note: a.note } : {}), created: c.created, ...(a.coder ? { coder: a.coder } : {}),
        quote: at.quote, prefix: at.prefix, suffix: at.suffix, start: at.start, end: at.end,
      };
    }),
  };
}

export interface RefiInputs {
  readonly documents: RefiDocumentInput[];
  /** Annotation files that could not be read or have errors (what they hold is missing or partial). */
  readonly incomplete: string[];
  /** Documents whose text could not be read (left out). */
  readonly unreadable: string[];
}

/**
 * The documents with annotations from the corpus index (no new walk): the given one, or every one
 * of the workspace. Open documents as the editor has them; others with their text read from disk.
 */
export async function refiInputs(corpus: CorpusService, document: vscode.TextDocument | undefined): Promise<RefiInputs> {
  let candidates: CorpusDocument[];
  if (document) {
    const d = corpus.document(document.uri);
    candidates = d ? [d] : [];
  } else {
    await corpus.ready;
    candidates = corpus.documents();
  }
  const incomplete: string[] = [];
  const unreadable: string[] = [];
  const reads = candidates.map(async (d) => {
    if (d.broken && d.sidecar) incomplete.push(documentName(d.sidecar));
    if (d.annotations.length === 0) return undefined;
    let text = d.live ? openText(d.uri) : undefined;
    if (text === undefined) {
      try {
        text = new TextDecoder().decode(await corpus.fs.readFile(d.uri));
      } catch {
        unreadable.push(documentName(d.uri));
        return undefined;
      }
    }
    return refiDocument(d, text);
  });
  const documents = (await Promise.all(reads)).filter((x): x is RefiDocumentInput => x !== undefined);
  // A fixed order: the same data gives the same file.
  documents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { documents, incomplete: incomplete.sort(), unreadable: unreadable.sort() };
}

/** The codebook file of each workspace folder. */
export function codebookUris(): vscode.Uri[] {
  return (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, CODEBOOK_PATH));
}

/**
 * The codes of the codebook and the `kamerstukken.tags` setting as the workbench shows them (the
 * codebook service: read from the editor while it is open), each with the colour the Annotations
 * view gives it (its own, else its nearest ancestor's, else the stable one); problems as text.
 */
export async function codebookCodes(codebook: CodebookService): Promise<{ codes: RefiCodeInput[]; problems: string[]; colorOf: (tag: string) => string }> {
  await codebook.ready;
  const colors = codebook.colors();
  const uri = codebook.uriFor();
  const problems = codebook.problems().map((p) => `${uri ? documentName(uri) : CODEBOOK_PATH}${p.line !== undefined ? `:${p.line}` : ''}: ${codebook.describe(p)}`);
  return {
    codes: codebook.definitions().map((c) => ({ path: c.name, ...(c.description ? { description: c.description } : {}), color: colors.colorOf(c.name) })),
    problems,
    colorOf: (tag) => colors.colorOf(tag),
  };
}
