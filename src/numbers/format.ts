/**
 * Writing a base-unit value back the way the document writes numbers: the locale's
 * separators, a scale word, percent or unit. Reports show computed values next to stated ones,
 * so they must look alike ("45.481 tỷ đồng", not "45481000000").
 *
 * Rounding is half-up, away from zero for negatives, done on BigInts: the written digits are
 * exactly the rounded rational, never a float's idea of it.
 */
import Fraction from 'fraction.js';
import type { Locale, WrittenNumber } from '../model.js';
import { isPpWord, isPrefixSymbol, LOCALES, SUFFIX_UNITS } from './locale.js';

export interface FormatStyle {
  /** Digits after the decimal separator (a non-negative integer). */
  decimals: number;
  /** Power of ten the value is expressed in (9 → "tỷ"/"billion"). */
  scaleExponent?: number;
  /** The scale word to write; the locale's default word for the exponent when absent. */
  scaleWord?: string;
  percent?: boolean;
  /** A unit to write after the number; with `percent`, a percentage-point word ("pp"). */
  unit?: string;
  /** "30,3 %" rather than "30,3%". */
  spaceBeforePercent?: boolean;
  /** "$5" rather than "5 $"; defaults to true for $, US$, € in en, false otherwise. */
  unitBefore?: boolean;
}

/** 10^k for k ≥ 0; the exponents reports write again and again are made once. */
const POWERS: bigint[] = [];
export function pow10n(k: number): bigint {
  if (k >= 64) return 10n ** BigInt(k);
  return (POWERS[k] ??= 10n ** BigInt(k));
}

const POWER_FRACTIONS: Fraction[] = [];
function pow10(k: number): Fraction {
  if (k >= 64) return new Fraction(10n ** BigInt(k));
  return (POWER_FRACTIONS[k] ??= new Fraction(pow10n(k)));
}

/** `value` expressed in the style's scale/percent units (45.481e9 with exponent 9 → 45.481). */
export function toDisplayUnits(value: Fraction, scaleExponent = 0, percent = false): Fraction {
  // ÷ 10^exponent, × 100 for a percent: one power of ten, one operation.
  const k = (percent ? 2 : 0) - scaleExponent;
  return k === 0 ? value : k > 0 ? value.mul(pow10(k)) : value.div(pow10(-k));
}

/** How a value is rounded to written digits: half away from zero (reports), or toward +∞ / −∞ (bounds). */
export type Rounding = 'half-up' | 'up' | 'down';

/**
 * `value` in display units (÷ 10^scaleExponent, × 100 for a percent), rounded to `decimals`
 * digits, as a signed count of 10^-decimals units. One power of ten and one division on BigInts,
 * no Fraction made on the way: reports round every value they show, several times.
 */
export function displayUnits(value: Fraction, scaleExponent: number, percent: boolean | undefined, decimals: number, mode: Rounding = 'half-up'): bigint {
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError(`decimals must be a non-negative integer, got ${decimals}`);
  const k = decimals + (percent ? 2 : 0) - scaleExponent;
  const [n, d] = k >= 0 ? [value.n * pow10n(k), value.d] : [value.n, value.d * pow10n(-k)];
  const q = n / d;
  const r = n - q * d;
  const positive = value.s >= 0n;
  const away = mode === 'half-up' ? 2n * r >= d : r !== 0n && (mode === 'up') === positive;
  const magnitude = away ? q + 1n : q;
  return positive ? magnitude : -magnitude;
}

/** Groups of three from the right, for any integer part of four digits or more. */
function group(intPart: string, sep: string): string {
  if (intPart.length < 4) return intPart;
  const head = intPart.length % 3 || 3;
  const parts = [intPart.slice(0, head)];
  for (let i = head; i < intPart.length; i += 3) parts.push(intPart.slice(i, i + 3));
  return parts.join(sep);
}

/** The numeral alone (no sign) for a non-negative count of 10^-decimals units. */
function numeral(units: bigint, decimals: number, locale: Locale): string {
  const { group: g, decimal } = LOCALES[locale];
  const digits = units.toString().padStart(decimals + 1, '0');
  const intPart = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return group(intPart, g) + (decimals > 0 ? decimal + frac : '');
}

export function formatNumber(value: Fraction, locale: Locale, style: FormatStyle): string {
  const exponent = style.scaleExponent ?? 0;
  const units = displayUnits(value, exponent, style.percent, style.decimals);
  const sign = units < 0n ? '-' : '';
  let body = numeral(units < 0n ? -units : units, style.decimals, locale);
  if (exponent !== 0) {
    const word = style.scaleWord ?? LOCALES[locale].defaultScale[exponent];
    if (word === undefined) throw new RangeError(`no ${locale} scale word for 10^${exponent}`);
    body += ` ${word}`;
  }
  const unit = style.unit;
  if (style.percent) {
    if (isPpWord(unit)) return `${sign}${body} ${unit}`;
    // a rate per period keeps its period: "5%/năm", "7,3 % mỗi năm", "5 phần trăm mỗi năm"
    if (unit !== undefined && unit.startsWith('%')) return `${sign}${body}${style.spaceBeforePercent ? ' ' : ''}${unit}`;
    if (unit !== undefined) return `${sign}${body} ${unit}`;
    return `${sign}${body}${style.spaceBeforePercent ? ' ' : ''}%`;
  }
  if (unit === undefined) return sign + body;
  const before = style.unitBefore ?? (locale === 'en' && isPrefixSymbol(unit));
  // a letter code stands apart from the numeral ("USD 1.2 billion"); a symbol does not ("$1.2 billion")
  return before ? `${sign}${unit}${/\p{L}$/u.test(unit) ? ' ' : ''}${body}` : `${sign}${body} ${unit}`;
}

/** The percentage-point words of `text` as written ("điểm phần trăm"), if any. */
function ppWordIn(text: string): string | undefined {
  const lower = text.toLowerCase();
  for (const u of SUFFIX_UNITS) {
    if (u.kind !== 'pp') continue;
    const at = lower.lastIndexOf(u.word.toLowerCase());
    if (at >= 0) return text.slice(at, at + u.word.length);
  }
  return undefined;
}

/** The style `like` is written in: decimals, scale word, percent, unit and their placement. */
export function styleOf(like: WrittenNumber, extraDecimals = 0): FormatStyle {
  // A fraction, multiple or ratio has no written digits to copy ("một nửa", "gấp đôi", "1:3"):
  // values like it are shown with two decimals, 0,50 rather than a rounded 1.
  const base = like.form === 'fraction' || like.form === 'multiple' || like.form === 'ratio' ? Math.max(like.decimals, 2) : like.decimals;
  const style: FormatStyle = {
    decimals: base + extraDecimals,
    scaleExponent: like.scaleExponent,
    percent: like.percent,
    spaceBeforePercent: /\s%/u.test(like.text),
  };
  if (like.scaleWord !== undefined) style.scaleWord = like.scaleWord;
  if (like.unit !== undefined) {
    style.unit = like.unit === 'pp' ? (ppWordIn(like.text) ?? 'pp') : like.unit;
    if (like.percent && like.unit.startsWith('%')) style.spaceBeforePercent = /\s%/u.test(like.text);
    const at = like.text.indexOf(like.unit);
    style.unitBefore = at >= 0 && at < like.text.indexOf(like.numeral);
  }
  return style;
}

/** `value` written the way `like` is written, with `extraDecimals` more digits. */
export function formatLike(value: Fraction, like: WrittenNumber, locale: Locale, extraDecimals = 0): string {
  return formatNumber(value, locale, styleOf(like, extraDecimals));
}
