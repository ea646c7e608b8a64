import * as assert from 'node:assert/strict';
import { CorpusIndex } from '../../../src/core/corpus/corpusIndex';
import { buildRecord } from '../../../src/core/corpus/record';
import {
  askerLine, citationsOf, citingSpans, ownTargetAt, refKeys, resolveRef, sameDocumentKeys,
} from '../../../src/core/corpus/resolve';
import { findDocRefs } from '../../../src/core/docRefs';
import type { DocRef } from '../../../src/core/model';
import { parseDocument } from '../../../src/core/parser';
import { seed } from '../helpers';
import { answerText, noticeText, webPage } from './texts';

const printed = (vj: string, nr: string, body: string): string =>
  `Tweede Kamer der Staten-Generaal\nVergaderjaar ${vj}\nAanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n\n${nr}\n\n${body}`;

const CITING = answerText({ subject: 'de bever', who: 'het lid Bikker (ChristenUnie)' },
  '\nZie ook Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092 en het antwoord\n(ah-tk-20232024-1092), Kamerstuk 36 200 VII, nr. 5, 2024D27196 en Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 2000.\n');

const texts: Record<string, string> = {
  '2024/1092.txt': printed('2023–2024', '1092', answerText()),
  '2023/1092.txt': printed('2022–2023', '1092', answerText({ subject: 'de vos', who: 'de leden Kops en Wilders (beiden PVV)', submitted: '1 maart 2023' })),
  'web/answer.txt': webPage(answerText({ subject: 'de das' }), { documentNumber: '2024D27196', zaak: '2023Z19006', id: 'ah-tk-20232024-1100' }),
  'kst.txt': 'kst-36200-VII-5\n\nBrief van de minister van Onderwijs, Cultuur en Wetenschap.\n',
  'citing.txt': CITING,
  'notice.txt': noticeText({ zaak: '2023Z19006' }),
};

function corpus(): CorpusIndex {
  const index = new CorpusIndex();
  for (const [path, text] of Object.entries(texts)) index.set(path, buildRecord(text));
  return index;
}

/** The reference in `text` whose written form starts with `written`. */
function refIn(text: string, written: string): DocRef {
  const ref = findDocRefs(text).find((r) => text.slice(r.span.start, r.span.end).startsWith(written));
  assert.ok(ref, written);
  return ref;
}

