// Links between the documents of the workspace in a real VS Code, from the corpus index: Go to
// Definition and Ctrl+click to a document that is not open, the hover that names it (title and
// asker) before the web links, a reference in another vergaderjaar that is another document, Find
// All References on a document's own title or number across documents (open and closed), and Go to
// Symbol in Workspace over the corpus. A small generated corpus in its own folder.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answerText, noticeText, questionsText, webPage } from '../unit/corpus/texts';
import { documentFor, folder, openKamerstuk, readText, waitFor, writeText } from './helpers';
import { ui, uiBridge } from './ui';

const ROOT = 'corpus-links-test';
const at = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), ROOT, ...parts);
const control = async (action: string): Promise<unknown> => vscode.commands.executeCommand('kamerstukken.corpusControl', action);

const printed = (vj: string, nr: string, body: string): string =>
  `Tweede Kamer der Staten-Generaal\nVergaderjaar ${vj}\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n\n${nr}\n\n${body}`;

const WOLF_TITLE = 'Vragen van het lid Van der Lee (GroenLinks-PvdA) over de terugkeer van de wolf op de Veluwe';
const CITING = answerText({ subject: 'de bever in de uiterwaarden', who: 'het lid Bikker (ChristenUnie)', submitted: '4 maart 2024', received: '25 maart 2024' },
  '\nZie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092 en het antwoord\n(ah-tk-20232024-1092), het antwoord van 16 februari (2024D27196), '
  + 'Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 1092, Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 1092 en '
  + 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1777.\n')
  .replace('Hoeveel wolven leven er nu in Nederland?', 'Hoeveel bevers leven er nu in de uiterwaarden?');

const FILES: Record<string, string> = {
  'wolf/1092.txt': printed('2023–2024', '1092', answerText()),
  'vos/1092.txt': printed('2022–2023', '1092', answerText({ subject: 'de vos in de duinen', who: 'het lid Kops (PVV)', submitted: '1 maart 2023', received: '20 maart 2023' })),
  'das/antwoord.txt': webPage(answerText({ subject: 'de das', who: 'het lid Vedder (CDA)' }), { documentNumber: '2024D27196', zaak: '2023Z19006', id: 'ah-tk-20232024-1100' }),
  'das/uitstel.txt': noticeText({ who: 'het lid Vedder (CDA)', subject: 'de das', zaak: '2023Z19006' }),
  'bever/antwoord.txt': CITING,
  'bever/vragen.txt': questionsText({ subject: 'de bever in de uiterwaarden', who: 'het lid Bikker (ChristenUnie)', submitted: '4 maart 2024' })
    .replace('Hoeveel wolven leven er nu in Nederland?', 'Hoeveel bevers leven er nu in de uiterwaarden?'),
};

type Def = vscode.Location | vscode.LocationLink;
const defUri = (d: Def): vscode.Uri => ('targetUri' in d ? d.targetUri : d.uri);

/** The position a few characters into the n-th occurrence of `phrase`. */
function positionOf(doc: vscode.TextDocument, phrase: string, nth = 0): vscode.Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = doc.getText().indexOf(phrase, i + 1);
  assert.ok(i >= 0, `"${phrase}" (${nth}) in ${doc.uri.path}`);
  return doc.positionAt(i + 3);
}

async function definitions(doc: vscode.TextDocument, pos: vscode.Position): Promise<Def[]> {
  return (await vscode.commands.executeCommand<Def[]>('vscode.executeDefinitionProvider', doc.uri, pos)) ?? [];
}

async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  const hs = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)) ?? [];
  return hs.flatMap((h) => h.contents).map((c) => (typeof c === 'object' && 'value' in c ? c.value : String(c))).join('\n---\n')
    .replace(/\\(.)/g, '$1');
}

/** The text a location covers, read from the file (the document need not be open). */
async function textAt(loc: vscode.Location): Promise<string> {
  const text = documentFor(loc.uri)?.getText() ?? (await readText(loc.uri)) ?? '';
  const lines = text.split('\n');
  const r = loc.range;
  if (r.start.line === r.end.line) return lines[r.start.line].slice(r.start.character, r.end.character);
  return [lines[r.start.line].slice(r.start.character), ...lines.slice(r.start.line + 1, r.end.line), lines[r.end.line].slice(0, r.end.character)].join('\n');
}

/** Where Go to Definition puts the cursor in the document it opens: the line, and the text it selects. */
async function openedAt(d: Def): Promise<{ line: number; text: string }> {
  assert.ok('targetUri' in d, 'a location link');
  const range = d.targetSelectionRange ?? d.targetRange;
  return { line: range.start.line, text: await textAt(new vscode.Location(d.targetUri, range)) };
}

