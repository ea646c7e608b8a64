/**
 * Question sets: the documents of one set of Kamervragen (the questions, postponement notices,
 * the answer; often separate files), linked by what they share:
 *
 * 1. an identity: a zaak number (a copied page's "Onderdeel van zaak", the zaak a notice names),
 *    an Aanhangsel number or document number (two copies of one document, or the questions'
 *    document number a notice names);
 * 2. the same title and askers (folded: case, diacritics and punctuation do not count), unless the
 *    two sides have different zaak numbers or different submission dates. A document without a
 *    submission date (a notice that does not say) joins the set of that title submitted last on or
 *    before its own date; when no set of that title has a date, the undated ones form one set.
 *
 * Every document with a role (questions, answer, postponement) is in exactly one set, alone if
 * nothing links it. Other documents (beslisnota's, lists of questions, unknown) are in none.
 */
import { answerTerm, type AnswerTerm } from './term';
import { titleKey, type CorpusRecord } from './record';
import { compareStrings } from '../util/compare';

/** A document of the corpus: where it is (a path or URI, as the caller names files) and its record. */
export interface CorpusDocument {
  readonly path: string;
  readonly record: CorpusRecord;
}

export interface QuestionSet {
  /** Stable while the set keeps its members: its first zaak number, else its first Aanhangsel key, else its first file. */
  readonly id: string;
  /** All its files, sorted. */
  readonly files: readonly string[];
  /** Files with the questions only. */
  readonly questions: readonly string[];
  /** Files with the answer (most have the questions too). */
  readonly answers: readonly string[];
  /** Postponement notices. */
  readonly postponements: readonly string[];
  /** The title: of an answer, else of the questions, else as a notice words it. */
  readonly title?: string;
  readonly askedBy: readonly string[];
  readonly parties: readonly string[];
  readonly zaakNumbers: readonly string[];
  /** ISO date the questions were submitted: the earliest any member gives. */
  readonly submitted?: string;
  /** ISO date of the answer: the latest answer's, when several ministers answer separately. */
  readonly received?: string;
  /** The notices' dates, in the order of `postponements` (undefined: the notice gives none). */
  readonly notices: readonly (string | undefined)[];
}

export interface QuestionSets {
  readonly sets: readonly QuestionSet[];
  /** The index in `sets` of each file's set. */
  readonly byFile: ReadonlyMap<string, number>;
}

/** Links the documents of a corpus into question sets. Linear in the corpus (plus sorting). */
export function linkQuestionSets(docs: readonly CorpusDocument[]): QuestionSets {
  const members = docs.filter((d) => d.record.role !== undefined).sort((a, b) => compareStrings(a.path, b.path));
  const uf = new UnionFind(members.length);
  // Per component: its zaak numbers and submission dates, to refuse links by title that conflict.
  // Made only when not empty (most members have no zaak number): undefined is the empty set.
  const zaaks: Array<Set<string> | undefined> = new Array<Set<string> | undefined>(members.length);
  const dates: Array<Set<string> | undefined> = new Array<Set<string> | undefined>(members.length);
  for (let i = 0; i < members.length; i++) {
    const r = members[i].record;
    const z = zaakNumbersOf(r);
    zaaks[i] = z.length > 0 ? new Set(z) : undefined;
    dates[i] = r.submitted ? new Set([r.submitted]) : undefined;
  }
  const union = (a: number, b: number): void => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return;
    const r = uf.union(ra, rb);
    const other = r === ra ? rb : ra;
    zaaks[r] = merged(zaaks[r], zaaks[other]);
    dates[r] = merged(dates[r], dates[other]);
  };

  // 1. Shared identities.
  linkByIdentity(members, union);

  // 2. The same title and askers.
  // A title's first member by itself, a list from its second on: most titles have one member, and
  // an array each (alive until the sets are made) cost the garbage collector more than the link.
  const byTitle = new Map<string, number | number[]>();
  for (let i = 0; i < members.length; i++) {
    const key = titleKey(members[i].record);
    if (key === undefined) continue;
    const seen = byTitle.get(key);
    if (seen === undefined) byTitle.set(key, i);
    else if (typeof seen === 'number') byTitle.set(key, [seen, i]);
    else seen.push(i);
  }
  for (const list of byTitle.values()) {
    if (typeof list !== 'number') linkByTitle(members, list, uf, zaaks, dates, union);
  }

  // The members of each component, components in the order their first member comes.
  const groupOf = new Int32Array(members.length).fill(-1);
  const groups: number[][] = [];
  for (let i = 0; i < members.length; i++) {
    const r = uf.find(i);
    if (groupOf[r] === -1) {
      groupOf[r] = groups.length;
      groups.push([i]);
    } else {
      groups[groupOf[r]].push(i);
    }
  }
  const sets: QuestionSet[] = [];
  const byFile = new Map<string, number>();
  for (const list of groups) {
    const set = makeSet(list.map((i) => members[i]));
    for (const f of set.files) byFile.set(f, sets.length);
    sets.push(set);
  }
  return { sets, byFile };
}

