/** Character classes of the parser, by character code: they run in the per-character scans. */
import { isRegexSpace, hasOddWhitespace } from '../text';

/** . ? ! : ; ) » ” " ’ ' */
export function isSentenceEnd(c: number): boolean {
  return c === 46 || c === 63 || c === 33 || c === 58 || c === 59 || c === 41 || c === 0xbb || c === 0x201d
    || c === 34 || c === 0x2019 || c === 39;
}

/** # * _ > • · - */
export function isLineMarkup(c: number): boolean {
  return c === 35 || c === 42 || c === 95 || c === 62 || c === 0x2022 || c === 0xb7 || c === 45;
}

/** `\p{L}`, by hand for ASCII. */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(String.fromCharCode(c));
}

export function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /\p{Lu}/u.test(ch);
}

/** `[\s#*_>]` */
export function isMarkupNeighbour(c: number): boolean {
  return isRegexSpace(c) || c === 35 || c === 42 || c === 95 || c === 62;
}

/** Whitespace collapsed to single spaces, trimmed. Labels rarely need it: checked by hand first. */
export function collapse(s: string): string {
  return hasOddWhitespace(s) ? s.replace(/\s+/gu, ' ').trim() : s.trim();
}
