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
 * A closed interval of exact rationals, possibly unbounded (null: −∞ for `lo`, +∞ for `hi`).
 * Every computed value travels as one: a sound enclosure of all values the inputs can take within
 * their written precision.
 */
export interface Interval {
  lo: Fraction | null;
  hi: Fraction | null;
}

/** An interval known to be bounded (what a written number's precision gives). */
export interface BoundedInterval {
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
  /**
   * The values the figure can take: its written precision, an explicit precision, or the bound its
   * hedge gives ("hơn 176,63 triệu USD": above 176,63 million, unbounded). null when the figure is
   * declared unknown: rules that use it are unverifiable (unless their truth does not depend on it).
   */
  interval: Interval | null;
  /** Ends of `interval` that the figure never reaches ("more than 12" is above 12, never 12). */
  open?: { lo: boolean; hi: boolean };
  /** Where the interval comes from: the written digits, an explicit `precision`, or a hedge. */
  precisionFrom?: 'written' | 'explicit' | 'hedge';
  /** The hedge of the text the interval follows ("hơn", "khoảng", "trở lên"). */
  hedge?: string;
  /** The number as written (in the document or in the `value` field), when there is one. */
  written?: WrittenNumber;
  exact: boolean;
  unit?: string;
  description?: string;
  cite?: string;
  anchor?: Anchor;
  /** Where the figure is declared. */
  declared: Position;
  /**
   * A derived figure (`expr:`): a name for an expression over other figures. It is never a
   * variable of its own — rules are linked to its expression over the base figures — so its
   * `interval` is null here and its values are computed where it is used.
   */
  derived?: DerivedDefinition;
  /** A counted list (`count:`): the items quoted from the document; `interval` is their number, exactly. */
  items?: Anchor[];
  /**
   * Set by the judge on an unknown figure that claims imply (`implies:`): `interval` is then the
   * values they imply, which the rules using the figure are judged over.
   */
  implied?: { by: string[]; values: string; style?: WrittenNumber; restsOn: string[] };
}

/** What a derived figure stands for, and where that is written (for errors inside it). */
export interface DerivedDefinition {
  expr: string;
  /** Where the expression is written: its first character when `inline`, else the start of its YAML value. */
  at: Position;
  /** The expression is written on one line from `at`: its column n is at column at.col + n − 1. */
  inline: boolean;
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
  /**
   * The unknown figure this claim defines (`implies:`): the values of it that make the claim hold,
   * with the other figures anywhere within their precision. Checked where it is used.
   */
  implies?: string;
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
  /** Its tags, when it has them: `--tag` still finds a broken rule. */
  tags?: string[];
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
  /** How this file's rules are judged, when it says (else the defaults). */
  judging?: JudgingSettings;
}

/** Settings of a rule file for judging its rules. */
export interface JudgingSettings {
  /** Evaluations one rule may spend deciding its verdict (and as much again on its diagnosis). */
  budget?: number;
  materiality?: Partial<MaterialityThresholds>;
}

/**
 * A number for tools: a float when it is finite as one; otherwise an exact decimal string, or
 * "-Infinity" / "Infinity" for an unbounded end. Never null.
 */
export type ReportedNumber = number | string;

/** How a verdict was reached. */
export interface Proof {
  /**
   * witness: a point of the figures' box where the rule holds (pass; warn under a looser
   * reading); enclosure: every value the box gives misses the stated set (fail); none: neither was
   * found within the budget (warn), or the truth depends on an unknown figure (unverifiable).
   */
  kind: 'witness' | 'enclosure' | 'none';
  /** Evaluations spent (a count of expression nodes evaluated: deterministic). */
  evaluations: number;
  budget: number;
  /** Why there is no proof. */
  reason?: string;
}

/** An interval as reported: floats (or exact strings, see ReportedNumber) and its text. */
export interface ReportedInterval {
  lo: ReportedNumber;
  hi: ReportedNumber;
  /** Human form in the document's locale, e.g. "[30,363 %; 30,369 %]". */
  text: string;
}

export interface Difference {
  /** Signed: computed − stated, in base units (fractions for percentages). 0 when the sets overlap. */
  absolute: ReportedNumber;
  /** |absolute| / |stated|, as a fraction. */
  relative: ReportedNumber;
  /** "pp" when the stated value is a percentage (absolute ×100 is then in percentage points). */
  unit: 'pp' | 'value';
  /**
   * How far the computed interval lies outside the stated set, in base units (0 when they
   * overlap): the part of the discrepancy that rounding cannot explain.
   */
  gap: ReportedNumber;
  /** Human form, e.g. "+17,5 pp (+51,5 % relative)". */
  text: string;
}