describe('corpus: links between documents', () => {
  it('a reference resolves to the workspace document with its identity, in every written form', () => {
    const index = corpus();
    const targets = (written: string): string[] => resolveRef(index, refIn(CITING, written), 'citing.txt').map((t) => t.path);
    assert.deepEqual(targets('Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092'), ['2024/1092.txt']);
    assert.deepEqual(targets('ah-tk-20232024-1092'), ['2024/1092.txt']);
    assert.deepEqual(targets('Kamerstuk 36 200 VII, nr. 5'), ['kst.txt']);
    assert.deepEqual(targets('2024D27196'), ['web/answer.txt']);
    const zaak = refIn('Zie zaak 2023Z19006.', '2023Z19006');
    assert.deepEqual(resolveRef(index, zaak).map((t) => t.path), ['web/answer.txt']);
    // The record comes along: the hover names the document by its title and asker.
    const [t] = resolveRef(index, refIn(CITING, 'ah-tk-20232024-1092'));
    assert.equal(t.record.title, 'Vragen van het lid Van der Lee (GroenLinks-PvdA) over de terugkeer van de wolf op de Veluwe');
    assert.equal(askerLine(t.record), 'Van der Lee (GroenLinks-PvdA)');
  });

  it('the same number in another vergaderjaar is another document', () => {
    const index = corpus();
    const other = refIn('Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 1092', 'Aanhangsel');
    assert.deepEqual(resolveRef(index, other).map((t) => t.path), ['2023/1092.txt']);
    // nr. 2000 of 2022–2023 is not in the corpus; 1092 of 2021–2022 neither.
    assert.deepEqual(resolveRef(index, refIn(CITING, 'Aanhangsel Handelingen, vergaderjaar 2022–2023, nr. 2000')), []);
    assert.deepEqual(resolveRef(index, refIn('ah-tk-20212022-1092', 'ah-tk')), []);
    // The Eerste Kamer's Aanhangsel with that number is not the Tweede Kamer's.
    assert.deepEqual(resolveRef(index, refIn('ah-ek-20232024-1092', 'ah-ek')), []);
  });

  it('a document is not its own target', () => {
    const index = corpus();
    const self = refIn(texts['web/answer.txt'], '2024D27196');
    assert.deepEqual(resolveRef(index, self, 'web/answer.txt'), []);
    assert.deepEqual(resolveRef(index, self).map((t) => t.path), ['web/answer.txt']);
    // A copy of the document elsewhere in the workspace: its own number still names itself, not the copy.
    index.set('copy/answer.txt', buildRecord(texts['web/answer.txt']));
    const own = ['ah-tk-20232024-1100', '2024D27196', '2023Z19006'];
    assert.deepEqual(resolveRef(index, self, 'web/answer.txt', own), []);
    assert.deepEqual(resolveRef(index, self, 'web/answer.txt').map((t) => t.path), ['copy/answer.txt']);
    // Another document's number is resolved as before.
    assert.deepEqual(resolveRef(index, refIn(CITING, 'ah-tk-20232024-1092'), 'web/answer.txt', own).map((t) => t.path), ['2024/1092.txt']);
  });

  it('who asked, in one line', () => {
    assert.equal(askerLine({ askedBy: ['Van der Plas', 'Omtzigt'], parties: ['BBB', 'NSC'] }, (a, b) => `${a} en ${b}`), 'Van der Plas (BBB) en Omtzigt (NSC)');
    assert.equal(askerLine({ askedBy: ['Kops', 'Wilders', 'Agema'], parties: ['PVV'] }), 'Kops, Wilders and Agema (PVV)');
    assert.equal(askerLine({ askedBy: ['Bikker'], parties: [] }), 'Bikker');
    assert.equal(askerLine({ askedBy: [], parties: ['PVV'] }), undefined);
  });

  it('the cursor on a document\'s own title or identity names the document; elsewhere nothing', () => {
    const text = texts['web/answer.txt'];
    const parsed = parseDocument(text);
    const own = ['ah-tk-20232024-1100', '2024D27196', '2023Z19006'];
    const title = parsed.metadata.title;
    assert.ok(title);
    assert.deepEqual(ownTargetAt(text, parsed, title.span.start + 3)?.keys, own);
    const at = (s: string): number => text.indexOf(s) + 2;
    assert.deepEqual(ownTargetAt(text, parsed, at('2024D27196'))?.span, refIn(text, '2024D27196').span);
    assert.deepEqual(ownTargetAt(text, parsed, at('2023Z19006'))?.keys, own);
    assert.deepEqual(ownTargetAt(text, parsed, at('ah-tk-20232024-1100'))?.keys, own);
    assert.equal(ownTargetAt(text, parsed, at('Welke maatregelen')), undefined);
    // A reference to another document is not the document's own.
    const citing = parseDocument(CITING);
    assert.equal(ownTargetAt(CITING, citing, CITING.indexOf('2024D27196') + 2), undefined);
    // A document without identities of its own: its title names nothing to look for.
    assert.equal(ownTargetAt(CITING, citing, (citing.metadata.title?.span.start ?? -10) + 2), undefined);
  });

  it('every place in the workspace that cites a document, by any of its identities, with line and character', () => {
    const index = corpus();
    const keys = sameDocumentKeys(index, ['2023Z19006']);
    assert.deepEqual(keys.sort(), ['2023Z19006', '2024D27196', 'ah-tk-20232024-1100']);
    const cites = citationsOf(index, keys);
    assert.deepEqual(cites.map((c) => [c.path, c.key]), [['citing.txt', '2024D27196'], ['notice.txt', '2023Z19006']]);
    for (const c of cites) {
      const text = texts[c.path];
      assert.equal(text.slice(c.start, c.end), c.key);
      const lines = text.split('\n');
      assert.equal(lines[c.line].slice(c.character, c.endCharacter), c.key);
      assert.equal(c.endLine, c.line);
    }
    // The Aanhangsel 1092 of 2023–2024, cited in two forms, one of them on the next line.
    const ah = citationsOf(index, sameDocumentKeys(index, ['ah-tk-20232024-1092']));
    assert.deepEqual(ah.map((c) => CITING.slice(c.start, c.end)), ['Aanhangsel Handelingen, vergaderjaar 2023–2024, nr. 1092', 'ah-tk-20232024-1092']);
    assert.equal(ah[1].line, ah[0].line + 1);
    assert.equal(ah[1].character, 1);
    // Documents the caller reads from their editors are left out.
    assert.deepEqual(citationsOf(index, keys, new Set(['citing.txt'])).map((c) => c.path), ['notice.txt']);
    assert.deepEqual(citationsOf(index, ['ah-tk-20212022-1092']), []);
  });

  it('the references of an open document that cite a document, its own identities left out', () => {
    const refs = parseDocument(CITING).docRefs;
    const spans = citingSpans(refs, ['2024D27196', 'kst-36200-VII-5']);
    assert.deepEqual(spans.map((s) => CITING.slice(s.start, s.end)), ['Kamerstuk 36 200 VII, nr. 5', '2024D27196']);
    const page = texts['web/answer.txt'];
    assert.deepEqual(citingSpans(parseDocument(page).docRefs, ['2024D27196'], ['2024D27196', '2023Z19006']), []);
    assert.deepEqual(refKeys(refIn('https://www.tweedekamer.nl/kamerstukken/detail?id=2023Z19006&did=2024D27196', 'https')), ['2023Z19006', '2024D27196']);
  });

  it('a seed that cites ten Aanhangsels: each resolves when that document is in the corpus', () => {
    const index = new CorpusIndex();
    index.set('000.txt', buildRecord(seed('000')));
    index.set('1047.txt', buildRecord(printed('2023–2024', '1047', answerText())));
    index.set('1047-old.txt', buildRecord(printed('2022–2023', '1047', answerText())));
    const refs = index.references('000.txt').filter((r) => r.targets.length > 0);
    assert.ok(refs.length >= 1);
    assert.ok(refs.every((r) => r.key === 'ah-tk-20232024-1047' && r.targets.join() === '1047.txt'));
    assert.deepEqual([...new Set(citationsOf(index, ['ah-tk-20232024-1047']).map((c) => c.path))], ['000.txt']);
  });
});
