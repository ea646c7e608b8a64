// Language detection, Outline (document symbols) and folding, in a real VS Code on the seeds.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, SEED_000, SEED_001, SEED_003, documentFor, fixture, openKamerstuk as open, sleep, waitFor, writeText as writeFile,
} from './helpers';


type Symbol = vscode.DocumentSymbol;

const languageOf = (uri: vscode.Uri): string | undefined => documentFor(uri)?.languageId;

/** The language the document with this URI has now (a language change replaces the document). */
async function symbols(doc: vscode.TextDocument): Promise<Symbol[]> {
  // The provider may register a moment after the language switch; retry briefly.
  for (let i = 0; i < 50; i++) {
    const result = await vscode.commands.executeCommand<Symbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    if (result && result.length > 0) return result;
    await sleep(100);
  }
  assert.fail('no document symbols');
}

function tree(s: Symbol, depth = 0): string[] {
  return [`${'  '.repeat(depth)}${s.name}`, ...s.children.flatMap((c) => tree(c, depth + 1))];
}

/** Opens a file and checks it stays plain text for a while. */
async function expectPlainText(uri: vscode.Uri): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await sleep(1500);
  assert.equal(languageOf(uri), 'plaintext', `${uri.path} stays plain text`);
}

describe('language detection', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('recognises all three seeds by their content', async () => {
    for (const name of [SEED_000, SEED_001, SEED_003]) {
      const doc = await open(name);
      assert.equal(doc.languageId, 'kamerstuk', name);
    }
  });

  it('recognises a postponement letter and a list of questions and answers', async () => {
    for (const name of ['postponement.txt', 'question-list.txt']) {
      const uri = await writeFile(`detect-${name}`, await fixture(name));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(`${name} as kamerstuk`, () => languageOf(uri) === 'kamerstuk');
    }
  });

  it('recognises a postponement letter copied from a web page and a list with bare question numbers; not a letter with numbered lines', async () => {
    for (const name of ['postponement-webpage.txt', 'question-list-bare.txt']) {
      const uri = await writeFile(`detect-${name}`, await fixture(name));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await waitFor(`${name} as kamerstuk`, () => languageOf(uri) === 'kamerstuk');
    }
    await expectPlainText(await writeFile('detect-letter-page-numbers.txt', await fixture('letter-page-numbers.txt')));
  });

  it('recognises a Kamerstuk pasted into a new untitled editor, and leaves other pasted text plain', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'plaintext' });
    const editor = await vscode.window.showTextDocument(doc);
    const letter = await fixture('postponement.txt');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), letter));
    await waitFor('the pasted text as kamerstuk', () => languageOf(doc.uri) === 'kamerstuk');
    const other = await vscode.workspace.openTextDocument({ language: 'plaintext' });
    const otherEditor = await vscode.window.showTextDocument(other);
    const shopping = await fixture('not-parliamentary.txt');
    await otherEditor.edit((b) => b.insert(new vscode.Position(0, 0), shopping));
    await sleep(1500);
    assert.equal(languageOf(other.uri), 'plaintext');
  });

  it('leaves other .txt files plain text', async () => {
    await expectPlainText(await writeFile('boodschappen.txt', await fixture('not-parliamentary.txt')));
  });

  it('lets the user switch a document back to plain text', async () => {
    await writeFile('switch-back.txt', await fixture('traps.txt'));
    const doc = await open('switch-back.txt');
    await vscode.languages.setTextDocumentLanguage(doc, 'plaintext');
    await sleep(1500);
    assert.equal(languageOf(doc.uri), 'plaintext');
  });

  it('is switched off by kamerstukken.detectLanguage', async () => {
    const config = vscode.workspace.getConfiguration('kamerstukken');
    await config.update('detectLanguage', false, vscode.ConfigurationTarget.Global);
    try {
      await expectPlainText(await writeFile('detect-off.txt', await fixture('joint-answers.txt')));
    } finally {
      await config.update('detectLanguage', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('respects files.associations', async () => {
    const config = vscode.workspace.getConfiguration('files');
    await config.update('associations', { 'keep-plain-*.txt': 'plaintext' }, vscode.ConfigurationTarget.Global);
    try {
      await expectPlainText(await writeFile('keep-plain-1.txt', await fixture('joint-answers.txt')));
    } finally {
      await config.update('associations', undefined, vscode.ConfigurationTarget.Global);
    }
  });

});

describe('outline', () => {
  it('000: every question and answer named as written, each answer under its question, all under the title', async () => {
    const doc = await open(SEED_000);
    const result = await symbols(doc);
    assert.equal(result.length, 1);
    assert.deepEqual(tree(result[0]), [
      'Vragen van het lid Eerdmans (JA21) over bijeenkomsten met ambtenaren naar aanleiding van de verkiezingsuitslag van 22 november 2023',
      '  Antwoord van Minister Van Weyenberg (Financiën)',
      '  Vraag 1 en 2', '    Antwoord 1 en 2', '  Vraag 3', '    Antwoord 3', '  Vraag 4', '    Antwoord 4',
      '  Vraag 5', '    Antwoord 5', '  Vraag 6 en 7', '    Antwoord 6 en 7', '  Vraag 8', '    Antwoord 8',
      '  Vraag 9', '    Antwoord 9',
    ]);
    // Details say something useful: the first words of the question, the dates.
    const q3 = result[0].children.find((s) => s.name === 'Vraag 3');
    assert.ok(q3);
    assert.ok(q3.detail.startsWith('Is het waar dat tijdens deze bijeenkomsten'), q3.detail);
    assert.match(result[0].detail, /29 januari 2024/);
    // The selection is the label itself.
    assert.equal(doc.getText(q3.selectionRange), 'Vraag 3');
  });

  it('001: the beslisnota headings', async () => {
    const doc = await open(SEED_001);
    const [root] = await symbols(doc);
    assert.deepEqual(root.children.map((s) => s.name), [
      'Aanleiding', 'Geadviseerd besluit', 'Kernpunten', 'Toelichting', 'Informatie die niet openbaar gemaakt kan worden',
    ]);
    assert.equal(root.children[0].kind, vscode.SymbolKind.Module);
  });

  it('003: questions, answers and the footnotes as one symbol', async () => {
    const doc = await open(SEED_003);
    const [root] = await symbols(doc);
    const names = root.children.map((s) => s.name);
    assert.deepEqual(names.filter((n) => n.startsWith('Vraag')), ['Vraag 1', 'Vraag 2', 'Vraag 3', 'Vraag 4', 'Vraag 5']);
    assert.deepEqual(root.children.find((s) => s.name === 'Vraag 2')?.children.map((s) => s.name), ['Antwoord 2']);
    const footnotes = root.children[root.children.length - 1];
    assert.equal(footnotes.children.length, 1);
    assert.match(doc.getText(footnotes.range), /^1\. https:\/\/www\.nrc\.nl/);
  });
});

describe('outline of forms found in real documents', () => {
  it('a lijst van vragen en antwoorden with bare question numbers: every question with its answer', async () => {
    const doc = await open(await writeFile('outline-question-list-bare.txt', await fixture('question-list-bare.txt')));
    const [root] = await symbols(doc);
    assert.deepEqual(tree(root), [
      'List of questions and answers',
      '  Vraag 1', '    Antwoord', '  Vraag 2', '    Antwoord', '  Vraag 3', '    Antwoord', '  Vraag 4', '    Antwoord',
    ]);
    const q2 = root.children[1];
    assert.ok(q2.detail.startsWith('Kunt u een overzicht geven'), q2.detail);
    // An implicit question is selected at its number, where its block starts.
    assert.equal(doc.getText(doc.lineAt(q2.selectionRange.start.line).range), '2');
  });
});

describe('folding', () => {
  it('000: each question and each answer folds', async () => {
    const doc = await open(SEED_000);
    let ranges: vscode.FoldingRange[] = [];
    for (let i = 0; i < 50 && ranges.length === 0; i++) {
      ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', doc.uri)) ?? [];
      if (ranges.length === 0) await sleep(100);
    }
    const text = doc.getText();
    const lineOf = (s: string): number => doc.positionAt(text.indexOf(s)).line;
    for (const label of ['Vraag 1 en 2', 'Antwoord 1 en 2', 'Vraag 3', 'Antwoord 3', 'Vraag 8', 'Antwoord 8', 'Vraag 9']) {
      assert.ok(ranges.some((r) => r.start === lineOf(label)), `a folding range starts at "${label}" (line ${lineOf(label)})`);
    }
    // Vraag 3 folds up to its last line, not into its answer.
    const q3 = ranges.find((r) => r.start === lineOf('Vraag 3'));
    assert.equal(q3?.end, lineOf('coalitie?'));
  });
});
