import vscode = require('vscode');
import type { MatrixCsvWords } from '../../core/coding/matrix';
import type { AttributeLabels } from '../../core/coding/matrixView';
import type { MatrixTab, MatrixWords } from './html';

/** The panel's words in the user's language. */
export function matrixWords(tab: MatrixTab, count: 'passages' | 'documents', by: 'overlap' | 'block'): MatrixWords {
  const explain = tab === 'cooccurrence'
    ? (by === 'overlap'
      ? vscode.l10n.t('Each cell counts the passages that have both tags, and the pairs of overlapping passages with one each; the diagonal counts the passages with the tag.')
      : vscode.l10n.t('Each cell counts the question and answer blocks with passages of both tags; the diagonal counts the blocks with the tag.'))
    : count === 'passages'
      ? vscode.l10n.t('Each cell counts the passages with the tag (a parent counts those of the tags below it once).')
      : vscode.l10n.t('Each cell counts the documents with a passage with the tag.');
  return {
    title: vscode.l10n.t('Code Matrix'),
    lang: vscode.env.language,
    tabs: { matrix: vscode.l10n.t('Code matrix'), cooccurrence: vscode.l10n.t('Co-occurrence') },
    columnsLabel: vscode.l10n.t('Columns'),
    columns: {
      document: vscode.l10n.t('Documents'), party: vscode.l10n.t('Party of the asker'), ministry: vscode.l10n.t('Addressed ministry'),
      year: vscode.l10n.t('Year'), kind: vscode.l10n.t('Kind of document'), late: vscode.l10n.t('Answered in time or late'),
    },
    countLabel: vscode.l10n.t('Count'),
    counts: { passages: vscode.l10n.t('Passages'), documents: vscode.l10n.t('Documents') },
    byLabel: vscode.l10n.t('Together in'),
    by: { overlap: vscode.l10n.t('Overlapping passages'), block: vscode.l10n.t('The same question or answer') },
    export: vscode.l10n.t('Export CSV…'),
    coderLabel: vscode.l10n.t('Coder'),
    allCoders: vscode.l10n.t('All coders'),
    noCoder: vscode.l10n.t('(no coder)'),
    blind: vscode.l10n.t('Blind coding is on: only your own passages are counted.'),
    onlyCoders: (coders) => vscode.l10n.t('Only the passages of {0}.', coders.join(', ')),
    ...csvWords(),
    tag: vscode.l10n.t('Tag'),
    total: vscode.l10n.t('Total'),
    empty: vscode.l10n.t('There are no tagged passages in this workspace yet.'),
    emptyFiltered: vscode.l10n.t('There are no tagged passages of this coder.'),
    explain,
    collapse: vscode.l10n.t('Collapse or expand the tags below'),
    passagesOf: (n, row, column) => (n === 1 ? vscode.l10n.t('1 passage: {0} × {1}', row, column) : vscode.l10n.t('{0} passages: {1} × {2}', n, row, column)),
    noPassages: vscode.l10n.t('No passages in this cell.'),
    open: vscode.l10n.t('Open the passage in the editor'),
  };
}

/** Words of the CSV: headers and the unknown column. */
export function csvWords(): MatrixCsvWords {
  return { tag: vscode.l10n.t('tag'), total: vscode.l10n.t('total'), unknown: vscode.l10n.t('(unknown)') };
}

/** Labels of attribute values: kinds of documents and answer statuses. */
export function attributeLabels(): AttributeLabels {
  return {
    kind: {
      questions: vscode.l10n.t('questions'), answer: vscode.l10n.t('answer'), postponement: vscode.l10n.t('postponement notice'),
      beslisnota: vscode.l10n.t('beslisnota'), questionList: vscode.l10n.t('list of questions'), webpage: vscode.l10n.t('web page'),
    },
    late: {
      answeredInTime: vscode.l10n.t('answered in time'), answeredLate: vscode.l10n.t('answered late'),
      answeredLateWithoutPostponement: vscode.l10n.t('answered late without postponement'),
      openOverdue: vscode.l10n.t('open, overdue'), open: vscode.l10n.t('open'),
    },
  };
}
