/**
 * Reading a REFI-QDA project's XML into plain data: the code tree, the users, the notes and each
 * text source's coded selections and plain text.
 */
import { CODE_SEPARATOR, normalColor } from './common';
import { decodeText, internalPath, type ZipReader } from './importFile';
import type { RefiImportIssue } from './importIssues';
import { childNamed, childrenNamed, type XmlElement } from './xml';

/** A code of the imported codebook. */
export interface ImportedCode {
  /** Its tag: the names from the top of the tree down, joined by "/" ("/" in a name becomes "∕"). */
  readonly path: string;
  readonly description?: string;
  /** `#rrggbb`, lower case. */
  readonly color?: string;
  /** False for a code the other tool keeps as a category only (isCodable="false"). */
  readonly codable: boolean;
}

export interface SourceSelection {
  readonly guid: string;
  readonly start: number;
  readonly end: number;
  readonly groups: { coder?: string; tags: string[]; created: string }[];
  readonly note?: string;
}

/** A selection as read, with its positions as written (for messages). */
export type ReadSelection = SourceSelection & { readonly startText: string; readonly endText: string };

/** A GUID as a map key: no braces, lower case. */
export function guidKey(guid: string | undefined): string {
  return (guid ?? '').trim().replace(/^\{|\}$/gu, '').toLowerCase();
}

