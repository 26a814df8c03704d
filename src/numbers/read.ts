/**
 * Reading one number expression as written: numeral (per-locale separators), scale word,
 * percent or unit, optional range. The parsing core here is shared with the document scanner,
 * so a number reads the same whether it comes from a rule's quote or from the document.
 *
 * Values are built from the digit string as BigInt → Fraction: no float ever touches them.
 */
import Fraction from 'fraction.js';
import type { Locale, WrittenNumber } from '../model.js';
import { LOCALES, matchPrefixUnit, matchScale, matchSuffixUnit, skipSpaces } from './locale.js';

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
  unit?: { written: string; kind: 'unit' | 'percent' | 'pp'; before: boolean };
}

export interface ExprParse {
  start: number;
  end: number;
  lo: SingleParse;
  hi?: SingleParse;
}

const DIGIT = /[0-9]/;
const RAW_NUMERAL = /[0-9]+(?:[.,][0-9]+)*/y;
const SIGNS = '-−+';
const DASHES = '-–—';

/** End of the digit token at `pos` (digits joined by '.' or ','), before any locale check. */
export function rawNumeralEnd(text: string, pos: number): number {
  RAW_NUMERAL.lastIndex = pos;
  return RAW_NUMERAL.exec(text) ? RAW_NUMERAL.lastIndex : pos;
}

/**
 * Checks the digit token against the locale: a group separator is followed by exactly three
 * digits and preceded by a 1–3 digit head; at most one decimal separator, after all groups.
 * So vi-VN "1.5" is an error rather than 1.5 or 15 — it is ambiguous and we refuse to guess.
 */
export function parseNumeral(text: string, pos: number, locale: Locale): { end: number; digits: bigint; decimals: number } | Fail {
  const end = rawNumeralEnd(text, pos);
  if (end === pos) return fail(pos, `expected a digit, found ${describe(text, pos)}`);
  const { group, decimal } = LOCALES[locale];
  const tok = text.slice(pos, end);
  const parts = tok.split(/[.,]/);
  let decimalAt = -1;
  let sepOffset = pos;
  for (let k = 0; k + 1 < parts.length; k++) {
    sepOffset += parts[k]!.length;
    const sep = tok[sepOffset - pos]!;
    if (sep === decimal) {
      if (decimalAt >= 0) return fail(sepOffset, `second decimal separator '${decimal}' in "${tok}" (${locale})`);
      decimalAt = k;
    } else {
      if (decimalAt >= 0) return fail(sepOffset, `group separator '${group}' after the decimal separator in "${tok}" (${locale})`);
      if (k === 0 && parts[0]!.length > 3) return fail(pos, `"${tok}": a grouped number starts with 1 to 3 digits (${locale})`);
      if (parts[k + 1]!.length !== 3)
        return fail(sepOffset, `"${tok}": group separator '${group}' must be followed by exactly 3 digits (in ${locale} the decimal separator is '${decimal}')`);
    }
    sepOffset += 1;
  }
  const digits = BigInt(parts.join(''));
  return { end, digits, decimals: decimalAt >= 0 ? parts[parts.length - 1]!.length : 0 };
}

function describe(text: string, pos: number): string {
  return pos >= text.length ? 'end of text' : `"${text.slice(pos, pos + 12)}"`;
}

/** [sign] [prefix currency] [sign] numeral [scale word] [% | pp | unit]. */
export function parseSingle(text: string, pos: number, locale: Locale): SingleParse | Fail {
  let p = pos;
  let negative = false;
  let signed = false;
  const sign = (): void => {
    const c = text[p];
    if (!signed && c !== undefined && SIGNS.includes(c)) {
      negative = c !== '+';
      signed = true;
      p++;
    }
  };
  sign();
  let unit: SingleParse['unit'];
  const pre = matchPrefixUnit(text, p);
  if (pre) {
    unit = { written: pre.written, kind: 'unit', before: true };
    p = skipSpaces(text, pre.end);
    sign();
  }
  const numStart = p;
  const num = parseNumeral(text, p, locale);
  if (isFail(num)) return num;
  const out: SingleParse = { start: pos, end: num.end, numStart, numEnd: num.end, negative, digits: num.digits, decimals: num.decimals };
  const scale = matchScale(text, skipSpaces(text, num.end), locale);
  if (scale) {
    out.scale = { word: scale.word, exponent: scale.exponent };
    out.end = scale.end;
  }
  const suf = unit ? null : matchSuffixUnit(text, skipSpaces(text, out.end));
  if (suf) {
    unit = { written: suf.kind === 'pp' ? 'pp' : suf.written, kind: suf.kind, before: false };
    out.end = suf.end;
  }
  if (unit) out.unit = unit;
  return out;
}

const hasSuffix = (s: SingleParse): boolean => s.scale !== undefined || s.unit !== undefined;

