/**
 * The corpus record of one document: what the corpus needs of it without its text. Plain
 * JSON-serialisable data with a version, so a cache can keep records across restarts (when to
 * rebuild, by mtime and size, is the caller's decision; a record of another version is rebuilt).
 */
import { shareBaseNumber } from '../numbers';
import type { DocRef, DocumentKind, ParsedDocument, QaBlock, QuestionNumber } from '../model';
import { parseDocument, summariseDocument, type DocumentSummary } from '../parser';
import { cleanText } from '../text';
import { cleanRange } from './cleanRange';
import { fold } from './fold';
import { LineCounter } from './lines';
import { identitiesOfRef, identityKey, ownIdentities } from './identity';
import { extractPostponement, isPostponementText, normaliseAskers, type PostponedQuestions } from './postponement';

/** The record format. Bump on any change of what a record holds or how it is read. */
export const CORPUS_RECORD_VERSION = 2;

/**
 * The part a document plays in a question set: the questions alone (as submitted), the answer
 * (usually with the questions), or a postponement notice. Undefined for other documents.
 */
export type SetRole = 'questions' | 'answer' | 'postponement';

export interface BlockRecord {
  readonly kind: 'question' | 'answer';
  /** The label as written ("Vraag 1 en 2"), or "Vraag 3" for an implicit one. */
  readonly label: string;
  readonly numbers: readonly QuestionNumber[];
  /** UTF-16 offsets of the block (label included) in the text as read. */
  readonly start: number;
  readonly end: number;
  /** 0-based line and character (UTF-16) of the label's start, for a location without the text. */
  readonly line: number;
  readonly character: number;
  /** The block's text after the label, cleaned for display (line breaks and hyphenation removed). */
  readonly text: string;
  /** For answers: index into `blocks` of the question it belongs under, if any. */
  readonly parent?: number;
}

/** A reference to another document: its identity key (see identity.ts) and where it is. */
export interface ReferenceRecord {
  readonly key: string;
  /** UTF-16 offsets in the text as read. */
  readonly start: number;
  readonly end: number;
  /** 0-based line and character (UTF-16) of its start and end, for a location without the text. */
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export interface CorpusRecord {
  readonly version: typeof CORPUS_RECORD_VERSION;
  readonly kind: DocumentKind;
  readonly role?: SetRole;
  /** The title: the questions' header sentence, a page's title, or for a notice the questions it names. */
  readonly title?: string;
  /** What the questions are about ("de situatie in Oekraïne"), from the title. */
  readonly subject?: string;
  readonly askedBy: readonly string[];
  readonly parties: readonly string[];
  readonly addressedTo?: string;
  /** "Minister Van Weyenberg (Financiën)"; for a notice, who sends it. */
  readonly answeredBy?: string;
  /** ISO date the questions were submitted ("ingezonden"), as this document says. */
  readonly submitted?: string;
  /** ISO date this answer or notice was received ("ontvangen"; a notice's letter date). */
  readonly received?: string;
  /** Questions: distinct question numbers, or question blocks where they have none. */
  readonly questionCount: number;
  readonly answerCount: number;
  readonly footnoteCount: number;
  /** Keys of the identities the document gives itself (see `ownIdentities`), in order found. */
  readonly identities: readonly string[];
  /** References to other documents in text order (its own identities left out). */
  readonly references: readonly ReferenceRecord[];
  /** For a postponement notice: the questions it postpones. */
  readonly postpones?: PostponedQuestions;
  readonly blocks: readonly BlockRecord[];
  /** Set when the parser failed on the text (the record is then mostly empty). */
  readonly error?: string;
}

/** Whether a cached value is a record this code can use (same version, the fields it reads). */
export function isCorpusRecord(value: unknown): value is CorpusRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return r.version === CORPUS_RECORD_VERSION && typeof r.kind === 'string' && Array.isArray(r.askedBy)
    && Array.isArray(r.parties) && Array.isArray(r.identities) && Array.isArray(r.references) && Array.isArray(r.blocks)
    && typeof r.questionCount === 'number';
}

