/**
 * Loads TextMate grammars the way VS Code does (vscode-textmate + the Oniguruma WASM build) and
 * tokenizes text line by line, carrying the rule stack across lines. Shared by the grammar tests
 * (test/grammar) and the benchmarks (bench/tokenize.ts, bench/scannerReplay.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const repoRoot = join(__dirname, '..', '..');
export const KAMERSTUK_SCOPE = 'text.kamerstuk';
export const kamerstukGrammarPath = join(repoRoot, 'syntaxes', 'kamerstuk.tmLanguage.json');

let onigLib: Promise<vsctm.IOnigLib> | undefined;

/** The Oniguruma library, loaded once per process (loadWASM may only run once). */
export function getOnigLib(): Promise<vsctm.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    };
  })();
  return onigLib;
}

/**
 * A registry that knows the given grammar files (scopeName → path). Any other scope, such as
 * the languages the Markdown grammar embeds (source.js, ...), resolves to null, as in an editor
 * without those extensions.
 */
export function createRegistry(files: Readonly<Record<string, string>>): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName: string) => {
      const path = files[scopeName];
      if (path === undefined) return null;
      return vsctm.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
}

/** Loads one grammar from a file; throws when it cannot be loaded. */
export async function loadGrammar(scopeName: string, path: string): Promise<vsctm.IGrammar> {
  const grammar = await createRegistry({ [scopeName]: path }).loadGrammar(scopeName);
  if (!grammar) throw new Error(`Grammar ${scopeName} could not be loaded from ${path}`);
  return grammar;
}

/** Loads a grammar given as an object (a grammar built in memory, for reference measurements). */
export async function loadGrammarObject(raw: { readonly scopeName: string }): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: getOnigLib(),
    loadGrammar: async (scopeName: string) => (scopeName === raw.scopeName ? vsctm.parseRawGrammar(JSON.stringify(raw), `${scopeName}.json`) : null),
  });
  const grammar = await registry.loadGrammar(raw.scopeName);
  if (!grammar) throw new Error(`Grammar ${raw.scopeName} could not be loaded`);
  return grammar;
}

let kamerstuk: Promise<vsctm.IGrammar> | undefined;

/** Our grammar, from syntaxes/kamerstuk.tmLanguage.json. */
export function loadKamerstukGrammar(): Promise<vsctm.IGrammar> {
  kamerstuk ??= loadGrammar(KAMERSTUK_SCOPE, kamerstukGrammarPath);
  return kamerstuk;
}

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly scopes: readonly string[];
}

export interface TokenizedLine {
  readonly line: string;
  readonly tokens: readonly Token[];
}

export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Tokenizes every line of `text`, carrying the rule stack from line to line as the editor does. */
export function tokenizeText(grammar: vsctm.IGrammar, text: string): TokenizedLine[] {
  let ruleStack: vsctm.StateStack = vsctm.INITIAL;
  const out: TokenizedLine[] = [];
  for (const line of splitLines(text)) {
    const r = grammar.tokenizeLine(line, ruleStack);
    ruleStack = r.ruleStack;
    out.push({
      line,
      tokens: r.tokens.map((t) => ({
        text: line.substring(t.startIndex, t.endIndex),
        start: t.startIndex,
        end: t.endIndex,
        scopes: t.scopes,
      })),
    });
  }
  return out;
}

/**
 * Tokenizes as the editor does (tokenizeLine2: binary tokens, rule stack carried) without building
 * token objects, for timing. Returns the number of binary token entries so the work is not dead.
 * (Without a theme, adjacent tokens with equal metadata are merged, so this is not a token count:
 * use countTokens for that.)
 */
export function tokenizeForTiming(grammar: vsctm.IGrammar, lines: readonly string[]): number {
  let ruleStack: vsctm.StateStack = vsctm.INITIAL;
  let count = 0;
  for (const line of lines) {
    const r = grammar.tokenizeLine2(line, ruleStack);
    ruleStack = r.ruleStack;
    count += r.tokens.length;
  }
  return count;
}

/** The number of scope tokens (tokenizeLine) for the lines, rule stack carried. */
export function countTokens(grammar: vsctm.IGrammar, lines: readonly string[]): number {
  let ruleStack: vsctm.StateStack = vsctm.INITIAL;
  let count = 0;
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, ruleStack);
    ruleStack = r.ruleStack;
    count += r.tokens.length;
  }
  return count;
}

export interface FloorGrammar {
  readonly scopeName: string;
  readonly patterns: readonly { readonly match: string }[];
}

/**
 * Two grammars that highlight nothing, for what any grammar costs before it matches anything
 * (bench/tokenize.ts prints it as the floor): one without patterns (vscode-textmate's and
 * vscode-oniguruma's own work per line: encoding the line, one scanner call, the line's tokens) and
 * one whose top-level patterns are as many never-matching regexes as ours (that work plus Oniguruma
 * walking each line with that many regexes).
 */
export function floorGrammars(topLevelRegexes: number): { readonly none: FloorGrammar; readonly dead: FloorGrammar } {
  const neverMatching = Array.from({ length: topLevelRegexes }, (_, i) => ({ match: `\\x{${(0xffff - i).toString(16).toUpperCase()}}` }));
  return {
    none: { scopeName: 'text.floor.none', patterns: [] },
    dead: { scopeName: 'text.floor.dead', patterns: neverMatching },
  };
}
