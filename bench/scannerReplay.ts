/**
 * A steady measure for grammar work (not part of `npm run bench`): the whole-run ratio of
 * bench/tokenize.ts moves by ±0.05 on this shared machine, too much to judge a change of a few
 * per cent. This records every top-level scanner call (line, position) that tokenizing 1 MB of the
 * corpus makes with the committed grammar, then replays exactly those calls, in one process and
 * alternating, against the top-level regexes of each grammar file given, and prints the best and
 * median CPU time of each. The differences between two files are steady to ~1 ms.
 *
 * It measures the scanner (Oniguruma and vscode-oniguruma) only, not vscode-textmate's own work;
 * "dummies" is the floor: three regexes that never match.
 *
 *   npx tsx bench/scannerReplay.ts [grammar.json ...]   (default: syntaxes/kamerstuk.tmLanguage.json)
 *   env: MB (corpus size, default 1), ROUNDS (default 9)
 */
import { readFileSync } from 'node:fs';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { getOnigLib, kamerstukGrammarPath, KAMERSTUK_SCOPE, splitLines } from '../scripts/grammar/textmate';
import { buildCorpus } from './corpus';

interface RawGrammar {
  readonly patterns: readonly { include: string }[];
  readonly repository: Record<string, { match: string }>;
}

/** The top-level regexes of a grammar file, in the order of its patterns. */
function topLevelRegexes(path: string): string[] {
  const g = JSON.parse(readFileSync(path, 'utf8')) as RawGrammar;
  return g.patterns.map((p) => g.repository[p.include.slice(1)].match);
}

async function main(): Promise<void> {
  const files = process.argv.length > 2 ? process.argv.slice(2) : [kamerstukGrammarPath];
  const lines = splitLines(buildCorpus(Number(process.env.MB ?? 1) * 1024 * 1024));
  const lib = await getOnigLib();
  const topLevelCount = topLevelRegexes(kamerstukGrammarPath).length;

  // Record the top-level calls: the scanner with the most regexes is the document's rule list.
  const calls: [number, number][] = [];
  let current = -1;
  const lineOf = new Map<vsctm.OnigString, number>();
  const recording: vsctm.IOnigLib = {
    createOnigScanner: (patterns) => {
      const scanner = lib.createOnigScanner(patterns);
      const top = patterns.length === topLevelCount;
      return {
        findNextMatchSync: (s: string | vsctm.OnigString, position: number, options: number) => {
          if (top && typeof s !== 'string' && lineOf.get(s) === current) calls.push([current, position]);
          return scanner.findNextMatchSync(s, position, options);
        },
        dispose: () => scanner.dispose?.(),
      };
    },
    createOnigString: (s) => {
      const o = lib.createOnigString(s);
      lineOf.set(o, current);
      return o;
    },
  };
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve(recording),
    loadGrammar: async (scope) => (scope === KAMERSTUK_SCOPE ? vsctm.parseRawGrammar(readFileSync(kamerstukGrammarPath, 'utf8'), kamerstukGrammarPath) : null),
  });
  const grammar = await registry.loadGrammar(KAMERSTUK_SCOPE);
  if (!grammar) throw new Error('grammar not loaded');
  let stack = vsctm.INITIAL;
  for (let i = 0; i < lines.length; i++) {
    current = i;
    stack = grammar.tokenizeLine2(lines[i], stack).ruleStack;
  }

  const strings = lines.map((l) => new oniguruma.OnigString(`${l}\n`));
  const scanners = new Map<string, oniguruma.OnigScanner>([['dummies', new oniguruma.OnigScanner(['\\x{FFFF}', '\\x{FFFE}', '\\x{FFFD}'])]]);
  for (const f of files) scanners.set(f, new oniguruma.OnigScanner(topLevelRegexes(f)));
  const replay = (scanner: oniguruma.OnigScanner): [number, number] => {
    let matches = 0;
    let groups = 0;
    for (const [line, position] of calls) {
      const m = scanner.findNextMatchSync(strings[line], position);
      if (m) {
        matches++;
        groups += m.captureIndices.length;
      }
    }
    return [matches, groups];
  };
  for (const s of scanners.values()) replay(s);
  const times = new Map<string, number[]>();
  const counts = new Map<string, [number, number]>();
  const rounds = Number(process.env.ROUNDS ?? 9);
  for (let r = 0; r < rounds; r++) {
    const names = [...scanners.keys()];
    if (r % 2 === 1) names.reverse();
    for (const name of names) {
      const c0 = process.cpuUsage();
      counts.set(name, replay(scanners.get(name)!));
      const c = process.cpuUsage(c0);
      times.set(name, [...(times.get(name) ?? []), (c.user + c.system) / 1000]);
    }
  }
  console.log(`${calls.length} top-level scanner calls on ${lines.length} lines, replayed ${rounds} times`);
  for (const [name, t] of times) {
    const sorted = [...t].sort((a, b) => a - b);
    const [matches, groups] = counts.get(name)!;
    console.log(`  ${name}: best ${sorted[0].toFixed(1)} ms, median ${sorted[sorted.length >> 1].toFixed(1)} ms; ${matches} matches, ${groups} groups handed over`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
