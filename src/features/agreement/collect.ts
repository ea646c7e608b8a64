import vscode = require('vscode');
import { baseName } from '../annotations/sidecarFiles';
import type { AgreementBlock, AgreementDocument, CodedPassage } from '../../core/coding/agreement';
import type { AgreementScope } from '../../core/coding/agreementArgs';
import type { CorpusAnnotation } from '../../core/corpus/cache';
import type { DocumentModels } from '../../documentModels';
import type { CorpusDocument, CorpusService } from '../corpus';

/** What the agreement is computed over, with where each document is. */
export interface AgreementInputs {
  readonly documents: AgreementDocument[];
  /** The URI of each document, by its name (as the report names it). */
  readonly uris: Map<string, vscode.Uri>;
  /** Annotations left out because they have no coder. */
  readonly withoutCoder: number;
  /** Documents whose text could not be read (their annotations are left out). */
  readonly unreadable: string[];
}

function nameOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? baseName(uri) : vscode.workspace.asRelativePath(uri, false);
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
}

/** The coded passages of a document: placed annotations with a coder (and one of `coders`, if given). */
function passagesOf(annotations: readonly CorpusAnnotation[], coders: ReadonlySet<string> | undefined): { passages: CodedPassage[]; withoutCoder: number } {
  const passages: CodedPassage[] = [];
  let withoutCoder = 0;
  for (const a of annotations) {
    const coder = a.coder?.trim();
    if (!coder) {
      withoutCoder++;
      continue;
    }
    if (a.orphaned || a.end <= a.start || (coders && !coders.has(coder))) continue;
    passages.push({ coder, tags: a.tags, start: a.start, end: a.end, id: a.id });
  }
  return { passages, withoutCoder };
}

/** The blocks the corpus record lists (offsets in the text on disk, as the index placed the annotations). */
function recordBlocks(d: CorpusDocument): AgreementBlock[] | undefined {
  return d.record?.blocks.map((b) => ({ span: { start: b.start, end: b.end }, label: { name: b.label } }));
}

/**
 * The documents to compare, from the corpus index (no walk of the workspace): of `scope`
 * "document" the given one as the editor has it, else every document of the index with passages
 * of the coders. An open document comes as the editor has it (its text and model); the others
 * with the text on disk (read many at once) and the blocks of their record.
 */
export async function agreementInputs(
  corpus: CorpusService, models: DocumentModels, scope: AgreementScope, document: vscode.TextDocument | undefined,
  coders: readonly string[] | undefined,
): Promise<AgreementInputs> {
  const only = coders ? new Set(coders) : undefined;
  const uris = new Map<string, vscode.Uri>();
  const unreadable: string[] = [];
  let withoutCoder = 0;
  let candidates: CorpusDocument[];
  if (scope === 'document') {
    // The record's blocks are the units of a document not open: one taken from the cache gets them first.
    if (document) await corpus.blocks([document.uri.toString()]);
    const d = document ? corpus.document(document.uri) : undefined;
    candidates = d ? [d] : [];
  } else {
    await corpus.ready;
    // The records' blocks are the units: records taken from the cache get theirs first.
    await corpus.blocks();
    candidates = corpus.documents();
  }
  const reads = candidates.map(async (d): Promise<AgreementDocument | undefined> => {
    const found = passagesOf(d.annotations, only);
    withoutCoder += found.withoutCoder;
    if (found.passages.length === 0) return undefined;
    const name = nameOf(d.uri);
    const open = d.live ? openDocument(d.uri) : undefined;
    if (open) {
      uris.set(name, d.uri);
      return { name, text: open.getText(), passages: found.passages, blocks: models.get(open).blocks };
    }
    let text: string;
    try {
      text = new TextDecoder().decode(await corpus.fs.readFile(d.uri));
    } catch {
      unreadable.push(name);
      return undefined;
    }
    uris.set(name, d.uri);
    const blocks = recordBlocks(d);
    return { name, text, passages: found.passages, ...(blocks ? { blocks } : {}) };
  });
  const documents = (await Promise.all(reads)).filter((x): x is AgreementDocument => x !== undefined);
  documents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { documents, uris, withoutCoder, unreadable: unreadable.sort() };
}