/** `a` with the members of `b` added (`a` itself, or `b` when `a` is empty); undefined is empty. */
function merged(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (b === undefined) return a;
  if (a === undefined) return new Set(b);
  for (const x of b) a.add(x);
  return a;
}

/** Joins the components of the members in `list` (one title and askers) where their dates and zaak numbers agree. */
function linkByTitle(
  members: readonly CorpusDocument[], list: readonly number[], uf: UnionFind, zaaks: ReadonlyArray<Set<string> | undefined>,
  dates: ReadonlyArray<Set<string> | undefined>, union: (a: number, b: number) => void,
): void {
  const zaaksOf = (i: number): ReadonlySet<string> => zaaks[uf.find(i)] ?? NONE;
  const datesOf = (r: number): ReadonlySet<string> => dates[r] ?? NONE;
  // Dated components first, merged where their dates agree.
  const byDates = new Map<string, number>();
  for (const r of roots(list, uf)) {
    if (datesOf(r).size === 0) continue;
    const key = [...datesOf(r)].sort().join(' ');
    const first = byDates.get(key);
    if (first === undefined) byDates.set(key, r);
    else if (!conflict(zaaksOf(first), zaaksOf(r))) union(first, r);
  }
  const dated = roots(list, uf).filter((r) => datesOf(r).size > 0)
    .map((r) => ({ r, date: earliest(datesOf(r)) }))
    .sort((a, b) => compareStrings(a.date, b.date));
  const undated = roots(list, uf).filter((r) => datesOf(r).size === 0);
  if (dated.length === 0) {
    for (const r of undated.slice(1)) if (!conflict(zaaksOf(undated[0]), zaaksOf(r))) union(undated[0], r);
    return;
  }
  for (const r of undated) {
    const own = latestOwnDate(members, list, uf, r);
    // The set submitted last on or before the document's own date; without one, the only set.
    let target: number | undefined;
    if (own === undefined) {
      if (dated.length === 1) target = dated[0].r;
    } else {
      for (const d of dated) if (d.date <= own) target = d.r;
    }
    if (target !== undefined && !conflict(zaaksOf(target), zaaksOf(r))) union(target, r);
  }
}

const NONE: ReadonlySet<string> = new Set();

/** Joins the members that share a key: an identity, or a number a notice gives the questions. */
function linkByIdentity(members: readonly CorpusDocument[], union: (a: number, b: number) => void): void {
  const byKey = new Map<string, number>();
  const link = (key: string, i: number): void => {
    const first = byKey.get(key);
    if (first === undefined) byKey.set(key, i); else union(first, i);
  };
  for (let i = 0; i < members.length; i++) {
    // Its own identities, then the numbers a notice gives the questions (in place: no array of keys per member).
    const r = members[i].record;
    for (const key of r.identities) link(key, i);
    for (const z of r.postpones?.zaakNumbers ?? []) link(z, i);
    for (const d of r.postpones?.documentNumbers ?? []) link(d, i);
  }
}

/** The term and status of a set on `today` (ISO). */
export function setTerm(set: QuestionSet, today: string): AnswerTerm {
  return answerTerm({ submitted: set.submitted, received: set.received, answered: set.answers.length > 0, notices: set.notices, today });
}

