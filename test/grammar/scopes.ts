/** Assertions on the scopes of tokenized text, for the grammar tests. */
import { strict as assert } from 'node:assert';
import type { Token, TokenizedLine } from '../../scripts/grammar/textmate';

export const isQuestionHeading = (s: string): boolean => s.startsWith('markup.heading') && s.includes('question');
export const isAnswerHeading = (s: string): boolean => s.startsWith('markup.heading') && s.includes('answer');
export const isSectionHeading = (s: string): boolean => s.startsWith('markup.heading') && s.includes('section');
export const isAnyHeading = (s: string): boolean => s.startsWith('markup.heading');
export const startsWith =
  (prefix: string) =>
  (s: string): boolean =>
    s.startsWith(prefix);

/** The tokens of `line` that overlap `text` (its `occurrence`-th appearance on that line). */
export function tokensOf(line: TokenizedLine, text: string, occurrence = 0): Token[] {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = line.line.indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" (#${occurrence}) not found in line ${show(line)}`);
  }
  const end = at + text.length;
  return line.tokens.filter((t) => t.start < end && t.end > at);
}

const show = (line: TokenizedLine): string => JSON.stringify(line.line.length > 200 ? `${line.line.slice(0, 200)}…` : line.line);

function describeTokens(tokens: readonly Token[]): string {
  return tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
}

/** Every token of `text` carries a scope satisfying `pred`. */
export function assertAll(line: TokenizedLine, text: string, pred: (s: string) => boolean, what: string, occurrence = 0): void {
  const tokens = tokensOf(line, text, occurrence);
  assert.ok(
    tokens.every((t) => t.scopes.some(pred)),
    `expected ${what} on all of "${text}" in ${show(line)}, got:\n${describeTokens(tokens)}`,
  );
}

/** No token of `text` carries a scope satisfying `pred`. */
export function assertNone(line: TokenizedLine, text: string, pred: (s: string) => boolean, what: string, occurrence = 0): void {
  const tokens = tokensOf(line, text, occurrence);
  assert.ok(
    tokens.every((t) => !t.scopes.some(pred)),
    `expected no ${what} on "${text}" in ${show(line)}, got:\n${describeTokens(tokens)}`,
  );
}

/** Some token of `text` carries a scope satisfying `pred`. */
export function assertSome(line: TokenizedLine, text: string, pred: (s: string) => boolean, what: string, occurrence = 0): void {
  const tokens = tokensOf(line, text, occurrence);
  assert.ok(
    tokens.some((t) => t.scopes.some(pred)),
    `expected ${what} somewhere on "${text}" in ${show(line)}, got:\n${describeTokens(tokens)}`,
  );
}
