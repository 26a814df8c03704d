/**
 * The shared vocabulary of the pipeline: load → read numbers → evaluate → judge → report.
 * Every stage speaks these types; nothing here does work.
 */
import type Fraction from 'fraction.js';

export type Locale = 'vi-VN' | 'en';

/** A place in a file, 1-based line and column (columns count UTF-16 code units of the NFC text). */
export interface Position {
  file: string;
  line: number;
  col: number;
}

/** A half-open span of character offsets [start, end) into the text a number was read from. */
export interface Span {
  start: number;
  end: number;
}

/**
 * A closed interval of exact rationals. Every computed value travels as one: a sound enclosure
 * of all values the inputs can take within their written precision.
 */
export interface Interval {
  lo: Fraction;
  hi: Fraction;
}

/**
 * The set of values a stated number admits under a reading. Bounds may be open (rounding
 * half-up admits [x − h, x + h)) or absent (“more than 12” is (12, ∞)).
 */
export interface StatedSet {
  lo: Fraction | null;
  hi: Fraction | null;
  loOpen: boolean;
  hiOpen: boolean;
}

/**
 * What kind of token a number in a document is; only `quantity` and `range` are claims-bearing.
 * The others are classified, not counted: years, dates and times, document numbers
 * (23-CTr/TU), names (Quốc lộ 4B), ordinals (thứ 3, third largest), identifiers (COVID-19,
 * phone numbers, URL and e-mail parts) and labels (Hình 1, Table 2, Điều 5, section 1.2.3).
 * `malformed` is a numeral that cannot be read (",5%", "1.5" in vi-VN): it carries `problem`
 * and is never a value.
 */
export type NumberKind =
  | 'quantity'
  | 'range'
  | 'date'
  | 'year'
  | 'document-number'
  | 'name'
  | 'ordinal'
  | 'identifier'
  | 'label'
  | 'malformed';

/**
 * The physical dimension of a unit, for dimension checks of expressions. `percent` covers every
 * dimensionless share or ratio as written (34%, một nửa, 1:3, gấp đôi): they are all fractions
 * of a base; `pp` is a difference of percentages; `count` is a number of things (people, firms).
 */
export type Dimension = 'money' | 'percent' | 'pp' | 'count' | 'mass' | 'area' | 'length' | 'volume' | 'time' | 'other';

/** A unit in canonical form: "tỷ đồng" → { code: 'VND', dimension: 'money' }; "tấn" → t, mass. */
export interface UnitInfo {
  /** Canonical code: VND, USD, EUR, GBP, CNY, JPY, %, %/year, pp, t, kg, ha, km, m, m2, km2, m3, person, year, times, … and count nouns as written in their base form ("doanh nghiệp", "firm"). */
  code: string;
  dimension: Dimension;
}

/**
 * How a quantity is written when it is not a plain numeral: a number word ("five"), a fraction
 * word ("một nửa", "two thirds"), a multiple ("gấp đôi", "twice", "doubled") or a ratio ("1:3",
 * "tỷ lệ 1/3"). Such values are exact as written (no rounding interval); a claim stating one is
 * read `about` unless the rule says otherwise.
 */
export type WrittenForm = 'numeral' | 'word' | 'fraction' | 'multiple' | 'ratio';

/**
 * A number read from text as written. `value` is in base units: scale words are applied
 * (45.481 tỷ → 45 481 000 000) and percentages are fractions (6,98% → 0.0698).
 */
export interface WrittenNumber {
  /** The exact source string, e.g. "7.126,1 tỷ đồng" or "30,3 %". */
  text: string;
  span: Span;
  kind: NumberKind;
  /** The numeral alone as written, e.g. "7.126,1". */
  numeral: string;
  /** Exact value in base units. */
  value: Fraction;
  /** Digits written after the decimal separator (0 for integers). */
  decimals: number;
  /** Power of ten from the scale word: 3 nghìn/thousand, 6 triệu/million, 9 tỷ/billion, 12 nghìn tỷ/trillion. */
  scaleExponent: number;
  /** The scale word as written ("tỷ", "nghìn tỷ", "million"), if any. */
  scaleWord?: string;
  percent: boolean;
  /** Unit or currency word as written after the numeral/scale ("đồng", "USD", "doanh nghiệp"), if any. */
  unit?: string;
  /** The unit in canonical form with its dimension ("%" for percentages, "pp" for points), when known. */
  unitInfo?: UnitInfo;
  /** For ranges ("8-9%", "3 - 4"): both ends, each a full WrittenNumber. */
  range?: [WrittenNumber, WrittenNumber];
  /** Absent for a plain numeral; see WrittenForm. */
  form?: WrittenForm;
  /** Which rule of the reader decided the kind (and any shared scale or ambiguity), for `tally explain`. */
  why?: string;
  /** For `malformed`: what is wrong with the numeral, said for the writer. */
  problem?: string;
}

