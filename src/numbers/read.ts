/**
 * Reading one number expression as written: numeral (per-locale separators), scale word,
 * percent or unit, optional range. The parsing core here is shared with the document scanner,
 * so a number reads the same whether it comes from a rule's quote or from the document.
 *
 * Values are built from the digit string as BigInt → Fraction: no float ever touches them.
 */
import Fraction from 'fraction.js';
import { lookupTable } from '../lookup.js';
import type { Locale, UnitInfo, WrittenNumber } from '../model.js';
import { pow10n } from './format.js';
import { LOCALES, matchScale } from './locale.js';
import { matchWord, skipSpaces } from './text.js';
import { matchPrefixUnit, matchSuffixUnit, PERCENT_UNIT, PP_UNIT } from './units.js';
import { parseWordNumber, wordToWritten } from './words.js';

/** Not a number: `offset` is where in the input the reading went wrong. */
export class NumberReadError extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.name = 'NumberReadError';
    this.offset = offset;
  }
}

export interface Fail {
  fail: true;
  offset: number;
  message: string;
}

export const isFail = (x: object): x is Fail => 'fail' in x;

const fail = (offset: number, message: string): Fail => ({ fail: true, offset, message });

export interface ParsedUnit {
  written: string;
  kind: 'unit' | 'percent' | 'pp';
  before: boolean;
  info: UnitInfo;
  /** Nothing between it and the numeral or scale ("25tỷ", "tỷUSD", "5%"). */
  glued?: boolean;
}

/** One number with its own prefix/suffix, before range ends share theirs. */
export interface SingleParse {
  start: number;
  end: number;
  numStart: number;
  numEnd: number;
  negative: boolean;
  /** All digits of the numeral, separators removed. */
  digits: bigint;
  decimals: number;
  scale?: { word: string; exponent: number };
  unit?: ParsedUnit;
}

export interface ExprParse {
  start: number;
  end: number;
  lo: SingleParse;
  hi?: SingleParse;
  /** How the ends are joined: a dash, or words ("to", "đến", "and"). */
  joiner?: string;
}

const DIGIT = /[0-9]/;
const SIGNS = '-−+';
const DASHES = '-–—';
const SEPARATORS = '.,';

