/**
 * Opening a REFI-QDA file: a `.qdpx` zip (its `project.qde`), or the XML of a bare `project.qde`
 * or a `.qdc`, within limits. Zip entries are only inflated after their declared size was
 * checked (and never beyond it).
 */
// fflate's browser build everywhere: its Node build loads worker_threads when the extension loads
// (~12 ms of every activation) for asynchronous (de)compression this code never asks for.
import { unzipSync, type UnzipFileInfo } from 'fflate/browser';
import { PROJECT_ENTRY, SOURCES_FOLDER } from './common';
import { megabytes, type RefiImportIssue } from './importIssues';
import { parseXml, type XmlElement } from './xml';

export const MAX_REFI_FILE_BYTES = 256 * 1024 * 1024;
export const MAX_REFI_ENTRY_BYTES = 64 * 1024 * 1024;
export const MAX_REFI_TOTAL_BYTES = 512 * 1024 * 1024;

/** The limits of `openRefi` (bytes). */
export interface RefiLimits {
  /** The file. */
  readonly maxFile: number;
  /** One zip entry (project.qde, a source) once inflated. */
  readonly maxEntry: number;
  /** All that is inflated from one zip. */
  readonly maxTotal: number;
}

/** The root element of a REFI-QDA file, and its zip when it is one; or what is wrong (with `format` once the file is known to be a `.qdpx`). */
export type OpenedRefi =
  | { readonly root: XmlElement; readonly zip?: ZipReader }
  | { readonly issue: RefiImportIssue; readonly format?: 'qdpx' };

/** Text of some bytes: UTF-8, or UTF-16 with a byte order mark; a UTF-8 byte order mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return new TextDecoder('utf-8').decode(bytes.subarray(start));
}

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
}

/** Whether the bytes start like XML text (after a byte order mark and whitespace). */
function looksLikeXml(bytes: Uint8Array): boolean {
  const head = decodeText(bytes.subarray(0, 512));
  return /^\s*</u.test(head.replace(/^\uFEFF/u, ''));
}

/** Reads the bytes as a `.qdpx` (zip), else as XML; then parses the XML. */
export function openRefi(bytes: Uint8Array, limits: RefiLimits): OpenedRefi {
  if (bytes.length > limits.maxFile) return { issue: { kind: 'tooLarge', megabytes: megabytes(limits.maxFile) } };
  const content = isZip(bytes) ? projectOfZip(bytes, limits) : looksLikeXml(bytes) ? bareXml(bytes, limits) : { issue: { kind: 'notRefi' } as const };
  if ('issue' in content) return content;
  const { zip, xmlBytes, entry } = content;
  const parsed = parseXml(decodeText(xmlBytes));
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return { issue: { kind: 'xml', detail: message, entry, line, column }, ...(zip ? { format: 'qdpx' as const } : {}) };
  }
  return { root: parsed.root, ...(zip ? { zip } : {}) };
}

/** The XML to parse, the entry it is (for messages) and the zip it came from, if any. */
type XmlContent = { readonly xmlBytes: Uint8Array; readonly entry: string; readonly zip?: ZipReader };

/** The `project.qde` of a zip. */
function projectOfZip(bytes: Uint8Array, limits: RefiLimits): XmlContent | Extract<OpenedRefi, { issue: unknown }> {
  let zip: ZipReader;
  try {
    zip = new ZipReader(bytes, limits.maxEntry, limits.maxTotal);
  } catch (error) {
    return { issue: { kind: 'zip', detail: error instanceof Error ? error.message : String(error) } };
  }
  const info = zip.find(PROJECT_ENTRY);
  // Only a project.qde at the top or in one folder (some tools zip a folder): not any file of that name.
  if (!info || info.name.split('/').length > 2) return { issue: { kind: 'noProject' }, format: 'qdpx' };
  const read = zip.read(info);
  if ('issue' in read) return { issue: read.issue, format: 'qdpx' };
  return { xmlBytes: read.bytes, entry: PROJECT_ENTRY, zip };
}

/** A bare `project.qde` or `.qdc`: XML, no larger than a zip entry may be. */
function bareXml(bytes: Uint8Array, limits: RefiLimits): XmlContent | Extract<OpenedRefi, { issue: unknown }> {
  if (bytes.length > limits.maxEntry) return { issue: { kind: 'tooLarge', megabytes: megabytes(limits.maxEntry) } };
  return { xmlBytes: bytes, entry: 'the file' };
}

/** The zip's entries by lower-case name, and a way to inflate one (checked against the limits first). */
export class ZipReader {
  private readonly infos = new Map<string, UnzipFileInfo>();
  /** What may still be inflated. */
  private budget: number;

  constructor(private readonly bytes: Uint8Array, private readonly maxEntry: number, private readonly maxTotal: number) {
    this.budget = maxTotal;
    // A filter that keeps nothing lists the entries without inflating any.
    unzipSync(bytes, { filter: (f) => { this.infos.set(f.name.toLowerCase(), f); return false; } });
  }

  /** The entry named `name` (any case), or else the one with that file name in any folder. */
  find(name: string): UnzipFileInfo | undefined {
    const lower = name.toLowerCase().replace(/^\/+/u, '');
    const exact = this.infos.get(lower);
    if (exact) return exact;
    const base = lower.slice(lower.lastIndexOf('/') + 1);
    for (const [key, info] of this.infos) if (key.slice(key.lastIndexOf('/') + 1) === base) return info;
    return undefined;
  }

  /**
   * The bytes of an entry, or what is wrong: its declared size exceeds a limit (it is not
   * inflated; nor beyond its declared size, so a size that lies cannot exceed it), or it is damaged.
   */
  read(info: UnzipFileInfo): { readonly bytes: Uint8Array } | { readonly issue: RefiImportIssue } {
    if (info.originalSize > this.maxEntry) return { issue: { kind: 'tooLarge', megabytes: megabytes(this.maxEntry), entry: info.name } };
    if (info.originalSize > this.budget) return { issue: { kind: 'tooLarge', megabytes: megabytes(this.maxTotal), entry: info.name, total: true } };
    this.budget -= info.originalSize;
    try {
      const out = unzipSync(this.bytes, { filter: (f) => f.name === info.name });
      return { bytes: out[info.name] ?? new Uint8Array(0) };
    } catch (error) {
      return { issue: { kind: 'zip', detail: `${info.name}: ${error instanceof Error ? error.message : String(error)}` } };
    }
  }
}

/** The zip entry a path like `internal://abc.txt` means (in the sources folder). */
export function internalPath(path: string): string {
  const p = path.trim().replace(/^internal:\/\//iu, '').replace(/\\/gu, '/').replace(/^\/+/u, '');
  return `${SOURCES_FOLDER}/${p}`;
}
