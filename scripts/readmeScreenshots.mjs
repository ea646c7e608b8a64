// Takes the README's screenshots from a real VS Code (code-server + headless Chromium) into media/.
//
//   node scripts/readmeScreenshots.mjs [name ...]   (names: outline, hover, annotations, corpus, matrix, agreement; default all)
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './codeServer.mjs';
import { screenshot } from './screenshot.mjs';

const SEED_000 = '000_29150c82fa965ab7.txt';

const media = (name) => path.join(repoRoot, 'media', name);

/** Collapses the Explorer's folder tree so that the views below it get the side bar's height. */
async function collapseFolder(page, name) {
  const folderHeader = page.locator('.pane-header', { hasText: name.toUpperCase() }).first();
  if (await folderHeader.getAttribute('aria-expanded') === 'true') await folderHeader.click();
  await page.waitForTimeout(300);
}

/** Shows the hover at the cursor (Ctrl+K Ctrl+I). */
async function showHover(page) {
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+I');
  await page.waitForTimeout(1500);
}

/**
 * A copy of the seeds with a sidecar of three annotations on seed 000, as a user would have after
 * tagging passages (the sidecar format of the README).
 */
async function annotatedWorkspace() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kamerstukken-'));
  await cp(path.join(repoRoot, 'seeds'), dir, { recursive: true });
  const text = await readFile(path.join(dir, SEED_000), 'utf8');
  const picks = [
    ['3f9c1a2b', 'Er zijn geen formele bijeenkomsten georganiseerd door het ministerie of op \nDG-niveau.', ['ontwijkend antwoord'],
      'Antwoordt niet op de vraag naar bijeenkomsten op directieniveau.'],
    ['7d0e4c11', 'Er zijn op dit moment geen bijeenkomsten gepland, maar niet uitgesloten is \ndat bijeenkomsten zullen plaatsvinden als er een regeerakkoord is.',
      ['toezegging', 'nieuwe informatie']],
    ['a52b9e03', 'Het is belangrijk dat ambtenaren politiek neutraal zijn en blijven in hun werk.', ['verwijzing']],
  ];
  const lines = ['version: 2', `document: ${SEED_000}`, 'annotations:'];
  for (const [id, quote, tags, note] of picks) {
    const start = text.indexOf(quote); // seed 000: LF line ends, no astral characters, so sidecar positions = UTF-16 offsets
    if (start < 0) throw new Error(`not in the seed: ${quote}`);
    const end = start + quote.length;
    lines.push(`  - id: ${id}`, `    tags: [${tags.join(', ')}]`);
    if (note) lines.push(`    note: ${JSON.stringify(note)}`);
    lines.push(`    quote: ${JSON.stringify(quote)}`, `    prefix: ${JSON.stringify(text.slice(Math.max(0, start - 32), start))}`,
      `    suffix: ${JSON.stringify(text.slice(end, end + 32))}`, `    start: ${start}`, `    end: ${end}`, '    created: 2026-11-23T12:00:00Z');
  }
  await writeFile(path.join(dir, `${SEED_000}.annotations.yaml`), lines.join('\n') + '\n');
  return dir;
}

/**
 * The annotated workspace plus the test fixtures (real documents of many parties, ministries and
 * years, questions, answers and postponement notices): a corpus for the Corpus overview.
 */
async function corpusWorkspace() {
  const dir = await annotatedWorkspace();
  const fixtures = path.join(repoRoot, 'test', 'fixtures');
  for (const name of await readdir(fixtures)) {
    if (name.endsWith('.txt') && name !== 'not-parliamentary.txt') await cp(path.join(fixtures, name), path.join(dir, 'corpus', name));
  }
  return dir;
}

const SEED_003 = '003_87a2a259f4376b92.txt';

/** Sidecar text for `text` with the passages [quote, tags, coder?] (positions in code points, as the format counts). */
function sidecarFor(name, text, passages) {
  const lines = ['version: 2', `document: ${name}`, 'annotations:'];
  passages.forEach(([quote, tags, coder], i) => {
    const at = text.indexOf(quote);
    if (at < 0) throw new Error(`not in ${name}: ${quote}`);
    const start = [...text.slice(0, at)].length;
    const end = start + [...quote].length;
    lines.push(`  - id: ${(0x5a000 + i * 7919).toString(16).padStart(8, '0')}`, `    tags: [${tags.join(', ')}]`,
      `    quote: ${JSON.stringify(quote)}`, `    start: ${start}`, `    end: ${end}`, '    created: 2026-11-23T12:00:00Z');
    if (coder) lines.push(`    coder: ${coder}`);
  });
  return lines.join('\n') + '\n';
}

