/**
 * Tag colours: the codebook's (or the setting's) colour of a tag, else that of its nearest
 * ancestor that has one ("antwoord/ontwijkend" without a colour of its own takes the colour of
 * "antwoord"), else a colour derived from the name, the same on every machine. Pure.
 */
import { normalizeTag, tagAndAncestors } from './tags';

/** A colour for a tag nobody gave one: the same for the same name, on every machine. */
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

/** Looks colours up by tag: the definitions' colours, in normal form. */
export class TagColors {
  private readonly byName = new Map<string, string>();

  constructor(definitions: readonly { readonly name: string; readonly color?: string }[]) {
    for (const d of definitions) {
      const name = normalizeTag(d.name);
      if (d.color && !this.byName.has(name)) this.byName.set(name, d.color);
    }
  }

  /** The colour of `tag`: its own, else its nearest ancestor's, else `stableColor` of the tag as written. */
  colorOf(tag: string): string {
    const chain = tagAndAncestors(tag);
    for (let i = chain.length - 1; i >= 0; i--) {
      const c = this.byName.get(chain[i]);
      if (c) return c;
    }
    return stableColor(tag);
  }
}
