// Cross-references, footnotes and references to other documents in a real VS Code: hover, Go to
// Definition, Find All References, document links and diagnostics, on the seeds and small fixtures.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, SEED_000, SEED_001, SEED_003, fixture, openKamerstuk, sleep, writeText as writeFile,
} from './helpers';


/** The position inside the n-th match of `pattern` (whitespace in the pattern matches line ends too), `delta` characters from the match's end. */
function positionOf(doc: vscode.TextDocument, phrase: string, delta = 1, nth = 0): vscode.Position {
  const re = new RegExp(phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'), 'g');
  const matches = [...doc.getText().matchAll(re)];
  assert.ok(matches.length > nth, `"${phrase}" (${nth}) in ${doc.uri.path}`);
  const m = matches[nth];
  return doc.positionAt(m.index + m[0].length - delta);
}

/** Runs a provider command until it returns something (providers register right after the language switch). */
async function until<T>(run: () => Thenable<T[] | undefined>, accept: (r: T[]) => boolean = (r) => r.length > 0): Promise<T[]> {
  let result: T[] = [];
  for (let i = 0; i < 50; i++) {
    result = (await run()) ?? [];
    if (accept(result)) return result;
    await sleep(100);
  }
  return result;
}

async function hovers(doc: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover[]> {
  return until(() => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
}

function markdown(hs: vscode.Hover[]): vscode.MarkdownString[] {
  return hs.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c === 'object' && 'value' in c && typeof c.value === 'string');
}

async function hoverText(doc: vscode.TextDocument, pos: vscode.Position): Promise<string> {
  return markdown(await hovers(doc, pos)).map((m) => m.value).join('\n---\n');
}

/** Markdown value → readable text: escapes undone. */
function plain(value: string): string {
  return value.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

type Def = vscode.Location | vscode.LocationLink;

async function definitions(doc: vscode.TextDocument, pos: vscode.Position): Promise<Def[]> {
  return until(() => vscode.commands.executeCommand<Def[]>('vscode.executeDefinitionProvider', doc.uri, pos));
}

function defRange(d: Def): vscode.Range {
  return 'targetRange' in d ? (d.targetSelectionRange ?? d.targetRange) : d.range;
}

function defUri(d: Def): vscode.Uri {
  return 'targetUri' in d ? d.targetUri : d.uri;
}

async function links(doc: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
  return until(() => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri));
}

async function diagnosticsOf(uri: vscode.Uri, accept: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  let d: readonly vscode.Diagnostic[] = [];
  for (let i = 0; i < 60; i++) {
    d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'Kamerstukken');
    if (accept(d)) return d;
    await sleep(100);
  }
  return d;
}

describe('cross-references', () => {
  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('000: "het antwoord op vraag 8" hovers to the text of Antwoord 8', async () => {
    const doc = await openKamerstuk(SEED_000);
    const value = plain(await hoverText(doc, positionOf(doc, 'verwijs ik u ook naar het antwoord op vraag 8')));
    assert.match(value, /Antwoord 8/);
    assert.match(value, /Het is belangrijk dat ambtenaren politiek neutraal zijn/);
    assert.match(value, /Vraag 8/);
  });

  it('000: "antwoord op vragen 2, 5 en 8" shows every target; the joint answer once', async () => {
    const doc = await openKamerstuk(SEED_000);
    const value = plain(await hoverText(doc, positionOf(doc, 'antwoord op vragen 2, 5 en 8', 8)));
    for (const label of ['Vraag 1 en 2', 'Antwoord 1 en 2', 'Vraag 5', 'Antwoord 5', 'Vraag 8', 'Antwoord 8']) assert.ok(value.includes(`**${label}**`), `${label} in ${value}`);
    assert.equal(value.split('**Antwoord 1 en 2**').length, 2);
  });

  it('003: "de vragen 2 en 5" shows Antwoord 2 and Antwoord 5', async () => {
    const doc = await openKamerstuk(SEED_003);
    const value = plain(await hoverText(doc, positionOf(doc, 'de vragen 2 en 5')));
    assert.match(value, /\*\*Antwoord 2\*\*/);
    assert.match(value, /\*\*Antwoord 5\*\*/);
  });

  it('000: Go to Definition on "vraag 8" goes to Antwoord 8', async () => {
    const doc = await openKamerstuk(SEED_000);
    const defs = await definitions(doc, positionOf(doc, 'verwijs ik u ook naar het antwoord op vraag 8'));
    assert.equal(defs.length, 1);
    assert.equal(doc.getText(defRange(defs[0])), 'Antwoord 8');
  });

  it('000: Find All References on "Antwoord 8" lists every cross-reference to it', async () => {
    const doc = await openKamerstuk(SEED_000);
    const pos = positionOf(doc, 'Antwoord 8', 3);
    const refs = await until(() => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos));
    const texts = refs.map((r) => doc.getText(r.range).replace(/\s+/g, ' '));
    assert.deepEqual(texts.filter((t) => t !== 'Antwoord 8'), ['antwoord op vraag 8', 'antwoord op vraag 8', 'antwoord op vragen 2, 5 en 8']);
  });

  it('003: the footnote marker "toelichten?1" hovers to the footnote, and F12 jumps to it', async () => {
    const doc = await openKamerstuk(SEED_003);
    const pos = positionOf(doc, 'toelichten?1', 0);
    assert.match(plain(await hoverText(doc, pos)), /https:\/\/www\.nrc\.nl\/nieuws/);
    const defs = await definitions(doc, pos);
    assert.equal(defs.length, 1);
    assert.match(doc.getText(defRange(defs[0])), /^1\. https:\/\/www\.nrc\.nl/);
  });

  it('a reference to a question that does not exist says so; one to another document does not pretend', async () => {
    const doc = await openKamerstuk(await writeFile('xref-traps.txt', await fixture('traps.txt')));
    const missing = plain(await hoverText(doc, positionOf(doc, 'antwoord op vraag 12')));
    assert.match(missing, /12/);
    assert.doesNotMatch(missing, /\*\*Antwoord/);
    const external = plain(await hoverText(doc, positionOf(doc, 'uw antwoord op vraag 2')));
    assert.doesNotMatch(external, /\*\*(?:Vraag|Antwoord) 2\*\*/);
    const defs = (await vscode.commands.executeCommand<Def[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, 'antwoord op vraag 12'))) ?? [];
    assert.equal(defs.length, 0);
  });

  it('hovers escape document text: no command link, no HTML, not trusted', async () => {
    const text = [
      'Vragen van het lid X (VVD) aan de Minister van Financiën over iets (ingezonden 1 januari 2024).', '',
      'Vraag 1', 'Klik [x](command:workbench.action.quit) of <img src=x onerror=alert(1)> hier?', '',
      'Antwoord 1', 'Zie [x](command:workbench.action.quit) en <img src=x onerror=alert(1)> <b>vet</b> **sterk**.', '',
      'Vraag 2', 'En verder?', '',
      'Antwoord 2', 'Ik verwijs naar het antwoord op vraag 1 [y](command:workbench.action.quit).', '',
    ].join('\n');
    const doc = await openKamerstuk(await writeFile('xref-unsafe.txt', text));
    const hs = await hovers(doc, positionOf(doc, 'het antwoord op vraag 1'));
    const mds = markdown(hs);
    assert.ok(mds.length > 0);
    const value = mds.map((m) => m.value).join('\n');
    assert.match(plain(value), /\*\*Antwoord 1\*\*/);
    for (const m of mds) {
      assert.notEqual(m.isTrusted, true);
      assert.notEqual(m.supportHtml, true);
    }
    assert.ok(!value.includes('](command:'), value);
    assert.ok(!value.includes('(command:'), value);
    assert.ok(!value.includes('<img'), value);
    assert.ok(!value.includes('<b>'), value);
    // The text is still readable.
    assert.match(plain(value), /<img src=x onerror=alert\(1\)>/);
  });

  it('document links: Aanhangsel, identifier, document and zaak numbers, URLs', async () => {
    const d000 = await openKamerstuk(SEED_000);
    const l000 = (await links(d000)).map((l) => l.target?.toString(true));
    assert.ok(l000.includes('https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1047.html'), l000.join('\n'));
    const d003 = await openKamerstuk(SEED_003);
    const l003 = (await links(d003)).map((l) => l.target?.toString(true) ?? '');
    assert.ok(l003.includes('https://zoek.officielebekendmakingen.nl/ah-tk-20222023-1429.html'), l003.join('\n'));
    assert.ok(l003.some((u) => u.startsWith('https://www.tweedekamer.nl/') && u.includes('2023D03702')), l003.join('\n'));
    assert.ok(l003.some((u) => u.startsWith('https://www.nrc.nl/nieuws/2023/01/10/')), l003.join('\n'));
    const dl = (await links(await openKamerstuk(await writeFile('xref-pdf.txt', await fixture('pdf-damage.txt'))))).map((l) => l.target?.toString(true));
    assert.ok(dl.includes('https://zoek.officielebekendmakingen.nl/ah-tk-20232024-212.html'), dl.join('\n'));
    assert.ok(dl.includes('https://zoek.officielebekendmakingen.nl/kst-27923-470.html'), dl.join('\n'));
  });

  it('kamerstukken.links.preferred chooses the link Ctrl+click opens; the hover offers all', async () => {
    const doc = await openKamerstuk(SEED_003);
    const config = vscode.workspace.getConfiguration('kamerstukken');
    await config.update('links.preferred', 'opentk', vscode.ConfigurationTarget.Global);
    try {
      const targets = (await until(
        () => vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri),
        (r) => r.some((l) => l.target?.toString(true).includes('berthub.eu') ?? false),
      )).map((l) => l.target?.toString(true) ?? '');
      assert.ok(targets.includes('https://berthub.eu/tkconv/document.html?nummer=2023D03702'), targets.join('\n'));
      assert.ok(targets.includes('https://berthub.eu/tkconv/zaak.html?nummer=2023Z00142'), targets.join('\n'));
    } finally {
      await config.update('links.preferred', undefined, vscode.ConfigurationTarget.Global);
    }
    const value = await hoverText(doc, positionOf(doc, '2023D03702', 2));
    assert.match(value, /2023D03702/);
    assert.ok(value.includes('(https://www.tweedekamer.nl/kamerstukken/detail?id=2023D03702&did=2023D03702)'), value);
    assert.ok(value.includes('(https://berthub.eu/tkconv/document.html?nummer=2023D03702)'), value);
  });

  it('the hover over an Aanhangsel says what it is and offers the open file that is that document', async () => {
    await openKamerstuk(SEED_003);
    const doc = await openKamerstuk(await writeFile('xref-traps-2.txt', await fixture('traps.txt')));
    const value = await hoverText(doc, positionOf(doc, 'Aanhangsel Handelingen II 2022/23, nr. 1429', 3));
    assert.match(plain(value), /2022–2023/);
    assert.match(plain(value), /1429/);
    assert.ok(value.includes('(https://zoek.officielebekendmakingen.nl/ah-tk-20222023-1429.html)'), value);
    assert.ok(plain(value).includes(`[Open in the editor: ${SEED_003}](file:`), value);
    const defs = await definitions(doc, positionOf(doc, 'Aanhangsel Handelingen II 2022/23, nr. 1429', 3));
    assert.ok(defs.some((d) => defUri(d).path.endsWith(SEED_003)));
  });

  it('reference forms of real documents: the link Ctrl+click opens and the hover that names the document', async () => {
    const doc = await openKamerstuk(await writeFile('xref-forms.txt', await fixture('reference-forms.txt')));
    const targets = (await links(doc)).map((l) => l.target?.toString(true) ?? '');
    for (const id of ['kst-21501-02-2733', 'kst-21501-20-2012', 'kst-21501-31-A', 'kst-29628-1156', 'kst-29628-1135', 'kst-28828-137',
      'ah-tk-20232024-1012', 'ah-tk-20232024-1045', 'ah-tk-20222023-2931', 'ah-tk-20222023-3120', 'ah-tk-20232024-418']) {
      assert.ok(targets.includes(`https://zoek.officielebekendmakingen.nl/${id}.html`), `${id} in\n${targets.join('\n')}`);
    }
    assert.ok(targets.includes('https://www.tweedekamer.nl/kamerstukken/detail?id=2024D27196&did=2024D27196'), targets.join('\n'));
    // "Kamerstuk" at a line end, the dossier with its sub-number on the next line.
    const sub = await hoverText(doc, positionOf(doc, 'Kamerstuk 21 501-02, nr. 2733', 3));
    assert.match(plain(sub), /21 501-02/);
    assert.match(plain(sub), /2733/);
    assert.ok(sub.includes('(https://zoek.officielebekendmakingen.nl/kst-21501-02-2733.html)'), sub);
    const ek = await hoverText(doc, positionOf(doc, 'Kamerstukken I 2017/18, 21 501-31, nr. A', 1));
    assert.match(plain(ek), /21 501-31/);
    assert.ok(ek.includes('(https://zoek.officielebekendmakingen.nl/kst-21501-31-A.html)'), ek);
    const before = await hoverText(doc, positionOf(doc, 'Handelingen II 2023/24, Aanhangsel van de Handelingen, nr. 1045', 60));
    assert.match(plain(before), /2023–2024/);
    assert.ok(before.includes('(https://zoek.officielebekendmakingen.nl/ah-tk-20232024-1045.html)'), before);
  });

  it('a URL or document number in a footnote is a link in the footnote\'s hover, as safe as the document links', async () => {
    const doc = await openKamerstuk(await writeFile('xref-footnote-links.txt', await fixture('reference-forms.txt')));
    const mds = markdown(await hovers(doc, positionOf(doc, 'foto’s»?1', 0)));
    const value = mds.map((m) => m.value).join('\n');
    assert.ok(value.includes('](https://nos.nl/artikel/2504390-politie-zoekt-met-gezichtsherkenning)'), value);
    const numbered = (await hoverText(doc, positionOf(doc, 'Europese voorstel.3', 0)));
    assert.ok(numbered.includes('](https://www.tweedekamer.nl/kamerstukken/detail?id=2024D27196&did=2024D27196)'), numbered);
    // A footnote that tries to make a command link, or to break out of the link it gets.
    const text = [
      'Vraag 1', 'Klopt het bericht?1', '', 'Antwoord 1', 'Ja.', '',
      '1 Zie https://x.nl/a)(command:workbench.action.quit) en [klik](command:workbench.action.quit) <img src=x onerror=alert(1)>',
    ].join('\n');
    const unsafe = await openKamerstuk(await writeFile('xref-footnote-unsafe.txt', text));
    const hs = markdown(await hovers(unsafe, positionOf(unsafe, 'bericht?1', 0)));
    const raw = hs.map((m) => m.value).join('\n');
    assert.ok(raw.includes('](https://x.nl/a%29%28command:workbench.action.quit)'), raw);
    assert.ok(!raw.includes('(command:'), raw);
    assert.ok(!raw.includes('<img'), raw);
    for (const m of hs) {
      assert.notEqual(m.isTrusted, true);
      assert.notEqual(m.supportHtml, true);
    }
  });

  it('diagnostics: none on the seeds; problems reported; off with kamerstukken.diagnostics.enabled', async () => {
    for (const name of [SEED_000, SEED_001, SEED_003]) {
      const doc = await openKamerstuk(name);
      await sleep(300);
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Kamerstukken').map((d) => d.message), [], name);
    }
    const doc = await openKamerstuk(await writeFile('xref-problems.txt', await fixture('traps.txt')));
    const found = await diagnosticsOf(doc.uri, (d) => d.length > 0);
    assert.equal(found.length, 1);
    assert.equal(doc.getText(found[0].range), '12');
    const config = vscode.workspace.getConfiguration('kamerstukken');
    await config.update('diagnostics.enabled', false, vscode.ConfigurationTarget.Global);
    try {
      assert.equal((await diagnosticsOf(doc.uri, (d) => d.length === 0)).length, 0);
    } finally {
      await config.update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Global);
    }
    assert.equal((await diagnosticsOf(doc.uri, (d) => d.length > 0)).length, 1);
  });
});
