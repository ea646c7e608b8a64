import vscode = require('vscode');
import type { CorpusCsvWords } from '../../core/corpus/tables';
import type { Column, FilterKey, RowKind, RowStatus } from '../../core/corpus/overviewTable';
import type { ViewWords } from '../../webview/corpusViewProtocol';

function kinds(): Record<RowKind, string> {
  return {
    questions: vscode.l10n.t('Questions'), answer: vscode.l10n.t('Answer'), postponement: vscode.l10n.t('Postponement'), beslisnota: vscode.l10n.t('Decision note'),
    questionList: vscode.l10n.t('List of questions'), webpage: vscode.l10n.t('Web page'), unknown: vscode.l10n.t('Other'),
  };
}

function statuses(): Record<RowStatus, string> {
  return {
    answeredInTime: vscode.l10n.t('Answered in time'), answeredLate: vscode.l10n.t('Answered late'),
    answeredLateWithoutPostponement: vscode.l10n.t('Answered late without postponement'), openOverdue: vscode.l10n.t('Open and overdue'), open: vscode.l10n.t('Open, within the term'),
    undetermined: vscode.l10n.t('Undetermined'),
  };
}

/** The webview's words, in the language of VS Code. */
export function viewWords(): ViewWords {
  const columns: Record<Column, string> = {
    kind: vscode.l10n.t('Kind'), title: vscode.l10n.t('Title'), askedBy: vscode.l10n.t('Asked by'), addressedTo: vscode.l10n.t('Addressed to'), submitted: vscode.l10n.t('Submitted'),
    received: vscode.l10n.t('Received'), daysToAnswer: vscode.l10n.t('Days to answer'), status: vscode.l10n.t('Status'), questions: vscode.l10n.t('Questions'),
    annotations: vscode.l10n.t('Annotations'), citedBy: vscode.l10n.t('Cited by'), related: vscode.l10n.t('Belongs with'),
  };
  const all: Record<FilterKey, string> = {
    party: vscode.l10n.t('All parties'), ministry: vscode.l10n.t('All ministries'), year: vscode.l10n.t('All years'), kind: vscode.l10n.t('All kinds'), tag: vscode.l10n.t('All tags'), status: vscode.l10n.t('All statuses'),
  };
  const labels: Record<FilterKey, string> = {
    party: vscode.l10n.t('Party'), ministry: vscode.l10n.t('Ministry'), year: vscode.l10n.t('Year'), kind: vscode.l10n.t('Kind'), tag: vscode.l10n.t('Tag'), status: vscode.l10n.t('Status'),
  };
  return {
    title: vscode.l10n.t('Corpus'),
    columns,
    columnHints: {
      daysToAnswer: vscode.l10n.t('Calendar days from submission to answer'),
      status: vscode.l10n.t('Against the answering term: 3 weeks after submission, 3 more for each postponement notice sent within the term'),
      citedBy: vscode.l10n.t('How many documents in the workspace refer to this one'),
      related: vscode.l10n.t('The other files of its question set: the questions, postponement notices and the answer'),
    },
    kinds: kinds(),
    statuses: statuses(),
    all,
    labels,
    search: vscode.l10n.t('Filter by title, asker, party, addressee or file'),
    clear: vscode.l10n.t('Clear filters'),
    export: vscode.l10n.t('Export…'),
    count: vscode.l10n.t('{0} of {1} documents'),
    empty: vscode.l10n.t('No documents match the filters.'),
    none: vscode.l10n.t('No parliamentary texts or annotations in this workspace yet.'),
    indexing: vscode.l10n.t('Indexing the workspace…'),
    due: vscode.l10n.t('due {0}'),
    extended: vscode.l10n.t('extended {0}×'),
    overdue: vscode.l10n.t('{0} days overdue'),
    table: vscode.l10n.t('Documents of the workspace. Arrow keys move between rows, Enter opens the document, Ctrl+Enter opens it to the side.'),
    sortAsc: vscode.l10n.t('sorted ascending'),
    sortDesc: vscode.l10n.t('sorted descending'),
  };
}

/** The corpus CSV's words, in the language of VS Code. */
export function csvWords(): CorpusCsvWords {
  return {
    headers: {
      file: vscode.l10n.t('file'), kind: vscode.l10n.t('kind'), role: vscode.l10n.t('role'), title: vscode.l10n.t('title'), askedBy: vscode.l10n.t('asked by'), parties: vscode.l10n.t('party'),
      addressedTo: vscode.l10n.t('addressed to'), answeredBy: vscode.l10n.t('answered by'), submitted: vscode.l10n.t('submitted'), received: vscode.l10n.t('received'), due: vscode.l10n.t('due'),
      daysToAnswer: vscode.l10n.t('days to answer'), status: vscode.l10n.t('status'), postponements: vscode.l10n.t('postponements'), questions: vscode.l10n.t('questions'),
      footnotes: vscode.l10n.t('footnotes'), relatedFiles: vscode.l10n.t('related files'),
    },
    kinds: {
      questions: vscode.l10n.t('parliamentary questions'), beslisnota: vscode.l10n.t('decision note'), webpage: vscode.l10n.t('web page'), postponement: vscode.l10n.t('postponement'),
      questionList: vscode.l10n.t('list of questions'), unknown: vscode.l10n.t('unknown'),
    },
    roles: { questions: vscode.l10n.t('questions'), answer: vscode.l10n.t('answer'), postponement: vscode.l10n.t('postponement') },
    statuses: {
      answeredInTime: vscode.l10n.t('answered in time'), answeredLate: vscode.l10n.t('answered late'),
      answeredLateWithoutPostponement: vscode.l10n.t('answered late without postponement'), openOverdue: vscode.l10n.t('open and overdue'), open: vscode.l10n.t('open'),
      undetermined: vscode.l10n.t('undetermined'),
    },
  };
}

/** The CSV's extra columns: cited by, and annotations per tag. */
export function extraHeaders(): { citedBy: string; annotations: string; tag: (tag: string) => string } {
  return { citedBy: vscode.l10n.t('cited by'), annotations: vscode.l10n.t('annotations'), tag: (tag) => vscode.l10n.t('annotations: {0}', tag) };
}
