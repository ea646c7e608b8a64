import vscode = require('vscode');
import { buildOutline, type OutlineKind, type OutlineNode, type OutlineWords } from '../core/outline';
import { toRange } from '../convert';
import { type DocumentModels, SELECTOR } from '../documentModels';

const SYMBOL_KINDS: Record<OutlineKind, vscode.SymbolKind> = {
  document: vscode.SymbolKind.File,
  header: vscode.SymbolKind.Namespace,
  question: vscode.SymbolKind.Key,
  answer: vscode.SymbolKind.String,
  section: vscode.SymbolKind.Module,
  footnotes: vscode.SymbolKind.Array,
  footnote: vscode.SymbolKind.EnumMember,
};

function outlineWords(): OutlineWords {
  return {
    kinds: {
      questions: vscode.l10n.t('Parliamentary questions'),
      beslisnota: vscode.l10n.t('Decision note'),
      webpage: vscode.l10n.t('Parliamentary document'),
      postponement: vscode.l10n.t('Postponement notice'),
      questionList: vscode.l10n.t('List of questions and answers'),
      unknown: vscode.l10n.t('Document'),
    },
    footnotes: vscode.l10n.t('Footnotes'),
    submitted: (date) => vscode.l10n.t('submitted {0}', date),
    received: (date) => vscode.l10n.t('received {0}', date),
  };
}

function toSymbol(document: vscode.TextDocument, node: OutlineNode): vscode.DocumentSymbol {
  const range = toRange(document, node.span);
  const selection = toRange(document, node.selection);
  const symbol = new vscode.DocumentSymbol(node.name || '…', node.detail, SYMBOL_KINDS[node.kind], range, range.contains(selection) ? selection : range);
  symbol.children = node.children.map((c) => toSymbol(document, c));
  return symbol;
}

/** Outline, breadcrumbs and Go to Symbol in Editor: the question and answer structure. */
export function registerOutline(models: DocumentModels): vscode.Disposable {
  const words = outlineWords();
  return vscode.languages.registerDocumentSymbolProvider(SELECTOR, {
    provideDocumentSymbols(document) {
      const root = buildOutline(document.getText(), models.get(document), words);
      return [toSymbol(document, root)];
    },
  }, { label: 'Kamerstukken' });
}
