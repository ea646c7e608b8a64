import * as vscode from 'vscode';
import type { SidecarIssue, SidecarProblem } from '../../core/annotations/sidecar';

/** A sidecar problem in the user's language. The YAML library's own messages stay as it words them. */
export function problemMessage(problem: SidecarProblem): string {
  return issueMessage(problem.issue);
}

function issueMessage(issue: SidecarIssue): string {
  switch (issue.kind) {
    case 'tooLarge': return vscode.l10n.t('the file is larger than {0} MB', issue.megabytes);
    case 'yaml': return issue.detail;
    case 'mergeConflict': return vscode.l10n.t('it has an unresolved git merge conflict: keep the lines you want between <<<<<<<, ======= and >>>>>>>, remove those three marker lines and save');
    case 'tooManyAliases': return vscode.l10n.t('too many aliases');
    case 'unsupportedTag': return vscode.l10n.t('unsupported tag {0}', issue.tag);
    case 'empty': return vscode.l10n.t('the file is empty: expected "version: {0}" and a list of annotations', issue.version);
    case 'notMapping': return vscode.l10n.t('expected a mapping with "version", "document" and "annotations"');
    case 'missingVersion': return vscode.l10n.t('missing "version: {0}"', issue.version);
    case 'unknownVersion':
      return vscode.l10n.t('unknown version {0}: this extension reads versions {1}', issue.found,
        issue.readable.length > 1
          ? vscode.l10n.t('{0} and {1}', issue.readable.slice(0, -1).join(', '), issue.readable[issue.readable.length - 1])
          : issue.readable.join(''));
    case 'documentNotName': return vscode.l10n.t('"document" must be a file name');
    case 'annotationsNotList': return vscode.l10n.t('"annotations" must be a list');
    case 'duplicateId':
      return issue.firstLine !== undefined
        ? vscode.l10n.t('duplicate id "{0}" (first at line {1})', issue.id, issue.firstLine)
        : vscode.l10n.t('duplicate id "{0}"', issue.id);
    case 'entryNotMapping': return vscode.l10n.t('an annotation must be a mapping with id, tags, quote, start and end');
    case 'missingId': return vscode.l10n.t('an annotation needs an "id"');
    case 'fieldType':
      switch (issue.expected) {
        case 'names': return vscode.l10n.t('annotation {0}: "{1}" must be a list of names', issue.id, issue.field);
        case 'text': return vscode.l10n.t('annotation {0}: "{1}" must be text', issue.id, issue.field);
        case 'start': return vscode.l10n.t('annotation {0}: "{1}" must be a whole number ≥ 0', issue.id, issue.field);
        case 'end': return vscode.l10n.t('annotation {0}: "{1}" must be a whole number ≥ start', issue.id, issue.field);
      }
  }
}
