import vscode = require('vscode');
import type { RefiImportIssue } from '../../core/refiQda';

/** An import issue in the user's language. */
export function describeImportIssue(issue: RefiImportIssue): string {
  switch (issue.kind) {
    case 'tooLarge':
      if (issue.total) return vscode.l10n.t('{0} was not read: the file holds more than {1} MB of text in all', issue.entry ?? '?', issue.megabytes);
      return issue.entry
        ? vscode.l10n.t('{0} is larger than {1} MB', issue.entry, issue.megabytes)
        : vscode.l10n.t('the file is larger than {0} MB', issue.megabytes);
    case 'notRefi': return vscode.l10n.t('not a REFI-QDA file: neither a .qdpx (zip) nor a .qdc or project.qde (XML)');
    case 'zip': return vscode.l10n.t('the zip file is damaged: {0}', issue.detail);
    case 'noProject': return vscode.l10n.t('the .qdpx has no project.qde');
    case 'xml': return vscode.l10n.t('{0}, line {1}, column {2}: {3}', issue.entry, issue.line, issue.column, issue.detail);
    case 'unexpectedRoot': return vscode.l10n.t('expected a REFI-QDA <Project> or <CodeBook>, found <{0}>', issue.found);
    case 'sourceNotFound': return vscode.l10n.t('source "{0}" ({1} coded passages) matches no document of the workspace', issue.source, issue.selections);
    case 'sourceTextMissing': return vscode.l10n.t('source "{0}" ({1} coded passages) has no plain text in the file', issue.source, issue.selections);
    case 'textDiffers': return vscode.l10n.t('source "{0}" ({1} coded passages) has another text than {2}', issue.source, issue.selections, issue.document);
    case 'selectionOutOfRange': return vscode.l10n.t('source "{0}": a selection from {1} to {2} lies outside its text', issue.source, issue.start, issue.end);
    case 'selectionNotPlaced': return vscode.l10n.t('source "{0}": "{1}" was not found in the document', issue.source, issue.quote);
    case 'unknownCode': return vscode.l10n.t('{0} codings refer to code {1}, which the codebook lacks', issue.codings, issue.guid);
    case 'notText': return vscode.l10n.t('{0} sources are not text (PDF, picture, audio, video) and were skipped', issue.sources);
    case 'internal': return vscode.l10n.t('the file could not be read: {0}', issue.detail);
  }
}