/** End of the digit token at `pos` (digits joined by '.' or ','), before any locale check. */
export function rawNumeralEnd(text: string, pos: number): number {
  // /[0-9]+(?:[.,][0-9]+)*/y by hand: every number of every document goes through here, and a
  // sticky regex allocates its match.
  let i = digitsEnd(text, pos);
  if (i === pos) return pos;
  for (let c = text.charCodeAt(i); (c === 46 || c === 44) && isDigitCode(text.charCodeAt(i + 1)); c = text.charCodeAt(i)) i = digitsEnd(text, i + 1);
  return i;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** The end of the run of ASCII digits at `pos`. */
function digitsEnd(text: string, pos: number): number {
  let i = pos;
  while (isDigitCode(text.charCodeAt(i))) i++;
  return i;
}

/** A separator right before a digit, with no digit before it: ",5%", ".5". */
export function leadingSeparatorAt(text: string, pos: number): boolean {
  return SEPARATORS.includes(text[pos] ?? '\0') && DIGIT.test(text[pos + 1] ?? '');
}

/** The message for a numeral that starts with a separator, naming the reading a writer meant. */
export function leadingSeparatorProblem(text: string, pos: number, locale: Locale): string {
  const end = rawNumeralEnd(text, pos + 1);
  const tok = text.slice(pos, end);
  const { decimal } = LOCALES[locale];
  return `"${tok}": a numeral cannot start with a separator; it is not read as ${tok.slice(1)} (write 0${decimal}${tok.slice(1)} for a decimal)`;
}

/**
 * Checks the digit token against the locale: a group separator is followed by exactly three
 * digits and preceded by a 1–3 digit head; at most one decimal separator, after all groups.
 * So vi-VN "1.5" is an error rather than 1.5 or 15 — it is ambiguous and we refuse to guess.
 */
export function parseNumeral(text: string, pos: number, locale: Locale): { end: number; digits: bigint; decimals: number } | Fail {
  if (leadingSeparatorAt(text, pos)) return fail(pos, leadingSeparatorProblem(text, pos, locale));
  const end = rawNumeralEnd(text, pos);
  if (end === pos) return fail(pos, `expected a digit, found ${describe(text, pos)}`);
  const { group, decimal } = LOCALES[locale];
  // One pass over the digit runs and the separators between them (rawNumeralEnd), with no split
  // and no join: every number of every document is read here.
  let decimalAt = -1;
  let runs = 0;
  let lastRun = pos;
  let value = 0;
  let count = 0;
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (isDigitCode(c)) {
      value = value * 10 + (c - 48);
      count++;
      continue;
    }
    if (text[i] === decimal) {
      if (decimalAt >= 0) return fail(i, `second decimal separator '${decimal}' in "${text.slice(pos, end)}" (${locale})`);
      decimalAt = runs;
    } else {
      if (decimalAt >= 0) return fail(i, `group separator '${group}' after the decimal separator in "${text.slice(pos, end)}" (${locale})`);
      if (runs === 0 && i - pos > 3) return fail(pos, `"${text.slice(pos, end)}": a grouped number starts with 1 to 3 digits (${locale})`);
      if (digitsEnd(text, i + 1) - (i + 1) !== 3)
        return fail(i, `"${text.slice(pos, end)}": group separator '${group}' must be followed by exactly 3 digits (in ${locale} the decimal separator is '${decimal}')`);
    }
    runs++;
    lastRun = i + 1;
  }
  // Up to 15 digits, the value is a double exactly (< 2^53); beyond, it is read from its digits.
  const digits = count <= 15 ? BigInt(value) : BigInt(text.slice(pos, end).replace(/[.,]/g, ''));
  return { end, digits, decimals: decimalAt >= 0 ? end - lastRun : 0 };
}

function describe(text: string, pos: number): string {
  return pos >= text.length ? 'end of text' : `"${text.slice(pos, pos + 12)}"`;
}

/** [sign] [prefix currency] [sign] numeral [scale word] [% | pp | unit], glued or spaced. */
export function parseSingle(text: string, pos: number, locale: Locale): SingleParse | Fail {
  let p = pos;
  let negative = false;
  let signed = false;
  const sign = (): void => {
    const c = text[p];
    if (!signed && c !== undefined && SIGNS.includes(c) && (DIGIT.test(text[p + 1] ?? '') || matchPrefixUnit(text, p + 1))) {
      negative = c !== '+';
      signed = true;
      p++;
    }
  };
  sign();
  let unit: ParsedUnit | undefined;
  const pre = matchPrefixUnit(text, p);
  if (pre) {
    unit = { written: pre.written, kind: 'unit', before: true, info: pre.info };
    p = skipSpaces(text, pre.end);
    sign();
  }
  const numStart = p;
  const num = parseNumeral(text, p, locale);
  if (isFail(num)) return num;
  const out: SingleParse = { start: pos, end: num.end, numStart, numEnd: num.end, negative, digits: num.digits, decimals: num.decimals };
  const scaleAt = skipSpaces(text, num.end);
  const scale = matchScale(text, scaleAt, locale, { glued: scaleAt === num.end, currency: unit !== undefined });
  if (scale) {
    out.scale = { word: scale.word, exponent: scale.exponent };
    out.end = scale.end;
  }
  if (!unit) {
    const at = skipSpaces(text, out.end);
    const suf = matchSuffixUnit(text, at, locale, at === out.end);
    if (suf) {
      unit = { written: suf.written, kind: suf.kind, before: false, info: suf.info, glued: at === out.end };
      out.end = suf.end;
    }
  }
  if (unit) out.unit = unit;
  return out;
}