/** What a caller needs of a record, when not all of it. */
export interface RecordOptions {
  /**
   * Whether blocks carry their cleaned text (`BlockRecord.text`); default true. Without, every
   * block's text is empty: for a caller that never reads them (the command line's CSV table).
   */
  readonly blockTexts?: boolean;
  /**
   * Whether the record lists its blocks; default true. Without, `blocks` is empty (the counts of
   * questions and answers are still there): for a caller that reads no block (the CSV table).
   */
  readonly blocks?: boolean;
  /** Whether the record lists its references to other documents; default true. Without, `references` is empty. */
  readonly references?: boolean;
}

/** The record of a text. Never throws; linear in the text's length. */
export function buildRecord(text: string, options?: RecordOptions): CorpusRecord {
  // Without blocks and references the record reads only the parse's summary.
  if (options?.blocks === false && options.references === false) return ownStrings(recordOf(text, summariseDocument(text)));
  // The record reads no cross-references: the parser need not find them.
  const parsed = parseDocument(text, { crossRefs: false });
  const record = recordOf(text, summaryOf(parsed));
  if (options?.blocks !== false) record.blocks = blockRecords(text, parsed.blocks, options?.blockTexts !== false);
  if (options?.references !== false) record.references = referenceRecords(text, parsed.docRefs, record.identities);
  return ownStrings(record);
}

/** What `recordOf` reads of a model: its summary. */
function summaryOf(parsed: ParsedDocument): DocumentSummary {
  const { kind, metadata, headers, blocks, error } = parsed;
  return error === undefined
    ? { kind, metadata, headers, blocks, footnoteCount: parsed.footnotes.length }
    : { kind, metadata, headers, blocks, footnoteCount: parsed.footnotes.length, error };
}

/** Strings this long may share the memory of the string they were cut from (V8's sliced strings). */
const SLICED_MIN_LENGTH = 13;

/**
 * The record with every string cut from the text (or joined from such cuts) replaced by a copy of
 * its own: a title or a name that shares the text's memory keeps the whole text alive for as long
 * as the record lives. A corpus of records then kept every text, and the garbage collector copied
 * them all from the young generation to the old one. Field by field (a walk over any object's keys
 * costs an array per object); a field missed here costs memory, not correctness.
 */
function ownStrings(record: CorpusRecord): CorpusRecord {
  const r = record as { -readonly [K in keyof CorpusRecord]: CorpusRecord[K] };
  if (r.title !== undefined) r.title = own(r.title);
  if (r.subject !== undefined) r.subject = own(r.subject);
  if (r.addressedTo !== undefined) r.addressedTo = own(r.addressedTo);
  if (r.answeredBy !== undefined) r.answeredBy = own(r.answeredBy);
  ownAll(r.askedBy as string[]);
  ownAll(r.parties as string[]);
  ownAll(r.identities as string[]);
  for (const ref of r.references) (ref as { key: string }).key = own(ref.key);
  for (const b of r.blocks) {
    const block = b as { label: string; text: string };
    block.label = own(block.label);
    block.text = own(block.text);
    ownAll(b.numbers as string[]);
  }
  if (r.postpones !== undefined) {
    const p = r.postpones as { -readonly [K in keyof PostponedQuestions]: PostponedQuestions[K] };
    if (p.title !== undefined) p.title = own(p.title);
    if (p.subject !== undefined) p.subject = own(p.subject);
    if (p.from !== undefined) p.from = own(p.from);
    ownAll(p.askedBy as string[]);
    ownAll(p.parties as string[]);
    ownAll(p.zaakNumbers as string[]);
    ownAll(p.documentNumbers as string[]);
  }
  return record;
}

function ownAll(list: string[]): void {
  for (let k = 0; k < list.length; k++) list[k] = own(list[k]);
}

function own(s: string): string {
  return s.length >= SLICED_MIN_LENGTH ? ownCopy(s) : s;
}

/** The same characters in a string of their own: a joined string is made flat when cut. */
function ownCopy(s: string): string {
  return ` ${s}`.slice(1);
}

type MutableRecord = { -readonly [K in keyof CorpusRecord]: CorpusRecord[K] };

/**
 * The empty list of every record that has none (most have no identity, and a record without blocks
 * and references has neither): a corpus's records live long, and an array each is an object more
 * for the garbage collector to copy, per record. Frozen: a record's lists are not changed in place.
 */
