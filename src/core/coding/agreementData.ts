/**
 * The data of an intercoder agreement analysis: what `computeAgreement` takes (the documents with
 * each coder's tagged passages, the options) and what it gives (the report). Types only.
 */
import type { Span } from '../model';
import type { Coefficient } from './agreementStatistics';

/** What each coder says something about: a question or answer block, or a code point of the text. */
export type AgreementUnit = 'block' | 'character';

/** One coder's tagged passage. */
export interface CodedPassage {
  readonly coder: string;
  readonly tags: readonly string[];
  /** UTF-16 offsets into the document text (as placed in the current text). */
  readonly start: number;
  readonly end: number;
  /** The annotation id, for the disagreement list. */
  readonly id?: string;
}

/** A question or answer block: what `parseDocument` gives (only the span and label are used). */
export interface AgreementBlock {
  readonly span: Span;
  readonly label: { readonly name: string };
}

export interface AgreementDocument {
  /** The document's name (workspace-relative path or URI), for the report and its links. */
  readonly name: string;
  readonly text: string;
  /** Every analysed coder's passages in this document. */
  readonly passages: readonly CodedPassage[];
  /** The question and answer blocks; parsed from `text` when absent and the unit is `block`. */
  readonly blocks?: readonly AgreementBlock[];
  /** The coders who coded this document; the others' values are missing here. Default: every analysed coder. */
  readonly codedBy?: readonly string[];
}

export interface AgreementOptions {
  readonly unit: AgreementUnit;
  /** The coders to compare, in this order; default every coder with a passage, sorted. */
  readonly coders?: readonly string[];
  /** The tags to analyse; default every tag of the analysed coders' passages (after `level` and `rollUp`). */
  readonly tags?: readonly string[];
  /** Compare tags cut to this level of the hierarchy (1 = top): "antwoord/ontwijkend" counts as "antwoord". */
  readonly level?: number;
  /** A passage counts for every ancestor of its tags too ("antwoord/ontwijkend" also for "antwoord"). */
  readonly rollUp?: boolean;
}

export interface PairAgreement {
  readonly a: string;
  readonly b: string;
  /** Units both coded. */
  readonly units: number;
  readonly percentAgreement: Coefficient;
  readonly kappa: Coefficient;
}

export interface AgreementStats {
  /** Units with values of at least two coders: blocks, or code points. */
  readonly units: number;
  readonly percentAgreement: Coefficient;
  /** Cohen's κ; only for exactly two coders. */
  readonly kappa: Coefficient;
  /** Krippendorff's α, nominal. */
  readonly alpha: Coefficient;
  /** Every pair of coders (i < j in `coders` order): their percent agreement and Cohen's κ. */
  readonly pairs: readonly PairAgreement[];
}

export interface TagAgreement extends AgreementStats {
  readonly tag: string;
  /** Per coder, the units (blocks or code points) the coder applied the tag to. */
  readonly applied: Readonly<Record<string, number>>;
}

/** A unit (a block, or a run of characters) on which the coders who coded it differ about a tag. */
export interface Disagreement {
  readonly document: string;
  readonly tag: string;
  /** The unit's place: UTF-16 offsets into the document text (a block's span, or the run of characters). */
  readonly start: number;
  readonly end: number;
  /** For block units: the block's index in the document's blocks, and its label ("Antwoord 3"). */
  readonly block?: { readonly index: number; readonly label: string };
  /** The coders who applied the tag there, and those who coded the document but did not. */
  readonly applied: readonly string[];
  readonly notApplied: readonly string[];
  /** The passages behind it: each coder's passages with the tag that overlap the unit. */
  readonly passages: readonly { readonly coder: string; readonly id?: string; readonly start: number; readonly end: number }[];
}

export interface AgreementReport {
  readonly unit: AgreementUnit;
  readonly coders: readonly string[];
  /** Per analysed tag, in `compareTags` order. */
  readonly tags: readonly TagAgreement[];
  /** Over all analysed tags at once: a unit's value is the set of tags a coder applied to it. */
  readonly overall: AgreementStats;
  /** In document order, then by place and tag. */
  readonly disagreements: readonly Disagreement[];
}