const hasSuffix = (s: SingleParse): boolean => s.scale !== undefined || s.unit !== undefined;

/** Ends of a range must agree: "8-9%" yes, "8% - 9" or "5% - 6 USD" no. */
function rangeCompatible(lo: SingleParse, hi: SingleParse): boolean {
  if (hasSuffix(lo) && !hasSuffix(hi)) return false;
  if (!lo.unit || !hi.unit) return true;
  return lo.unit.info.code === hi.unit.info.code || (lo.unit.before && lo.unit.info.dimension === 'money' && hi.unit.info.code === lo.unit.info.code);
}

/** Words that join the ends of a range, per the word that opened it ("from", "between", "từ"). */
export const RANGE_JOINERS: Record<string, readonly string[]> = lookupTable({
  from: ['to'],
  between: ['and'],
  từ: ['đến', 'tới'],
});

/**
 * A single number, or two joined by -, – or — (spaces allowed around the dash), or, when
 * `joiners` are given (the scanner saw "from", "between", "từ" before), by one of those words.
 */
export function parseExpr(text: string, pos: number, locale: Locale, joiners: readonly string[] = []): ExprParse | Fail {
  const lo = parseSingle(text, pos, locale);
  if (isFail(lo)) return lo;
  const q = skipSpaces(text, lo.end);
  let r = -1;
  let joiner: string | undefined;
  if (q < text.length && DASHES.includes(text[q]!)) {
    r = skipSpaces(text, q + 1);
    joiner = text[q];
  } else {
    for (const w of joiners) {
      const e = matchWord(text, q, w);
      if (e > q && skipSpaces(text, e) > e) {
        r = skipSpaces(text, e);
        joiner = w;
        break;
      }
    }
  }
  if (r >= 0 && (DIGIT.test(text[r] ?? '') || SIGNS.includes(text[r] ?? '\0') || matchPrefixUnit(text, r))) {
    const hi = parseSingle(text, r, locale);
    if (!isFail(hi) && rangeCompatible(lo, hi)) return { start: pos, end: hi.end, lo, hi, ...(joiner ? { joiner } : {}) };
  }
  return { start: pos, end: lo.end, lo };
}

interface Inherited {
  scale?: SingleParse['scale'];
  unit?: ParsedUnit;
}

function unitInfoOf(unit: ParsedUnit | undefined): UnitInfo | undefined {
  if (!unit) return undefined;
  if (unit.kind === 'pp') return PP_UNIT;
  if (unit.kind === 'percent') return unit.info.code === '%' ? PERCENT_UNIT : unit.info;
  return unit.info;
}

/**
 * The value written: the digits over their decimals, times the scale word's power of ten, a
 * hundredth if a percentage, negated if signed — as one fraction, reduced once (not three
 * Fraction operations, each reducing its result, for every number of a document).
 */
export function writtenValue(s: Pick<SingleParse, 'digits' | 'decimals' | 'negative'>, scaleExponent: number, percent: boolean): Fraction {
  let n = s.digits;
  let d = pow10n(s.decimals);
  if (scaleExponent >= 0) n *= pow10n(scaleExponent);
  else d *= pow10n(-scaleExponent);
  if (percent) d *= 100n;
  return new Fraction(s.negative ? -n : n, d);
}

/**
 * The WrittenNumber for one end; `from` lends scale/percent/unit when `s` has none. `span` is
 * where the number is written, when more than the end itself (a whole expression).
 */
