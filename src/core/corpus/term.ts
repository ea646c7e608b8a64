/**
 * The answering term of Kamervragen, in calendar days (weekends and holidays do not matter):
 *
 * - The answer is due 21 days after the questions were submitted: submitted on Monday 29 January
 *   2024, due on Monday 19 February 2024. An answer received on the due day is in time.
 * - Every postponement notice sent within the term, the due day included, extends the term by 21
 *   more days, counted from the due day it extends: one extension per notice. A second notice sent
 *   within the extended term extends it again (the Kamer receives "tweede uitstelberichten").
 *   Notices are taken in date order.
 * - A notice sent after the term (the due day passed) extends nothing: an answer after the term is
 *   then "answered late without postponement", whatever notices came late.
 * - A notice without a date extends nothing (it cannot be placed in the term).
 *
 * Statuses: answered in time (received ≤ due); answered late (received > due, and at least one
 * notice extended the term); answered late without postponement (received > due, no notice within
 * the term); open and overdue (no answer, today > due); open (no answer, today ≤ due); and
 * undetermined when the dates do not tell: the submission date is unknown (no term), or there is
 * an answer without a date of receipt.
 */

/** Days between submission and due day, and the length of each extension. */
export const ANSWER_TERM_DAYS = 21;

export type AnswerStatus =
  | 'answeredInTime'
  | 'answeredLate'
  | 'answeredLateWithoutPostponement'
  | 'openOverdue'
  | 'open'
  | 'undetermined';

export interface AnswerTermInput {
  /** ISO date the questions were submitted. */
  readonly submitted?: string;
  /** ISO date the answer was received; undefined while the questions are open. */
  readonly received?: string;
  /** There is an answer, whether or not `received` is known (without it the status is undetermined). */
  readonly answered?: boolean;
  /** ISO dates of the postponement notices (undefined: a notice without a date). */
  readonly notices: readonly (string | undefined)[];
  /** ISO date of today, for open questions. */
  readonly today: string;
}

export interface AnswerTerm {
  readonly status: AnswerStatus;
  /** ISO due day after all extensions; undefined without a submission date. */
  readonly due?: string;
  /** Notices sent within the term: each extended it by {@link ANSWER_TERM_DAYS}. */
  readonly extensions: number;
  /** Notices sent after the term (or without a date): they extended nothing. */
  readonly lateNotices: number;
  /** Calendar days from submission to answer. */
  readonly daysToAnswer?: number;
  /** Days the answer came after the due day (answered late), or today is past it (open and overdue). */
  readonly daysOverdue?: number;
}

const DAY = 86_400_000;

/** Days since 1970-01-01 of an ISO date; throws on anything else. */
function dayNumber(iso: string): number {
  // ISO's shape by character code: no match array per date (a table reads several per set).
  if (!isIsoShape(iso)) throw new Error(`not an ISO date (yyyy-mm-dd): ${JSON.stringify(iso)}`);
  const y = digitsAt(iso, 0, 4);
  const mo = digitsAt(iso, 5, 2);
  const d = digitsAt(iso, 8, 2);
  // Years before 100 are not calendar dates here (Date.UTC, which this replaces for speed, reads them as 19xx).
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new Error(`not a calendar date: ${JSON.stringify(iso)}`);
  return daysFromCivil(y, mo, d);
}

/** Whether `s` is `/^\d{4}-\d{2}-\d{2}$/`: four digits, "-", two digits, "-", two digits. */
function isIsoShape(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i !== 4 && i !== 7 && (c < 48 || c > 57)) return false;
  }
  return true;
}

/** The number the `n` digits at `at` write. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) v = v * 10 + s.charCodeAt(i) - 48;
  return v;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil), without Date. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date of a day number. */
function isoOfDay(day: number): string {
  // civil_from_days, for the years an ISO date of four digits has; Date for the rest.
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999) return new Date(day * DAY).toISOString().slice(0, 10);
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Whether a string is a valid ISO calendar date. */
export function isIsoDate(s: string): boolean {
  try {
    dayNumber(s);
    return true;
  } catch {
    return false;
  }
}

/** `iso` plus `days` calendar days. */
export function addDays(iso: string, days: number): string {
  return isoOfDay(dayNumber(iso) + days);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The term and status of one question set. Dates that are not valid ISO dates count as unknown. */
export function answerTerm(input: AnswerTermInput): AnswerTerm {
  const today = dayNumber(input.today);
  const submitted = validDay(input.submitted);
  const received = validDay(input.received);
  if (submitted === undefined) {
    return { status: 'undetermined', extensions: 0, lateNotices: input.notices.length };
  }
  let due = submitted + ANSWER_TERM_DAYS;
  let extensions = 0;
  let lateNotices = 0;
  const dated: number[] = [];
  for (const n of input.notices) {
    const d = validDay(n);
    if (d === undefined) lateNotices++; else dated.push(d);
  }
  dated.sort((a, b) => a - b);
  for (const d of dated) {
    if (d <= due) {
      due += ANSWER_TERM_DAYS;
      extensions++;
    } else {
      lateNotices++;
    }
  }
  // Object literals, not spreads of a common part: a spread's object gets a layout of its own that
  // the garbage collector drops when no such object is left, and with it the optimised code that reads it.
  const dueDay = isoOfDay(due);
  if (received !== undefined) {
    const daysToAnswer = received - submitted;
    if (received <= due) return { status: 'answeredInTime', due: dueDay, extensions, lateNotices, daysToAnswer };
    const status = extensions > 0 ? 'answeredLate' : 'answeredLateWithoutPostponement';
    return { status, due: dueDay, extensions, lateNotices, daysToAnswer, daysOverdue: received - due };
  }
  if (input.answered) return { status: 'undetermined', due: dueDay, extensions, lateNotices };
  if (today > due) return { status: 'openOverdue', due: dueDay, extensions, lateNotices, daysOverdue: today - due };
  return { status: 'open', due: dueDay, extensions, lateNotices };
}

function validDay(iso: string | undefined): number | undefined {
  if (iso === undefined) return undefined;
  try {
    return dayNumber(iso);
  } catch {
    return undefined;
  }
}
