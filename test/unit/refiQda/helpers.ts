import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { type Annotation, createAnnotation } from '../../../src/core/annotations/model';
import type { RefiAnnotationInput, RefiDocumentInput } from '../../../src/core/refiQda';
import { root } from '../helpers';
import { validateAgainst } from './schema';

const SCHEMAS = {
  project: { fileName: 'Project-mrt2019.xsd', file: 'Project-mrt2019.xsd' },
  codebook: { fileName: 'Codebook.xsd', file: 'Codebook.xsd' },
} as const;

export function refiFixture(name: string): Buffer {
  return readFileSync(join(root, 'test', 'fixtures', 'refi-qda', name));
}

/** Validates XML documents against the vendored REFI-QDA schema (see `validateAgainst`). */
export async function schemaErrors<K extends string>(documents: Readonly<Record<K, string>>, schema: keyof typeof SCHEMAS): Promise<Record<K, string[]>> {
  const s = SCHEMAS[schema];
  return validateAgainst(documents, { fileName: s.fileName, contents: refiFixture(s.file).toString('utf8') });
}

/** The entries of a zip as text. */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

/** The sidecar entry for the first occurrence of `quote` (after `after`) in `text`, with a coder. */
export function entry(text: string, quote: string, fields: { id: string; tags: string[]; note?: string; coder?: string; after?: string; created?: string }): Annotation & { coder?: string } {
  const from = fields.after ? text.indexOf(fields.after) : 0;
  assert.ok(from >= 0, `"${fields.after}" is in the text`);
  const start = text.indexOf(quote, from);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  const a = createAnnotation(text, start, start + quote.length, {
    id: fields.id, tags: fields.tags, ...(fields.note ? { note: fields.note } : {}), created: fields.created ?? '2026-03-04T10:11:12Z',
  });
  return fields.coder ? { ...a, coder: fields.coder } : a;
}

/** Code points of `s` from `start` to `end` (end exclusive), as REFI-QDA counts them. */
export function codePointSlice(s: string, start: number, end: number): string {
  return Array.from(s).slice(start, end).join('');
}

// A Kamerstuk with CRLF line breaks and characters outside the BMP (an emoji, a musical symbol).
export const CRLF_TEXT = [
  'Vragen van het lid Jansen (VVD) aan de minister van Financiën over 😀 emoji in brieven',
  '',
  'Vraag 1',
  'Klopt het dat de Belastingdienst 𝄞 muziektekens niet kan verwerken?',
  '',
  'Antwoord 1',
  'Nee. De Belastingdienst verwerkt alle tekens. Ik zeg toe de Kamer voor 1 juli te informeren.',
  '',
  'Vraag 2',
  'Hoeveel brieven zijn 😀 teruggestuurd?',
  '',
  'Antwoord 2',
  'Dat is niet bekend; zie ook het antwoord op vraag 1.',
  '',
].join('\r\n');

export const LF_TEXT = 'Vraag 1\nWat kost het?\n\nAntwoord 1\nDat weten we niet precies. Zie de bijlage.\n';

/** Two documents: one CRLF with astral characters, notes, hierarchy and two coders; one LF. */
export function sampleDocuments(): RefiDocumentInput[] {
  const a = CRLF_TEXT;
  const b = LF_TEXT;
  const aEntries: RefiAnnotationInput[] = [
    entry(a, 'Ik zeg toe de Kamer voor 1 juli te informeren.', { id: 'a0000001', tags: ['beleid/toezegging'], note: 'Termijn: 1 juli.\r\nNagaan of het gebeurt.', coder: 'Anna' }),
    entry(a, '𝄞 muziektekens', { id: 'a0000002', tags: ['feitelijke onjuistheid', 'beleid/uitvoering/ict'], coder: 'Bram' }),
    entry(a, 'Dat is niet bekend; zie ook het antwoord op vraag 1.', { id: 'a0000003', tags: ['ontwijkend antwoord', 'verwijzing'], coder: 'Anna', note: 'Verwijst terug <naar> "vraag 1" & meer' }),
    entry(a, 'Hoeveel brieven zijn 😀 teruggestuurd?\r\n\r\nAntwoord 2', { id: 'a0000004', tags: ['ontwijkend antwoord'], coder: 'Bram' }),
  ];
  const bEntries: RefiAnnotationInput[] = [
    entry(b, 'Dat weten we niet precies.', { id: 'b0000001', tags: ['ontwijkend antwoord'] }),
    entry(b, 'Zie de bijlage.', { id: 'b0000002', tags: [], note: 'Alleen een notitie' }),
    entry(b, 'Wat kost het?', { id: 'b0000003', tags: [] }),
  ];
  return [
    { name: 'kamervragen/2024Z01234.txt', text: a, annotations: aEntries, attributes: { partij: 'VVD', ministerie: 'Financiën', ingediend: '2024-02-29', beantwoord: '2024-03-20', dagen: 20, termijnOverschreden: false } },
    { name: 'kamervragen/2024Z05678.txt', text: b, annotations: bEntries, attributes: { partij: 'GroenLinks-PvdA', ingediend: '2024-04-01', dagen: 35.5, termijnOverschreden: true } },
  ];
}

export const SAMPLE_CODEBOOK = [
  { path: 'beleid', description: 'Beleid van het kabinet', color: '#154273' },
  { path: 'beleid/toezegging', description: 'De bewindspersoon zegt iets toe aan de Kamer', color: '#2E7D32' },
  { path: 'ontwijkend antwoord', description: 'De vraag wordt niet of maar half beantwoord', color: '#ef6c00' },
  { path: 'feitelijke onjuistheid', color: '#c62828' },
  { path: 'verwijzing', description: 'Het antwoord verwijst naar een ander stuk', color: '#15c' },
  { path: 'nieuwe informatie', description: 'Nog niet openbaar', color: 'paars' },
];
