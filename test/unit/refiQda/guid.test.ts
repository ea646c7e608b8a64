import * as assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { idFromSelectionGuid, refiGuid, selectionGuid, sha1, utf8, uuidV5 } from '../../../src/core/refiQda/guid';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('REFI-QDA GUIDs', () => {
  it('SHA-1 gives the FIPS 180 test vectors', () => {
    assert.equal(hex(sha1(utf8(''))), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
    assert.equal(hex(sha1(utf8('abc'))), 'a9993e364706816aba3e25717850c26c9cd0d89d');
    assert.equal(hex(sha1(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))), '84983e441c3bd26ebaae4aa1f95129e5e54670f1');
  });

  it('SHA-1 agrees with Node at every length around the block and padding boundaries', () => {
    for (let n = 0; n < 200; n++) {
      const data = randomBytes(n);
      assert.equal(hex(sha1(new Uint8Array(data))), createHash('sha1').update(data).digest('hex'), `length ${n}`);
    }
  });

  it('UTF-8 as Node encodes it, astral characters and lone surrogates included', () => {
    for (const s of ['', 'abc', 'Financiën', '😀 𝄞 👩‍👩‍👧', 'a\uD800b', '\uDC00', '\uFFFF\u0000']) {
      assert.equal(hex(utf8(s)), Buffer.from(s, 'utf8').toString('hex'), JSON.stringify(s));
    }
  });

  it('version 5 UUIDs as RFC 9562 makes them', () => {
    // The DNS namespace example (RFC 9562, appendix A.4).
    assert.equal(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com'), '2ed6657d-e927-568b-95e1-2665a8aea6a2');
    // Names with and without non-ASCII characters, against node:crypto's SHA-1 of namespace + UTF-8 name.
    const ns = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
    for (const name of ['www.example.com', 'Financiën/ë', '😀 𝄞', 'a\uD800b', '']) {
      const digest = createHash('sha1').update(Buffer.concat([Buffer.from(ns.replace(/-/gu, ''), 'hex'), Buffer.from(name, 'utf8')])).digest();
      digest[6] = (digest[6] & 0x0f) | 0x50;
      digest[8] = (digest[8] & 0x3f) | 0x80;
      const h = digest.subarray(0, 16).toString('hex');
      assert.equal(uuidV5(ns, name), `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, JSON.stringify(name));
    }
    assert.match(refiGuid('code', 'beleid/toezegging'), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
  });

  it('GUIDs are stable and tell kinds and names apart', () => {
    assert.equal(refiGuid('source', 'a.txt'), refiGuid('source', 'a.txt'));
    const all = [refiGuid('source', 'a.txt'), refiGuid('case', 'a.txt'), refiGuid('source', 'b.txt'), refiGuid('note', 'a', 'b'), refiGuid('note', 'a,b'), refiGuid('note', 'a", "b')];
    assert.equal(new Set(all).size, all.length);
  });

  it('a selection GUID carries a sidecar-style id, and only such an id', () => {
    const g = selectionGuid('doc.txt', 'a1b2c3d4');
    assert.match(g, /^a1b2c3d4-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/u);
    assert.equal(idFromSelectionGuid(g), 'a1b2c3d4');
    assert.notEqual(selectionGuid('other.txt', 'a1b2c3d4'), g);
    assert.equal(selectionGuid('doc.txt', 'mijn-id'), refiGuid('selection', 'doc.txt', 'mijn-id'));
    assert.equal(idFromSelectionGuid('{C0FFEE00-0000-4000-8000-000000000000}'), 'c0ffee00');
    assert.equal(idFromSelectionGuid('12345678-0000-4000-8000-000000000000'), undefined);
  });
});
