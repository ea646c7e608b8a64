import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { root, sources } from './helpers';

/**
 * The relative modules a file imports or re-exports, type-only ones included (a cycle of types
 * is still two modules that cannot be understood one without the other).
 */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gmu),
    ...text.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gmu),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/gu),
  ].map((m) => m[1]);
  return specifiers.filter((s) => s.startsWith('.')).map((s) => {
    const base = resolve(dirname(file), s);
    const found = [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
    assert.ok(found, `${relative(root, file)} imports ${s}, which is not there`);
    return found;
  });
}

/** The import cycles among `files`: each strongly connected component of more than one module, or a module importing itself (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('imports', () => {
  const graph = new Map(sources(join(root, 'src')).map((f) => [f, importsOf(f)]));

  it('src/ has no import cycles', () => {
    assert.deepEqual(cycles(graph).map((c) => c.map((f) => relative(root, f))), []);
  });

  it('the cycle check finds a cycle, type-only imports included', () => {
    // A small graph as the export modules were: export.ts re-exports the formats, csv.ts imports a type back.
    const demo = new Map([['export', ['csv', 'model']], ['csv', ['export']], ['model', []], ['self', ['self']]]);
    assert.deepEqual(cycles(demo), [['csv', 'export'], ['self']]);
    assert.deepEqual(importsOf(join(root, 'src/core/annotations/export/csv.ts')).map((f) => relative(root, f)), ['src/core/annotations/export/passage.ts']);
  });
});
