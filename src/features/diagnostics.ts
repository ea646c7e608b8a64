import vscode = require('vscode');
import { findProblems, type Problem } from '../core/structureProblems';
import { listAnd } from '../core/util/words';
import { toRange } from '../convert';
import { DebouncedByKey } from '../debounce';
import { type DocumentModels, LANGUAGE_ID } from '../documentModels';

function toDiagnostic(document: vscode.TextDocument, p: Problem): vscode.Diagnostic {
  let message: string;
  let severity = vscode.DiagnosticSeverity.Warning;
  switch (p.code) {
    case 'questionWithoutAnswer':
      message = vscode.l10n.t('{0} has no answer in this document.', p.label);
      break;
    case 'answerWithoutQuestion':
      message = vscode.l10n.t('{0} answers a question that is not in this document.', p.label);
      break;
    case 'missingNumber':
      severity = vscode.DiagnosticSeverity.Information;
      message = p.numbers.length === 1
        ? vscode.l10n.t('Question {0} is missing from the numbering.', p.numbers[0])
        : vscode.l10n.t('Questions {0} are missing from the numbering.', listAnd(p.numbers, vscode.l10n.t));
      break;
    case 'duplicateNumber':
      severity = vscode.DiagnosticSeverity.Information;
      message = vscode.l10n.t('Question {0} occurs more than once.', p.number);
      break;
    case 'unknownReference':
      message = p.numbers.length === 1
        ? vscode.l10n.t('There is no question {0} in this document.', p.numbers[0])
        : vscode.l10n.t('There are no questions {0} in this document.', listAnd(p.numbers, vscode.l10n.t));
      break;
  }
  const d = new vscode.Diagnostic(toRange(document, p.span), message, severity);
  d.source = 'Kamerstukken';
  d.code = p.code;
  return d;
}

function enabled(document?: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('kamerstukken', document).get<boolean>('diagnostics.enabled', true);
}

/**
 * The Problems panel: questions without an answer, answers without a question, numbers missing or
 * repeated, references to questions that do not exist. Off with `kamerstukken.diagnostics.enabled`.
 */
export function registerDiagnostics(models: DocumentModels): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('kamerstukken');
  const later = new DebouncedByKey<string>(300);

  const update = (document: vscode.TextDocument): void => {
    if (document.isClosed || document.languageId !== LANGUAGE_ID || !enabled(document)) {
      collection.delete(document.uri);
      return;
    }
    collection.set(document.uri, findProblems(models.references(document)).map((p) => toDiagnostic(document, p)));
  };
  const all = (): void => vscode.workspace.textDocuments.forEach(update);

  all();
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((e) => later.schedule(e.document.uri.toString(), () => update(e.document))),
    vscode.workspace.onDidCloseTextDocument((d) => {
      later.cancel(d.uri.toString());
      collection.delete(d.uri);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kamerstukken.diagnostics.enabled')) all();
    }),
    later,
  );
}
