/**
 * `explain`: how one rule's verdict comes about, step by step, for a reviewer who wants to
 * check the computation by hand — each figure as written and as read, the expression with the
 * figures substituted, every intermediate interval, the stated value and the set of values it
 * admits under its reading, and why the verdict follows (where the intervals overlap, or how wide
 * the gap is). The judged result's diagnosis and waiver come with it.
 *
 * Everything here is data (strings and floats, JSON-ready); the CLI only lays it out.
 */
import type Fraction from 'fraction.js';
import { boxOf, encloseAll, isNumber, isTruthSet, type Value } from '../evaluate/index.js';
import type {
  BrokenRule,
  Diagnosis,
  Diagnostic,
  Figure,
  ImpliedReport,
  Interval,
  LoadedClaimRule,
  LoadedRule,
  Locale,
  Proof,
  Reading,
  ResultFigure,
  RuleResult,
  RuleSet,
  StatedSet,
  Waiver,
  WrittenNumber,
} from '../model.js';
import { describeSet, formatLike, formatNumber, statedSet } from '../numbers/index.js';
import { fractionToNumber } from '../evaluate/interval.js';
import { rangeOfResult } from './diagnose/index.js';
import { meets } from './decide/index.js';
import { gapBetween } from './difference.js';
import { witnessWords } from './witness-text.js';
import { roundLike, showEnclosure, showInterval, showPlain, showValue } from './show.js';
import { derivedView } from './derived.js';
import { linkedExpression } from './linker.js';
import { stylesOf, type Style } from './styles.js';

export interface ExplainedFigure {
  id: string;
  /**
   * known: has an interval; unknown: declared unknown; undeclared: no such figure; derived: a
   * name for `definition` over the figures `restsOn` (`read` is its range over them); implied:
   * unknown, but claims imply it (`impliedBy`; `read` is the values they imply).
   */
  status: 'known' | 'unknown' | 'undeclared' | 'derived' | 'implied';
  /** A derived figure's expression. */
  definition?: string;
  restsOn?: string[];
  /** The claims (rule ids) implying an implied figure. */
  impliedBy?: string[];
  /** As written, e.g. "7.126,1 tỷ đồng". */
  written?: string;
  /** As read: the interval its written precision allows, e.g. "[7.126,05; 7.126,15] tỷ đồng". */
  read?: string;
  lo?: number;
  hi?: number;
  /** "exact", or the half-width, e.g. "± 0,05 tỷ đồng", or the hedge's bound. */
  precision?: string;
  description?: string;
  /** Where the figure comes from: the quote and its place in the document, or the citation. */
  source?: string;
}

export interface ExplainedStep {
  /** The sub-expression, as written in the rule. */
  expression: string;
  /** Its value: an interval (in the stated number's style for the whole claim) or a truth. */
  value: string;
  lo?: number;
  hi?: number;
  truth?: 'always' | 'sometimes' | 'never' | 'unknown';
}

/** The rule's result fields, as the audit reports them, then the step-by-step account. */
export interface Explanation extends Pick<RuleResult, 'id' | 'kind' | 'severity' | 'verdict' | 'message' | 'declared' | 'document' | 'quote'> {
  anchor?: { line: number; col: number };
  expression: string;
  /** The expression with each figure substituted as written and as read. */
  substituted?: { written: string; read: string };
  figures: ExplainedFigure[];
  steps: ExplainedStep[];
  stated?: {
    text: string;
    value: number;
    reading: Reading;
    /** The reading in words. */
    meaning: string;
    /** The values it admits, e.g. "[33,5%; 34,5%)". */
    set: string;
  };
  computed?: string;
  /** The figures at which the rule holds, when they are not the written values ("grdp_2023 = 45.480,6 and …"). */
  witness?: string;
  /** How the verdict was proven, and what it cost. */
  proof?: Proof;
  /** Why the verdict follows, sentence by sentence. */
  why: string[];
  diagnosis?: Diagnosis;
  waiver?: Waiver;
  /** What the claim implies about an unknown figure, or (an agreement check) what every claim implying it does. */
  implied?: ImpliedReport;
  /** Problems of the rule's file (broken rules) and notes about its waiver (expired, stale). */
  notes: Diagnostic[];
}

