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
 * With `--base <git ref>` it also replays the grammar committed at that ref (`git show`) and judges
 * the first file (the working copy by default) against it: no regression when its median is at most REGRESSION_MARGIN
 * slower (the target of bench/tokenize.ts is "≤ 0.65× Markdown with no regression").
 *
 *   npx tsx bench/scannerReplay.ts [--base <ref>] [grammar.json ...]   (default: syntaxes/kamerstuk.tmLanguage.json)
 *   env: MB (corpus size, default 1), ROUNDS (default 9)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { getOnigLib, kamerstukGrammarPath, KAMERSTUK_SCOPE, repoRoot, splitLines } from '../scripts/grammar/textmate';
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

/** How much slower than the base grammar's median still counts as no regression (the replay is steady to ~1 ms of ~50). */
export const REGRESSION_MARGIN = 0.03;

/** The grammar file as committed at `ref`, written to a temporary file. */
function grammarAt(ref: string, dir: string): string {
  const json = execFileSync('git', ['show', `${ref}:${relative(repoRoot, kamerstukGrammarPath).split('\\').join('/')}`], { cwd: repoRoot, encoding: 'utf8' });
  const path = join(dir, `base-${ref.replace(/[^\w.-]/g, '_')}.json`);
  writeFileSync(path, json);
  return path;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const b = args.indexOf('--base');
  const baseRef = b >= 0 ? args[b + 1] : undefined;
  if (b >= 0 && baseRef === undefined) throw new Error('--base needs a git ref');
  const given = args.filter((_, i) => b < 0 || (i !== b && i !== b + 1));
  const tmp = baseRef !== undefined ? mkdtempSync(join(tmpdir(), 'kamerstukken-replay-')) : undefined;
  try {
    await replayAll(given.length > 0 ? given : [kamerstukGrammarPath], baseRef !== undefined && tmp !== undefined ? { ref: baseRef, path: grammarAt(baseRef, tmp) } : undefined);
  } finally {
    if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true });
  }
}

async function replayAll(given: readonly string[], base: { ref: string; path: string } | undefined): Promise<void> {
  const files = base ? [base.path, ...given] : given;
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
  const median = (name: string): number => [...times.get(name)!].sort((x, y) => x - y)[times.get(name)!.length >> 1];
  for (const [name, t] of times) {
    const sorted = [...t].sort((x, y) => x - y);
    const [matches, groups] = counts.get(name)!;
    const label = base && name === base.path ? `${base.ref}:syntaxes/kamerstuk.tmLanguage.json` : name;
    console.log(`  ${label}: best ${sorted[0].toFixed(1)} ms, median ${median(name).toFixed(1)} ms; ${matches} matches, ${groups} groups handed over`);
  }
  if (base) {
    const ratio = median(given[0]) / median(base.path);
    const pass = ratio <= 1 + REGRESSION_MARGIN;
    console.log(`  ${relative(repoRoot, given[0])} / ${base.ref}, medians: ${ratio.toFixed(3)}× (no regression: ≤ ${(1 + REGRESSION_MARGIN).toFixed(2)}×) ${pass ? 'PASS' : 'FAIL'}`);
    if (!pass) process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
