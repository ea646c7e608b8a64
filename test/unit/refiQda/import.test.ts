import * as assert from 'node:assert/strict';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { type Annotation, createAnnotation } from '../../../src/core/annotations/model';
import { parseSidecar, serializeSidecar } from '../../../src/core/annotations/sidecar';
import {
  exportQdpx, importRefi, type RefiExportInput, type RefiImportIssue, type RefiImportResult, type RefiWorkspaceDocument,
} from '../../../src/core/refiQda';
import { codePointSlice, entry, refiFixture, SAMPLE_CODEBOOK, sampleDocuments } from './helpers';

const NOW = '2026-05-06T07:08:09Z';

function qdpx(input: RefiExportInput): Uint8Array {
  const r = exportQdpx(input);
  assert.ok(r.ok);
  return r.bytes;
}

/** The workspace copy of the sample documents, without annotations. */
function emptyCopy(transform: (text: string) => string = (t) => t): RefiWorkspaceDocument[] {
  return sampleDocuments().map((d) => ({ name: d.name, text: transform(d.text) }));
}

function kinds(r: RefiImportResult): string[] {
  return r.problems.map((p) => p.issue.kind);
}

function issue<K extends RefiImportIssue['kind']>(r: RefiImportResult, kind: K): Extract<RefiImportIssue, { kind: K }> {
  const p = r.problems.find((x) => x.issue.kind === kind);
  assert.ok(p, `a ${kind} problem in ${JSON.stringify(r.problems)}`);
  return p.issue as Extract<RefiImportIssue, { kind: K }>;
}

const project = (body: string, attributes = ''): string =>
  `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="p"${attributes}>${body}</Project>`;

