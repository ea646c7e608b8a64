/**
 * Document attributes in a REFI-QDA export: Variables, each with one type for all its values, and
 * their VariableValues on a TextSource or on a Case per document.
 */
import { isXsdDate, isXsdDateTime } from './common';
import type { PreparedDocument, RefiValue } from './exportDocuments';
import { refiGuid } from './guid';
import { escapeAttribute as attr, escapeText as text } from './xml';

type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface Variable {
  readonly name: string;
  readonly guid: string;
  type: VariableType;
}

/** A number as an xsd:decimal / xsd:integer literal (no exponent). */
function decimal(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  const s = String(n);
  if (!/e/iu.test(s)) return s;
  // 1.5e-7 → 0.00000015
  const [mantissa, exponent] = s.toLowerCase().split('e');
  const negative = mantissa.startsWith('-');
  const [int, frac = ''] = mantissa.replace('-', '').split('.');
  const e = Number(exponent);
  const digits = int + frac;
  const point = int.length + e;
  const body = point <= 0 ? `0.${'0'.repeat(-point)}${digits}` : point >= digits.length ? digits + '0'.repeat(point - digits.length) : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + body;
}

export function typeOf(v: RefiValue): VariableType | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'boolean') return 'Boolean';
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? 'Integer' : 'Float') : undefined;
  if (isXsdDate(v)) return 'Date';
  if (isXsdDateTime(v)) return 'DateTime';
  return 'Text';
}

/** The variables of the documents' attributes, each with one type for all its values. */
export function buildVariables(documents: readonly PreparedDocument[]): Variable[] {
  const vars = new Map<string, Variable>();
  for (const d of documents) {
    for (const [key, value] of Object.entries(d.attributes)) {
      const name = key.trim();
      const t = typeOf(value);
      if (!name || !t) continue;
      const v = vars.get(name);
      if (!v) vars.set(name, { name, guid: refiGuid('variable', name), type: t });
      else if (v.type !== t) v.type = (v.type === 'Integer' && t === 'Float') || (v.type === 'Float' && t === 'Integer') ? 'Float' : 'Text';
    }
  }
  return [...vars.values()];
}

function valueElement(type: VariableType, v: Exclude<RefiValue, null | undefined>): string {
  switch (type) {
    case 'Boolean': return `<BooleanValue>${v}</BooleanValue>`;
    case 'Integer': return `<IntegerValue>${decimal(v as number)}</IntegerValue>`;
    case 'Float': return `<FloatValue>${decimal(v as number)}</FloatValue>`;
    case 'Date': return `<DateValue>${v}</DateValue>`;
    case 'DateTime': return `<DateTimeValue>${v}</DateTimeValue>`;
    case 'Text': return `<TextValue>${text(typeof v === 'number' ? decimal(v) : String(v))}</TextValue>`;
  }
}

export function writeVariableValues(out: string[], d: PreparedDocument, variables: ReadonlyMap<string, Variable>, indent: string): void {
  for (const [key, value] of Object.entries(d.attributes)) {
    const v = variables.get(key.trim());
    if (!v || typeOf(value) === undefined) continue;
    out.push(`${indent}<VariableValue>`);
    out.push(`${indent}  <VariableRef targetGUID="${v.guid}"/>`);
    out.push(`${indent}  ${valueElement(v.type, value as Exclude<RefiValue, null | undefined>)}`);
    out.push(`${indent}</VariableValue>`);
  }
}

/** The `<Variables>` of a project, if there are any. */
export function writeVariables(out: string[], variables: readonly Variable[]): void {
  if (variables.length === 0) return;
  out.push('  <Variables>');
  for (const v of variables) out.push(`    <Variable guid="${v.guid}" name="${attr(v.name)}" typeOfVariable="${v.type}"/>`);
  out.push('  </Variables>');
}

/** A `<Case>` with the attribute values for each document that has any (the attributes go on cases). */
export function writeCases(out: string[], documents: readonly PreparedDocument[], variableByName: ReadonlyMap<string, Variable>): void {
  const cased = variableByName.size > 0 ? documents.filter((d) => Object.keys(d.attributes).some((k) => variableByName.has(k.trim()) && typeOf(d.attributes[k]) !== undefined)) : [];
  if (cased.length === 0) return;
  out.push('  <Cases>');
  for (const d of cased) {
    out.push(`    <Case guid="${d.caseGuid}" name="${attr(d.name)}">`);
    writeVariableValues(out, d, variableByName, '      ');
    out.push(`      <SourceRef targetGUID="${d.guid}"/>`);
    out.push('    </Case>');
  }
  out.push('  </Cases>');
}
