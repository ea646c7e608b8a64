import * as vscode from 'vscode';

export interface TagConfig {
  readonly name: string;
  readonly color: string;
  readonly description?: string;
}

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/iu;

/** The tags of `kamerstukken.tags`, invalid entries skipped. */
export function configuredTags(scope?: vscode.ConfigurationScope): TagConfig[] {
  const raw = vscode.workspace.getConfiguration('kamerstukken', scope).get<unknown>('tags');
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

/** A colour for a tag that is not configured: the same for the same name, on every machine. */
export function stableColor(name: string): string {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  const hue = (h >>> 0) % 360;
  return hslToHex(hue, 0.65, 0.5);
}

function hslToHex(h: number, s: number, l: number): string {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number): string => {
    const k = (n + h / 30) % 12;
    const c = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(255 * c).toString(16).padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`;
}

/** The colour of a tag: configured, else stable. */
export function colorOf(tag: string, tags: readonly TagConfig[]): string {
  return tags.find((t) => t.name === tag)?.color ?? stableColor(tag);
}