export function singleToWritten(text: string, s: SingleParse, kind: WrittenNumber['kind'], from: Inherited = {}, span: { start: number; end: number } = s): WrittenNumber {
  const scale = s.scale ?? from.scale;
  const unit = s.unit ?? from.unit;
  const percent = unit !== undefined && unit.kind !== 'unit';
  const value = writtenValue(s, scale?.exponent ?? 0, percent);
  // Made with its final text and span: the numbers a long document is scanned into are kept,
  // V8 soon allocates them as old objects, and a field changed afterwards costs a write barrier.
  const w: WrittenNumber = {
    text: text.slice(span.start, span.end),
    span: { start: span.start, end: span.end },
    kind,
    numeral: text.slice(s.numStart, s.numEnd),
    value,
    decimals: s.decimals,
    scaleExponent: scale?.exponent ?? 0,
    percent,
  };
  if (scale) w.scaleWord = scale.word;
  // A percentage keeps no unit word, except points ("pp") and a period ("%/năm").
  if (unit && (unit.kind !== 'percent' || unit.info.code !== '%')) w.unit = unit.written;
  const info = unitInfoOf(unit);
  if (info) w.unitInfo = { ...info };
  return w;
}

/**
 * The WrittenNumber of a parsed expression. In a range a trailing scale/percent/unit applies
 * to both ends ("8-9%", "5-6 triệu USD", "from 100 to 109.4 billion") and a leading currency too
 * ("$5-6 million"); the range takes its lower end's value and style, and carries both ends.
 */
export function exprToWritten(text: string, e: ExprParse, kind: 'quantity' | 'year' = 'quantity'): WrittenNumber {
  // Fresh objects are changed in place, never spread into a literal with more keys: in V8 11
  // (Node 20) `{ ...a, b }` gives each number a hidden class of its own.
  if (!e.hi) return singleToWritten(text, e.lo, kind, {}, e);
  const { lo: l, hi: h } = e;
  const loFrom = inheritedBy(l, h);
  const lo = singleToWritten(text, l, kind, loFrom);
  const hi = singleToWritten(text, h, kind, l.unit?.before ? { unit: l.unit } : {});
  const w = singleToWritten(text, l, kind, loFrom);
  w.text = text.slice(e.start, e.end);
  w.span = { start: e.start, end: e.end };
  w.kind = kind === 'year' ? 'year' : 'range';
  w.numeral = text.slice(l.numStart, h.numEnd);
  w.range = [lo, hi];
  const shared = sharedWords(l, loFrom);
  if (shared && kind !== 'year') w.why = `range: "${shared}" of the upper end applies to both ends`;
  return w;
}

/** What the lower end of a range (or a change "from X to Y") takes from the upper end. */
export function inheritedBy(l: SingleParse, h: SingleParse): Inherited {
  const from: Inherited = {};
  if (!l.scale && (!l.unit || l.unit.before)) from.scale = h.scale;
  if (!l.unit) from.unit = h.unit;
  return from;
}

/** The words the lower end borrowed, as written ("tỷ đồng", "billion"), if any. */
export function sharedWords(l: SingleParse, from: Inherited): string | undefined {
  const words = [!l.scale ? from.scale?.word : undefined, !l.unit ? from.unit?.written : undefined].filter((x) => x !== undefined);
  return words.length ? words.join(' ') : undefined;
}

const LEADING = /^\s*/u;
const FREE_UNIT = /[\p{L}\p{M}][\p{L}\p{M} /]*/uy;
const RANGE_OPENER = /^(from|between|từ)\s+/iu;

/**
 * Reads ONE number expression that is the whole (trimmed) `text`: a numeral with its scale and
 * unit, a range ("8-9%", "từ 100 đến 120 tỷ đồng", "between 5 and 6 million"), a ratio ("1:3")
 * or a number written in words ("một nửa", "two thirds", "gấp đôi", "five"). A trailing run of
 * plain words is accepted as the unit ("35 chỉ tiêu") when no known unit was written: a figure's
 * value may name what it counts. Anything else left over is an error. The kind is `quantity` or
 * `range`: classifying years and dates is the scanner's job, not the reader's.
 */
