/**
 * The arguments of `kamerstukken.agreement`, checked: `{ coders?, tags?, unit?, scope? }`. A value
 * that is there but of the wrong kind is an error (the command says which), not ignored.
 */
import type { AgreementUnit } from './agreementData';

export type AgreementScope = 'document' | 'workspace';

export interface AgreementArgs {
  /** The coders to compare (in this order); undefined: every coder with a passage. */
  readonly coders?: readonly string[];
  /** The tags to analyse; undefined: every tag the coders used. */
  readonly tags?: readonly string[];
  readonly unit: AgreementUnit;
  readonly scope: AgreementScope;
}

export type AgreementArgsError =
  | { readonly kind: 'unit'; readonly value: string }
  | { readonly kind: 'scope'; readonly value: string }
  | { readonly kind: 'names'; readonly field: 'coders' | 'tags' };

function names(v: unknown): string[] | undefined | 'error' {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') v = [v];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return 'error';
  const out = [...new Set((v as string[]).map((x) => x.trim()).filter(Boolean))];
  return out;
}

/** The checked arguments (defaults: block units, the workspace), or what is wrong with them. */
export function agreementArgs(raw: unknown): { readonly args: AgreementArgs } | { readonly error: AgreementArgsError } {
  const f = typeof raw === 'object' && raw !== null ? raw as Record<string, unknown> : {};
  const unit = f.unit ?? 'block';
  if (unit !== 'block' && unit !== 'character') return { error: { kind: 'unit', value: String(unit) } };
  const scope = f.scope ?? 'workspace';
  if (scope !== 'document' && scope !== 'workspace') return { error: { kind: 'scope', value: String(scope) } };
  const coders = names(f.coders);
  if (coders === 'error') return { error: { kind: 'names', field: 'coders' } };
  const tags = names(f.tags);
  if (tags === 'error') return { error: { kind: 'names', field: 'tags' } };
  return { args: { unit, scope, ...(coders ? { coders } : {}), ...(tags ? { tags } : {}) } };
}

/** Whether the command was given arguments (then it returns data and shows nothing). */
export function hasAgreementArgs(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('scheme' in raw);
}
