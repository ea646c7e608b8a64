/**
 * Wording that core code and the editor share. Core words messages in English with `{0}`-style
 * placeholders and takes the translation function from the editor (`vscode.l10n.t`, whose
 * bundles are keyed by those English messages); without one, `english` fills in the placeholders.
 */

/** An English message with `{0}`, `{1}`… placeholders in; the text in the user's language out. */
export type Translate = (message: string, ...args: Array<string | number>) => string;

/** The English text of a message: its placeholders filled in, as `vscode.l10n.t` does without a translation. */
export const english: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/gu, (placeholder, i: string) => (+i < args.length ? String(args[+i]) : placeholder));

/** A list in words: "1", "1 and 2", "1, 2 and 3" (the last two joined by a translated "{0} and {1}"). */
export function listAnd(items: ReadonlyArray<string | number>, t: Translate = english): string {
  if (items.length <= 1) return items.join('');
  return t('{0} and {1}', items.slice(0, -1).join(', '), items[items.length - 1]);
}
