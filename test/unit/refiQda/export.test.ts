import * as assert from 'node:assert/strict';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { TextPositions } from '../../../src/core/annotations/model';
import {
  codebookXml, exportQdc, exportQdpx, projectXml, type RefiAnnotationInput, type RefiDocumentInput, type RefiExportInput,
} from '../../../src/core/refiQda';
import { parseXml, type XmlElement } from '../../../src/core/refiQda/xml';
import { codePointSlice, CRLF_TEXT, entry, SAMPLE_CODEBOOK, sampleDocuments, schemaErrors, unzipText } from './helpers';

const INPUT: RefiExportInput = { documents: sampleDocuments(), codebook: SAMPLE_CODEBOOK };

function parsed(xml: string): XmlElement {
  const r = parseXml(xml);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  return r.root;
}

/** Every element with local name `local` under `e`, depth first. */
function all(e: XmlElement, local: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (x: XmlElement): void => {
    if (x.local === local) out.push(x);
    x.children.forEach(visit);
  };
  visit(e);
  return out;
}

function exported(input: RefiExportInput = INPUT, options = {}): Uint8Array {
  const r = exportQdpx(input, options);
  assert.ok(r.ok);
  return r.bytes;
}

describe('REFI-QDA export', () => {
  describe('validates against the REFI-QDA schemas', () => {
    const trickyText = 'Vraag 1\nIs <b>dit</b> & "dat" \u0001 waar?\n';
    const tricky: RefiDocumentInput[] = [{
      name: 'rare <naam> & "zo".txt', text: trickyText,
      annotations: [entry(trickyText, '<b>dit</b> & "dat" \u0001', { id: 'c0000001', tags: ['a&b/<c>', ' "d" '], note: 'x\u0002y\r\nz\t]]>', coder: 'Ö "q" <r>' })],
      attributes: { 'naam <x>': 'waarde & "y"\u0003' },
    }];
    const mixed: RefiDocumentInput[] = [
      { name: 'a.txt', text: 'a', annotations: [], attributes: { datum: '2024-01-01', getal: 1e21, klein: 1.5e-7, leeg: null } },
      { name: 'b.txt', text: 'b', annotations: [], attributes: { datum: 'onbekend', getal: 3, klein: 2, leeg: undefined } },
    ];
    const full = projectXml(INPUT).xml;
    const selectionGuid = all(parsed(full), 'PlainTextSelection')[0].attributes.get('guid') ?? '';
    const projects = {
      full,
      cases: projectXml(INPUT, { attributesOn: 'cases' }).xml,
      both: projectXml(INPUT, { attributesOn: 'both' }).xml,
      nothing: projectXml({ documents: [] }).xml,
      plain: projectXml({ documents: [{ name: 'leeg.txt', text: '', annotations: [] }] }).xml,
      tricky: projectXml({ documents: tricky }).xml,
      mixed: projectXml({ documents: mixed }).xml,
      // Deliberately broken: each must fail.
      badGuid: full.replace(`guid="${selectionGuid}"`, 'guid="not-a-guid"'),
      noStart: full.replace(/ startPosition="\d+"/u, ''),
      badOrder: full.replace('<Users>', '<Sources/><Users>'),
      badColor: full.replace(/color="#[0-9a-f]{6}"/u, 'color="green"'),
      badType: full.replace('typeOfVariable="Float"', 'typeOfVariable="Number"'),
    };
    const sampleCodebook = codebookXml(INPUT).xml ?? '';
    const codebooks = {
      sample: sampleCodebook,
      tricky: codebookXml({ documents: tricky }).xml ?? '',
      noCodable: sampleCodebook.replace(/ isCodable="true"/u, ''),
    };
    let projectErrors: Record<keyof typeof projects, string[]>;
    let codebookErrors: Record<keyof typeof codebooks, string[]>;
    before(async function () {
      this.timeout(120_000);
      projectErrors = await schemaErrors(projects, 'project');
      codebookErrors = await schemaErrors(codebooks, 'codebook');
    });

    it('project.qde of a project with codes, selections, notes, coders and variables on the sources', () => {
      assert.deepEqual(projectXml(INPUT).counts, { sources: 2, selections: 7, codes: 8, notes: 3, users: 2, variables: 6 });
      assert.deepEqual(projectErrors.full, []);
    });

    it('with the variables on a case per document, and on both', () => {
      for (const attributesOn of ['cases', 'both'] as const) {
        const root = parsed(projects[attributesOn]);
        assert.equal(all(root, 'Case').length, 2, attributesOn);
        assert.equal(all(root, 'TextSource').flatMap((x) => x.children.filter((c) => c.local === 'VariableValue')).length, attributesOn === 'both' ? 10 : 0);
        assert.deepEqual(projectErrors[attributesOn], [], attributesOn);
      }
    });

    it('a project without annotations, codes or documents', () => {
      assert.deepEqual(projectErrors.nothing, []);
      assert.deepEqual(projectErrors.plain, []);
    });

    it('the .qdc codebook', () => {
      assert.deepEqual(codebookErrors.sample, []);
      const r = exportQdc(INPUT);
      assert.ok(r.ok);
      assert.equal(new TextDecoder().decode(r.bytes), sampleCodebook);
    });

    it('names and notes with markup, quotes, control characters and line breaks stay valid XML', () => {
      assert.deepEqual(projectErrors.tricky, []);
      assert.deepEqual(codebookErrors.tricky, []);
      const note = all(parsed(projects.tricky), 'PlainTextContent')[0].text;
      assert.equal(note, 'x\uFFFDy\r\nz\t]]>');
    });

    it('variables with mixed values become text; numbers never use exponents; empty values are left out', () => {
      assert.deepEqual(projectErrors.mixed, []);
      const root = parsed(projects.mixed);
      assert.deepEqual(all(root, 'Variable').map((v) => [v.attributes.get('name'), v.attributes.get('typeOfVariable')]), [['datum', 'Text'], ['getal', 'Integer'], ['klein', 'Float']]);
      assert.deepEqual(all(root, 'VariableValue').map((v) => v.children[1].text), ['2024-01-01', '1000000000000000000000', '0.00000015', 'onbekend', '3', '2']);
    });

    it('a broken project fails validation (the check is real)', () => {
      for (const name of ['badGuid', 'noStart', 'badOrder', 'badColor', 'badType'] as const) {
        assert.notEqual(projects[name], full, name);
        assert.notDeepEqual(projectErrors[name], [], name);
      }
      assert.match(projectErrors.badGuid.join('\n'), /not-a-guid/u);
      assert.match(projectErrors.noStart.join('\n'), /startPosition/u);
      assert.notEqual(codebooks.noCodable, sampleCodebook);
      assert.match(codebookErrors.noCodable.join('\n'), /isCodable/u);
    });
  });

  describe('positions', () => {
    it('point at the annotated characters of the source file written in sources/ (CRLF text, astral characters)', () => {
      const files = unzipText(exported());
      const project = parsed(files['project.qde']);
      const documents = sampleDocuments();
      let checked = 0;
      for (const source of all(project, 'TextSource')) {
        const path = source.attributes.get('plainTextPath') ?? '';
        assert.match(path, /^internal:\/\/[0-9a-f-]{36}\.txt$/u);
        const file = files[`sources/${path.slice('internal://'.length)}`];
        assert.ok(file !== undefined, path);
        assert.ok(!file.includes('\r'), 'sources are written with LF line breaks');
        const doc = documents.find((d) => d.name === source.attributes.get('name'));
        assert.ok(doc);
        assert.equal(file, doc.text.replace(/\r\n/gu, '\n'));
        for (const sel of all(source, 'PlainTextSelection')) {
          const start = Number(sel.attributes.get('startPosition'));
          const end = Number(sel.attributes.get('endPosition'));
          const a: RefiAnnotationInput | undefined = doc.annotations.find((x) => codePointSlice(file, start, end) === x.quote);
          assert.ok(a, `selection ${start}-${end} "${codePointSlice(file, start, end)}" is an annotation's quote`);
          // The sidecar's stored positions go in unchanged.
          assert.deepEqual([start, end], [a.start, a.end]);
          checked++;
        }
      }
      assert.equal(checked, 7);
      // One selection spans a CRLF line break: its quote has LF, and the positions count one per break.
      const crossing = documents[0].annotations[3];
      assert.equal(crossing.quote, 'Hoeveel brieven zijn 😀 teruggestuurd?\n\nAntwoord 2');
      assert.equal(crossing.end - crossing.start, Array.from(crossing.quote).length);
    });

    it('a CRLF and an LF checkout of the same annotations give the same bytes', () => {
      const lf = sampleDocuments().map((d) => ({ ...d, text: d.text.replace(/\r\n/gu, '\n') }));
      assert.deepEqual(exported({ documents: lf, codebook: SAMPLE_CODEBOOK }), exported());
    });

    it('a byte order mark at the start of the text is not written, and positions count without it', () => {
      const text = '\uFEFFVraag 1\nKlopt 😀 dit?\n';
      const a = entry(text, 'Klopt 😀 dit?', { id: 'd0000001', tags: ['x'] });
      const files = unzipText(exported({ documents: [{ name: 'bom.txt', text, annotations: [a] }] }));
      const source = Object.entries(files).find(([k]) => k.startsWith('sources/'))?.[1] ?? '';
      assert.equal(source, 'Vraag 1\nKlopt 😀 dit?\n');
      const sel = all(parsed(files['project.qde']), 'PlainTextSelection')[0];
      assert.equal(codePointSlice(source, Number(sel.attributes.get('startPosition')), Number(sel.attributes.get('endPosition'))), 'Klopt 😀 dit?');
    });

    it('an annotation whose text moved is found again by its quote; one whose text is gone is reported, not exported', () => {
      const old = 'Vraag 1\nDe minister zegt toe dit te regelen.\nEen zin die verdwijnt.\n';
      const moved = entry(old, 'zegt toe dit te regelen', { id: 'e0000001', tags: ['toezegging'] });
      const gone = entry(old, 'Een zin die verdwijnt.', { id: 'e0000002', tags: ['x'] });
      const now = 'Inleiding die erbij kwam.\n\nVraag 1\nDe minister zegt toe dit te regelen.\n';
      const r = exportQdpx({ documents: [{ name: 'd.txt', text: now, annotations: [moved, gone, { ...gone, id: 'e0000003', start: 5, end: 5 }] }] });
      assert.ok(r.ok);
      assert.deepEqual(r.skipped, [{ document: 'd.txt', id: 'e0000003', reason: 'empty' }, { document: 'd.txt', id: 'e0000002', reason: 'notFound' }]);
      const sel = all(parsed(unzipText(r.bytes)['project.qde']), 'PlainTextSelection');
      assert.equal(sel.length, 1);
      const positions = new TextPositions(now);
      assert.equal(codePointSlice(positions.lf, Number(sel[0].attributes.get('startPosition')), Number(sel[0].attributes.get('endPosition'))), 'zegt toe dit te regelen');
    });
  });

  describe('content', () => {
    const project = parsed(projectXml(INPUT).xml);

    it('codes keep their hierarchy, descriptions and colours (#rrggbb)', () => {
      const codes = project.children.find((c) => c.local === 'CodeBook')?.children[0];
      assert.ok(codes);
      const tree = (e: XmlElement): unknown => ({
        name: e.attributes.get('name'), codable: e.attributes.get('isCodable'), color: e.attributes.get('color'),
        description: e.children.find((c) => c.local === 'Description')?.text,
        children: e.children.filter((c) => c.local === 'Code').map(tree),
      });
      assert.deepEqual(codes.children.map(tree), [
        { name: 'beleid', codable: 'true', color: '#154273', description: 'Beleid van het kabinet', children: [
          { name: 'toezegging', codable: 'true', color: '#2e7d32', description: 'De bewindspersoon zegt iets toe aan de Kamer', children: [] },
          { name: 'uitvoering', codable: 'false', color: undefined, description: undefined, children: [
            { name: 'ict', codable: 'true', color: undefined, description: undefined, children: [] },
          ] },
        ] },
        { name: 'ontwijkend antwoord', codable: 'true', color: '#ef6c00', description: 'De vraag wordt niet of maar half beantwoord', children: [] },
        { name: 'feitelijke onjuistheid', codable: 'true', color: '#c62828', description: undefined, children: [] },
        { name: 'verwijzing', codable: 'true', color: '#1155cc', description: 'Het antwoord verwijst naar een ander stuk', children: [] },
        { name: 'nieuwe informatie', codable: 'true', color: undefined, description: 'Nog niet openbaar', children: [] },
      ]);
    });

    it('each annotation is a selection with a coding per tag, its note a Note it refers to, its coder a User', () => {
      const users = new Map(all(project, 'User').map((u) => [u.attributes.get('guid'), u.attributes.get('name')]));
      assert.deepEqual([...users.values()], ['Anna', 'Bram']);
      const codeNames = new Map(all(project, 'Code').map((c) => [c.attributes.get('guid'), c.attributes.get('name')]));
      const notes = new Map(all(project, 'Note').map((n) => [n.attributes.get('guid'), n.children[0].text]));
      const source = all(project, 'TextSource')[0];
      const summary = all(source, 'PlainTextSelection').map((s) => ({
        coder: users.get(s.attributes.get('creatingUser')),
        created: s.attributes.get('creationDateTime'),
        codes: all(s, 'Coding').map((c) => codeNames.get(c.children[0].attributes.get('targetGUID'))),
        codingCoders: all(s, 'Coding').map((c) => users.get(c.attributes.get('creatingUser'))),
        notes: all(s, 'NoteRef').map((r) => notes.get(r.attributes.get('targetGUID'))),
      }));
      assert.deepEqual(summary, [
        { coder: 'Bram', created: '2026-03-04T10:11:12Z', codes: ['feitelijke onjuistheid', 'ict'], codingCoders: ['Bram', 'Bram'], notes: [] },
        { coder: 'Anna', created: '2026-03-04T10:11:12Z', codes: ['toezegging'], codingCoders: ['Anna'], notes: ['Termijn: 1 juli.\r\nNagaan of het gebeurt.'] },
        { coder: 'Bram', created: '2026-03-04T10:11:12Z', codes: ['ontwijkend antwoord'], codingCoders: ['Bram'], notes: [] },
        { coder: 'Anna', created: '2026-03-04T10:11:12Z', codes: ['ontwijkend antwoord', 'verwijzing'], codingCoders: ['Anna', 'Anna'], notes: ['Verwijst terug <naar> "vraag 1" & meer'] },
      ]);
      // A note without tags: a selection with only a NoteRef; no tags and no note: an empty selection.
      const [marked, , noteOnly] = all(all(project, 'TextSource')[1], 'PlainTextSelection');
      assert.deepEqual([marked.attributes.get('name'), marked.children.length], ['Wat kost het?', 0]);
      assert.deepEqual([noteOnly.attributes.get('name'), noteOnly.children.map((c) => c.local)], ['Zie de bijlage.', ['NoteRef']]);
    });

    it('attributes become typed variables with a value on each source', () => {
      const variables = all(project, 'Variable').map((v) => [v.attributes.get('name'), v.attributes.get('typeOfVariable')]);
      assert.deepEqual(variables, [
        ['partij', 'Text'], ['ministerie', 'Text'], ['ingediend', 'Date'], ['beantwoord', 'Date'], ['dagen', 'Float'], ['termijnOverschreden', 'Boolean'],
      ]);
      const values = (s: XmlElement): string[] => s.children.filter((c) => c.local === 'VariableValue').map((v) => `${v.children[1].local}:${v.children[1].text}`);
      const [a, b] = all(project, 'TextSource');
      assert.deepEqual(values(a), ['TextValue:VVD', 'TextValue:Financiën', 'DateValue:2024-02-29', 'DateValue:2024-03-20', 'FloatValue:20', 'BooleanValue:false']);
      assert.deepEqual(values(b), ['TextValue:GroenLinks-PvdA', 'DateValue:2024-04-01', 'FloatValue:35.5', 'BooleanValue:true']);
    });
  });

  describe('stable output', () => {
    it('a second export of unchanged data is byte-identical, whatever the order of the input', () => {
      const first = exported();
      const shuffled: RefiExportInput = {
        documents: [...sampleDocuments()].reverse().map((d) => ({ ...d, annotations: [...d.annotations].reverse() })),
        codebook: SAMPLE_CODEBOOK,
      };
      assert.deepEqual(exported(shuffled), first);
      assert.deepEqual(exported(), first);
    });

    it('GUIDs derive from names: a change elsewhere leaves them; the zip entries have a fixed time', () => {
      const guids = (bytes: Uint8Array): string[] => [...unzipText(bytes)['project.qde'].matchAll(/guid="([^"]+)"/gu)].map((m) => m[1]);
      const before = guids(exported());
      const documents = sampleDocuments();
      const extra = entry(documents[1].text, 'Wat kost het?', { id: 'b0000003', tags: ['nieuwe informatie'] });
      documents[1] = { ...documents[1], annotations: [...documents[1].annotations, extra] };
      const after = guids(exported({ documents, codebook: SAMPLE_CODEBOOK }));
      assert.deepEqual(after.filter((g) => before.includes(g)).length, before.length);
      assert.equal(new Set(after).size, after.length, 'GUIDs are unique');
      // A selection's GUID starts with its annotation's id (so that importing gives the id back).
      assert.ok(after.some((g) => g.startsWith('b0000003-')));
      const times = new Set<string>();
      const bytes = exported();
      // Local file headers: DOS time and date at offset 10 of each "PK\3\4" header.
      const view = new DataView(bytes.buffer, bytes.byteOffset);
      for (let i = 0; i + 4 < bytes.length; i++) {
        if (view.getUint32(i, true) === 0x04034b50) times.add(`${view.getUint16(i + 10, true)}/${view.getUint16(i + 12, true)}`);
      }
      assert.deepEqual([...times], [`0/${((2000 - 1980) << 9) | (1 << 5) | 1}`]);
    });

    it('a zip any unzip tool reads: project.qde first, then the sources', () => {
      const names = Object.keys(unzipSync(exported()));
      assert.equal(names[0], 'project.qde');
      assert.equal(names.length, 3);
      assert.ok(names.slice(1).every((n) => /^sources\/[0-9a-f-]{36}\.txt$/u.test(n)));
      // Sanity of the test helper: a zip fflate writes with a different time differs.
      assert.notDeepEqual(zipSync({ a: strToU8('x') }, { mtime: new Date(2001, 0, 1) }), zipSync({ a: strToU8('x') }, { mtime: new Date(2000, 0, 1) }));
    });
  });

  it('an empty codebook cannot be a .qdc', () => {
    assert.deepEqual(exportQdc({ documents: [] }), { ok: false, problem: 'noCodes' });
    assert.deepEqual(exportQdc({ documents: [], codebook: [{ path: ' / ' }] }), { ok: false, problem: 'noCodes' });
    const r = exportQdc({ documents: [], codebook: [{ path: 'a' }] });
    assert.ok(r.ok);
    assert.equal(r.counts.codes, 1);
  });

  it('the CRLF sample really has CRLF and astral characters', () => {
    assert.ok(CRLF_TEXT.includes('\r\n') && /\p{Extended_Pictographic}/u.test(CRLF_TEXT) && CRLF_TEXT.includes('𝄞'));
  });
});
