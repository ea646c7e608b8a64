/**
 * The code tree of a REFI-QDA export: the codebook's codes in their order, then the tags in use
 * that it lacks; a "/" in a tag is its hierarchy.
 */
import { compareStrings } from '../util/compare';
import { codeSegments, normalColor } from './common';
import { refiGuid } from './guid';
import { escapeAttribute as attr, escapeText as text } from './xml';

/** A code of the codebook (the `kamerstukken.tags` setting). */
export interface RefiCodeInput {
  /** The tag; "/" separates levels. */
  readonly path: string;
  readonly description?: string;
  /** `#rgb` or `#rrggbb`; anything else is left out. */
  readonly color?: string;
}

export interface CodeNode {
  readonly name: string;
  readonly path: string;
  readonly guid: string;
  description?: string;
  color?: string;
  codable: boolean;
  readonly children: CodeNode[];
}

/** The code tree: codebook codes in their order, then tags in use that it lacks (sorted). */
export function buildCodes(codebook: readonly RefiCodeInput[], used: readonly string[]): { roots: CodeNode[]; byPath: Map<string, CodeNode> } {
  const roots: CodeNode[] = [];
  const byPath = new Map<string, CodeNode>();
  const ensure = (path: string, codable: boolean): CodeNode | undefined => {
    const segments = codeSegments(path);
    let node: CodeNode | undefined;
    let siblings = roots;
    for (let i = 0; i < segments.length; i++) {
      const p = segments.slice(0, i + 1).join('/');
      node = byPath.get(p);
      if (!node) {
        node = { name: segments[i], path: p, guid: refiGuid('code', p), codable: false, children: [] };
        byPath.set(p, node);
        siblings.push(node);
      }
      siblings = node.children;
    }
    if (node && codable) node.codable = true;
    return node;
  };
  for (const c of codebook) {
    const node = ensure(c.path, true);
    if (!node) continue;
    if (c.description !== undefined && c.description.trim() !== '' && node.description === undefined) node.description = c.description;
    const color = normalColor(c.color);
    if (color && node.color === undefined) node.color = color;
  }
  for (const t of [...new Set(used)].sort(compareStrings)) ensure(t, true);
  return { roots, byPath };
}

export function writeCodes(out: string[], nodes: readonly CodeNode[], indent: string): void {
  for (const c of nodes) {
    const attributes = `guid="${c.guid}" name="${attr(c.name)}" isCodable="${c.codable}"${c.color ? ` color="${c.color}"` : ''}`;
    if (!c.description && c.children.length === 0) {
      out.push(`${indent}<Code ${attributes}/>`);
      continue;
    }
    out.push(`${indent}<Code ${attributes}>`);
    if (c.description) out.push(`${indent}  <Description>${text(c.description)}</Description>`);
    writeCodes(out, c.children, `${indent}  `);
    out.push(`${indent}</Code>`);
  }
}

export function countCodes(nodes: readonly CodeNode[]): number {
  return nodes.reduce((n, c) => n + 1 + countCodes(c.children), 0);
}