const NONE: readonly never[] = Object.freeze([]);

/** The record of a text from its parse's summary, without blocks and references. */
function recordOf(text: string, parsed: DocumentSummary): MutableRecord {
  const md = parsed.metadata;
  const answerCount = countAnswers(parsed.blocks);
  const role = roleOf(text, parsed, answerCount);
  const postpones = role === 'postponement' ? extractPostponement(text) : undefined;

  const ids = ownIdentities(text);
  const ownKeys = ids.length === 0 ? NONE : ids.map(identityKey);

  const who = postpones && postpones.askedBy.length > 0
    ? { askedBy: [...postpones.askedBy], parties: [...postpones.parties] }
    : normaliseAskers(md.askedBy, md.parties);
  const title = md.title?.text ?? postpones?.title;
  const subject = postpones?.subject ?? subjectOf(md.title?.text);
  const submitted = md.submitted?.iso ?? postpones?.submitted;
  const received = role === 'postponement' ? postpones?.noticeDate : md.received?.iso;
  const answeredBy = role === 'postponement' ? postpones?.from : md.answeredBy;

  // Built by assignment, optional fields only when present: object spreads cost more than the
  // rest of the record on small documents.
  const record: MutableRecord = {
    version: CORPUS_RECORD_VERSION,
    kind: parsed.kind,
    askedBy: who.askedBy,
    parties: who.parties,
    questionCount: countQuestions(parsed.blocks),
    answerCount,
    footnoteCount: parsed.footnoteCount,
    identities: ownKeys,
    references: NONE,
    blocks: NONE,
  };
  if (role) record.role = role;
  if (title) record.title = title;
  if (subject) record.subject = subject;
  if (md.addressedTo) record.addressedTo = cleanText(md.addressedTo);
  if (answeredBy) record.answeredBy = answeredBy;
  if (submitted) record.submitted = submitted;
  if (received) record.received = received;
  if (postpones) record.postpones = postpones;
  if (parsed.error) record.error = parsed.error;
  return record;
}

/** The references to other documents (its own identities left out), with their lines. */
function referenceRecords(text: string, docRefs: readonly DocRef[], ownKeys: readonly string[]): ReferenceRecord[] {
  const references: ReferenceRecord[] = [];
  const lines = new LineCounter(text);
  for (const ref of docRefs) {
    for (const id of identitiesOfRef(ref)) {
      const key = identityKey(id);
      if (ownKeys.includes(key)) continue;
      const [line, character] = lines.at(ref.span.start);
      const [endLine, endCharacter] = lines.at(ref.span.end);
      references.push({ key, start: ref.span.start, end: ref.span.end, line, character, endLine, endCharacter });
    }
  }
  return references;
}

const QUESTIONS_TITLE = /^Vragen\s+van\s/u;

/** "Vragen van het lid X (P) over de situatie in Oekraïne" → "de situatie in Oekraïne". */
function subjectOf(title: string | undefined): string | undefined {
  if (!title || !QUESTIONS_TITLE.test(title)) return undefined;
  const i = title.indexOf(' over ');
  return i === -1 ? undefined : title.slice(i + 6).trim() || undefined;
}

function roleOf(text: string, parsed: DocumentSummary, answers: number): SetRole | undefined {
  const kind = parsed.kind;
  if (kind === 'beslisnota' || kind === 'questionList') return undefined;
  const md = parsed.metadata;
  const hasQuestions = parsed.blocks.some((b) => b.kind === 'question') || md.submitted !== undefined
    || parsed.headers.some((h) => h.kind === 'questions');
  if (kind === 'postponement') return 'postponement';
  if (answers > 0 || (md.received !== undefined && parsed.headers.some((h) => h.kind === 'answer'))) return 'answer';
  if (hasQuestions) return 'questions';
  // A copied page of a notice is a "webpage"; a .kamerstuk file may be anything.
  if (isPostponementText(text) && /\bvragen\b/iu.test(text.slice(0, 8000))) return 'postponement';
  return undefined;
}

function countAnswers(blocks: DocumentSummary['blocks']): number {
  let n = 0;
  for (const b of blocks) if (b.kind === 'answer') n++;
  return n;
}

