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
import { LOOP_CHUNK } from '../util/chunks';
import { compareStrings } from '../util/compare';

/** A document of the corpus: where it is (a path or URI, as the caller names files) and its record. */
export interface CorpusDocument {
  readonly path: string;
  readonly record: CorpusRecord;
}

/**
 * A question set. Its optional fields are there as undefined when unknown: one object layout for
 * every set (a layout per combination of fields is dropped by the garbage collector when no such
 * set is left, and with it the optimised code that reads sets).
 */
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

/**
 * What linking keeps per component: a union-find over the members (`parent`, `rank`) and each
 * component's zaak numbers and submission dates, to refuse links by title that conflict (made only
 * when not empty, as most members have no zaak number: undefined is the empty set).
 *
 * Plain data and module functions, no class and no closure per call: optimised code that depends on
 * an object made per call (an instance's layout, a closure) is thrown away when the garbage collector
 * finds none left, and compiled again at the next call: for the corpus table, about as much CPU time
 * as the linking itself, every time.
 */
interface Links {
  readonly parent: Int32Array;
  readonly rank: Uint8Array;
  readonly zaaks: Array<Set<string> | undefined>;
  readonly dates: Array<Set<string> | undefined>;
}

/** Members per call of the functions that run the loops over all members (see LOOP_CHUNK). */
const CHUNK = LOOP_CHUNK;

/** Links the documents of a corpus into question sets. Linear in the corpus (plus sorting). */
export function linkQuestionSets(docs: readonly CorpusDocument[]): QuestionSets {
  const members = docs.filter(hasRole).sort(byPath);
  const n = members.length;
  const links: Links = {
    parent: new Int32Array(n), rank: new Uint8Array(n), zaaks: new Array<Set<string> | undefined>(n), dates: new Array<Set<string> | undefined>(n),
  };
  for (let k = 0; k < n; k += CHUNK) initLinks(members, links, k, Math.min(k + CHUNK, n));

  // 1. Shared identities.
  const byKey = new Map<string, number>();
  for (let k = 0; k < n; k += CHUNK) linkByIdentity(members, links, byKey, k, Math.min(k + CHUNK, n));

  // 2. The same title and askers.
  // A title's first member by itself, a list from its second on: most titles have one member, and
  // an array each (alive until the sets are made) cost the garbage collector more than the link.
  const byTitle = new Map<string, number | number[]>();
  for (let k = 0; k < n; k += CHUNK) addTitles(members, byTitle, k, Math.min(k + CHUNK, n));
  const lists = [...byTitle.values()];
  for (let k = 0; k < lists.length; k += CHUNK) linkByTitles(members, lists, links, k, Math.min(k + CHUNK, lists.length));
  return setsOf(members, links);
}

/** Links the members of titles `from` to `to` (in the order the titles were first met) that share a title. */
function linkByTitles(members: readonly CorpusDocument[], lists: ReadonlyArray<number | number[]>, links: Links, from: number, to: number): void {
  for (let k = from; k < to; k++) {
    const list = lists[k];
    if (typeof list !== 'number') linkByTitle(members, list, links);
  }
}

function hasRole(d: CorpusDocument): boolean {
  return d.record.role !== undefined;
}

function byPath(a: CorpusDocument, b: CorpusDocument): number {
  return compareStrings(a.path, b.path);
}

/** Members `from` to `to` each a component of their own, with their zaak numbers and submission date. */
function initLinks(members: readonly CorpusDocument[], links: Links, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    links.parent[i] = i;
    const r = members[i].record;
    const z = zaakNumbersOf(r);
    links.zaaks[i] = z.length > 0 ? new Set(z) : undefined;
    links.dates[i] = r.submitted ? new Set([r.submitted]) : undefined;
  }
}

/** The title keys of members `from` to `to`, each with its member(s). */
function addTitles(members: readonly CorpusDocument[], byTitle: Map<string, number | number[]>, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const key = titleKey(members[i].record);
    if (key === undefined) continue;
    const seen = byTitle.get(key);
    if (seen === undefined) byTitle.set(key, i);
    else if (typeof seen === 'number') byTitle.set(key, [seen, i]);
    else seen.push(i);
  }
}

/** The components as question sets, in the order their first member comes. */
function setsOf(members: readonly CorpusDocument[], links: Links): QuestionSets {
  const groupOf = new Int32Array(members.length).fill(-1);
  const groups: number[][] = [];
  for (let k = 0; k < members.length; k += CHUNK) addToGroups(links.parent, groupOf, groups, k, Math.min(k + CHUNK, members.length));
  const sets: QuestionSet[] = [];
  const byFile = new Map<string, number>();
  for (let k = 0; k < groups.length; k += CHUNK) addSets(members, groups, sets, byFile, k, Math.min(k + CHUNK, groups.length));
  return { sets, byFile };
}

/** Members `from` to `to` into the group of their component (a new group for a component met first). */
function addToGroups(parent: Int32Array, groupOf: Int32Array, groups: number[][], from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const r = find(parent, i);
    if (groupOf[r] === -1) {
      groupOf[r] = groups.length;
      groups.push([i]);
    } else {
      groups[groupOf[r]].push(i);
    }
  }
}