export type Severity = 'error' | 'warning' | 'info';
export type Verdict = 'pass' | 'fail' | 'warn' | 'unverifiable' | 'error';

/**
 * How the stated value is to be read.
 * round: half-up rounding of the true value gives the written form (default).
 * truncate: the written form is the true value cut after the last written digit.
 * about: hedged ("khoảng", "about"): widened by `tolerance` (relative).
 * nearly: hedged just below ("gần", "nearly"): at most the written value, by up to `tolerance`.
 * more-than / less-than / at-least / at-most: a bound, compared with the written value itself.
 * range: membership in a written range ("8-9%").
 */
export type Reading = 'round' | 'truncate' | 'about' | 'nearly' | 'more-than' | 'less-than' | 'at-least' | 'at-most' | 'range';

/** A problem with an input file, reported with its place and, when known, a code frame. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable machine code, e.g. "unknown-key", "quote-not-found", "yaml-syntax". */
  code: string;
  message: string;
  position: Position;
  /** The offending source line(s) with a caret, ready to print. */
  frame?: string;
  /** "did you mean …" candidates. */
  suggestions?: string[];
}

/** A document being audited. `text` is NFC-normalised; positions refer to it. */
export interface AuditedDocument {
  path: string;
  text: string;
  locale: Locale;
  /** SHA-256 of the file's bytes as read. */
  sha256: string;
}

/** Where a quote was found in a document. */
export interface Anchor {
  quote: string;
  /** Offsets into the document's NFC text. */
  span: Span;
  line: number;
  col: number;
}

/** A figure ready for evaluation. */
export interface Figure {
  id: string;
  /** null when the figure is declared unknown: rules that use it are unverifiable. */
  interval: Interval | null;
  /** The number as written (in the document or in the `value` field), when there is one. */
  written?: WrittenNumber;
  exact: boolean;
  unit?: string;
  description?: string;
  cite?: string;
  anchor?: Anchor;
  /** Where the figure is declared. */
  declared: Position;
}

interface RuleBase {
  id: string;
  severity: Severity;
  note?: string;
  tags: string[];
  description?: string;
  /** Where the rule is declared in its rule file. */
  declared: Position;
  documentPath: string;
}

export interface LoadedClaimRule extends RuleBase {
  kind: 'claim';
  quote: string;
  anchor: Anchor;
  /** The stated number, read from the quote. */
  stated: WrittenNumber;
  expr: string;
  reading: Reading;
  /** The hedge of the text ("hơn", "khoảng", "at least", "trở lên") the reading was taken from, if any. */
  hedge?: string;
  /** Where that hedge stands: before the number ("hơn 50%") or after it ("60% trở lên"). */
  hedgePosition?: 'before' | 'after';
  /** Relative widening for `about`, as a fraction (0.05 = 5%). */
  tolerance: Fraction;
}

export interface LoadedAssertionRule extends RuleBase {
  kind: 'assert';
  quote?: string;
  anchor?: Anchor;
  expr: string;
}

export type LoadedRule = LoadedClaimRule | LoadedAssertionRule;

/** A rule that could not be loaded (bad quote, bad number): it is reported as verdict `error`. */
export interface BrokenRule {
  id: string;
  severity: Severity;
  declared: Position;
  documentPath?: string;
  quote?: string;
  diagnostics: Diagnostic[];
}

/** A number of the document that is not a claim, and why. */
export interface IgnoreRule {
  text?: string;
  pattern?: RegExp;
  kind?: NumberKind;
  quote?: string;
  reason: string;
  declared: Position;
}

/** Everything one rule file brings, after loading. */
export interface RuleSet {
  file: string;
  sha256: string;
  document: AuditedDocument;
  figures: Map<string, Figure>;
  /** Figures declared but unreadable (a bad quote or value), by id, where they are declared. */
  brokenFigures: Map<string, Position>;
  figureFiles: { path: string; sha256: string }[];
  rules: LoadedRule[];
  broken: BrokenRule[];
  ignores: IgnoreRule[];
  /** File-level problems (schema, YAML syntax): a file with any of these yields no rules. */
  diagnostics: Diagnostic[];
}

/** A number as reported: exact rational as a decimal string, plus a float for tools. */
export interface ReportedInterval {
  lo: number;
  hi: number;
  /** Human form in the document's locale, e.g. "[30,363 %; 30,369 %]". */
  text: string;
}