const TRUTH_WORDS = {
  always: 'true for every value the figures allow',
  sometimes: 'true for some values the figures allow, not all (as far as interval evaluation of this part alone can tell)',
  never: 'false for every value the figures allow',
  unknown: 'depends on a figure that is unknown',
} as const;

function truthOf(v: Value): keyof typeof TRUTH_WORDS {
  if (!isTruthSet(v)) return 'unknown';
  if (v.t && !v.f && !v.u) return 'always';
  if (!v.t && !v.u) return 'never';
  if (!v.t) return 'unknown';
  return 'sometimes';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The expression with each figure id replaced (ids only, never function names). */
export function substitute(expr: string, replace: ReadonlyMap<string, string>): string {
  const ids = [...replace.keys()].sort((a, b) => b.length - a.length);
  if (ids.length === 0) return expr;
  const re = new RegExp(`\\b(?:${ids.map(escapeRegExp).join('|')})\\b(?!\\s*\\()`, 'g');
  return expr.replace(re, (id) => replace.get(id) ?? id);
}

/** ± the half-width of a figure's interval, in its own style. */
function precisionOf(figure: Figure, interval: Interval, locale: Locale): string {
  if (interval.lo === null || interval.hi === null) {
    const bound = showValue((interval.lo ?? interval.hi)!, figure.written, locale);
    const from = figure.hedge ? `, from “${figure.hedge}”` : '';
    return interval.lo === null ? `${figure.open?.hi ? 'less than' : 'at most'} ${bound}${from}` : `${figure.open?.lo ? 'more than' : 'at least'} ${bound}${from}`;
  }
  if (figure.exact || interval.lo.equals(interval.hi)) return 'exact';
  const half = interval.hi.sub(interval.lo).div(2);
  const w = figure.written;
  if (!w) return `± ${showPlain(half, locale)}`;
  let extra = 0;
  while (extra < 6 && !roundLike(half, w, w.decimals + extra).equals(half)) extra++;
  return `± ${formatLike(half, w, locale, extra)}`;
}

function explainFigure(id: string, set: RuleSet, figures: ReadonlyMap<string, Figure>, documentPath: string | undefined, locale: Locale, entry?: ResultFigure): ExplainedFigure {
  const figure = figures.get(id);
  if (!figure) return { id, status: 'undeclared' };
  if (figure.derived) {
    const view = derivedView(id, figures, locale);
    const out: ExplainedFigure = { id, status: 'derived', definition: figure.derived.expr, restsOn: view.restsOn, read: view.text };
    if (view.range?.lo) out.lo = fractionToNumber(view.range.lo);
    if (view.range?.hi) out.hi = fractionToNumber(view.range.hi);
    if (figure.description) out.description = figure.description;
    out.source = `the definition at ${figure.declared.file}:${figure.declared.line}:${figure.declared.col}`;
    return out;
  }
  if (entry?.impliedBy && entry.interval) {
    const out: ExplainedFigure = { id, status: 'implied', impliedBy: entry.impliedBy, read: entry.interval, ...(entry.restsOn ? { restsOn: entry.restsOn } : {}) };
    if (figure.description) out.description = figure.description;
    out.source = `${entry.impliedBy.length > 1 ? 'the claims' : 'the claim'} ${entry.impliedBy.join(', ')}`;
    return out;
  }
  const out: ExplainedFigure = { id, status: figure.interval ? 'known' : 'unknown' };
  if (figure.written) out.written = figure.written.text;
  if (figure.interval) {
    out.read = figure.items ? String(figure.items.length) : showInterval(figure.interval, figure.written, locale, figure.exact ? 0 : 1, figure.open);
    if (figure.interval.lo !== null) out.lo = fractionToNumber(figure.interval.lo);
    if (figure.interval.hi !== null) out.hi = fractionToNumber(figure.interval.hi);
    out.precision = precisionOf(figure, figure.interval, locale);
  }
  if (figure.description) out.description = figure.description;
  if (figure.items) {
    const items = figure.items.map((a) => `“${a.quote}” (${a.line}:${a.col})`);
    out.source = `counted: ${items.join(', ')} in ${documentPath ?? set.document.path}`;
  } else if (figure.anchor) {
    out.source = `“${figure.anchor.quote}” (${documentPath ?? set.document.path}:${figure.anchor.line}:${figure.anchor.col})`;
  } else if (figure.cite) {
    out.source = `cited: ${figure.cite}`;
  }
  return out;
}

function explainStep(text: string, v: Value, style: Style, locale: Locale): ExplainedStep {
  if (!isNumber(v)) {
    const truth = truthOf(v);
    return { expression: text, value: TRUTH_WORDS[truth], truth };
  }
  const out: ExplainedStep = { expression: text, value: '' };
  if (v.lo !== null) out.lo = fractionToNumber(v.lo);
  if (v.hi !== null) out.hi = fractionToNumber(v.hi);
  out.value = style && style !== 'scalar' ? showEnclosure(v, style, locale) : showInterval(v, undefined, locale);
  return out;
}

function readingMeaning(rule: LoadedClaimRule, set: string): string {
  const meaning = readingInWords(rule, set);
  return rule.hedge ? `${meaning} — read so because the text says “${rule.hedge}”` : meaning;
}

function readingInWords(rule: LoadedClaimRule, set: string): string {
  const s = rule.stated.text;
  switch (rule.reading) {
    case 'round':
      return `rounded half-up: “${s}” is written for every true value in ${set}`;
    case 'truncate':
      return `truncated (cut after the last written digit): “${s}” is written for every true value in ${set}`;
    case 'nearly':
      return `hedged (“nearly”): just below the written value, by up to ${formatNumber(rule.tolerance, 'en', { decimals: 1, percent: true })} of it: ${set}`;
    case 'about':
      return `hedged (“about”): widened by ${formatNumber(rule.tolerance, 'en', { decimals: 1, percent: true })} of the value or half its last digit, whichever is more: ${set}`;
    case 'more-than':
      return `a lower bound (“more than”): the true value is in ${set}`;
    case 'less-than':
      return `an upper bound (“less than”): the true value is in ${set}`;
    case 'at-least':
      return `a lower bound (“at least”): the true value is in ${set}`;
    case 'at-most':
      return `an upper bound (“at most”): the true value is in ${set}`;
    case 'range':
      return `a range: the true value is in ${set}`;
  }
}

/** The size of a gap, in percentage points for a percentage, else in the stated number's style. */
function gapText(gap: Fraction, stated: WrittenNumber, locale: Locale): string {
  const g = gap.abs();
  if (stated.percent) return `${formatNumber(g.mul(100), locale, { decimals: stated.decimals + 2 })} pp`;
  return formatLike(g, stated, locale, 2);
}

/** Why a claim's verdict follows from the judge's range, the stated set and the proof. */
function claimWhy(rule: LoadedClaimRule, computed: Interval, result: RuleResult, locale: Locale): string[] {
  const stated = rule.stated;
  const set = statedSet(stated, rule.reading, rule.tolerance);
  const setText = describeSet(set, stated, locale);
  const c = showInterval(computed, stated, locale, 2);
  const write = (x: Fraction) => showValue(x, stated, locale, 2);
  const why: string[] = [];
  const witness = result.witness && !result.witnessAtWritten ? witnessWords(result.witness) : undefined;
  if (result.verdict === 'pass') {
    why.push(
      `The figures give ${c}; the stated “${stated.text}” admits ${setText}. ` +
        (witness
          ? `At their written values the figures give a value outside it, but within their precision they reach it: at ${witness} the exact value is in the set, so the claim holds.`
          : 'At the figures’ written values the exact value is in the set, so the claim holds.'),
    );
    return why;
  }
  if (result.warning?.kind === 'undecided') {
    why.push(`The figures give ${c}; the stated “${stated.text}” admits ${setText}. ${result.warning.message}: the verdict is warn, not pass.`);
    return why;
  }
  why.push(gapSentence(computed, set, stated, setText, c, write, locale));
  if (result.verdict === 'warn' && result.warning) {
    why.push(
      `Under a looser reading it does: it ${result.warning.message}${witness ? ` (for instance at ${witness})` : ''}. ` +
        'A looser reading is a habit of report writers, not an error, but a reviewer should know: verdict warn.',
    );
  }
  return why;
}

function gapSentence(
  computed: Interval,
  set: StatedSet,
  stated: WrittenNumber,
  setText: string,
  c: string,
  write: (x: Fraction) => string,
  locale: Locale,
): string {
  const gap = gapBetween(computed, set);
  const above = set.hi !== null && computed.lo !== null && computed.lo.gte(set.hi);
  const head = `The figures give ${c}; the stated “${stated.text}” admits ${setText}.`;
  if (gap.n === 0n) {
    if (meets(computed, set)) return `${head} No value the figures allow gives a value in that set (the range was refined to prove it).`;
    const bound = above ? set.hi! : set.lo!;
    return `${head} They only touch at ${write(bound)}, which the reading excludes, so the claim does not hold.`;
  }
  if (above) {
    return (
      `${head} Even the lowest value the figures allow, ${write(computed.lo!)}, is above the highest value the stated number admits, ` +
      `${write(set.hi!)}: a gap of ${gapText(gap, stated, locale)} that the precision of the figures and the rounding of the text cannot explain.`
    );
  }
  return (
    `${head} Even the highest value the figures allow, ${write(computed.hi!)}, is below the lowest value the stated number admits, ` +
    `${write(set.lo!)}: a gap of ${gapText(gap, stated, locale)} that the precision of the figures and the rounding of the text cannot explain.`
  );
}

function assertionWhy(result: RuleResult, whole: Value): string {
  const witness = result.witness ? witnessWords(result.witness) : undefined;
  switch (result.verdict) {
    case 'pass':
      return truthOf(whole) === 'always'
        ? `The assertion is ${TRUTH_WORDS.always}, so it holds.`
        : `The assertion holds at ${result.witnessAtWritten ? 'the figures’ written values' : witness}, a point the figures allow (checked exactly), so it holds — though not for every value they allow.`;
    case 'fail':
      return `The assertion is ${TRUTH_WORDS.never} — judged as a whole, not part by part — so it fails.`;
    case 'warn':
      return result.warning?.kind === 'undecided'
        ? `${result.warning.message}: the verdict is warn, not pass.`
        : `It is false for every value the figures allow as written, but ${result.warning?.message ?? 'holds under a looser reading'}${witness ? ` (at ${witness})` : ''}: verdict warn.`;
    default:
      return result.message;
  }
}

/**
 * Explain the check that the claims implying one figure agree (a result of the audit, not a rule
 * of a file): the figure, the values each claim implies, and why the verdict follows.
 */
export function explainAgreement(result: RuleResult): Explanation {
  return {
    id: result.id,
    kind: result.kind,
    severity: result.severity,
    verdict: result.verdict,
    message: result.message,
    declared: result.declared,
    ...(result.document !== undefined ? { document: result.document } : {}),
    ...(result.quote !== undefined ? { quote: result.quote } : {}),
    ...(result.anchor ? { anchor: { line: result.anchor.line, col: result.anchor.col } } : {}),
    expression: result.expr,
    figures: result.figures.map((f) => ({ id: f.id, status: 'implied' as const, ...(f.impliedBy ? { impliedBy: f.impliedBy } : {}), ...(f.interval ? { read: f.interval } : {}) })),
    steps: [],
    why: [result.message],
    ...(result.witness ? { witness: witnessWords(result.witness) } : {}),
    ...(result.proof ? { proof: result.proof } : {}),
    ...(result.waiver ? { waiver: result.waiver } : {}),
    ...(result.implied ? { implied: result.implied } : {}),
    notes: [],
  };
}

/**
 * Explain one rule of a rule set from its judged result (the result carries the verdict, its
 * proof, the diagnosis and the waiver). Every interval shown is the one the judge used: the
 * figures' intervals, each step's enclosure over their box, and — for the whole claim — the range
 * the judge decided on. `notes` are diagnostics to show with it (for a rule that could not be
 * loaded, its problems); `figures` are the figures as the judge read them (implied figures as
 * their implied values), by default the rule set's.
 */
export function explainRule(
  rule: LoadedRule | BrokenRule,
  set: RuleSet,
  result: RuleResult,
  notes: Diagnostic[] = [],
  figures: ReadonlyMap<string, Figure> = set.figures,
): Explanation {
  const locale = set.document.locale;
  const out: Explanation = {
    id: result.id,
    kind: result.kind,
    severity: result.severity,
    verdict: result.verdict,
    message: result.message,
    declared: result.declared,
    ...(result.document !== undefined ? { document: result.document } : {}),
    ...(result.quote !== undefined ? { quote: result.quote } : {}),
    ...(result.anchor ? { anchor: { line: result.anchor.line, col: result.anchor.col } } : {}),
    expression: result.expr,
    figures: [],
    steps: [],
    why: [],
    ...(result.witness && !result.witnessAtWritten ? { witness: witnessWords(result.witness) } : {}),
    ...(result.proof ? { proof: result.proof } : {}),
    ...(result.diagnosis ? { diagnosis: result.diagnosis } : {}),
    ...(result.waiver ? { waiver: result.waiver } : {}),
    ...(result.implied ? { implied: result.implied } : {}),
    notes: [...notes],
  };
  if (!('kind' in rule)) {
    // A rule that could not be loaded: its problems (passed in `notes`) are the explanation.
    out.why.push(`The rule could not be loaded: ${result.message}`);
    return out;
  }
  const compiledOrError = linkedExpression(rule.expr, figures);
  if (rule.kind === 'claim') {
    const s = statedSet(rule.stated, rule.reading, rule.tolerance);
    const setText = describeSet(s, rule.stated, locale);
    out.stated = {
      text: rule.stated.text,
      value: fractionToNumber(rule.stated.value),
      reading: rule.reading,
      meaning: readingMeaning(rule, setText),
      set: setText,
    };
  }
  if (!compiledOrError.ok) {
    out.why.push(`The expression cannot be compiled: ${result.message}`);
    return out;
  }
  const compiled = compiledOrError.compiled;
  const listed = [...new Set([...compiled.named, ...compiled.derived, ...compiled.symbols])];
  out.figures = listed.map((id) => explainFigure(id, set, figures, result.document, locale, result.figures.find((f) => f.id === id)));
  const scope = new Map<string, Interval | null>();
  for (const id of compiled.symbols) {
    const figure = figures.get(id);
    if (figure) scope.set(id, figure.interval);
  }
  const writtenNames = new Map<string, string>();
  const readNames = new Map<string, string>();
  for (const f of out.figures) {
    if (f.written) writtenNames.set(f.id, f.written);
    if (f.read) readNames.set(f.id, f.read);
  }
  out.substituted = { written: substitute(rule.expr, writtenNames), read: substitute(rule.expr, readNames) };
  if (result.computed) out.computed = result.computed.text;

  if (result.verdict === 'error' || scope.size < compiled.symbols.length || (rule.kind === 'claim' && result.verdict === 'unverifiable')) {
    out.why.push(result.verdict === 'unverifiable' ? `The rule ${result.message}.` : `The rule is broken: ${result.message}`);
    return out;
  }
  let values: Value[];
  try {
    values = encloseAll(compiled.program, boxOf(compiled.program, scope));
  } catch (error) {
    out.why.push(`The expression cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`);
    return out;
  }
  const styles = stylesOf(compiled.program, figures);
  const range = rangeOfResult.get(result);
  for (const node of compiled.program.nodes) {
    if (!node.source || node.kind === 'const' || node.kind === 'figure') continue;
    const isWhole = node.id === compiled.program.root;
    if (isWhole && rule.kind === 'claim' && result.computed) {
      // The whole claim: the range the judge decided on (refined where a figure is named twice).
      out.steps.push({ expression: node.source.text, value: result.computed.text, ...numbers(range) });
    } else {
      out.steps.push(explainStep(node.source.text, values[node.id]!, styles[node.id] ?? null, locale));
    }
  }
  const whole = values[compiled.program.root]!;
  if (rule.kind === 'claim') {
    if (range) out.why.push(...claimWhy(rule, range, result, locale));
    else out.why.push(result.message);
  } else {
    out.why.push(assertionWhy(result, whole));
  }
  return out;
}

function numbers(range: Interval | undefined): { lo?: number; hi?: number } {
  if (!range) return {};
  return { ...(range.lo !== null ? { lo: fractionToNumber(range.lo) } : {}), ...(range.hi !== null ? { hi: fractionToNumber(range.hi) } : {}) };
}
