import vscode = require('vscode');
import { titlePlace, type LinePlace } from '../core/corpus/titlePlace';
import type { Metadata } from '../core/model';
import { summariseDocument } from '../core/parser';
import type { DocumentModels } from '../documentModels';
import { maxBytesSetting } from './corpus/files';

function toVsRange(place: LinePlace): vscode.Range {
  return new vscode.Range(place.start[0], place.start[1], place.end[0], place.end[1]);
}

/**
 * Where a document opens from a reference to it: its title, as the editor has the document when it
 * is open, else as the file reads (a copied web page has lines of navigation above its title).
 * Undefined (the document opens at its top) when it has no title, or cannot or need not be read.
 */
export async function titleOf(uri: vscode.Uri, models: DocumentModels, token?: vscode.CancellationToken): Promise<{ range: vscode.Range; selection: vscode.Range } | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  let text: string;
  let doc: { readonly metadata: Metadata };
  if (open) {
    text = open.getText();
    doc = models.get(open);
  } else {
    try {
      if ((await vscode.workspace.fs.stat(uri)).size > maxBytesSetting()) return undefined;
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
    if (token?.isCancellationRequested) return undefined;
    // Its headers are all the title needs: the summary, not the whole parse.
    doc = summariseDocument(text);
  }
  const place = titlePlace(doc, text);
  return place && { range: toVsRange(place.range), selection: toVsRange(place.selection) };
}

/** The document's URI with its title's place as VS Code's opener reads it ("#L8,1"), for a link that opens it there. */
export async function uriAtTitle(uri: vscode.Uri, models: DocumentModels, token?: vscode.CancellationToken): Promise<vscode.Uri> {
  const title = await titleOf(uri, models, token);
  if (!title) return uri;
  const start = title.selection.start;
  return uri.with({ fragment: `L${start.line + 1},${start.character + 1}` });
}