const rel = (uri: vscode.Uri): string => uri.path.slice(uri.path.indexOf(`/${ROOT}/`) + ROOT.length + 2);

describe('corpus links between documents', function () {
  this.timeout(60_000);
  let citing: vscode.TextDocument;

  before(async () => {
    await control('ready');
    for (const [name, text] of Object.entries(FILES)) await writeText(at(...name.split('/')), text);
    await control('refresh');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    citing = await openKamerstuk(at('bever', 'antwoord.txt'));
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(at(), { recursive: true });
    await control('refresh');
  });

  it('Go to Definition opens the document a reference names, though it is not open', async () => {
    assert.equal(documentFor(at('wolf', '1092.txt')), undefined, 'the target is not open');
    for (const written of ['Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092', 'ah-tk-20232024-1092']) {
      const defs = await waitFor(written, async () => { const d = await definitions(citing, positionOf(citing, written)); return d.length > 0 ? d : undefined; });
      assert.deepEqual(defs.map((d) => rel(defUri(d))), ['wolf/1092.txt'], written);
      // It opens at the title, below the printed heading, with the title's first line selected.
      const title = await openedAt(defs[0]);
      assert.ok(title.line > 0, `${written}: line ${title.line}`);
      assert.ok(title.text.startsWith('Vragen van het lid Van der Lee (GroenLinks-PvdA) aan de Minister'), title.text);
    }
    const byNumber = await definitions(citing, positionOf(citing, '2024D27196'));
    assert.deepEqual(byNumber.map((d) => rel(defUri(d))), ['das/antwoord.txt']);
    const webTitle = await openedAt(byNumber[0]);
    assert.ok(webTitle.line > 5, `below the web page's metadata: line ${webTitle.line}`);
    assert.ok(webTitle.text.startsWith('Vragen van het lid Vedder (CDA)'), webTitle.text);
    // From an untitled document: the open bever answer mentions 2024D27196 first, but that does not make it document 2024D27196.
    const scratch = await vscode.workspace.openTextDocument({ language: 'kamerstuk', content: answerText({ subject: 'de kraanvogel' }, '\nZie 2024D27196.\n') });
    assert.ok(documentFor(citing.uri), 'the bever answer is open');
    const fromScratch = await waitFor('definitions from the untitled document', async () => {
      const d = await definitions(scratch, positionOf(scratch, '2024D27196'));
      return d.length > 0 ? d : undefined;
    });
    assert.deepEqual(fromScratch.map((d) => rel(defUri(d))), ['das/antwoord.txt']);
    // Ctrl+click: the document link opens the file in the workspace, not the web page.
    // Resolved when used (every link here): it opens the document at its title, as VS Code's opener reads "#L<line>,<column>".
    const links = (await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', citing.uri, 100)) ?? [];
    const link = links.find((l) => l.range.contains(positionOf(citing, 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092')));
    assert.equal(link?.target?.with({ fragment: '' }).toString(), at('wolf', '1092.txt').toString());
    const titleLine = FILES['wolf/1092.txt'].split('\n').findIndex((l) => l.startsWith('Vragen van het lid Van der Lee'));
    assert.ok(titleLine > 0);
    assert.equal(link?.target?.fragment, `L${titleLine + 1},1`);
    const web = links.find((l) => l.range.contains(positionOf(citing, 'Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 1092')));
    assert.equal(web?.target?.toString(true), 'https://zoek.officielebekendmakingen.nl/ah-tk-20212022-1092.html');
  });

  it('the hover names the document first, with its title and asker, then the web links', async () => {
    const value = await hoverText(citing, positionOf(citing, 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092'));
    assert.ok(value.startsWith(`**${WOLF_TITLE}**`), value);
    assert.ok(value.includes('Asked by Van der Lee (GroenLinks-PvdA)'), value);
    assert.ok(value.includes('[Open in the editor: 1092.txt](file:'), value);
    // The link opens it at its title, as Go to Definition does.
    const titleLine = FILES['wolf/1092.txt'].split('\n').findIndex((l) => l.startsWith('Vragen van het lid Van der Lee'));
    const link = vscode.Uri.parse(/\[Open in the editor: 1092\.txt\]\((file:[^)]+)\)/u.exec(value)?.[1] ?? '');
    assert.ok(link.path.endsWith('/wolf/1092.txt'), value);
    assert.equal(link.fragment, `L${titleLine + 1},1`, value);
    const web = value.indexOf('(https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1092.html)');
    assert.ok(web > value.indexOf('Asked by'), value);
  });

  it('the same number in another vergaderjaar is another document; one not in the workspace is not linked', async () => {
    const other = await definitions(citing, positionOf(citing, 'Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 1092'));
    assert.deepEqual(other.map((d) => rel(defUri(d))), ['vos/1092.txt']);
    const hover = await hoverText(citing, positionOf(citing, 'Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 1092'));
    assert.ok(hover.startsWith('**Vragen van het lid Kops (PVV) over de vos in de duinen**'), hover);
    assert.ok(!hover.includes('wolf'), hover);
    const none = await definitions(citing, positionOf(citing, 'Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 1092'));
    assert.deepEqual(none, []);
    const plain = await hoverText(citing, positionOf(citing, 'Aanhangsel Handelingen, vergaderjaar 2021–2022, nr. 1092'));
    assert.ok(!plain.includes('Open in the editor'), plain);
    assert.ok(plain.includes('ah-tk-20212022-1092'), plain);
  });

  it('a document added to the workspace is linked once the index has it', async () => {
    const written = 'Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1777';
    assert.deepEqual(await definitions(citing, positionOf(citing, written)), []);
    const added = at('later', '1777.txt');
    await writeText(added, printed('2023–2024', '1777', answerText({ subject: 'de otter' })));
    const defs = await waitFor('the new document as target', async () => {
      const d = await definitions(citing, positionOf(citing, written));
      return d.length > 0 ? d : undefined;
    }, 20_000);
    assert.deepEqual(defs.map((d) => rel(defUri(d))), ['later/1777.txt']);
  });

  it('Find All References on a document\'s own title or number lists every place that cites it, open or not', async () => {
    const das = await openKamerstuk(at('das', 'antwoord.txt'));
    assert.equal(documentFor(at('das', 'uitstel.txt')), undefined, 'the notice is not open');
    const expected = ['bever/antwoord.txt 2024D27196', 'das/uitstel.txt 2023Z19006'];
    for (const on of ['Vragen van het lid Vedder', '2024D27196', '2023Z19006']) {
      const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', das.uri, positionOf(das, on))) ?? [];
      // Other suites leave documents that cite 2024D27196 in the workspace: only this corpus is compared.
      const found = await Promise.all(refs.filter((r) => r.uri.toString() !== das.uri.toString() && r.uri.path.includes(`/${ROOT}/`)).map(async (r) => `${rel(r.uri)} ${await textAt(r)}`));
      assert.deepEqual(found.sort(), expected, on);
    }
    // A citing document changed in its editor (not saved): its places as the editor has them now.
    const editor = await vscode.window.showTextDocument(citing);
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'Ingevoegd.\n\n'));
    try {
      const refs = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', das.uri, positionOf(das, '2024D27196'))) ?? [];
      const bever = refs.filter((r) => r.uri.toString() === citing.uri.toString());
      assert.equal(bever.length, 1);
      assert.equal(citing.getText(bever[0].range), '2024D27196');
      assert.equal(bever[0].range.start.line, citing.positionAt(citing.getText().indexOf('(2024D27196)') + 1).line);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    assert.ok(!citing.isDirty);
    // On a reference to another document: every place that cites that document.
    const wolf = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', citing.uri, positionOf(citing, 'ah-tk-20232024-1092'))) ?? [];
    assert.deepEqual(await Promise.all(wolf.filter((r) => r.uri.path.includes(`/${ROOT}/`)).map(async (r) => `${rel(r.uri)} ${await textAt(r)}`)), [
      'bever/antwoord.txt Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092',
      'bever/antwoord.txt ah-tk-20232024-1092',
    ]);
  });

  it('Go to Symbol in Workspace finds questions and answers across the corpus', async () => {
    const symbols = async (query: string): Promise<vscode.SymbolInformation[]> =>
      (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)) ?? [];
    const mine = (list: vscode.SymbolInformation[]): vscode.SymbolInformation[] => list.filter((s) => s.location.uri.path.includes(`/${ROOT}/`));
    const vraag3 = mine(await symbols('Vraag 3 bever'));
    assert.deepEqual(vraag3.map((s) => `${rel(s.location.uri)} ${s.name}`).sort(), [
      'bever/antwoord.txt Vraag 3: Hoeveel bevers leven er nu in de uiterwaarden?',
      'bever/vragen.txt Vraag 3: Hoeveel bevers leven er nu in de uiterwaarden?',
    ]);
    const q = vraag3.find((s) => rel(s.location.uri) === 'bever/vragen.txt');
    assert.equal(q?.containerName, 'Vragen van het lid Bikker (ChristenUnie) over de bever in de uiterwaarden');
    assert.equal(q?.kind, vscode.SymbolKind.Key);
    // The location is the label in the file, which is not open.
    assert.equal(documentFor(at('bever', 'vragen.txt')), undefined);
    const text = (await readText(at('bever', 'vragen.txt'))) ?? '';
    assert.ok(text.split('\n')[q?.location.range.start.line ?? -1]?.startsWith('Vraag 3'), JSON.stringify(q?.location.range));

    // "ontvangen maart 2024": the blocks of the answer received in March 2024, not of the questions alone.
    const received = mine(await symbols('ontvangen maart 2024'));
    assert.deepEqual([...new Set(received.map((s) => rel(s.location.uri)))], ['bever/antwoord.txt']);
    assert.equal(received.length, 6);
    assert.ok(received.some((s) => s.name.startsWith('Antwoord 2 (ontvangen 25 maart 2024): Welke maatregelen')), received.map((s) => s.name).join('\n'));
    const answers2024 = mine(await symbols('antwoord ontvangen 2024'));
    assert.deepEqual([...new Set(answers2024.map((s) => rel(s.location.uri)))].sort(), ['bever/antwoord.txt', 'das/antwoord.txt', 'later/1777.txt', 'wolf/1092.txt']);
    assert.ok(answers2024.every((s) => s.kind === vscode.SymbolKind.String));
    assert.deepEqual(await symbols(''), []);
  });

  it('Ctrl+T as the user sees it: VS Code passes the first word and filters the rest by name and container', async function () {
    if (!uiBridge()) this.skip();
    const shown = async (query: string, wanted: (labels: string[]) => boolean): Promise<string[]> => {
      let labels: string[] = [];
      try {
        await vscode.commands.executeCommand('workbench.action.quickOpen', `#${query}`);
        // The list fills as the providers answer: read it until it shows what is wanted (or time runs out).
        await waitFor(`"${query}" in the quick open`, async () => {
          labels = await ui<string[]>('quickPickLabels', { allowEmpty: true });
          return wanted(labels) ? labels : undefined;
        }, 15_000).catch(() => undefined);
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      }
      return labels;
    };
    const beaver = 'Vraag 3: Hoeveel bevers leven er nu in de uiterwaarden?';
    const vraag3 = await shown('Vraag 3 bever', (l) => l.filter((x) => x === beaver).length >= 2);
    assert.equal(vraag3.filter((x) => x === beaver).length, 2, vraag3.join(' | '));
    const received = await shown('ontvangen maart 2024', (l) => l.some((x) => x.startsWith('Antwoord 2 (ontvangen 25 maart 2024)')));
    assert.ok(received.some((x) => x.startsWith('Antwoord 2 (ontvangen 25 maart 2024): Welke maatregelen')), received.join(' | '));
  });

  it('Ctrl+click as the user does it: the document a number names opens at its title', async function () {
    if (!uiBridge()) this.skip();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await vscode.window.showTextDocument(citing, { preview: false });
    const at2024D = positionOf(citing, '2024D27196');
    editor.revealRange(new vscode.Range(at2024D, at2024D), vscode.TextEditorRevealType.InCenter);
    const das = at('das', 'antwoord.txt');
    const titleLine = FILES['das/antwoord.txt'].split('\n').findIndex((l) => l.startsWith('Vragen van het lid Vedder (CDA)'));
    assert.ok(titleLine > 5, 'the title is below the web page metadata');
    // The link is underlined once VS Code has asked for the document's links; then it takes the click.
    const isDas = (): vscode.TextEditor | undefined => {
      const active = vscode.window.activeTextEditor;
      return active?.document.uri.toString() === das.toString() ? active : undefined;
    };
    const opened = await waitFor('das/antwoord.txt opened by Ctrl+click', async () => {
      if (!isDas()) await ui('click', { selector: '.monaco-editor .view-line span:has-text("2024D27196"):not(:has(span))', modifiers: ['ControlOrMeta'] });
      return waitFor('the editor', isDas, 3_000).catch(() => undefined);
    }, 30_000);
    await waitFor('the cursor on the title', async () => (opened.selection.active.line === titleLine ? true : undefined), 10_000)
      .catch(() => assert.fail(`the cursor is on line ${opened.selection.active.line}, the title on ${titleLine}`));
  });
});
