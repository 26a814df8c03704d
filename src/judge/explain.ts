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
import { compileExpression, traceExpression, type CompiledExpression, type TraceStep } from '../evaluate/index.js';
import type {
  BrokenRule,
  Diagnosis,
  Diagnostic,
  Figure,
  Interval,
  LoadedClaimRule,
  LoadedRule,
  Locale,
  Reading,
  RuleResult,
  RuleSet,
  StatedSet,
  Verdict,
  Waiver,
  WrittenNumber,
} from '../model.js';
import { describeSet, formatLike, formatNumber, statedSet } from '../numbers/index.js';
import { fractionToNumber } from '../evaluate/interval.js';
import { idsIn } from './diagnose/context.js';
import { roundLike, showEnclosure, showInterval, showPlain, showValue } from './show.js';
import { gapBetween, meets } from './verdict.js';

export interface ExplainedFigure {
  id: string;
  /** known: has an interval; unknown: declared unknown; undeclared: no such figure. */
  status: 'known' | 'unknown' | 'undeclared';
  /** As written, e.g. "7.126,1 tỷ đồng". */
  written?: string;
  /** As read: the interval its written precision allows, e.g. "[7.126,05; 7.126,15] tỷ đồng". */
  read?: string;
  lo?: number;
  hi?: number;
  /** "exact", or the half-width, e.g. "± 0,05 tỷ đồng". */
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
  truth?: 'always' | 'sometimes' | 'never';
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
  /** Why the verdict follows, sentence by sentence. */
  why: string[];
  diagnosis?: Diagnosis;
  waiver?: Waiver;
  /** Problems of the rule's file (broken rules) and notes about its waiver (expired, stale). */
  notes: Diagnostic[];
}

const TRUTH_WORDS = {
  always: 'true for every value the figures allow',
  sometimes: 'true for some values the figures allow, not all',
  never: 'false for every value the figures allow',
} as const;

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
  if (figure.exact || interval.lo.equals(interval.hi)) return 'exact';
  const half = interval.hi.sub(interval.lo).div(2);
  const w = figure.written;
  if (!w) return `± ${showPlain(half, locale)}`;
  let extra = 0;
  while (extra < 6 && !roundLike(half, w, w.decimals + extra).equals(half)) extra++;
  return `± ${formatLike(half, w, locale, extra)}`;
}

function explainFigure(id: string, set: RuleSet, documentPath: string | undefined, locale: Locale): ExplainedFigure {
  const figure = set.figures.get(id);
  if (!figure) return { id, status: 'undeclared' };
  const out: ExplainedFigure = { id, status: figure.interval ? 'known' : 'unknown' };
  if (figure.written) out.written = figure.written.text;
  if (figure.interval) {
    out.read = showInterval(figure.interval, figure.written, locale, figure.exact ? 0 : 1);
    out.lo = fractionToNumber(figure.interval.lo);
    out.hi = fractionToNumber(figure.interval.hi);
    out.precision = precisionOf(figure, figure.interval, locale);
  }
  if (figure.description) out.description = figure.description;
  if (figure.anchor) {
    out.source = `“${figure.anchor.quote}” (${documentPath ?? set.document.path}:${figure.anchor.line}:${figure.anchor.col})`;
  } else if (figure.cite) {
    out.source = `cited: ${figure.cite}`;
  }
  return out;
}

/** Are these figures all written alike (same scale, unit, percent)? Then sums of them read alike too. */
function commonStyle(ids: string[], set: RuleSet): WrittenNumber | undefined {
  const ws = ids.map((id) => set.figures.get(id)?.written);
  const first = ws[0];
  if (!first || ws.some((w) => !w || w.percent !== first.percent || w.scaleExponent !== first.scaleExponent || w.unit !== first.unit)) {
    return undefined;
  }
  return first;
}

