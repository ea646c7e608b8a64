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
function xmlSafe(s: string): string {
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
const MAX_XML_DEPTH = 512;
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
  return new XmlReader(s).document();
}

/** A cursor over the text of one XML document: one method per construct. */
class XmlReader {
  private i = 0;
  private readonly n: number;
  private line = 1;
  private lineCountedTo = 0;
  private readonly stack: XmlElement[] = [];
  private root: XmlElement | undefined;

  constructor(private readonly s: string) {
    this.n = s.length;
  }

  private fail(message: string, at = this.i): never {
    throw new XmlSyntaxError(message, at);
  }

  /** The line of `at`; calls come in text order, so the text is counted once. */
  private lineAt(at: number): number {
    const s = this.s;
    for (let k = s.indexOf('\n', this.lineCountedTo); k >= 0 && k < at; k = s.indexOf('\n', k + 1)) this.line++;
    this.lineCountedTo = Math.max(this.lineCountedTo, at);
    return this.line;
  }

  private readName(): string {
    const start = this.i;
    if (this.i >= this.n || !isNameStart(this.s.charCodeAt(this.i))) this.fail('expected a name');
    this.i++;
    while (this.i < this.n && isNameChar(this.s.charCodeAt(this.i))) this.i++;
    return this.s.slice(start, this.i);
  }

  private skipSpace(): void {
    while (this.i < this.n && isSpace(this.s.charCodeAt(this.i))) this.i++;
  }