/** The codes of a <Codes> element, depth first, and a map from GUID to path. */
export function readCodes(codes: XmlElement | undefined): { list: ImportedCode[]; byGuid: Map<string, string> } {
  const list: ImportedCode[] = [];
  const byGuid = new Map<string, string>();
  const seen = new Set<string>();
  // Iterative, as the parser is: a deep tree cannot overflow the stack.
  const todo: { e: XmlElement; parent: string }[] = (codes ? childrenNamed(codes, 'Code') : []).map((e) => ({ e, parent: '' })).reverse();
  while (todo.length > 0) {
    const { e, parent } = todo.pop() as { e: XmlElement; parent: string };
    const name = (e.attributes.get('name') ?? '').trim().replace(/\//gu, '\u2215');
    const path = name ? (parent ? `${parent}${CODE_SEPARATOR}${name}` : name) : parent;
    if (name) {
      const guid = guidKey(e.attributes.get('guid'));
      if (guid) byGuid.set(guid, path);
      if (!seen.has(path)) {
        seen.add(path);
        const description = childNamed(e, 'Description')?.text.trim();
        const color = normalColor(e.attributes.get('color'));
        list.push({
          path, codable: e.attributes.get('isCodable')?.trim() !== 'false',
          ...(description ? { description } : {}), ...(color ? { color } : {}),
        });
      }
    }
    const children = childrenNamed(e, 'Code');
    for (let k = children.length - 1; k >= 0; k--) todo.push({ e: children[k], parent: path });
  }
  return { list, byGuid };
}

/** The users of a project: a label (name, else id) by GUID. */
export function readUsers(root: XmlElement): Map<string, string> {
  const users = new Map<string, string>();
  for (const u of childrenNamed(childNamed(root, 'Users') ?? root, 'User')) {
    const label = u.attributes.get('name')?.trim() || u.attributes.get('id')?.trim();
    if (label) users.set(guidKey(u.attributes.get('guid')), label);
  }
  return users;
}

/** The text of a project's note by GUID: inline, else the file its plainTextPath names in the zip, else its description. */
export function noteReader(root: XmlElement, zip: ZipReader | undefined): (guid: string) => string | undefined {
  const notesElement = childNamed(root, 'Notes');
  const notes = new Map<string, XmlElement>();
  for (const n of notesElement ? childrenNamed(notesElement, 'Note') : []) notes.set(guidKey(n.attributes.get('guid')), n);
  return (guid: string): string | undefined => {
    const n = notes.get(guidKey(guid));
    if (!n) return undefined;
    const inline = childNamed(n, 'PlainTextContent')?.text;
    if (inline !== undefined) return inline;
    const path = n.attributes.get('plainTextPath');
    const info = path && zip ? zip.find(internalPath(path)) : undefined;
    const read = info && zip ? zip.read(info) : undefined;
    return read && 'bytes' in read ? decodeText(read.bytes) : childNamed(n, 'Description')?.text;
  };
}

/** A source's plain text: inline, or the file its plainTextPath names in the zip; undefined when it has none. */
export function sourceText(source: XmlElement, zip: ZipReader | undefined): string | RefiImportIssue | undefined {
  const inline = childNamed(source, 'PlainTextContent');
  if (inline) return inline.text;
  const path = source.attributes.get('plainTextPath');
  if (!path || !zip || !/^internal:\/\//iu.test(path.trim())) return undefined;
  const info = zip.find(internalPath(path));
  if (!info) return undefined;
  const read = zip.read(info);
  return 'issue' in read ? read.issue : decodeText(read.bytes);
}

/** The coded (or annotated) selections of a text source. */
export function readSelections(
  source: XmlElement, codes: ReadonlyMap<string, string>, users: ReadonlyMap<string, string>,
  noteText: (guid: string) => string | undefined, unknownCodes: Map<string, number>, now: string,
): ReadSelection[] {
  const out: (SourceSelection & { startText: string; endText: string })[] = [];
  for (const sel of childrenNamed(source, 'PlainTextSelection')) {
    const startText = sel.attributes.get('startPosition')?.trim() ?? '';
    const endText = sel.attributes.get('endPosition')?.trim() ?? '';
    const start = /^[+-]?\d{1,15}$/u.test(startText) ? Number(startText) : NaN;
    const end = /^[+-]?\d{1,15}$/u.test(endText) ? Number(endText) : NaN;
    const selectionCoder = users.get(guidKey(sel.attributes.get('creatingUser')));
    const selectionCreated = sel.attributes.get('creationDateTime')?.trim() || now;
    const groups = new Map<string, { coder?: string; tags: string[]; created: string }>();
    const noteParts: string[] = [];
    const description = childNamed(sel, 'Description')?.text.trim();
    if (description) noteParts.push(description);
    const addNotes = (e: XmlElement): void => {
      for (const ref of childrenNamed(e, 'NoteRef')) {
        const t = noteText(ref.attributes.get('targetGUID') ?? '')?.trim();
        if (t && !noteParts.includes(t)) noteParts.push(t);
      }
    };
    for (const coding of childrenNamed(sel, 'Coding')) {
      const target = guidKey(childNamed(coding, 'CodeRef')?.attributes.get('targetGUID'));
      const path = codes.get(target);
      if (!path) {
        unknownCodes.set(target, (unknownCodes.get(target) ?? 0) + 1);
        continue;
      }
      const coder = users.get(guidKey(coding.attributes.get('creatingUser'))) ?? selectionCoder;
      const group = groups.get(coder ?? '') ?? { ...(coder ? { coder } : {}), tags: [], created: coding.attributes.get('creationDateTime')?.trim() || selectionCreated };
      if (!group.tags.includes(path)) group.tags.push(path);
      groups.set(coder ?? '', group);
      addNotes(coding);
    }
    addNotes(sel);
    const note = noteParts.join('\n\n');
    // A selection without codes is a marked passage (an ATLAS.ti quotation, say): kept, without
    // tags. One whose codes are all unknown is not (it is reported as such).
    if (groups.size === 0 && !note && childrenNamed(sel, 'Coding').length > 0) continue;
    // The note goes with the selection's own coder's codings, else with the first.
    const ordered = [...groups.values()];
    const own = ordered.findIndex((g) => g.coder === selectionCoder);
    if (own > 0) ordered.unshift(...ordered.splice(own, 1));
    if (ordered.length === 0) ordered.push({ ...(selectionCoder ? { coder: selectionCoder } : {}), tags: [], created: selectionCreated });
    out.push({ guid: sel.attributes.get('guid') ?? '', start, end, startText, endText, groups: ordered, ...(note ? { note } : {}) });
  }
  return out;
}
