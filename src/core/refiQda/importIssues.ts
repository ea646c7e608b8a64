/**
 * What a REFI-QDA import could not read or place, as data (the adapter words it in the user's
 * language; `describeRefiIssue` gives the English).
 */

/** What could not be read or placed, as data (the adapter words it); `message` is English. */
export type RefiImportIssue =
  /** `entry` is larger than `megabytes` (or the file is, without `entry`); with `total`, the entries read before it and it are. */
  | { readonly kind: 'tooLarge'; readonly megabytes: number; readonly entry?: string; readonly total?: true }
  | { readonly kind: 'notRefi' }
  | { readonly kind: 'zip'; readonly detail: string }
  | { readonly kind: 'noProject' }
  | { readonly kind: 'xml'; readonly detail: string; readonly entry: string; readonly line: number; readonly column: number }
  | { readonly kind: 'unexpectedRoot'; readonly found: string }
  | { readonly kind: 'sourceNotFound'; readonly source: string; readonly selections: number }
  | { readonly kind: 'sourceTextMissing'; readonly source: string; readonly selections: number }
  | { readonly kind: 'textDiffers'; readonly source: string; readonly document: string; readonly selections: number }
  | { readonly kind: 'selectionOutOfRange'; readonly source: string; readonly start: string; readonly end: string }
  | { readonly kind: 'selectionNotPlaced'; readonly source: string; readonly quote: string }
  | { readonly kind: 'unknownCode'; readonly guid: string; readonly codings: number }
  | { readonly kind: 'notText'; readonly sources: number }
  | { readonly kind: 'internal'; readonly detail: string };

export interface RefiImportProblem {
  readonly issue: RefiImportIssue;
  readonly message: string;
}

const MB = 1024 * 1024;

/** Bytes as megabytes with one decimal, for messages. */
export function megabytes(bytes: number): number {
  return Number((bytes / MB).toFixed(1));
}

/** The English wording of an issue. */
export function describeRefiIssue(issue: RefiImportIssue): string {
  switch (issue.kind) {
    case 'tooLarge':
      if (issue.total) return `${issue.entry ?? 'an entry'} was not read: the file holds more than ${issue.megabytes} MB of text in all`;
      return issue.entry ? `${issue.entry} is larger than ${issue.megabytes} MB` : `the file is larger than ${issue.megabytes} MB`;
    case 'notRefi': return 'not a REFI-QDA file: neither a .qdpx (zip) nor a .qdc or project.qde (XML)';
    case 'zip': return `the zip file is damaged: ${issue.detail}`;
    case 'noProject': return 'the .qdpx has no project.qde';
    case 'xml': return `${issue.entry}, line ${issue.line}, column ${issue.column}: ${issue.detail}`;
    case 'unexpectedRoot': return `expected a REFI-QDA <Project> or <CodeBook>, found <${issue.found}>`;
    case 'sourceNotFound': return `source "${issue.source}" (${issue.selections} coded passages) matches no document of the workspace`;
    case 'sourceTextMissing': return `source "${issue.source}" (${issue.selections} coded passages) has no plain text in the file`;
    case 'textDiffers': return `source "${issue.source}" (${issue.selections} coded passages) has another text than ${issue.document}`;
    case 'selectionOutOfRange': return `source "${issue.source}": a selection from ${issue.start} to ${issue.end} lies outside its text`;
    case 'selectionNotPlaced': return `source "${issue.source}": "${issue.quote}" was not found in the document`;
    case 'unknownCode': return `${issue.codings} codings refer to code ${issue.guid}, which the codebook lacks`;
    case 'notText': return `${issue.sources} sources are not text (PDF, picture, audio, video) and were skipped`;
    case 'internal': return `the file could not be read: ${issue.detail}`;
  }
}

export function refiProblem(issue: RefiImportIssue): RefiImportProblem {
  return { issue, message: describeRefiIssue(issue) };
}