export function readNumber(input: string, locale: Locale): WrittenNumber {
  // Scale and unit words are NFC in the tables; an NFD "tỷ" would otherwise be read as a free
  // unit and the value silently lose 10⁹. Spans refer to the NFC text (the input itself when,
  // as the pipeline guarantees, it is NFC already).
  const text = input.normalize('NFC');
  let start = LEADING.exec(text)![0].length;
  const end = text.trimEnd().length;
  if (start >= end) throw new NumberReadError('expected a number, found an empty text', 0);
  if (leadingSeparatorAt(text, start)) throw new NumberReadError(`not a number: ${leadingSeparatorProblem(text, start, locale)}`, start);
  const opener = RANGE_OPENER.exec(text.slice(start));
  const joiners = opener ? RANGE_JOINERS[opener[1]!.toLowerCase()]! : [];
  if (opener && DIGIT.test(text[start + opener[0].length] ?? '')) start += opener[0].length;

  if (!DIGIT.test(text[start]!) && !SIGNS.includes(text[start]!) && !matchPrefixUnit(text, start)) {
    const word = parseWordNumber(text, start, locale);
    if (word && skipSpaces(text, word.end) >= end) return wordToWritten(text, word);
  }
  const ratio = readRatio(text, start, end, locale);
  if (ratio) return ratio;

  const e = parseExpr(text, start, locale, joiners);
  if (isFail(e)) throw new NumberReadError(`not a number: ${e.message}`, e.offset);
  let freeUnit: string | undefined;
  const q = skipSpaces(text, e.end);
  if (q > e.end && !e.lo.unit && !e.hi?.unit) {
    FREE_UNIT.lastIndex = q;
    const m = FREE_UNIT.exec(text);
    if (m && q + m[0].trimEnd().length === end) {
      freeUnit = m[0].trimEnd();
      e.end = end;
    }
  }
  if (e.end !== end) {
    const at = skipSpaces(text, e.end);
    throw new NumberReadError(`unexpected ${describe(text, at)} after the number "${text.slice(start, e.end)}"`, at);
  }
  const w = exprToWritten(text, e);
  if (freeUnit !== undefined) {
    // A noun the unit table does not know: kept as written, its dimension unknown.
    w.unit = freeUnit;
    w.unitInfo = { code: freeUnit.toLowerCase(), dimension: 'other' };
    if (w.range) for (const r of w.range) {
      r.unit ??= freeUnit;
      r.unitInfo ??= { ...w.unitInfo };
    }
  }
  return w;
}

const RATIO = /([0-9]+(?:[.,][0-9]{3})*)[ \t]*:[ \t]*([0-9]+(?:[.,][0-9]{3})*)/y;

/** "1:3", "2 : 1", "1:50.000" as the whole text: one quantity, a / b. */
function readRatio(text: string, start: number, end: number, locale: Locale): WrittenNumber | null {
  RATIO.lastIndex = start;
  const m = RATIO.exec(text);
  if (!m || RATIO.lastIndex !== end) return null;
  return ratioToWritten(text, start, end, m[1]!, m[2]!, locale, 'ratio a:b');
}

/** A ratio or digit fraction written a:b or a/b: value a/b, exact, dimensionless. */
export function ratioToWritten(text: string, start: number, end: number, a: string, b: string, locale: Locale, why: string): WrittenNumber | null {
  const na = parseNumeral(a, 0, locale);
  const nb = parseNumeral(b, 0, locale);
  if (isFail(na) || isFail(nb) || na.decimals || nb.decimals || nb.digits === 0n || na.end !== a.length || nb.end !== b.length) return null;
  return {
    text: text.slice(start, end),
    span: { start, end },
    kind: 'quantity',
    numeral: text.slice(start, end),
    value: new Fraction(na.digits, nb.digits),
    decimals: 0,
    scaleExponent: 0,
    percent: false,
    form: 'ratio',
    unitInfo: { code: 'ratio', dimension: 'percent' },
    why,
  };
}
