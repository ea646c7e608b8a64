import * as vscode from 'vscode';
import { stableColor } from '../../core/coding/colors';

export interface TagConfig {
  readonly name: string;
  readonly color: string;
  readonly description?: string;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/iu;

/** The tags of `kamerstukken.tags`, invalid entries skipped. */
export function configuredTags(scope?: vscode.ConfigurationScope): TagConfig[] {
  const raw = vscode.workspace.getConfiguration('kamerstukken', scope ?? null).get<unknown>('tags');
  if (!Array.isArray(raw)) return [];
  const out: TagConfig[] = [];
  for (const t of raw as unknown[]) {
    if (typeof t !== 'object' || t === null) continue;
    const { name, color, description } = t as Record<string, unknown>;
    if (typeof name !== 'string' || name.trim() === '') continue;
    out.push({
      name: name.trim(),
      color: typeof color === 'string' && HEX.test(color) ? expand(color) : stableColor(name.trim()),
      ...(typeof description === 'string' ? { description } : {}),
    });
  }
  return out;
}

function expand(hex: string): string {
  return hex.length === 4 ? `#${hex[1]}${hex[1]}${hex[2]}${hex[2]}${hex[3]}${hex[3]}`.toLowerCase() : hex.toLowerCase();
}

/** The colour of a tag: configured, else stable. */
export function colorOf(tag: string, tags: readonly TagConfig[]): string {
  return tags.find((t) => t.name === tag)?.color ?? stableColor(tag);
}