function countQuestions(blocks: DocumentSummary['blocks']): number {
  // Made at the first number: many documents have no question block.
  let numbers: Set<string> | undefined;
  let unnumbered = 0;
  for (const b of blocks) {
    if (b.kind !== 'question') continue;
    if (b.numbers.length === 0) unnumbered++;
    for (const n of b.numbers) (numbers ??= new Set<string>()).add(n);
  }
  return (numbers?.size ?? 0) + unnumbered;
}

function blockRecords(text: string, blocks: readonly QaBlock[], withTexts: boolean): BlockRecord[] {
  const out: BlockRecord[] = [];
  // Lines counted once, in one pass: labels are in text order.
  let line = 0;
  let lineStart = 0;
  let counted = 0;
  for (const b of blocks) {
    const at = b.label.span.start;
    if (at < counted) {
      // Not in order (never, as the parser builds blocks): count from the start again.
      line = 0;
      lineStart = 0;
      counted = 0;
    }
    for (let i = text.indexOf('\n', counted); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    counted = at;
    const record: { -readonly [K in keyof BlockRecord]: BlockRecord[K] } = {
      kind: b.kind,
      label: b.label.name,
      numbers: b.numbers,
      start: b.span.start,
      end: b.span.end,
      line,
      character: at - lineStart,
      text: withTexts ? cleanRange(text, b.body.start, b.body.end) : '',
    };
    if (b.parent !== undefined) record.parent = b.parent;
    out.push(record);
  }
  return out;
}

/** A question and its answer, as the JSON Lines table has them. */
export interface QaPair {
  readonly numbers: readonly QuestionNumber[];
  /** The question's label ("Vraag 1 en 2"); absent for an answer without a question. */
  readonly label?: string;
  readonly question?: string;
  /** The answers' text, joined by a blank line when several answer one question; absent while unanswered. */
  readonly answer?: string;
}

/**
 * Questions with their answers: each answer under the question the parser put it under, else
 * under the first question that shares a number with it ("Antwoord op vraag 3 en 8" after Vraag 8
 * also answers Vraag 3). Answers that answer no question come last, alone.
 */
export function qaPairs(record: CorpusRecord): QaPair[] {
  const blocks = record.blocks;
  const answersOf = new Map<number, number[]>();
  const used = new Set<number>();
  const questions: number[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'question') questions.push(i);
    else if (b.parent !== undefined) push(answersOf, b.parent, i);
  }
  for (const i of answersOf.values()) for (const a of i) used.add(a);
  // Answers placed under another question also answer the questions whose numbers they name.
  const shared = new Map<number, number[]>();
  for (let a = 0; a < blocks.length; a++) {
    const b = blocks[a];
    if (b.kind !== 'answer' || b.numbers.length === 0) continue;
    for (const q of questions) {
      if (b.parent === q || answersOf.has(q) || !shareBaseNumber(blocks[q].numbers, b.numbers)) continue;
      push(shared, q, a);
      used.add(a);
      // One question per number: sub-item documents repeat "Vraag 1" per part.
      break;
    }
  }
  const out: QaPair[] = [];
  for (const q of questions) {
    const qb = blocks[q];
    const answers = answersOf.get(q) ?? shared.get(q) ?? [];
    const answer = answers.map((a) => blocks[a].text).filter((t) => t.length > 0).join('\n\n');
    out.push({ numbers: qb.numbers, label: qb.label, question: qb.text, ...(answers.length > 0 ? { answer } : {}) });
  }
  for (let a = 0; a < blocks.length; a++) {
    if (blocks[a].kind === 'answer' && !used.has(a)) out.push({ numbers: blocks[a].numbers, answer: blocks[a].text });
  }
  return out;
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/** The key that links documents of one question set by their title: askers and subject, folded. */
export function titleKey(record: Pick<CorpusRecord, 'askedBy' | 'subject'>): string | undefined {
  if (!record.subject || record.askedBy.length === 0) return undefined;
  const subject = fold(record.subject);
  if (subject.length === 0) return undefined;
  // One asker (most questions): no arrays to sort and join.
  const askers = record.askedBy.length === 1 ? fold(record.askedBy[0]) : record.askedBy.map(fold).sort().join('+');
  return `${askers}|${subject}`;
}
