/**
 * How one number of a text was read, for `tally explain doc.txt:LINE:COL`: its class and the rule
 * of the reader that decided it, the numeral, scale, unit and written form, the exact value, the
 * interval its writing allows, its hedge and the reading a claim stating it gets by default.
 */
import type Fraction from 'fraction.js';
import type { Locale, NumberKind, Reading, Span, WrittenNumber } from '../model.js';
import { defaultReadingOf } from './defaults.js';
import { formatLike } from './format.js';
import { findHedge } from './hedges.js';
import { LOCALES } from './locale.js';
import { describeSet, halfUnit, isExactForm, statedSet, writtenInterval } from './precision.js';
import { scanNumbers } from './scan.js';

export interface NumberReading {
  /** As written, and where: [start, end) offsets into the NFC text. */
  text: string;
  span: Span;
  kind: NumberKind;
  /** The rule of the reader that decided the class (and any shared scale or ambiguity). */
  why: string;
  locale: Locale;
  /** The numeral alone (or the words of a number in words). */
  numeral: string;
  form: 'numeral' | 'word' | 'fraction' | 'multiple' | 'ratio';
  /** For malformed numerals: what is wrong. */
  problem?: string;
  /** Only for quantities and ranges: */
  value?: { exact: string; approx: number };
  decimals?: number;
  scale?: { word: string; exponent: number };
  percent?: boolean;
  unit?: { written?: string; code: string; dimension: string };
  /** The interval the written form allows, in its own notation, and the half-width. */
  interval?: { text: string; halfWidth: string };
  hedge?: { word: string; reading: Reading; position: 'before' | 'after' };
  /** The reading a claim stating this number gets unless its rule says otherwise, and the set it admits (5 % tolerance). */
  reading?: { reading: Reading; from: string; set: string };
  range?: { lo: string; hi: string };
}

/** The number of `text` at `offset` (inside its span), if any. */
export function numberAt(text: string, offset: number, locale: Locale): WrittenNumber | undefined {
  return scanNumbers(text, locale).find((n) => n.span.start <= offset && offset < n.span.end);
}

/** Every number on the line holding `offset`, for "no number here; on this line: …". */
export function numbersNear(text: string, offset: number, locale: Locale): WrittenNumber[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset) < 0 ? text.length : text.indexOf('\n', offset);
  return scanNumbers(text, locale).filter((n) => n.span.start >= lineStart && n.span.start < lineEnd);
}

/** A rational as an exact decimal when it has one, else as a fraction. */
export function exactText(x: Fraction): string {
  let d = x.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  return d === 1n ? x.toString() : x.toFraction();
}

const TOLERANCE_NOTE = 'about and nearly widen by 5 % (the default tolerance)';

export function describeReading(text: string, n: WrittenNumber, locale: Locale, tolerance: Fraction): NumberReading {
  const out: NumberReading = {
    text: n.text,
    span: n.span,
    kind: n.kind,
    why: n.why ?? n.kind,
    locale,
    numeral: n.numeral,
    form: n.form ?? 'numeral',
  };
  if (n.problem) out.problem = n.problem;
  if (n.kind !== 'quantity' && n.kind !== 'range') return out;
  out.value = { exact: exactText(n.value), approx: n.value.valueOf() };
  out.decimals = n.decimals;
  if (n.scaleWord) out.scale = { word: n.scaleWord, exponent: n.scaleExponent };
  out.percent = n.percent;
  if (n.unitInfo) out.unit = { ...(n.unit !== undefined ? { written: n.unit } : {}), code: n.unitInfo.code, dimension: n.unitInfo.dimension };
  const iv = writtenInterval(n);
  const show = (x: Fraction, like: WrittenNumber) => formatLike(x, like, locale, 1);
  const like = n.range ? n.range[1] : n;
  out.interval = {
    text: `[${show(iv.lo, n.range ? n.range[0] : n)}; ${show(iv.hi, like)}]`,
    halfWidth: isExactForm(n) ? 'exact as written' : `± ${show(halfUnit(n.range ? n.range[0] : n), n.range ? n.range[0] : n)}`,
  };
  if (n.range) out.range = { lo: exactText(n.range[0].value), hi: exactText(n.range[1].value) };
  const h = findHedge(text, n, locale);
  const hedge = h && (n.kind !== 'range' || h.reading === 'about') ? h : undefined;
  if (hedge) out.hedge = { word: hedge.word, reading: hedge.reading, position: hedge.position };
  let reading: Reading;
  let from: string;
  if (hedge) [reading, from] = [hedge.reading, `the hedge “${hedge.word}” ${hedge.position} the number`];
  else if (n.kind === 'range') [reading, from] = ['range', 'a written range'];
  else if (defaultReadingOf(n)) [reading, from] = [defaultReadingOf(n)!, `written as ${n.form === 'word' ? 'a number in words' : `a ${n.form}`}: a round figure of speech`];
  else [reading, from] = ['round', 'no hedge: half-up rounding of the written digits'];
  const set = statedSet(n, reading, tolerance);
  out.reading = { reading, from: reading === 'about' || reading === 'nearly' ? `${from}; ${TOLERANCE_NOTE}` : from, set: describeSet(set, n, locale) };
  return out;
}

/** The separators the locale reads, for the text of the explanation. */
export function separatorsOf(locale: Locale): string {
  const { group, decimal } = LOCALES[locale];
  return `group '${group}', decimal '${decimal}'`;
}
