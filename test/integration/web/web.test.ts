// The extension as a web extension (`node test/integration/run.mjs --web`): its `browser` bundle runs in
// the web worker extension host, as in vscode.dev and github.dev; files go through workspace.fs only.
// No Node here: no node:assert, so the checks are plain.
import * as vscode from 'vscode';
import { activationFigures } from '../activationMarks';
import { answerText } from '../../unit/corpus/texts';

const EXTENSION_ID = 'kamerstukken.kamerstukken';
const SEED_000 = '000_29150c82fa965ab7.txt';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, fn: () => Promise<T | undefined> | T | undefined, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const value = await fn();
    if (value !== undefined && value !== false) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function folder(): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.[0];
  check(f, 'a workspace folder is open');
  return f.uri;
}

const documentFor = (uri: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(documentFor(uri) ?? await vscode.workspace.openTextDocument(uri));
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

const measures: Record<string, number | string | boolean> = {};

describe('web extension', () => {
  after(async () => {
    await vscode.workspace.fs.writeFile(folder().with({ path: KAMERSTUKKEN_WEB_MEASURE_FILE }), new TextEncoder().encode(JSON.stringify(measures)));
  });

  it('runs in the web worker extension host', () => {
    check(typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope === 'function', 'the tests run in a web worker');
    // getExtension() lists only the extensions of the calling extension host.
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    check(ext, `${EXTENSION_ID} runs in this (web worker) extension host`);
    check(ext.packageJSON.browser === './dist/web/extension.js', 'the manifest names the browser bundle');
  });

  it('recognises a seed as Kamerstuk and activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    check(ext, 'extension present');
    const activeBefore = ext.isActive;
    measures.activeBeforeOpening = activeBefore;
    const uri = vscode.Uri.joinPath(folder(), SEED_000);
    const t0 = performance.now();
    await open(uri);
    await waitFor('the extension to activate', () => ext.isActive, 15_000);
    if (!activeBefore) measures.openToActiveMs = +(performance.now() - t0).toFixed(1);
    await waitFor(`language kamerstuk (now ${documentFor(uri)?.languageId})`, () => documentFor(uri)?.languageId === 'kamerstuk');
    measures.openToKamerstukMs = +(performance.now() - t0).toFixed(1);
    activationFigures(EXTENSION_ID, measures);
  });

  it('leaves a plain .txt as plain text', async () => {
    const uri = vscode.Uri.joinPath(folder(), 'boodschappen.txt');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('Melk\nBrood\nKaas\n'));
    await open(uri);
    await sleep(1000);
    check(documentFor(uri)?.languageId === 'plaintext', `boodschappen.txt is ${documentFor(uri)?.languageId}`);
  });

  it('gives the outline of questions and answers', async () => {
    const doc = await waitFor('the seed', () => documentFor(vscode.Uri.joinPath(folder(), SEED_000)));
    const symbols = await waitFor('document symbols', async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
      return s && s.length > 0 ? s : undefined;
    });
    const names = symbols.flatMap(function walk(s: vscode.DocumentSymbol): string[] { return [s.name, ...s.children.flatMap(walk)]; });
    check(names.includes('Vraag 8') && names.includes('Antwoord 8'), `outline: ${names.join(', ')}`);
    check(['Vraag 1 en 2', 'Antwoord 1 en 2', 'Vraag 6 en 7', 'Antwoord 9'].every((n) => names.includes(n)), `outline: ${names.join(', ')}`);
  });

  it('shows the answer a cross-reference points to on hover', async () => {
    const doc = await waitFor('the seed', () => documentFor(vscode.Uri.joinPath(folder(), SEED_000)));
    const phrase = /verwijs\s+ik\s+u\s+ook\s+naar\s+het\s+antwoord\s+op\s+vraag\s+8/.exec(doc.getText());
    check(phrase, 'the cross-reference is in the seed');
    const at = doc.positionAt(phrase.index + phrase[0].length - 1);
    const text = await waitFor('a hover', async () => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
      const value = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return value || undefined;
    });
    check(/Antwoord 8/.test(text) && /Vraag 8/.test(text), text);
    check(/politiek neutraal/.test(text), text);
  });

  it('tags a passage and writes the sidecar through workspace.fs', async () => {
    const uri = vscode.Uri.joinPath(folder(), SEED_000);
    const editor = await open(uri);
    const quote = 'Is het waar dat tijdens deze bijeenkomsten';
    const start = editor.document.getText().indexOf(quote);
    check(start >= 0, 'the passage is in the seed');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + quote.length));
    const ids = await vscode.commands.executeCommand<string[]>('kamerstukken.annotate', { tags: ['toezegging'], note: 'op het web' });
    check(ids.length === 1, `one annotation: ${JSON.stringify(ids)}`);
    const yaml = await waitFor('the sidecar', () => readText(uri.with({ path: `${uri.path}.annotations.yaml` })));
    check(yaml.startsWith(`version: 2\ndocument: ${SEED_000}\nannotations:\n`), yaml);
    check(yaml.includes(`id: ${ids[0]}`) && yaml.includes('tags: [toezegging]') && yaml.includes('note: op het web'), yaml);
    check(yaml.includes(`quote: ${quote}`), yaml);
  });

  it('indexes the workspace as a corpus and links its documents, through workspace.fs', async () => {
    await vscode.commands.executeCommand('kamerstukken.corpusControl', 'ready');
    // Two documents in a folder of their own: the answers 1092 of 2023–2024, and a text citing them.
    const root = vscode.Uri.joinPath(folder(), 'web-corpus');
    const cited = vscode.Uri.joinPath(root, 'wolf', '1092.txt');
    const citing = vscode.Uri.joinPath(root, 'bever', 'antwoord.txt');
    const printed = `Tweede Kamer der Staten-Generaal\nVergaderjaar 2023–2024\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n\n1092\n\n${answerText()}`;
    const citingText = answerText({ subject: 'de bever in de uiterwaarden', who: 'het lid Bikker (ChristenUnie)', submitted: '4 maart 2024', received: '25 maart 2024' },
      '\nZie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092.\n');
    await vscode.workspace.fs.writeFile(cited, new TextEncoder().encode(printed));
    await vscode.workspace.fs.writeFile(citing, new TextEncoder().encode(citingText));
    await vscode.commands.executeCommand('kamerstukken.corpusControl', 'refresh');
    type Doc = { uri: string; kind?: string; annotations: number; parliamentary: boolean };
    const docs = await vscode.commands.executeCommand<Doc[]>('kamerstukken.corpusDocuments');
    const byName = (name: string): Doc | undefined => docs.find((d) => d.uri.endsWith(`/${name}`));
    check(byName('web-corpus/wolf/1092.txt')?.kind === 'questions', `the cited answers are indexed: ${JSON.stringify(docs)}`);
    check(byName('web-corpus/bever/antwoord.txt')?.parliamentary === true, `the citing text is indexed: ${JSON.stringify(docs)}`);
    check(byName(SEED_000)?.parliamentary === true, `the seed is indexed: ${JSON.stringify(docs)}`);
    check((byName(SEED_000)?.annotations ?? 0) >= 1, `the seed's annotation (tagged above) is indexed: ${JSON.stringify(byName(SEED_000))}`);
    check(!byName('boodschappen.txt'), 'a shopping list is not in the corpus');
    // Go to Definition on the reference opens the cited document, which is not open.
    const editor = await open(citing);
    const at = editor.document.getText().indexOf('Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092');
    check(at >= 0, 'the reference is in the citing text');
    const targets = await waitFor('a definition in another document', async () => {
      const defs = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', citing, editor.document.positionAt(at + 3))) ?? [];
      const uris = defs.map((d) => ('targetUri' in d ? d.targetUri : d.uri).toString());
      return uris.length > 0 ? uris : undefined;
    });
    check(targets.length === 1 && targets[0] === cited.toString(), `definition: ${JSON.stringify(targets)}`);
    await vscode.workspace.fs.delete(root, { recursive: true });
  });

  it('opens the Code Matrix and exports it as CSV through workspace.fs', async () => {
    await vscode.commands.executeCommand('kamerstukken.showCodeMatrix', { columns: 'party' });
    const target = vscode.Uri.joinPath(folder(), 'matrix.csv');
    // The tag of the previous test, against the party of the asker of the seed (JA21).
    const csv = await waitFor('the tagged passage in the matrix', async () => {
      const r = await vscode.commands.executeCommand<{ csv: string } | undefined>('kamerstukken.exportCodeMatrix', {
        rows: ['toezegging'], columns: 'party', count: 'passages', target: target.toString(), overwrite: true,
      });
      return r && /\r\ntoezegging;(\d+;)*1;?/.test(r.csv) ? r.csv : undefined;
    }, 15_000);
    const [header, row] = csv.slice(1).split('\r\n');
    const cells = row.split(';');
    check(cells[header.split(';').indexOf('JA21')] === '1', csv);
    check(csv.startsWith('\uFEFFtag;'), csv);
    check(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(target)) === csv, 'the file holds the CSV');
    await vscode.workspace.fs.delete(target);
  });
});

/** Set by the runner through esbuild's `define`. */
declare const KAMERSTUKKEN_WEB_MEASURE_FILE: string;