export interface Difference {
  /** Signed: computed − stated, in base units (fractions for percentages). 0 when the sets overlap. */
  absolute: number;
  /** |absolute| / |stated|, as a fraction. */
  relative: number;
  /** "pp" when the stated value is a percentage (absolute ×100 is then in percentage points). */
  unit: 'pp' | 'value';
  /**
   * How far the computed interval lies outside the stated set, in base units (0 when they
   * overlap): the part of the discrepancy that rounding cannot explain.
   */
  gap: number;
  /** Human form, e.g. "+17,5 pp (+51,5 % relative)". */
  text: string;
}

/** The outcome of one rule. Every field that a reviewer needs is here; reporters only format. */
export interface RuleResult {
  id: string;
  kind: 'claim' | 'assert';
  severity: Severity;
  verdict: Verdict;
  /** One sentence saying why the verdict follows. */
  message: string;
  declared: Position;
  document?: string;
  quote?: string;
  /** Where the quote sits in the document. */
  anchor?: { line: number; col: number; start: number; end: number };
  expr: string;
  reading?: Reading;
  stated?: { text: string; set: string; value: number; hedge?: string; hedgePosition?: 'before' | 'after' };
  computed?: ReportedInterval;
  difference?: Difference;
  /** Figures used, as written and as read. */
  figures: { id: string; written?: string; interval?: string; unknown?: boolean }[];
  /** Figures that are missing or unknown (verdict unverifiable). */
  missing?: string[];
  note?: string;
  tags: string[];
  /** Set when the verdict is `warn`: the looser reading under which the claim holds. */
  heldUnder?: Reading;
  /** For findings: what would make the claim hold, which slip explains it, whether it matters. */
  diagnosis?: Diagnosis;
  /** A reviewed, accepted finding: still shown and counted, but it does not fail the run. */
  waiver?: Waiver;
}

/** The value one input figure would need for a failing claim to hold, all else as written. */
export interface ImpliedValue {
  figure: string;
  /** As written in the document, e.g. "7.126,1 tỷ đồng". */
  written?: string;
  /** The interval it would need, in the document's locale, e.g. "[8.055,2; 8.058,9] tỷ đồng". */
  needed: string;
  /** One sentence: "holds if revenue_2020 were 8.056 tỷ đồng instead of 7.126,1 tỷ đồng". */
  message: string;
}

export type SlipKind = 'scale' | 'digits' | 'wrong-base' | 'percent-vs-points' | 'truncation' | 'ratio-vs-change';

/** A likely slip that explains the stated value, tested, not guessed. */
export interface Slip {
  kind: SlipKind;
  message: string;
}

/** Whether a discrepancy changes the conclusion, apart from its size. */
export interface Materiality {
  material: boolean;
  /** e.g. "direction flips: stated growth, figures give a decline", "plan missed instead of met". */
  reasons: string[];
}

export interface Diagnosis {
  implied: ImpliedValue[];
  slips: Slip[];
  materiality: Materiality;
}

export interface Waiver {
  reason: string;
  reviewer: string;
  /** ISO date (YYYY-MM-DD) after which the waiver no longer applies. */
  expires: string;
  declared: Position;
}

/** One number of a document and whether a rule accounts for it. */
export interface CoveredNumber {
  text: string;
  kind: NumberKind;
  start: number;
  end: number;
  line: number;
  col: number;
  status: 'covered' | 'ignored' | 'uncovered';
  /** Rule and figure ids whose quote states or anchors this number. */
  by?: string[];
  /** Why an ignored number is not a claim (the ignore entry's reason, or its class). */
  reason?: string;
  /** Ignored by its class alone (a year, a date, a label …), with no ignore entry. */
  classified?: boolean;
  /** A malformed numeral: what is wrong with it. */
  problem?: string;
}

export interface DocumentCoverage {
  path: string;
  total: number;
  covered: number;
  /** Ignored by an entry or by class (`classified` of them by class alone). */
  ignored: number;
  uncovered: number;
  /** How many of the ignored numbers are accounted for by their class alone (no ignore entry). */
  classified?: number;
  /** How many numbers of each kind the document has (quantity, range, year, date, label …). */
  classes?: Partial<Record<NumberKind, number>>;
  numbers: CoveredNumber[];
}

/** A document as the reports show it (the HTML report renders its text with the claims marked). */
export interface ReportedDocument {
  path: string;
  sha256: string;
  locale: Locale;
  text: string;
}

export interface AuditSummary {
  total: number;
  byVerdict: Record<Verdict, number>;
  bySeverity: Record<Severity, number>;
  /** Findings accepted by a waiver (they are also counted by verdict and severity). */
  waived: number;
}

export interface AuditResult {
  tool: { name: 'tally'; version: string };
  inputs: { path: string; sha256: string; role: 'document' | 'figures' | 'rules' }[];
  documents: ReportedDocument[];
  results: RuleResult[];
  diagnostics: Diagnostic[];
  coverage: DocumentCoverage[];
  summary: AuditSummary;
}