/** The passages [quote, tags] of the coded workspace, by document. */
const CODED = {
  [SEED_000]: [
    ['Er zijn geen formele bijeenkomsten georganiseerd door het ministerie of op \nDG-niveau.', ['antwoord/ontwijkend']],
    ['Er zijn op dit moment geen bijeenkomsten gepland, maar niet uitgesloten is \ndat bijeenkomsten zullen plaatsvinden als er een regeerakkoord is.', ['antwoord/toezegging', 'nieuwe informatie']],
    ['Zoals in het antwoord op vragen 1 en 2 is aangegeven', ['verwijzing']],
    ['Het is belangrijk dat ambtenaren politiek neutraal zijn en blijven in hun werk.', ['antwoord/algemeen']],
  ],
  [SEED_003]: [
    ['Een goed functionerende ambtelijke dienst is van groot belang voor onze democratische rechtsorde.', ['antwoord/algemeen']],
    ['In de brief, die is bijgevoegd, worden in dit verband geen voorbeelden gegeven.', ['antwoord/ontwijkend']],
    ['In de brief wordt geen melding gemaakt van deze training.', ['antwoord/ontwijkend']],
    ['De brief is bijgevoegd bij deze antwoorden.', ['nieuwe informatie']],
  ],
  'belastingdienst.txt': [
    ['Nee, dat klopt niet.', ['antwoord/ontwijkend']], ['Wij zeggen toe u voor de zomer te informeren over de voortgang.', ['antwoord/toezegging']],
    ['Zie het antwoord op vraag 1.', ['verwijzing']],
  ],
  'zorg.txt': [['Daar ga ik niet over.', ['antwoord/ontwijkend']], ['Ik kom erop terug in de voortgangsbrief.', ['antwoord/toezegging']]],
};

/**
 * The seeds plus two short Kamervragen, with hierarchical tags on four documents of four parties:
 * for the Code Matrix. `passagesOf(name)` gives a document's passages [quote, tags, coder?] (default: CODED's).
 */
async function codedWorkspace(passagesOf = (name) => CODED[name]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kamerstukken-'));
  await cp(path.join(repoRoot, 'seeds'), dir, { recursive: true });
  const extra = {
    'belastingdienst.txt': ['Vragen van het lid Jansen (VVD) aan de Minister van Financiën over de belastingdienst (ingezonden 10 januari 2024).',
      'Antwoord van Minister De Vries (Financiën) (ontvangen 12 februari 2024).', 'Vraag 1', 'Klopt het dat de belastingdienst achterloopt?',
      'Antwoord 1', 'Nee, dat klopt niet. Wij zeggen toe u voor de zomer te informeren over de voortgang.',
      'Vraag 2', 'Hoeveel bezwaren liggen er nog?', 'Antwoord 2', 'Zie het antwoord op vraag 1.'],
    'zorg.txt': ['Vragen van de leden Pieters (SP) en Bakker (GroenLinks-PvdA) aan de Minister van Volksgezondheid, Welzijn en Sport over de zorg (ingezonden 3 maart 2023).',
      'Antwoord van Minister Kuipers (Volksgezondheid, Welzijn en Sport) (ontvangen 20 maart 2023).', 'Vraag 1', 'Wat is de stand van zaken?',
      'Antwoord 1', 'Daar ga ik niet over. Ik kom erop terug in de voortgangsbrief.'],
  };
  for (const [name, paragraphs] of Object.entries(extra)) await writeFile(path.join(dir, name), paragraphs.join('\n\n') + '\n');
  for (const name of Object.keys(CODED)) {
    const text = await readFile(path.join(dir, name), 'utf8');
    await writeFile(path.join(dir, `${name}.annotations.yaml`), sidecarFor(name, text, passagesOf(name)));
  }
  return dir;
}