/** Ends of a range must agree: "8-9%" yes, "8% - 9" or "5% - 6 USD" no. */
function rangeCompatible(lo: SingleParse, hi: SingleParse): boolean {
  if (hasSuffix(lo) && !hasSuffix(hi)) return false;
  if (!lo.unit || !hi.unit) return true;
  const pct = (s: SingleParse): boolean => s.unit!.kind !== 'unit';
  if (pct(lo) !== pct(hi)) return false;
  return lo.unit.kind !== 'unit' || lo.unit.written.toUpperCase() === hi.unit.written.toUpperCase();
}

/** A single number, or two joined by -, – or — (spaces allowed around the dash). */
export function parseExpr(text: string, pos: number, locale: Locale): ExprParse | Fail {
  const lo = parseSingle(text, pos, locale);
  if (isFail(lo)) return lo;
  const q = skipSpaces(text, lo.end);
  if (q < text.length && DASHES.includes(text[q]!)) {
    const r = skipSpaces(text, q + 1);
    if (DIGIT.test(text[r] ?? '') || SIGNS.includes(text[r] ?? '\0') || matchPrefixUnit(text, r)) {
      const hi = parseSingle(text, r, locale);
      if (!isFail(hi) && rangeCompatible(lo, hi)) return { start: pos, end: hi.end, lo, hi };
    }
  }
  return { start: pos, end: lo.end, lo };
}

interface Inherited {
  scale?: SingleParse['scale'];
  unit?: SingleParse['unit'];
}

/** The WrittenNumber for one end; `from` lends scale/percent/unit when `s` has none. */
export function singleToWritten(text: string, s: SingleParse, kind: WrittenNumber['kind'], from: Inherited = {}): WrittenNumber {
  const scale = s.scale ?? from.scale;
  const unit = s.unit ?? from.unit;
  const percent = unit !== undefined && unit.kind !== 'unit';
  let value = new Fraction(s.digits, 10n ** BigInt(s.decimals));
  if (scale) value = value.mul(new Fraction(10n ** BigInt(scale.exponent)));
  if (percent) value = value.div(100);
  if (s.negative) value = value.neg();
  const w: WrittenNumber = {
    text: text.slice(s.start, s.end),
    span: { start: s.start, end: s.end },
    kind,
    numeral: text.slice(s.numStart, s.numEnd),
    value,
    decimals: s.decimals,
    scaleExponent: scale?.exponent ?? 0,
    percent,
  };
  if (scale) w.scaleWord = scale.word;
  if (unit && unit.kind !== 'percent') w.unit = unit.written;
  return w;
}

/**
 * The WrittenNumber of a parsed expression. In a range a trailing scale/percent/unit applies
 * to both ends ("8-9%", "5-6 triệu USD") and a leading currency too ("$5-6 million"); the
 * range takes its lower end's value and style, and carries both ends.
 */
export function exprToWritten(text: string, e: ExprParse, kind: 'quantity' | 'year' = 'quantity'): WrittenNumber {
  const whole = { text: text.slice(e.start, e.end), span: { start: e.start, end: e.end } };
  if (!e.hi) return { ...singleToWritten(text, e.lo, kind), ...whole };
  const { lo: l, hi: h } = e;
  const loFrom: Inherited = {};
  if (!l.scale && (!l.unit || l.unit.before)) loFrom.scale = h.scale;
  if (!l.unit) loFrom.unit = h.unit;
  const lo = singleToWritten(text, l, kind, loFrom);
  const hi = singleToWritten(text, h, kind, l.unit?.before ? { unit: l.unit } : {});
  return { ...lo, ...whole, kind: kind === 'year' ? 'year' : 'range', numeral: text.slice(l.numStart, h.numEnd), range: [lo, hi] };
}

const LEADING = /^\s*/u;
const FREE_UNIT = /[\p{L}\p{M}][\p{L}\p{M} /]*/uy;

/**
 * Reads ONE number expression that is the whole (trimmed) `text`. A trailing run of plain
 * words is accepted as the unit ("1.600 doanh nghiệp") when no known unit was written: a
 * figure's value may name what it counts. Anything else left over is an error. The kind is
 * `quantity` or `range`: classifying years and dates is the scanner's job, not the reader's.
 */
export function readNumber(input: string, locale: Locale): WrittenNumber {
  // Scale and unit words are NFC in the tables; an NFD "tỷ" would otherwise be read as a free
  // unit and the value silently lose 10⁹. Spans refer to the NFC text (the input itself when,
  // as the pipeline guarantees, it is NFC already).
  const text = input.normalize('NFC');
  const start = LEADING.exec(text)![0].length;
  const end = text.trimEnd().length;
  if (start >= end) throw new NumberReadError('expected a number, found an empty text', 0);
  const e = parseExpr(text, start, locale);
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
    w.unit = freeUnit;
    if (w.range) for (const end of w.range) end.unit ??= freeUnit;
  }
  return w;
}
