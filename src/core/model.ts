/**
 * The document model of a parliamentary text. Plain data only: every range is a pair of
 * offsets (UTF-16 code units, as in a JavaScript string and `TextDocument.offsetAt`) into the
 * original text, which the parser never changes.
 */

export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
}

export type DocumentKind =
  /** Written questions with the government's answers (Kamervragen). */
  | 'questions'
  /** A ministry decision note: Aanleiding, Geadviseerd besluit, Kernpunten, Toelichting. */
  | 'beslisnota'
  /** A page copied from a parliamentary website: metadata lines around a document. */
  | 'webpage'
  /** A letter announcing that answers will be late (uitstelbericht). */
  | 'postponement'
  /** A "lijst van vragen en antwoorden": numbered questions, often with unlabelled answers. */
  | 'questionList'
  | 'unknown';

/** A question or answer number as written: `2`, or `2l` for a sub-item letter. */
export type QuestionNumber = string;

export interface Label {
  /** The label as written, whitespace collapsed, markup and a trailing colon dropped. */
  readonly name: string;
  /** Where the label itself is (without surrounding markup). */
  readonly span: Span;
}

export interface QaBlock {
  readonly kind: 'question' | 'answer';
  readonly label: Label;
  /** The numbers the block covers, in order of appearance: "Vraag 1 t/m 3" → 1, 2, 3. Empty for unnumbered labels. */
  readonly numbers: readonly QuestionNumber[];
  /** From the label to the end of the block's text (trailing whitespace excluded). */
  readonly span: Span;
  /** The block's text after the label (trailing whitespace excluded); may be empty. */
  readonly body: Span;
  /**
   * True when the block has no label of its own in the text: a question numbered "1." in a
   * list, or an answer that follows its question without a label.
   */
  readonly implicit: boolean;
  /** For answers: index into `ParsedDocument.blocks` of the question it belongs under, if any. */
  readonly parent?: number;
}

/** A heading of a beslisnota (Aanleiding, Geadviseerd besluit, Kernpunten, Toelichting, ...). */
export interface Section {
  readonly label: Label;
  readonly span: Span;
  readonly body: Span;
}

/** "Vragen van het lid ... (ingezonden ...)" or "Antwoord van ... (ontvangen ...)". */
export interface Header {
  readonly kind: 'questions' | 'answer';
  readonly span: Span;
}

export interface Footnote {
  /** The marker as written in the footnote line: "1". */
  readonly marker: string;
  /** The whole footnote, marker included. */
  readonly span: Span;
  /** Its text without marker and back-link arrow. */
  readonly body: Span;
}

export interface FootnoteRef {
  readonly marker: string;
  readonly span: Span;
  /** Index into `ParsedDocument.footnotes`. */
  readonly footnote: number;
}

/** "het antwoord op vraag 8", "de vragen 2 en 5", "bij vraag 4". */
export interface CrossRef {
  readonly span: Span;
  /** The span of the numbers part, for hovers that point at a number. */
  readonly numbersSpan: Span;
  readonly numbers: readonly QuestionNumber[];
  /** Whether the phrase refers to the answer ("antwoord op vraag 8", "bij vraag 2") rather than the question. */
  readonly target: 'answer' | 'question';
  /** True when the phrase points to another document ("uw antwoord op vraag 2 van de schriftelijke vragen ..."). */
  readonly external: boolean;
}

export type DocRefKind = 'aanhangsel' | 'kamerstuk' | 'documentNumber' | 'zaakNumber' | 'identifier' | 'url';

export interface DocRef {
  readonly kind: DocRefKind;
  readonly span: Span;
  /** The reference as written, whitespace collapsed. */
  readonly text: string;
  /** Parsed fields; which are present depends on the kind. */
  readonly fields: DocRefFields;
}

export interface DocRefFields {
  /** "2023–2024" normalised to "20232024". */
  readonly vergaderjaar?: string;
  /** Aanhangsel or Kamerstuk number ("1047", "70", "VII" sub-part in `part`); the Eerste Kamer's are letters ("A"). */
  readonly number?: string;
  /** Kamerstuk dossier number ("28828"), with its sub-number ("21501-02"); the first of several. */
  readonly dossier?: string;
  /** Kamerstuk dossier part ("VII"). */
  readonly part?: string;
  /** Kamer: "tk" (Tweede Kamer, default) or "ek". */
  readonly chamber?: 'tk' | 'ek';
  /** The normalised value for document numbers, zaak numbers, identifiers and URLs. */
  readonly value?: string;
}

export interface DateValue {
  readonly text: string;
  /** ISO date (yyyy-mm-dd) when the text could be read as one. */
  readonly iso?: string;
  readonly span: Span;
}

export interface Metadata {
  /** The document's title: the header sentence, or the page title of a copied web page. */
  readonly title?: { readonly text: string; readonly span: Span };
  /** Members who asked the questions: "Eerdmans". */
  readonly askedBy: readonly string[];
  /** Their parties: "JA21". */
  readonly parties: readonly string[];
  /** "de Minister-President en de Ministers van ...". */
  readonly addressedTo?: string;
  readonly submitted?: DateValue;
  readonly received?: DateValue;
  /** "Minister Van Weyenberg (Financiën)". */
  readonly answeredBy?: string;
  readonly documentNumber?: string;
  readonly zaakNumber?: string;
  /** "2022-2023" as written. */
  readonly vergaderjaar?: string;
  readonly aanhangselNumber?: string;
}

export interface ParsedDocument {
  readonly kind: DocumentKind;
  readonly metadata: Metadata;
  readonly headers: readonly Header[];
  /** Questions and answers in document order. */
  readonly blocks: readonly QaBlock[];
  readonly sections: readonly Section[];
  readonly footnotes: readonly Footnote[];
  /** The span that holds all footnotes, when there are any. */
  readonly footnotesSpan?: Span;
  readonly footnoteRefs: readonly FootnoteRef[];
  readonly crossRefs: readonly CrossRef[];
  readonly docRefs: readonly DocRef[];
  /** Set when the parser failed on this text: the model is then empty, and this says why. */
  readonly error?: string;
}