/** The distinct components of the members in `list`. */
function roots(list: readonly number[], uf: UnionFind): number[] {
  return [...new Set(list.map((i) => uf.find(i)))];
}

function zaakNumbersOf(r: CorpusRecord): string[] {
  const out: string[] = [];
  for (const k of r.identities) if (isZaakKey(k)) out.push(k);
  for (const z of r.postpones?.zaakNumbers ?? []) if (!out.includes(z)) out.push(z);
  return out;
}

/** `/^\d{4}Z\d{5}$/`, by hand: it runs for every identity of every member. */
function isZaakKey(k: string): boolean {
  if (k.length !== 10 || k.charCodeAt(4) !== 90 /* Z */) return false;
  for (let i = 0; i < 10; i++) {
    const c = k.charCodeAt(i);
    if (i !== 4 && (c < 48 || c > 57)) return false;
  }
  return true;
}

function conflict(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || b.size === 0) return false;
  for (const x of a) if (b.has(x)) return false;
  return true;
}

function earliest(s: ReadonlySet<string>): string {
  let min = '';
  for (const x of s) if (min === '' || x < min) min = x;
  return min;
}

/** The latest date the members of component `root` among `list` were received (sent, for a notice). */
function latestOwnDate(members: readonly CorpusDocument[], list: readonly number[], uf: UnionFind, root: number): string | undefined {
  let latest: string | undefined;
  const r = uf.find(root);
  for (const i of list) {
    if (uf.find(i) !== r) continue;
    const d = members[i].record.received;
    if (d !== undefined && (latest === undefined || d > latest)) latest = d;
  }
  return latest;
}

/** The set of `docs`, which are in path order. */
function makeSet(docs: readonly CorpusDocument[]): QuestionSet {
  // In path order already (the members are sorted, and each set lists them in that order).
  const files = docs.map((d) => d.path);
  const ordered = docs;
  const questions: string[] = [];
  const answers: string[] = [];
  const postponements: CorpusDocument[] = [];
  const zaakNumbers = new Set<string>();
  const ahKeys: string[] = [];
  let submitted: string | undefined;
  let received: string | undefined;
  for (const d of ordered) {
    const r = d.record;
    if (r.role === 'questions') questions.push(d.path);
    else if (r.role === 'answer') answers.push(d.path);
    else postponements.push(d);
    for (const z of zaakNumbersOf(r)) zaakNumbers.add(z);
    for (const k of r.identities) if (k.startsWith('ah-') && r.role !== 'postponement') ahKeys.push(k);
    if (r.submitted && (submitted === undefined || r.submitted < submitted)) submitted = r.submitted;
    if (r.role === 'answer' && r.received && (received === undefined || r.received > received)) received = r.received;
  }
  postponements.sort((a, b) => compareStrings(a.record.received ?? '', b.record.received ?? '') || compareStrings(a.path, b.path));
  const zaaks = [...zaakNumbers].sort();
  const lead = ordered.find((d) => d.record.role === 'answer' && d.record.title)
    ?? ordered.find((d) => d.record.role === 'questions' && d.record.title)
    ?? ordered.find((d) => d.record.title)
    ?? ordered[0];
  const r = lead.record;
  return {
    id: zaaks[0] ?? ahKeys.sort()[0] ?? files[0],
    files,
    questions,
    answers,
    postponements: postponements.map((d) => d.path),
    ...(r.title ? { title: r.title } : {}),
    askedBy: r.askedBy,
    parties: r.parties,
    zaakNumbers: zaaks,
    ...(submitted ? { submitted } : {}),
    ...(received ? { received } : {}),
    notices: postponements.map((d) => d.record.received),
  };
}

class UnionFind {
  private readonly parent: Int32Array;
  private readonly rank: Uint8Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    this.rank = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }
  /** Joins two roots; returns the new root. */
  union(a: number, b: number): number {
    if (this.rank[a] < this.rank[b]) [a, b] = [b, a];
    this.parent[b] = a;
    if (this.rank[a] === this.rank[b]) this.rank[a]++;
    return a;
  }
}