const ADDITIVE_CALL = /^(sum|avg|min|max|abs|pp)\s*\(/;

/**
 * Is the step a sum or difference at its top level ("a + 0 * b", "sum(a, b)"), or a call of a
 * function that keeps its arguments' unit? Then its value reads like its figures.
 */
function additive(text: string): boolean {
  const t = text.trim();
  if (ADDITIVE_CALL.test(t) && t.endsWith(')')) return true;
  let depth = 0;
  let sawMultiplicative = false;
  for (let i = 0; i < t.length; i++) {
    const ch = t[i]!;
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (depth === 0 && (ch === '+' || ch === '-') && i > 0 && !/[eE(,*/^+-]\s*$/.test(t.slice(0, i))) return true;
    else if (depth === 0 && (ch === '*' || ch === '/' || ch === '^')) sawMultiplicative = true;
  }
  return !sawMultiplicative && !/\(/.test(t);
}

function explainStep(step: TraceStep, isLast: boolean, rule: LoadedRule, set: RuleSet, locale: Locale): ExplainedStep {
  const v = step.value;
  if (!('lo' in v)) {
    const truth = v.certain ? 'always' : v.possible ? 'sometimes' : 'never';
    return { expression: step.text, value: TRUTH_WORDS[truth], truth };
  }
  const out: ExplainedStep = { expression: step.text, value: '', lo: fractionToNumber(v.lo), hi: fractionToNumber(v.hi) };
  if (isLast && rule.kind === 'claim') {
    out.value = showInterval(v, rule.stated, locale, 2);
    return out;
  }
  // Written like the figures when that keeps its meaning: sums, differences and averages of
  // figures written alike, or one figure scaled by constants (10 * grdp); ratios plainly.
  const like = additive(step.text) || idsIn(step.text).length === 1 ? commonStyle(idsIn(step.text), set) : undefined;
  out.value = like ? showEnclosure(v, like, locale) : showInterval(v, undefined, locale);
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

function claimWhy(rule: LoadedClaimRule, computed: Interval, verdict: Verdict, locale: Locale): string[] {
  const stated = rule.stated;
  const set = statedSet(stated, rule.reading, rule.tolerance);
  const setText = describeSet(set, stated, locale);
  const c = showInterval(computed, stated, locale, 2);
  const write = (x: Fraction) => showValue(x, stated, locale, 2);
  const why: string[] = [];
  if (meets(computed, set)) {
    const lo = set.lo && set.lo.gt(computed.lo) ? set.lo : computed.lo;
    const hi = set.hi && set.hi.lt(computed.hi) ? set.hi : computed.hi;
    why.push(
      `The figures give ${c}; the stated “${stated.text}” admits ${setText}. They overlap on ${showInterval({ lo, hi }, stated, locale, 2)}, ` +
        'so the claim holds: some values the figures allow are written this way.',
    );
    return why;
  }
  why.push(gapSentence(computed, set, stated, setText, c, write, locale));
  if (verdict === 'warn' && rule.reading === 'round') {
    const loose = statedSet(stated, 'truncate', rule.tolerance);
    if (meets(computed, loose)) {
      why.push(
        `Read as truncated instead, “${stated.text}” admits ${describeSet(loose, stated, locale)}, which the figures meet: ` +
          'the claim holds only if the value was cut after its last digit instead of rounded (verdict warn).',
      );
    }
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
  const above = set.hi !== null && computed.lo.gte(set.hi);
  const head = `The figures give ${c}; the stated “${stated.text}” admits ${setText}.`;
  if (gap.n === 0n) {
    const bound = above ? set.hi! : set.lo!;
    return `${head} They only touch at ${write(bound)}, which the reading excludes, so the claim does not hold.`;
  }
  if (above) {
    return (
      `${head} Even the lowest value the figures allow, ${write(computed.lo)}, is above the highest value the stated number admits, ` +
      `${write(set.hi!)}: a gap of ${gapText(gap, stated, locale)} that the precision of the figures and the rounding of the text cannot explain.`
    );
  }
  return (
    `${head} Even the highest value the figures allow, ${write(computed.hi)}, is below the lowest value the stated number admits, ` +
    `${write(set.lo!)}: a gap of ${gapText(gap, stated, locale)} that the precision of the figures and the rounding of the text cannot explain.`
  );
}

/**
 * Explain one rule of a rule set from its judged result (the result carries the diagnosis and
 * the waiver). `notes` are diagnostics to show with it (for a rule that could not be loaded, its
 * problems).
 */
export function explainRule(rule: LoadedRule | BrokenRule, set: RuleSet, result: RuleResult, notes: Diagnostic[] = []): Explanation {
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
    ...(result.diagnosis ? { diagnosis: result.diagnosis } : {}),
    ...(result.waiver ? { waiver: result.waiver } : {}),
    notes: [...notes],
  };
  if (!('kind' in rule)) {
    // A rule that could not be loaded: its problems (passed in `notes`) are the explanation.
    out.why.push(`The rule could not be loaded: ${result.message}`);
    return out;
  }
  const compiledOrError = compileExpression(rule.expr);
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
  const compiled: CompiledExpression = compiledOrError.compiled;
  out.figures = compiled.symbols.map((id) => explainFigure(id, set, result.document, locale));
  const scope = new Map<string, Interval>();
  for (const id of compiled.symbols) {
    const interval = set.figures.get(id)?.interval;
    if (interval) scope.set(id, interval);
  }
  const writtenNames = new Map<string, string>();
  const readNames = new Map<string, string>();
  for (const f of out.figures) {
    if (f.written) writtenNames.set(f.id, f.written);
    if (f.read) readNames.set(f.id, f.read);
  }
  out.substituted = { written: substitute(rule.expr, writtenNames), read: substitute(rule.expr, readNames) };
  if (result.computed) out.computed = result.computed.text;

  if (result.verdict === 'unverifiable' || result.verdict === 'error' || scope.size < compiled.symbols.length) {
    out.why.push(result.verdict === 'unverifiable' ? `The rule ${result.message}.` : `The rule is broken: ${result.message}`);
    return out;
  }
  let trace: TraceStep[];
  try {
    trace = traceExpression(compiled, scope);
  } catch (error) {
    out.why.push(`The expression cannot be evaluated: ${error instanceof Error ? error.message : String(error)}`);
    return out;
  }
  out.steps = trace.map((step, i) => explainStep(step, i === trace.length - 1, rule, set, locale));
  const value = compiled.evaluate(scope);
  if (rule.kind === 'claim') {
    if ('lo' in value) out.why.push(...claimWhy(rule, value, result.verdict, locale));
    else out.why.push(result.message);
  } else if (!('lo' in value)) {
    const truth = value.certain ? 'always' : value.possible ? 'sometimes' : 'never';
    out.why.push(
      truth === 'always'
        ? `The assertion is ${TRUTH_WORDS.always}, so it holds.`
        : truth === 'sometimes'
          ? `The assertion is ${TRUTH_WORDS.sometimes}: within the figures' precision it can hold, so it is given the benefit of the doubt and passes.`
          : `The assertion is ${TRUTH_WORDS.never}, so it fails.`,
    );
  } else {
    out.why.push(result.message);
  }
  return out;
}