/** The outcome of one rule. Every field that a reviewer needs is here; reporters only format. */
export interface RuleResult {
  id: string;
  kind: 'claim' | 'assert';
  /** The severity the rule is configured with. */
  severity: Severity;
  verdict: Verdict;
  /**
   * The level this result carries in every report (verdict × severity: a fail keeps the rule's
   * severity, a warn is at most a warning, an unverifiable claim is info, a pass none).
   */
  level?: Severity | 'none';
  /** One sentence saying why the verdict follows. */
  message: string;
  declared: Position;
  document?: string;
  quote?: string;
  /** Where the quote sits in the document. */
  anchor?: { line: number; col: number; start: number; end: number };
  expr: string;
  reading?: Reading;
  /** `start`/`end`: where the stated number sits in the document (offsets into its NFC text). */
  stated?: { text: string; set: string; value: ReportedNumber; hedge?: string; hedgePosition?: 'before' | 'after'; start?: number; end?: number };
  computed?: ReportedInterval;
  difference?: Difference;
  /** Figures used, as written and as read. */
  figures: ResultFigure[];
  /** Figures that are missing or unknown (verdict unverifiable). */
  missing?: string[];
  note?: string;
  tags: string[];
  /**
   * Set when the verdict is `warn`: the looser reading it holds under (truncation instead of
   * rounding; trailing zeros read as rounding), or that it could not be decided within its budget.
   */
  warning?: { kind: 'truncation' | 'trailing-zeros' | 'undecided'; message: string };
  /**
   * The figures at which the rule holds (pass, or warn under a looser reading), each written in the
   * document's style: a concrete point of the box, checked by exact evaluation.
   */
  witness?: Record<string, string>;
  /** The witness is the figures' written values (nothing needed to be moved within its precision). */
  witnessAtWritten?: boolean;
  /** How the verdict was proven, and what it cost. */
  proof?: Proof;
  /** For findings: what would make the claim hold, which slip explains it, whether it matters. */
  diagnosis?: Diagnosis;
  /** A reviewed, accepted finding: still shown and counted, but it does not fail the run. */
  waiver?: Waiver;
  /** A claim that implies an unknown figure, or the check that the claims implying one agree. */
  implied?: ImpliedReport;
}

/** What claims imply about an unknown figure (`implies:`). */
export interface ImpliedReport {
  figure: string;
  /** The values: those this claim implies, or (an agreement check) those every claim implies; "none" when there are none. */
  values: string;
  /** Every claim implying the figure, with the values it implies and where its sentence is. */
  claims: { rule: string; quote: string; line: number; col: number; start: number; end: number; values: string }[];
  /** The rules (ids) that use the implied values. */
  usedBy: string[];
}

/** A figure a rule uses, as its result lists it. */
export interface ResultFigure {
  id: string;
  /** As written in the document or the `value` field. */
  written?: string;
  /** As read: its interval; for a derived figure, its range over the base figures; for an implied one, its implied values. */
  interval?: string;
  unknown?: boolean;
  /** A derived figure: its definition (`interval` is its range, `restsOn` the base figures under it; for an implied figure, the other figures of its claims). */
  derived?: string;
  restsOn?: string[];
  /** An implied figure: the claims (rule ids) that imply it. */
  impliedBy?: string[];
  /** A counted list: the items counted, as quoted. */
  items?: string[];
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

/** The tests that can make a finding material. */
export type MaterialityTest = 'direction' | 'target' | 'ordering' | 'relative-size' | 'point-size';

/** Whether a discrepancy changes the conclusion, or is big enough to matter whatever it concludes. */
export interface Materiality {
  material: boolean;
  /** e.g. "direction flips: stated growth, figures give a decline", "size: off by 17,5 pp, at least 1 pp". */
  reasons: string[];
  /** Which tests made it material, in the order of `reasons`. */
  tests: MaterialityTest[];
}

/** Size thresholds above which a finding is material whatever it concludes (per rule set). */
export interface MaterialityThresholds {
  /** The gap rounding cannot explain, relative to the stated value (0.05 = 5 %). */
  relative: Fraction;
  /** For percentages: the same gap in percentage points (1 = one point). */
  points: Fraction;
}

export interface Diagnosis {
  implied: ImpliedValue[];
  slips: Slip[];
  materiality: Materiality;
  /** Set when the diagnosis ran out of its budget: what it lists holds, but the list may be incomplete. */
  cutShort?: string;
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