/**
 * The coded workspace as two coders leave it after merging their branches: Anna's passages are the
 * Code Matrix's; Bram coded the same documents blind and differs on a few (another tag, one left out).
 */
function twoCodersWorkspace() {
  const bram = {
    [SEED_000]: { 3: ['antwoord/ontwijkend'] },
    [SEED_003]: { 0: ['antwoord/algemeen', 'nieuwe informatie'], 2: null },
    'zorg.txt': { 1: ['verwijzing'] },
  };
  return codedWorkspace((name) => {
    const changes = bram[name] ?? {};
    const theirs = CODED[name].flatMap(([quote, tags], i) => {
      const other = i in changes ? changes[i] : tags;
      return other ? [[quote, other, 'Bram']] : [];
    });
    return [...CODED[name].map(([quote, tags]) => [quote, tags, 'Anna']), ...theirs];
  });
}

/** The content frame of the Code Matrix webview. */
async function matrixFrame(page) {
  for (let i = 0; i < 100; i++) {
    for (const frame of page.frames()) {
      if (await frame.evaluate(() => Boolean(globalThis.document?.querySelector('#code-matrix #grid'))).catch(() => false)) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('no Code Matrix webview');
}

/** Puts the cursor on a line (1-based, or "line:column") through Go to Line. */
async function goToLine(page, line) {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+G');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
}

const annotated = await annotatedWorkspace();
const corpus = await corpusWorkspace();
const coded = await codedWorkspace();
const twoCoders = await twoCodersWorkspace();
const shots = [
  {
    name: 'outline',
    file: media('screenshot-outline.png'),
    open: [SEED_000],
    commands: ['outline.focus'],
    actions: async (page) => {
      await collapseFolder(page, 'seeds');
      await goToLine(page, 41);
    },
  },
  {
    // "Hierbij verwijs ik u ook naar het antwoord op vraag 8": the hover shows Vraag 8 and Antwoord 8.
    name: 'hover',
    file: media('screenshot-hover.png'),
    open: [SEED_000],
    commands: ['outline.focus'],
    actions: async (page) => {
      await goToLine(page, '53:30');
      await showHover(page);
    },
  },
  {
    name: 'annotations',
    file: media('screenshot-annotations.png'),
    folder: annotated,
    open: [SEED_000],
    commands: ['kamerstukken.annotations.focus'],
    actions: async (page) => {
      await collapseFolder(page, path.basename(annotated));
      await goToLine(page, '29:20');
      await showHover(page);
    },
  },
  {
    name: 'corpus',
    file: media('screenshot-corpus.png'),
    folder: corpus,
    open: [],
    commands: ['workbench.action.closeSidebar', 'kamerstukken.showCorpus'],
    settleMs: 8000,
  },
  {
    name: 'matrix',
    // Tags against the party of the asker, with the passages behind one cell listed.
    file: media('screenshot-code-matrix.png'),
    folder: coded,
    commands: ['kamerstukken.showCodeMatrix'],
    actions: async (page) => {
      let frame = await matrixFrame(page);
      await frame.locator('#columns').selectOption('party');
      await page.waitForTimeout(1500);
      frame = await matrixFrame(page);
      await frame.locator('tr[data-tag="antwoord/ontwijkend"] td[data-c="1"]').click();
      await page.waitForTimeout(1500);
    },
  },
  {
    name: 'agreement',
    // Two coders over four documents, by question and answer block: the figures per tag and the first disagreements.
    file: media('screenshot-agreement.png'),
    folder: twoCoders,
    commands: ['workbench.action.closeSidebar', 'kamerstukken.agreement'],
    settleMs: 5000,
  },
];

const only = process.argv.slice(2);
try {
  for (const shot of shots.filter((s) => only.length === 0 || only.includes(s.name))) {
    const out = await screenshot({ width: 1400, height: 860, settleMs: 3000, ...shot });
    console.log(`wrote ${path.relative(process.cwd(), out)}`);
  }
} finally {
  await rm(annotated, { recursive: true, force: true });
  await rm(corpus, { recursive: true, force: true });
  await rm(coded, { recursive: true, force: true });
  await rm(twoCoders, { recursive: true, force: true });
}
