/**
 * The XML that REFI-QDA needs, both ways, in pure TypeScript (the extension also runs in a
 * browser, where no XML library of Node is available).
 *
 * - Writing: escaping of text and attribute values, with characters XML 1.0 does not allow
 *   replaced by U+FFFD.
 * - Reading: a small non-validating parser for the subset REFI-QDA files use: elements,
 *   attributes, text, CDATA, comments, processing instructions and a DOCTYPE that is skipped.
 *   Only the five predefined entities and character references are expanded; any other entity
 *   reference is an error, so that an entity declared in a DOCTYPE can never be expanded
 *   (no "billion laughs", no external entities). Iterative, so deep nesting cannot overflow the
 *   stack; bounded in depth and attribute count. Never throws: errors come back as data with
 *   their line and column.
 */

/** Characters XML 1.0 does not allow (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** `s` with characters XML cannot hold replaced by U+FFFD. */
export function xmlSafe(s: string): string {
  return s.replace(INVALID_XML_CHARS, '\uFFFD');
}

/** Text content: `&`, `<`, `>` escaped; CR kept as a character reference (a parser would turn it into LF). */
export function escapeText(s: string): string {
  return xmlSafe(s).replace(/[&<>\r]/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;'));
}

/** An attribute value in double quotes: also `"`, and tab, LF and CR as references (a parser would turn them into spaces). */
export function escapeAttribute(s: string): string {
  return xmlSafe(s).replace(/[&<>"\t\n\r]/gu, (c) => {
    switch (c) {
      case '&': return '&amp;';
      case '<': return '&lt;';
      case '>': return '&gt;';
      case '"': return '&quot;';
      case '\t': return '&#9;';
      case '\n': return '&#10;';
      default: return '&#13;';
    }
  });
}

/** One element of a parsed document. */
export interface XmlElement {
  /** The qualified name, as written ("xsd:schema"). */
  readonly name: string;
  /** The name without its prefix ("schema"). */
  readonly local: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: XmlElement[];
  /** The element's own text (its text and CDATA children, concatenated; not that of its descendants). */
  text: string;
  /** 1-based line of its start tag. */
  readonly line: number;
}

export interface XmlError {
  readonly message: string;
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

export type XmlParseResult = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly error: XmlError };

/** Elements nested deeper than this are refused (REFI-QDA code trees are a few levels deep). */
export const MAX_XML_DEPTH = 512;
/** Attributes per element beyond this are refused. */
const MAX_ATTRIBUTES = 256;

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' };

class XmlSyntaxError extends Error {
  constructor(message: string, readonly at: number) {
    super(message);
  }
}

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7);
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The value of a character reference, or undefined when it names no character XML allows. */
function charRef(body: string): string | undefined {
  const code = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
  const digits = body.startsWith('#x') ? /^#x[0-9a-fA-F]{1,6}$/u : /^#[0-9]{1,7}$/u;
  if (!digits.test(body) || !Number.isFinite(code) || code > 0x10ffff) return undefined;
  const ok = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
  return ok ? String.fromCodePoint(code) : undefined;
}

/**
 * Parses an XML document (a string: the caller decodes the bytes). Line breaks are normalised to
 * LF first, as XML requires. Whitespace-only text between elements is kept in `text` as it is.
 */
export function parseXml(input: string): XmlParseResult {
  const s = input.includes('\r') ? input.replace(/\r\n?/gu, '\n') : input;
  try {
    return { ok: true, root: parse(s) };
  } catch (error) {
    const at = error instanceof XmlSyntaxError ? error.at : 0;
    const message = error instanceof Error ? error.message : String(error);
    let line = 1;
    let lineStart = 0;
    for (let i = s.indexOf('\n'); i >= 0 && i < at; i = s.indexOf('\n', i + 1)) { line++; lineStart = i + 1; }
    return { ok: false, error: { message, line, column: at - lineStart + 1 } };
  }
}