/** The sets of groups `from` to `to`, and the set of each of their files. */
function addSets(
  members: readonly CorpusDocument[], groups: readonly number[][], sets: QuestionSet[], byFile: Map<string, number>, from: number, to: number,
): void {
  for (let g = from; g < to; g++) {
    const group: CorpusDocument[] = [];
    for (const i of groups[g]) group.push(members[i]);
    const set = makeSet(group);
    for (const f of set.files) byFile.set(f, sets.length);
    sets.push(set);
  }
}

/** The root of `i`'s component (with path compression). */
function find(parent: Int32Array, i: number): number {
  let r = i;
  while (parent[r] !== r) r = parent[r];
  while (parent[i] !== r) {
    const next = parent[i];
    parent[i] = r;
    i = next;
  }
  return r;
}

/** Joins the components of `a` and `b`, with their zaak numbers and dates. */
function union(links: Links, a: number, b: number): void {
  let ra = find(links.parent, a);
  let rb = find(links.parent, b);
  if (ra === rb) return;
  if (links.rank[ra] < links.rank[rb]) [ra, rb] = [rb, ra];
  links.parent[rb] = ra;
  if (links.rank[ra] === links.rank[rb]) links.rank[ra]++;
  links.zaaks[ra] = merged(links.zaaks[ra], links.zaaks[rb]);
  links.dates[ra] = merged(links.dates[ra], links.dates[rb]);
}

/** `a` with the members of `b` added (`a` itself, or `b` when `a` is empty); undefined is empty. */
function merged(a: Set<string> | undefined, b: Set<string> | undefined): Set<string> | undefined {
  if (b === undefined) return a;
  if (a === undefined) return new Set(b);
  for (const x of b) a.add(x);
  return a;
}

function zaaksOf(links: Links, i: number): ReadonlySet<string> {
  return links.zaaks[find(links.parent, i)] ?? NONE;
}

function datesOf(links: Links, root: number): ReadonlySet<string> {
  return links.dates[root] ?? NONE;
}

/** Joins the components of the members in `list` (one title and askers) where their dates and zaak numbers agree. */
function linkByTitle(members: readonly CorpusDocument[], list: readonly number[], links: Links): void {
  // Dated components first, merged where their dates agree.
  const byDates = new Map<string, number>();
  for (const r of roots(list, links.parent)) {
    if (datesOf(links, r).size === 0) continue;
    const key = [...datesOf(links, r)].sort().join(' ');
    const first = byDates.get(key);
    if (first === undefined) byDates.set(key, r);
    else if (!conflict(zaaksOf(links, first), zaaksOf(links, r))) union(links, first, r);
  }
  const dated: Array<{ r: number; date: string }> = [];
  const undated: number[] = [];
  for (const r of roots(list, links.parent)) {
    if (datesOf(links, r).size > 0) dated.push({ r, date: earliest(datesOf(links, r)) });
    else undated.push(r);
  }
  dated.sort(byDate);
  if (dated.length === 0) {
    for (const r of undated.slice(1)) if (!conflict(zaaksOf(links, undated[0]), zaaksOf(links, r))) union(links, undated[0], r);
    return;
  }
  for (const r of undated) {
    const own = latestOwnDate(members, list, links.parent, r);
    // The set submitted last on or before the document's own date; without one, the only set.
    let target: number | undefined;
    if (own === undefined) {
      if (dated.length === 1) target = dated[0].r;
    } else {
      for (const d of dated) if (d.date <= own) target = d.r;
    }
    if (target !== undefined && !conflict(zaaksOf(links, target), zaaksOf(links, r))) union(links, target, r);
  }
}

function byDate(a: { date: string }, b: { date: string }): number {
  return compareStrings(a.date, b.date);
}

const NONE: ReadonlySet<string> = new Set();

/** Joins members `from` to `to` to those before that share a key: an identity, or a number a notice gives the questions. */
function linkByIdentity(members: readonly CorpusDocument[], links: Links, byKey: Map<string, number>, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    // Its own identities, then the numbers a notice gives the questions (in place: no array of keys per member).
    const r = members[i].record;
    for (const key of r.identities) linkKey(byKey, links, key, i);
    const p = r.postpones;
    if (p === undefined) continue;
    for (const z of p.zaakNumbers) linkKey(byKey, links, z, i);
    for (const d of p.documentNumbers) linkKey(byKey, links, d, i);
  }
}

function linkKey(byKey: Map<string, number>, links: Links, key: string, i: number): void {
  const first = byKey.get(key);
  if (first === undefined) byKey.set(key, i); else union(links, first, i);
}

/** The term and status of a set on `today` (ISO). */
export function setTerm(set: QuestionSet, today: string): AnswerTerm {
  return answerTerm({ submitted: set.submitted, received: set.received, answered: set.answers.length > 0, notices: set.notices, today });
}

/** The distinct components of the members in `list`, in the order first met. */
function roots(list: readonly number[], parent: Int32Array): number[] {
  const seen = new Set<number>();
  for (const i of list) seen.add(find(parent, i));
  return [...seen];
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
function latestOwnDate(members: readonly CorpusDocument[], list: readonly number[], parent: Int32Array, root: number): string | undefined {
  let latest: string | undefined;
  const r = find(parent, root);
  for (const i of list) {
    if (find(parent, i) !== r) continue;
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
    title: r.title ? r.title : undefined,
    askedBy: r.askedBy,
    parties: r.parties,
    zaakNumbers: zaaks,
    submitted: submitted ? submitted : undefined,
    received: received ? received : undefined,
    notices: postponements.map((d) => d.record.received),
  };
}