  /** Text with references expanded, [from, to). */
  private expand(from: number, to: number, attribute: boolean): string {
    // Searched within the slice: a search in `s` would run on to the next "&" of the document.
    const t = this.s.slice(from, to);
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
      if (semi < 0 || semi - amp > 12) this.fail('an "&" that starts no reference (write &amp;)', from + amp);
      out += this.reference(t.slice(amp + 1, semi), from + amp);
      k = semi + 1;
    }
    return out;
  }

  /** The character a reference `&body;` stands for. */
  private reference(body: string, at: number): string {
    if (body.startsWith('#')) {
      const c = charRef(body);
      return c ?? this.fail(`invalid character reference &${body};`, at);
    }
    if (Object.prototype.hasOwnProperty.call(PREDEFINED, body)) return PREDEFINED[body];
    return this.fail(`entity &${body}; is not expanded (only the predefined entities and character references are)`, at);
  }

  private skipPast(terminator: string, from: number, what: string): void {
    const end = this.s.indexOf(terminator, from);
    if (end < 0) this.fail(`unterminated ${what}`);
    this.i = end + terminator.length;
  }

  private skipComment(): void {
    this.skipPast('-->', this.i + 4, 'comment');
  }

  private skipPi(): void {
    this.skipPast('?>', this.i + 2, 'processing instruction');
  }

  /** <!DOCTYPE name ... [ internal subset ] >: skipped whole; its entities are never used. */
  private skipDoctype(): void {
    const s = this.s;
    let k = this.i + 9;
    let depth = 0;
    let quote = 0;
    for (; k < this.n; k++) {
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
    if (k >= this.n) this.fail('unterminated DOCTYPE');
    this.i = k + 1;
  }

  /** XML declaration, comments, PIs, DOCTYPE, up to the root element. */
  private prolog(): void {
    const s = this.s;
    if (s.charCodeAt(0) === 0xfeff) this.i = 1;
    for (;;) {
      this.skipSpace();
      if (s.startsWith('<?', this.i)) this.skipPi();
      else if (s.startsWith('<!--', this.i)) this.skipComment();
      else if (s.startsWith('<!DOCTYPE', this.i)) this.skipDoctype();
      else break;
    }
    if (this.i >= this.n || s.charCodeAt(this.i) !== 60) this.fail(this.i >= this.n ? 'no root element' : 'expected "<" of the root element');
  }

  document(): XmlElement {
    const s = this.s;
    this.prolog();
    while (this.i < this.n) {
      if (s.charCodeAt(this.i) !== 60) this.text();
      else if (s.startsWith('<!--', this.i)) this.skipComment();
      else if (s.startsWith('<?', this.i)) this.skipPi();
      else if (s.startsWith('<![CDATA[', this.i)) this.cdata();
      else if (s.startsWith('<!', this.i)) this.fail('unexpected markup declaration');
      else if (s.charCodeAt(this.i + 1) === 47) this.endTag();
      else this.startTag();
    }
    const open = this.stack[this.stack.length - 1];
    if (open) this.fail(`<${open.name}> (line ${open.line}) is never closed`, this.n);
    return this.root ?? this.fail('no root element');
  }

  private text(): void {
    const s = this.s;
    const lt = s.indexOf('<', this.i);
    const end = lt < 0 ? this.n : lt;
    const open = this.stack[this.stack.length - 1];
    if (!open) {
      if (s.slice(this.i, end).trim() !== '') this.fail('text after the root element');
    } else {
      if (s.slice(this.i, end).includes(']]>')) this.fail('"]]>" in text', s.indexOf(']]>', this.i));
      open.text += this.expand(this.i, end, false);
    }
    this.i = end;
  }

  private cdata(): void {
    const open = this.stack[this.stack.length - 1] ?? this.fail('CDATA outside the root element');
    const end = this.s.indexOf(']]>', this.i + 9);
    if (end < 0) this.fail('unterminated CDATA section');
    open.text += this.s.slice(this.i + 9, end);
    this.i = end + 3;
  }

  private endTag(): void {
    const at = this.i;
    this.i += 2;
    const name = this.readName();
    this.skipSpace();
    if (this.s.charCodeAt(this.i) !== 62) this.fail('expected ">" to close the end tag');
    this.i++;
    const open = this.stack.pop();
    if (!open) this.fail(`end tag </${name}> without a start tag`, at);
    else if (open.name !== name) this.fail(`end tag </${name}> does not match <${open.name}> (line ${open.line})`, at);
  }

  private startTag(): void {
    if (this.root && this.stack.length === 0) this.fail('a second root element');
    const at = this.i;
    this.i++;
    const name = this.readName();
    const attributes = new Map<string, string>();
    const selfClosing = this.attributes(name, at, attributes);
    const colon = name.indexOf(':');
    const element: XmlElement = { name, local: colon >= 0 ? name.slice(colon + 1) : name, attributes, children: [], text: '', line: this.lineAt(at) };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.root = element;
    if (!selfClosing) {
      if (this.stack.length >= MAX_XML_DEPTH) this.fail(`elements nested deeper than ${MAX_XML_DEPTH}`, at);
      this.stack.push(element);
    }
  }

  /** Reads the attributes of a start tag into `into`, up to its ">" or "/>"; true for "/>". */
  private attributes(name: string, at: number, into: Map<string, string>): boolean {
    const s = this.s;
    for (;;) {
      const before = this.i;
      this.skipSpace();
      if (this.i >= this.n) this.fail(`unterminated start tag <${name}>`, at);
      const d = s.charCodeAt(this.i);
      if (d === 62) { this.i++; return false; }
      if (d === 47 && s.charCodeAt(this.i + 1) === 62) { this.i += 2; return true; }
      if (this.i === before) this.fail('expected a space before the attribute');
      const attrAt = this.i;
      const key = this.readName();
      this.skipSpace();
      if (s.charCodeAt(this.i) !== 61) this.fail(`expected "=" after attribute ${key}`);
      this.i++;
      this.skipSpace();
      const q = s.charCodeAt(this.i);
      if (q !== 34 && q !== 39) this.fail(`expected a quoted value for attribute ${key}`);
      const close = s.indexOf(q === 34 ? '"' : "'", this.i + 1);
      if (close < 0) this.fail(`unterminated value of attribute ${key}`);
      if (s.slice(this.i + 1, close).includes('<')) this.fail(`"<" in the value of attribute ${key}`, s.indexOf('<', this.i + 1));
      if (into.has(key)) this.fail(`attribute ${key} twice`, attrAt);
      if (into.size >= MAX_ATTRIBUTES) this.fail('too many attributes', attrAt);
      into.set(key, this.expand(this.i + 1, close, true));
      this.i = close + 1;
    }
  }
}

/** The children of `e` with local name `local`. */
export function childrenNamed(e: XmlElement, local: string): XmlElement[] {
  return e.children.filter((c) => c.local === local);
}

/** The first child of `e` with local name `local`. */
export function childNamed(e: XmlElement, local: string): XmlElement | undefined {
  return e.children.find((c) => c.local === local);
}
