/**
 * Stable GUIDs for REFI-QDA exports: name-based UUIDs (RFC 9562 version 5, SHA-1), so that a
 * second export of unchanged data gives the same GUIDs and so the same bytes. Pure: a small SHA-1
 * of our own (no crypto API, which is asynchronous in browsers), run on short names only.
 */

const encoder = new TextEncoder();

/** UTF-8 bytes of a string (lone surrogates as U+FFFD): TextEncoder, in Node and browsers alike. */
export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

/** The message schedule, reused: `sha1` runs thousands of times per export on short names. */
const W = new Int32Array(80);

/** SHA-1 (FIPS 180-4) of some bytes: 20 bytes. Not for security: for name-based UUIDs only. */
export function sha1(data: Uint8Array): Uint8Array {
  const length = data.length;
  const padded = new Uint8Array(((length + 9 + 63) >> 6) << 6);
  padded.set(data);
  padded[length] = 0x80;
  // The length in bits, big-endian, in the last 8 bytes (the high word for inputs over 512 MB).
  const high = Math.floor(length / 0x20000000);
  const low = (length * 8) >>> 0;
  const end = padded.length;
  padded[end - 8] = high >>> 24; padded[end - 7] = high >>> 16; padded[end - 6] = high >>> 8; padded[end - 5] = high;
  padded[end - 4] = low >>> 24; padded[end - 3] = low >>> 16; padded[end - 2] = low >>> 8; padded[end - 1] = low;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  const w = W;
  for (let block = 0; block < end; block += 64) {
    for (let i = 0, j = block; i < 16; i++, j += 4) w[i] = (padded[j] << 24) | (padded[j + 1] << 16) | (padded[j + 2] << 8) | padded[j + 3];
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
      w[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    // The four rounds of 20 steps each: their own loops, so no step asks which round it is in.
    for (let i = 0; i < 20; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (~b & d)) + e + 0x5a827999 + w[i]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 20; i < 40; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0x6ed9eba1 + w[i]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 40; i < 60; i++) {
      const t = (((a << 5) | (a >>> 27)) + ((b & c) | (b & d) | (c & d)) + e + 0x8f1bbcdc + w[i]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    for (let i = 60; i < 80; i++) {
      const t = (((a << 5) | (a >>> 27)) + (b ^ c ^ d) + e + 0xca62c1d6 + w[i]) | 0;
      e = d; d = c; c = (b << 30) | (b >>> 2); b = a; a = t;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((h, i) => {
    out[i * 4] = h >>> 24; out[i * 4 + 1] = h >>> 16; out[i * 4 + 2] = h >>> 8; out[i * 4 + 3] = h;
  });
  return out;
}

/** Two hex digits per byte value. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX[bytes[i]];
  return s;
}

/** A UUID's 16 bytes, from its text form (with or without braces and hyphens). */
function uuidBytes(uuid: string): Uint8Array {
  const h = uuid.replace(/[{}-]/gu, '');
  if (!/^[0-9a-fA-F]{32}$/u.test(h)) throw new Error(`not a UUID: ${uuid}`);
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = parseInt(h.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function format(b: Uint8Array): string {
  const h = hex(b);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const namespaces = new Map<string, Uint8Array>();

/** The namespace's bytes followed by the name's UTF-8 (names are mostly ASCII: copied as they are, no encoder). */
function withName(ns: Uint8Array, name: string): Uint8Array {
  let ascii = true;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (!ascii) {
    const n = utf8(name);
    const input = new Uint8Array(ns.length + n.length);
    input.set(ns);
    input.set(n, ns.length);
    return input;
  }
  const input = new Uint8Array(ns.length + name.length);
  input.set(ns);
  for (let i = 0; i < name.length; i++) input[ns.length + i] = name.charCodeAt(i);
  return input;
}

/** The version 5 (SHA-1, name-based) UUID of `name` in `namespace`, lower case. */
export function uuidV5(namespace: string, name: string): string {
  let ns = namespaces.get(namespace);
  if (!ns) namespaces.set(namespace, (ns = uuidBytes(namespace)));
  const input = withName(ns, name);
  const b = sha1(input).subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  return format(b);
}

/** The namespace of every GUID Kamerstukken writes (a fixed random UUID; never change it). */
const KAMERSTUKKEN_NAMESPACE = '4f0b8d36-5e1c-4c55-9a57-2b3a9c6f1d20';

/**
 * The GUID of one thing in an export: a version 5 UUID of its kind and the names that identify it
 * (document name, annotation id, code path ...), unambiguous whatever characters the names hold.
 */
export function refiGuid(kind: string, ...names: readonly string[]): string {
  return uuidV5(KAMERSTUKKEN_NAMESPACE, JSON.stringify([kind, ...names]));
}

/** Sidecar ids as `newId` makes them (8 hex digits, the first a letter); hand-written ids may differ. */
const SIDECAR_ID = /^[a-f][0-9a-f]{7}$/u;

/**
 * The GUID of an annotation's selection. When the id looks like one the extension makes, it is
 * the first group of the GUID (the rest still comes from the name-based UUID of document and id),
 * so that importing the export gives the annotation back with its own id; otherwise the plain
 * name-based UUID.
 */
export function selectionGuid(document: string, id: string): string {
  const guid = refiGuid('selection', document, id);
  return SIDECAR_ID.test(id) ? id + guid.slice(8) : guid;
}

/** The annotation id a selection GUID carries (see `selectionGuid`), if any. */
export function idFromSelectionGuid(guid: string): string | undefined {
  const first = guid.replace(/^\{/u, '').slice(0, 8).toLowerCase();
  return SIDECAR_ID.test(first) ? first : undefined;
}