function parse(s: string): XmlElement {
  let i = 0;
  const n = s.length;
  const fail = (message: string, at = i): never => { throw new XmlSyntaxError(message, at); };
  let line = 1;
  let lineCountedTo = 0;
  const lineAt = (at: number): number => {
    for (let k = s.indexOf('\n', lineCountedTo); k >= 0 && k < at; k = s.indexOf('\n', k + 1)) line++;
    lineCountedTo = Math.max(lineCountedTo, at);
    return line;
  };

  const readName = (): string => {
    const start = i;
    if (i >= n || !isNameStart(s.charCodeAt(i))) fail('expected a name');
    i++;
    while (i < n && isNameChar(s.charCodeAt(i))) i++;
    return s.slice(start, i);
  };
  const skipSpace = (): void => {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
  };
  /** Text with references expanded, up to `stop` (exclusive). */
  const expand = (from: number, to: number, attribute: boolean): string => {
    // Searched within the slice: a search in `s` would run on to the next "&" of the document.
    const t = s.slice(from, to);
    let out = '';
    let k = 0;
    while (k < t.length) {
      const amp = t.indexOf('&', k);
      const end = amp < 0 ? t.length : amp;
      let chunk = t.slice(k, end);
      if (attribute) chunk = chunk.replace(/[\t\n]/gu, ' ');
      out += chunk;
      if (end === t.length) break;
      const semi = t.indexOf(';', amp);
      if (semi < 0 || semi - amp > 12) fail('an "&" that starts no reference (write &amp;)', from + amp);
      const body = t.slice(amp + 1, semi);
      if (body.startsWith('#')) {
        const c = charRef(body);
        if (c === undefined) fail(`invalid character reference &${body};`, from + amp);
        out += c;
      } else if (Object.prototype.hasOwnProperty.call(PREDEFINED, body)) {
        out += PREDEFINED[body];
      } else {
        fail(`entity &${body}; is not expanded (only the predefined entities and character references are)`, from + amp);
      }
      k = semi + 1;
    }
    return out;
  };
  const skipComment = (): void => {
    const end = s.indexOf('-->', i + 4);
    if (end < 0) fail('unterminated comment');
    i = end + 3;
  };
  const skipPi = (): void => {
    const end = s.indexOf('?>', i + 2);
    if (end < 0) fail('unterminated processing instruction');
    i = end + 2;
  };
  const skipDoctype = (): void => {
    // <!DOCTYPE name ... [ internal subset ] >: skipped whole; its entities are never used.
    let k = i + 9;
    let depth = 0;
    let quote = 0;
    for (; k < n; k++) {
      const c = s.charCodeAt(k);
      if (quote) { if (c === quote) quote = 0; continue; }
      if (c === 60 && (s.startsWith('<!--', k) || s.startsWith('<?', k))) {
        // A comment or PI in the internal subset may hold "]" and ">".
        const end = s.indexOf(s.startsWith('<!--', k) ? '-->' : '?>', k + 2);
        if (end < 0) break;
        k = end + (s.startsWith('<!--', k) ? 2 : 1);
        continue;
      }
      if (c === 34 || c === 39) quote = c;
      else if (c === 91) depth++;
      else if (c === 93) depth--;
      else if (c === 62 && depth <= 0) break;
    }
    if (k >= n) fail('unterminated DOCTYPE');
    i = k + 1;
  };

  // Prolog: XML declaration, comments, PIs, DOCTYPE.
  if (s.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    skipSpace();
    if (s.startsWith('<?', i)) skipPi();
    else if (s.startsWith('<!--', i)) skipComment();
    else if (s.startsWith('<!DOCTYPE', i)) skipDoctype();
    else break;
  }
  if (i >= n || s.charCodeAt(i) !== 60) fail(i >= n ? 'no root element' : 'expected "<" of the root element');

  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 60) {
      // Text.
      const lt = s.indexOf('<', i);
      const end = lt < 0 ? n : lt;
      if (stack.length === 0) {
        if (s.slice(i, end).trim() !== '') fail('text after the root element');
      } else {
        if (s.slice(i, end).includes(']]>')) fail('"]]>" in text', s.indexOf(']]>', i));
        stack[stack.length - 1].text += expand(i, end, false);
      }
      i = end;
      continue;
    }
    if (s.startsWith('<!--', i)) { skipComment(); continue; }
    if (s.startsWith('<?', i)) { skipPi(); continue; }
    if (s.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) fail('unterminated CDATA section');
      stack[stack.length - 1].text += s.slice(i + 9, end);
      i = end + 3;
      continue;
    }
    if (s.startsWith('<!', i)) fail('unexpected markup declaration');
    if (s.charCodeAt(i + 1) === 47) {
      // End tag.
      const at = i;
      i += 2;
      const name = readName();
      skipSpace();
      if (s.charCodeAt(i) !== 62) fail('expected ">" to close the end tag');
      i++;
      const open = stack.pop();
      if (!open) fail(`end tag </${name}> without a start tag`, at);
      else if (open.name !== name) fail(`end tag </${name}> does not match <${open.name}> (line ${open.line})`, at);
      continue;
    }
    // Start tag.
    if (root && stack.length === 0) fail('a second root element');
    const at = i;
    i++;
    const name = readName();
    const attributes = new Map<string, string>();
    let selfClosing = false;
    for (;;) {
      const before = i;
      skipSpace();
      if (i >= n) fail(`unterminated start tag <${name}>`, at);
      const d = s.charCodeAt(i);
      if (d === 62) { i++; break; }
      if (d === 47 && s.charCodeAt(i + 1) === 62) { i += 2; selfClosing = true; break; }
      if (i === before) fail('expected a space before the attribute');
      const attrAt = i;
      const key = readName();
      skipSpace();
      if (s.charCodeAt(i) !== 61) fail(`expected "=" after attribute ${key}`);
      i++;
      skipSpace();
      const q = s.charCodeAt(i);
      if (q !== 34 && q !== 39) fail(`expected a quoted value for attribute ${key}`);
      const close = s.indexOf(q === 34 ? '"' : "'", i + 1);
      if (close < 0) fail(`unterminated value of attribute ${key}`);
      if (s.slice(i + 1, close).includes('<')) fail(`"<" in the value of attribute ${key}`, s.indexOf('<', i + 1));
      if (attributes.has(key)) fail(`attribute ${key} twice`, attrAt);
      if (attributes.size >= MAX_ATTRIBUTES) fail('too many attributes', attrAt);
      attributes.set(key, expand(i + 1, close, true));
      i = close + 1;
    }
    const colon = name.indexOf(':');
    const element: XmlElement = { name, local: colon >= 0 ? name.slice(colon + 1) : name, attributes, children: [], text: '', line: lineAt(at) };
    if (stack.length > 0) stack[stack.length - 1].children.push(element);
    else root = element;
    if (!selfClosing) {
      if (stack.length >= MAX_XML_DEPTH) fail(`elements nested deeper than ${MAX_XML_DEPTH}`, at);
      stack.push(element);
    }
  }
  if (stack.length > 0) fail(`<${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed`, n);
  if (!root) return fail('no root element');
  return root;
}

/** The children of `e` with local name `local`. */
export function childrenNamed(e: XmlElement, local: string): XmlElement[] {
  return e.children.filter((c) => c.local === local);
}

/** The first child of `e` with local name `local`. */
export function childNamed(e: XmlElement, local: string): XmlElement | undefined {
  return e.children.find((c) => c.local === local);
}