describe('REFI-QDA import', () => {
  describe('round trip: export, then import into an empty copy', () => {
    const input: RefiExportInput = { documents: sampleDocuments(), codebook: SAMPLE_CODEBOOK };
    const bytes = qdpx(input);

    it('gives the same annotations (notes, hierarchy, two coders, CRLF, astral characters)', () => {
      const r = importRefi(bytes, emptyCopy(), { now: NOW });
      assert.deepEqual(r.problems, []);
      assert.equal(r.format, 'qdpx');
      assert.equal(r.alreadyPresent, 0);
      const byName = new Map(r.documents.map((d) => [d.name, d.annotations]));
      for (const d of sampleDocuments()) {
        const expected = [...d.annotations].sort((a, b) => a.start - b.start || a.end - b.end);
        // Annotations without a valid time get the import's; these all have one.
        assert.deepEqual(byName.get(d.name), expected, d.name);
      }
    });

    it('the same annotations into an LF checkout of the CRLF text, and into one with a byte order mark', () => {
      const expected = importRefi(bytes, emptyCopy(), { now: NOW }).documents;
      const lf = importRefi(bytes, emptyCopy((t) => t.replace(/\r\n/gu, '\n')), { now: NOW });
      assert.deepEqual(lf.problems, []);
      assert.deepEqual(lf.documents, expected);
      const bom = importRefi(bytes, emptyCopy((t) => `\uFEFF${t}`), { now: NOW });
      assert.deepEqual(bom.problems, []);
      for (const [i, d] of bom.documents.entries()) {
        // With the mark, every stored position is one further on (and a passage near the start has it in its prefix).
        assert.deepEqual(d.annotations.map((a) => ({ ...a, start: a.start - 1, end: a.end - 1, prefix: a.prefix.replace(/^\uFEFF/u, '') })), expected[i].annotations);
      }
    });

    it('the codebook with hierarchy, descriptions and colours', () => {
      const r = importRefi(bytes, [], { now: NOW });
      assert.deepEqual(r.codes, [
        { path: 'beleid', codable: true, description: 'Beleid van het kabinet', color: '#154273' },
        { path: 'beleid/toezegging', codable: true, description: 'De bewindspersoon zegt iets toe aan de Kamer', color: '#2e7d32' },
        { path: 'beleid/uitvoering', codable: false },
        { path: 'beleid/uitvoering/ict', codable: true },
        { path: 'ontwijkend antwoord', codable: true, description: 'De vraag wordt niet of maar half beantwoord', color: '#ef6c00' },
        { path: 'feitelijke onjuistheid', codable: true, color: '#c62828' },
        { path: 'verwijzing', codable: true, description: 'Het antwoord verwijst naar een ander stuk', color: '#1155cc' },
        { path: 'nieuwe informatie', codable: true, description: 'Nog niet openbaar' },
      ]);
      // No documents in the workspace: every source with codings is reported, nothing placed.
      assert.deepEqual(r.documents, []);
      assert.deepEqual(kinds(r), ['sourceNotFound', 'sourceNotFound']);
    });

    it('the imported annotations make a valid sidecar that reads back the same', () => {
      const r = importRefi(bytes, emptyCopy(), { now: NOW });
      for (const d of r.documents) {
        const plain: Annotation[] = d.annotations.map(({ coder: _coder, ...a }) => a);
        const parsed = parseSidecar(serializeSidecar(d.name, plain));
        assert.deepEqual(parsed.problems, []);
        assert.deepEqual(parsed.annotations, plain);
      }
    });

    it('nothing is overwritten: ids already in use are not reused, and annotations already there are not added again', () => {
      const copy = emptyCopy();
      const [a] = sampleDocuments();
      // The document already has the first annotation (same span and tags, another id) and uses the id of the second.
      const first = a.annotations[0];
      const second = a.annotations[1];
      copy[0] = { ...copy[0], annotations: [{ id: 'ffffffff', start: first.start, end: first.end, tags: first.tags }, { id: second.id, start: 0, end: 3, tags: ['iets'] }] };
      const r = importRefi(bytes, copy, { now: NOW });
      assert.equal(r.alreadyPresent, 1);
      const added = r.documents.find((d) => d.name === a.name)?.annotations ?? [];
      assert.equal(added.length, a.annotations.length - 1);
      assert.ok(!added.some((x) => x.id === second.id || x.id === 'ffffffff'));
      assert.equal(new Set(added.map((x) => x.id)).size, added.length);
      assert.ok(added.every((x) => /^[a-f][0-9a-f]{7}$/u.test(x.id)));
      assert.deepEqual(added.find((x) => x.quote === second.quote)?.tags, second.tags);
      // Importing twice gives the same result (ids included).
      assert.deepEqual(importRefi(bytes, copy, { now: NOW }), r);
    });
  });

  describe('what cannot be placed is reported', () => {
    const input: RefiExportInput = { documents: sampleDocuments(), codebook: SAMPLE_CODEBOOK };
    const bytes = qdpx(input);

    it('a source whose document has another text; a source whose document is missing', () => {
      const copy = emptyCopy();
      copy[0] = { ...copy[0], text: copy[0].text.replace('Nee.', 'Ja.') };
      copy.pop();
      const r = importRefi(bytes, copy, { now: NOW });
      assert.deepEqual(r.documents, []);
      assert.deepEqual(issue(r, 'textDiffers'), { kind: 'textDiffers', source: copy[0].name, document: copy[0].name, selections: 4 });
      assert.deepEqual(issue(r, 'sourceNotFound'), { kind: 'sourceNotFound', source: 'kamervragen/2024Z05678.txt', selections: 3 });
      assert.match(r.problems[0].message, /another text than kamervragen\/2024Z01234\.txt/u);
    });

    it('a text that differs only in trailing whitespace: placed by quote', () => {
      const copy = emptyCopy((t) => t.replace(/\r\n/gu, '  \r\n'));
      const r = importRefi(bytes, copy, { now: NOW });
      assert.deepEqual(r.problems, []);
      const [a] = sampleDocuments();
      const got = r.documents.find((d) => d.name === a.name)?.annotations ?? [];
      assert.equal(got.length, a.annotations.length);
      for (const x of got) {
        assert.equal(codePointSlice(copy[0].text.replace(/\r\n/gu, '\n'), x.start, x.end), x.quote);
      }
      // The passage over a line break now has the trailing spaces in it.
      assert.ok(got.some((x) => x.quote === 'Hoeveel brieven zijn 😀 teruggestuurd?  \n  \nAntwoord 2'));
    });

    it('a source found under another name, by its text', () => {
      const copy = emptyCopy().map((d, i) => ({ ...d, name: `hernoemd/${i}.txt` }));
      const r = importRefi(bytes, copy, { now: NOW });
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.documents.map((d) => [d.name, d.source]), [['hernoemd/0.txt', 'kamervragen/2024Z01234.txt'], ['hernoemd/1.txt', 'kamervragen/2024Z05678.txt']]);
    });

    it('selections out of range, unknown codes, non-text sources, missing source text', () => {
      const text = 'Vraag 1\nWat kost het?\n';
      const xml = project(`
        <CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="kosten" isCodable="true"/></Codes></CodeBook>
        <Sources>
          <TextSource guid="00000000-0000-4000-8000-000000000010" name="a.txt">
            <PlainTextContent>${text}</PlainTextContent>
            <PlainTextSelection guid="00000000-0000-4000-8000-000000000011" startPosition="8" endPosition="21">
              <Coding guid="00000000-0000-4000-8000-000000000012"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>
            </PlainTextSelection>
            <PlainTextSelection guid="00000000-0000-4000-8000-000000000013" startPosition="8" endPosition="999">
              <Coding guid="00000000-0000-4000-8000-000000000014"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>
            </PlainTextSelection>
            <PlainTextSelection guid="00000000-0000-4000-8000-000000000015" startPosition="x" endPosition="3">
              <Coding guid="00000000-0000-4000-8000-000000000016"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>
            </PlainTextSelection>
            <PlainTextSelection guid="00000000-0000-4000-8000-000000000017" startPosition="0" endPosition="5">
              <Coding guid="00000000-0000-4000-8000-000000000018"><CodeRef targetGUID="00000000-0000-4000-8000-0000000000ff"/></Coding>
            </PlainTextSelection>
          </TextSource>
          <TextSource guid="00000000-0000-4000-8000-000000000020" name="b.txt" plainTextPath="internal://weg.txt">
            <PlainTextSelection guid="00000000-0000-4000-8000-000000000021" startPosition="0" endPosition="5">
              <Coding guid="00000000-0000-4000-8000-000000000022"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding>
            </PlainTextSelection>
          </TextSource>
          <PDFSource guid="00000000-0000-4000-8000-000000000030" name="scan"/>
          <PictureSource guid="00000000-0000-4000-8000-000000000031" name="foto"/>
        </Sources>`);
      const r = importRefi(strToU8(xml), [{ name: 'a.txt', text }, { name: 'b.txt', text }], { now: NOW });
      assert.equal(r.format, 'qde');
      assert.deepEqual(r.problems.map((p) => p.issue), [
        { kind: 'notText', sources: 2 },
        { kind: 'selectionOutOfRange', source: 'a.txt', start: '8', end: '999' },
        { kind: 'selectionOutOfRange', source: 'a.txt', start: 'x', end: '3' },
        { kind: 'sourceTextMissing', source: 'b.txt', selections: 1 },
        { kind: 'unknownCode', guid: '00000000-0000-4000-8000-0000000000ff', codings: 1 },
      ]);
      assert.deepEqual(r.documents.map((d) => d.annotations.map((a) => [a.quote, a.tags, a.created])), [[['Wat kost het?', ['kosten'], NOW]]]);
    });
  });

  describe('files as other tools write them', () => {
    it('a codebook written by ATLAS.ti 23 (vendored sample)', () => {
      const r = importRefi(refiFixture('atlasti-23.4.0-codebook.qdc'), [], { now: NOW });
      assert.deepEqual(r, {
        format: 'qdc', origin: 'ATLAS.ti Win 23.4.0', codes: [{ path: 'code1', codable: true, description: 'description', color: '#46aa00' }],
        documents: [], alreadyPresent: 0, problems: [],
      });
    });

    it('ATLAS.ti\'s older codebook namespace, a byte order mark, UTF-16, and CRLF in the XML', () => {
      const xml = '<?xml version="1.0" encoding="utf-8"?>\r\n<CodeBook xmlns="urn:QDA-XML:codebook:0:4" origin="ATLAS.ti"><Codes>\r\n<Code guid="14C4E248-F726-42CB-B1CD-A65D6A86F296" name="code3" isCodable="true" color="#006EFF">\r\n<Description>popisek\r\nkódu 3</Description>\r\n<Code guid="51191CEE-BF78-4E92-9DF8-3AE66721E038" name="subcode 3.1" isCodable="true"/></Code></Codes></CodeBook>';
      const codes = [{ path: 'code3', codable: true, description: 'popisek\nkódu 3', color: '#006eff' }, { path: 'code3/subcode 3.1', codable: true }];
      assert.deepEqual(importRefi(strToU8(`\uFEFF${xml}`), []).codes, codes);
      const utf16 = new Uint8Array(2 + xml.length * 2);
      utf16.set([0xff, 0xfe]);
      for (let i = 0; i < xml.length; i++) { utf16[2 + i * 2] = xml.charCodeAt(i) & 0xff; utf16[3 + i * 2] = xml.charCodeAt(i) >> 8; }
      assert.deepEqual(importRefi(utf16, []).codes, codes);
    });

    it('a project shaped as MAXQDA writes it: upper-case GUIDs, sources/GUID.txt with a BOM and CRLF, categories, notes, coders', () => {
      const text = 'Interview 1\r\nIk vond het 👍 goed geregeld.\r\nMaar de brief kwam te laat.\r\n';
      const u1 = 'F3EA8DA1-BB99-411F-8ED4-011170237B6C';
      const u2 = '0A1B2C3D-0000-4000-8000-00000000000B';
      // Positions count code points of the source file as it is: a CRLF is two.
      const sourceFile = text;
      const cp = (s: string): number => Array.from(sourceFile.slice(0, sourceFile.indexOf(s))).length;
      const q1 = 'Ik vond het 👍 goed geregeld.';
      const q2 = 'de brief kwam te laat';
      const qde = project(`
 <Users>
  <User guid="${u1}" name="johnb"/>
  <User guid="${u2}" name="marie"/>
 </Users>
 <CodeBook>
  <Codes>
   <Code color="#EF8256" guid="C9E3D7E0-4DBF-46E2-96EF-14574ECD3B90" name="Oordeel" isCodable="false">
    <Description>Categorie</Description>
    <Code color="#ef8256" guid="C6C1BE73-B4F4-4C2D-91F1-90B73BFC5C25" name="positief" isCodable="true"/>
    <Code color="#ef8256" guid="E8B5FA57-E2EA-4588-BB48-9D0DE25A1BF1" name="negatief/kritisch" isCodable="true"/>
   </Code>
  </Codes>
 </CodeBook>
 <Sources>
  <TextSource modifyingUser="${u1}" guid="C5E4C960-5296-4FDE-8C63-DEABA4E17F92" creatingUser="${u1}" creationDateTime="2024-10-18T23:23:46Z" name="Interview 1" plainTextPath="internal://C5E4C960-5296-4FDE-8C63-DEABA4E17F92.txt" modifiedDateTime="2024-10-18T23:23:46Z">
   <PlainTextSelection guid="{7391D47A-323D-4291-8202-ED599C250828}" name="q1" startPosition="${cp(q1)}" endPosition="${cp(q1) + Array.from(q1).length}" creatingUser="${u1}" creationDateTime="2024-10-19T08:00:00Z">
    <Description>Positief over de regeling</Description>
    <Coding guid="6D0B5D8D-C3FA-492F-92C7-AABEF30CE82A" creatingUser="${u1}" creationDateTime="2024-10-19T08:00:00Z"><CodeRef targetGUID="C6C1BE73-B4F4-4C2D-91F1-90B73BFC5C25"/></Coding>
    <Coding guid="07B03AB2-5E9B-4708-9D6F-ED80C1513BAE" creatingUser="${u2}" creationDateTime="2024-10-20T09:00:00Z"><CodeRef targetGUID="E8B5FA57-E2EA-4588-BB48-9D0DE25A1BF1"/></Coding>
    <NoteRef targetGUID="1FF22868-3407-46BC-8189-6DD9E70B0885"/>
   </PlainTextSelection>
   <PlainTextSelection guid="1C693BD8-FFE2-4398-AB33-0831971751F4" startPosition="${cp(q2)}" endPosition="${cp(q2) + q2.length}" creatingUser="${u2}">
    <Coding guid="EB84B1CD-7263-4AD1-82D3-B229B7EE734A"><CodeRef targetGUID="{E8B5FA57-E2EA-4588-BB48-9D0DE25A1BF1}"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
 <Notes>
  <Note guid="1FF22868-3407-46BC-8189-6DD9E70B0885" name="memo" creatingUser="${u1}"><PlainTextContent>Memo: vaker gehoord.</PlainTextContent></Note>
 </Notes>
 <Sets><Set guid="45FE4439-9BF4-47FC-AFAF-D87305293172" name="Interviews"><MemberSource targetGUID="C5E4C960-5296-4FDE-8C63-DEABA4E17F92"/></Set></Sets>`,
      ' origin="MAXQDA 24 (Release 24.7.0)" modifiedDateTime="2025-07-14T18:42:34Z"');
      const zip = zipSync({
        'project.qde': strToU8(qde),
        'sources/C5E4C960-5296-4FDE-8C63-DEABA4E17F92.txt': new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(sourceFile)]),
      });
      // The workspace has the text with LF line breaks, under a file name.
      const workspace = [{ name: 'interviews/Interview 1.txt', text: text.replace(/\r\n/gu, '\n') }];
      const r = importRefi(zip, workspace, { now: NOW });
      assert.deepEqual(r.problems, []);
      assert.equal(r.origin, 'MAXQDA 24 (Release 24.7.0)');
      assert.deepEqual(r.codes, [
        { path: 'Oordeel', codable: false, description: 'Categorie', color: '#ef8256' },
        { path: 'Oordeel/positief', codable: true, color: '#ef8256' },
        { path: 'Oordeel/negatief\u2215kritisch', codable: true, color: '#ef8256' },
      ]);
      assert.equal(r.documents.length, 1);
      const got = r.documents[0].annotations.map(({ id, ...a }) => ({ idOk: /^[a-f][0-9a-f]{7}$/u.test(id), ...a }))
        .sort((a, b) => a.start - b.start || (a.coder ?? '').localeCompare(b.coder ?? ''));
      const lf = workspace[0].text;
      const at = (q: string): { start: number; end: number } => {
        const s = Array.from(lf.slice(0, lf.indexOf(q))).length;
        return { start: s, end: s + Array.from(q).length };
      };
      assert.deepEqual(got.map((a) => ({ idOk: a.idOk, quote: a.quote, tags: a.tags, coder: a.coder, note: a.note, created: a.created, start: a.start, end: a.end })), [
        // Two coders coded the first selection: one annotation each; the note goes with the selection's own coder.
        { idOk: true, quote: q1, tags: ['Oordeel/positief'], coder: 'johnb', note: 'Positief over de regeling\n\nMemo: vaker gehoord.', created: '2024-10-19T08:00:00Z', ...at(q1) },
        { idOk: true, quote: q1, tags: ['Oordeel/negatief\u2215kritisch'], coder: 'marie', note: undefined, created: '2024-10-20T09:00:00Z', ...at(q1) },
        { idOk: true, quote: q2, tags: ['Oordeel/negatief\u2215kritisch'], coder: 'marie', note: undefined, created: NOW, ...at(q2) },
      ]);
    });
  });

  describe('malformed input: a clear problem, never an exception', () => {
    const ok = qdpx({ documents: sampleDocuments(), codebook: SAMPLE_CODEBOOK });
    const cases: [string, Uint8Array, RefiImportIssue['kind'], RefiImportOptions?][] = [
      ['empty bytes', new Uint8Array(0), 'notRefi'],
      ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251), 'notRefi'],
      ['plain text', strToU8('Vraag 1\nWat?\n'), 'notRefi'],
      ['a zip without project.qde', zipSync({ 'sources/a.txt': strToU8('x') }), 'noProject'],
      ['a project.qde deep inside a zip', zipSync({ 'a/b/c/project.qde': strToU8(project('')) }), 'noProject'],
      ['a truncated zip', ok.slice(0, Math.floor(ok.length / 2)), 'zip'],
      ['a zip whose project.qde is not XML', zipSync({ 'project.qde': strToU8('not xml at all') }), 'xml'],
      ['XML that breaks off', strToU8(project('<CodeBook><Codes>')), 'xml'],
      ['mismatched tags', strToU8('<Project name="x"><Users></Sources></Project>'), 'xml'],
      ['another XML document', strToU8('<?xml version="1.0"?><html><body/></html>'), 'unexpectedRoot'],
      ['an entity bomb', strToU8(`<?xml version="1.0"?><!DOCTYPE p [${Array.from({ length: 10 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(10)}">`).join('').replace('&e0;'.repeat(10), 'lol'.repeat(10))}]><Project name="&e10;"/>`), 'xml'],
      ['an external entity', strToU8('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project name="a">&x;</Project>'), 'xml'],
      ['a file over the limit', strToU8(project('')), 'tooLarge', { maxFileBytes: 10 }],
      ['a project.qde over the limit once inflated (zip bomb)', zipSync({ 'project.qde': new Uint8Array(2 * 1024 * 1024).fill(32) }), 'tooLarge', { maxEntryBytes: 1024 * 1024 }],
    ];
    for (const [name, bytes, kind, options] of cases) {
      it(name, () => {
        let r: RefiImportResult | undefined;
        assert.doesNotThrow(() => { r = importRefi(bytes, emptyCopy(), { now: NOW, ...options }); });
        assert.ok(r);
        assert.deepEqual(kinds(r), [kind]);
        assert.deepEqual(r.documents, []);
        assert.ok(r.problems[0].message.length > 0);
      });
    }

    it('an XML error names its line and column', () => {
      const r = importRefi(strToU8('<?xml version="1.0"?>\n<Project name="x">\n  <Users>\n  </Userz>\n</Project>'), []);
      assert.deepEqual(issue(r, 'xml'), { kind: 'xml', detail: 'end tag </Userz> does not match <Users> (line 3)', entry: 'the file', line: 4, column: 3 });
    });

    it('a source file too large once inflated is reported; the rest is imported', () => {
      const input = { documents: sampleDocuments(), codebook: SAMPLE_CODEBOOK };
      const big = 'x'.repeat(300_000);
      const documents = [...input.documents, { name: 'groot.txt', text: big, annotations: [entry(big, 'xxxx', { id: 'f0000001', tags: ['x'] })] }];
      const r = importRefi(qdpx({ documents }), [...emptyCopy(), { name: 'groot.txt', text: big }], { now: NOW, maxEntryBytes: 200_000 });
      assert.deepEqual(r.problems.map((p) => p.issue), [{ kind: 'tooLarge', megabytes: 0.2, entry: 'source "groot.txt"' }]);
      assert.equal(r.problems[0].message, 'source "groot.txt" is larger than 0.2 MB');
      assert.equal(r.documents.length, 2);
      // Past the budget for the whole zip, sources are refused too.
      const budget = importRefi(qdpx({ documents }), [...emptyCopy(), { name: 'groot.txt', text: big }], { now: NOW, maxTotalBytes: 100_000 });
      assert.deepEqual(budget.problems.map((p) => p.message), ['source "groot.txt" was not read: the file holds more than 0.1 MB of text in all']);
      assert.equal(budget.documents.length, 2);
    });

    it('a damaged source in the zip is reported; the rest is imported', () => {
      const bytes = qdpx({ documents: sampleDocuments(), codebook: SAMPLE_CODEBOOK });
      const files = unzipSync(bytes);
      const name = Object.keys(files).find((n) => n.startsWith('sources/')) ?? '';
      // Store that source with a compressed stream that is not deflate.
      const damaged = zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, [b, { level: n === name ? 9 : 6 }]])) as never);
      const at = findEntryData(damaged, name);
      damaged.fill(0xff, at, at + 16);
      const r = importRefi(damaged, emptyCopy(), { now: NOW });
      assert.deepEqual(kinds(r), ['zip']);
      assert.match(r.problems[0].message, new RegExp(`damaged: ${name}`, 'u'));
      assert.equal(r.documents.length, 1);
    });

    it('deep nesting does not overflow the stack', () => {
      const deep = `<Project name="x"><CodeBook><Codes>${'<Code guid="a" name="c" isCodable="true">'.repeat(400)}${'</Code>'.repeat(400)}</Codes></CodeBook></Project>`;
      const r = importRefi(strToU8(deep), []);
      assert.deepEqual(r.problems, []);
      assert.equal(r.codes.length, 400);
      assert.equal(r.codes[399].path.split('/').length, 400);
      const tooDeep = `<Project name="x">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</Project>`;
      assert.deepEqual(kinds(importRefi(strToU8(tooDeep), [])), ['xml']);
    });
  });

  it('a selection GUID that starts with an id-like group gives that id, unless the document uses it', () => {
    const text = 'Vraag 1\nWat kost het?\n';
    const qde = (guid: string): Uint8Array => strToU8(project(`<CodeBook><Codes><Code guid="00000000-0000-4000-8000-000000000001" name="k" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="00000000-0000-4000-8000-000000000010" name="a.txt"><PlainTextContent>${text}</PlainTextContent>
      <PlainTextSelection guid="${guid}" startPosition="8" endPosition="21"><Coding guid="00000000-0000-4000-8000-000000000012"><CodeRef targetGUID="00000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>
      </TextSource></Sources>`));
    const ids = (guid: string, taken: string[] = []): string[] =>
      importRefi(qde(guid), [{ name: 'a.txt', text, annotations: taken.map((id) => ({ id, start: 0, end: 1, tags: [] })) }]).documents[0].annotations.map((a) => a.id);
    assert.deepEqual(ids('ABCDEF12-0000-4000-8000-000000000011'), ['abcdef12']);
    assert.deepEqual(ids('{abcdef12-0000-4000-8000-000000000011}'), ['abcdef12']);
    const other = ids('ABCDEF12-0000-4000-8000-000000000011', ['abcdef12']);
    assert.notDeepEqual(other, ['abcdef12']);
    assert.match(other[0], /^[a-f][0-9a-f]{7}$/u);
    const digits = ids('12345678-0000-4000-8000-000000000011');
    assert.match(digits[0], /^[a-f][0-9a-f]{7}$/u);
  });

  it('an annotation made in the editor survives export and import unchanged (createAnnotation, sidecar round trip)', () => {
    const text = 'Antwoord 3\r\nDe 👩‍👩‍👧 familie 𝄞 krijgt\r\nsteun.\r\n';
    const start = text.indexOf('familie');
    const a = createAnnotation(text, start, text.indexOf('steun.') + 6, { id: 'c0ffee00', tags: ['steun'], note: 'n', created: '2026-01-01T00:00:00Z' });
    const r = importRefi(qdpx({ documents: [{ name: 'x.txt', text, annotations: [a] }] }), [{ name: 'x.txt', text }]);
    assert.deepEqual(r.documents[0].annotations, [a]);
  });
});

type RefiImportOptions = Parameters<typeof importRefi>[2];

/** Where the compressed data of entry `name` starts in a zip (after its local header). */
function findEntryData(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 30 < zip.length; i++) {
    if (view.getUint32(i, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(i + 26, true);
    const extra = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(zip.subarray(i + 30, i + 30 + nameLength)) === name) return i + 30 + nameLength + extra;
  }
  throw new Error(`no entry ${name}`);
}
