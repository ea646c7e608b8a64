import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/core/model';

export const root = join(__dirname, '..', '..');

export function fixture(name: string): string {
  return readFileSync(join(root, 'test', 'fixtures', name), 'utf8');
}

export function seed(prefix: '000' | '001' | '003'): string {
  const names: Record<string, string> = {
    '000': '000_29150c82fa965ab7.txt',
    '001': '001_0bf512367aa70077.txt',
    '003': '003_87a2a259f4376b92.txt',
  };
  return readFileSync(join(root, 'seeds', names[prefix]), 'utf8');
}

export function slice(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

/** The TypeScript files under a directory, at any depth. */
export function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}
