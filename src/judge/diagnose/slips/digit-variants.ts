/**
 * The numbers a written number may have been meant as, one digit slip away: two adjacent digits
 * transposed (34 ↔ 43), a digit dropped (7.126 for 71.126), a digit typed twice (7.1226 for
 * 7.126). A number of six digits has some sixty of them, and nearly all are far from anything
 * that could make a claim hold: `variantsNear` builds as exact numbers only those a float test on
 * their approximate value cannot rule out.
 *
 * Not produced: a digit added at the end of the decimals (30,3 → 30,36). That is a more precise
 * reading of the same number, which rounding or truncation already accounts for.
 */
import type { Locale, WrittenNumber } from '../../../model.js';
import { formatNumber, LOCALES, writtenValue } from '../../../numbers/index.js';
import { styleOf } from '../../../numbers/format.js';

export type DigitSlipKind = 'transposed' | 'dropped' | 'duplicated';

export interface DigitVariant {
  kind: DigitSlipKind;
  /** The number meant, read like the original (its text is written only when it is reported). */
  number: WrittenNumber;
}

/** A variant as it would have been written, in the original's style. */
export function variantText(v: DigitVariant, original: WrittenNumber, locale: Locale): string {
  return formatNumber(v.number.value, locale, { ...styleOf(original), decimals: v.number.decimals });
}

/**
 * A float test on variants: could one with a value in [a, b] (approximate values, within 10⁻¹⁴
 * relative of the exact ones, or not finite) and `decimals` decimals matter? It may say yes to
 * anything; it must never say no to a variant the exact test would keep.
 */
export type MayMatter = (a: number, b: number, decimals: number) => boolean;

/**
 * The variants of `w` that `mayMatter` keeps, in order, each number once and never the original;
 * `() => true` keeps them all. A dropped digit is ten variants, one per digit inserted, whose values
 * grow with it: the ten are asked about together first (from the digit 0 to the digit 9), and one
 * by one only if they may matter.
 */
export function variantsNear(w: WrittenNumber, locale: Locale, mayMatter: MayMatter): DigitVariant[] {
  if (w.range) return [];
  const { decimal } = LOCALES[locale];
  const at = w.numeral.indexOf(decimal);
  const intDigits = (at >= 0 ? w.numeral.slice(0, at) : w.numeral).replace(/\D/g, '');
  const fracDigits = at >= 0 ? w.numeral.slice(at + 1).replace(/\D/g, '') : '';
  // A variant's value is its digits × 10^(scale − decimals) (÷ 100 for a percentage), signed like w.
  const shift = w.scaleExponent - (w.percent ? 2 : 0);
  const sign = w.value.s < 0n ? -1 : 1;
  const approximate = (i: string, f: string) => sign * Number(i + f) * pow10(shift - f.length);
  const seen = new Set<string>([`${intDigits}.${fracDigits}`]);
  const out: DigitVariant[] = [];
  const visit = (kind: DigitSlipKind, i: string, f: string) => {
    if (i === '' || (i.length > 1 && i.startsWith('0'))) return;
    const v = approximate(i, f);
    // A number is ruled out by its value alone, so its repeats are too: skipping before the
    // repeat check keeps the first kind of every number kept.
    if (!mayMatter(v, v, f.length)) return;
    const key = `${i}.${f}`;
    if (seen.has(key)) return;
    seen.add(key);
    const value = writtenValue({ digits: BigInt(i + f), decimals: f.length, negative: w.value.s < 0n }, w.scaleExponent, w.percent);
    out.push({ kind, number: { ...w, value, decimals: f.length } });
  };
  /** The ten dropped-digit variants (i0 d i1 . f) or (i0 . f0 d f1): asked about together first. */
  const dropped = (i0: string, i1: string, f0: string, f1: string, inFraction: boolean) => {
    const withDigit = (d: number) => (inFraction ? approximate(i0, f0 + d + f1) : approximate(i0 + d + i1, f0));
    const [a, b] = [withDigit(0), withDigit(9)];
    if (!mayMatter(Math.min(a, b), Math.max(a, b), f0.length + f1.length + (inFraction ? 1 : 0))) return;
    for (let d = 0; d <= 9; d++) {
      if (inFraction) visit('dropped', i0, f0 + d + f1);
      else visit('dropped', i0 + d + i1, f0);
    }
  };
  // Transpositions of adjacent digits, across the decimal mark too (7.126,1 → 7.121,6).
  const all = intDigits + fracDigits;
  for (let k = 0; k + 1 < all.length; k++) {
    if (all[k] === all[k + 1]) continue;
    const swapped = all.slice(0, k) + all[k + 1] + all[k] + all.slice(k + 2);
    visit('transposed', swapped.slice(0, intDigits.length), swapped.slice(intDigits.length));
  }
  // A dropped digit: insert one anywhere in the integer part, or inside (not after) the decimals.
  // All of the first have one integer digit more (never a leading zero), all of the second the
  // same integer part: two ranges asked about before any one position is.
  const scale = pow10(shift);
  const ranged = (a: number, b: number, decimals: number) => mayMatter(Math.min(sign * a * scale, sign * b * scale), Math.max(sign * a * scale, sign * b * scale), decimals);
  const integer = Number(intDigits || '0');
  if (ranged(intDigits ? pow10(intDigits.length) : 0, pow10(intDigits.length + 1), fracDigits.length)) {
    for (let p = 0; p <= intDigits.length; p++) dropped(intDigits.slice(0, p), intDigits.slice(p), fracDigits, '', false);
  }
  if (ranged(integer, integer + 1, fracDigits.length + 1)) {
    for (let p = 0; p < fracDigits.length; p++) dropped(intDigits, '', fracDigits.slice(0, p), fracDigits.slice(p), true);
  }
  // A duplicated digit: remove one of two equal neighbours.
  for (let k = 0; k + 1 < intDigits.length; k++) {
    if (intDigits[k] === intDigits[k + 1]) visit('duplicated', intDigits.slice(0, k) + intDigits.slice(k + 1), fracDigits);
  }
  for (let k = 0; k + 1 < fracDigits.length; k++) {
    if (fracDigits[k] === fracDigits[k + 1]) visit('duplicated', intDigits, fracDigits.slice(0, k) + fracDigits.slice(k + 1));
  }
  return out;
}

/** The numbers `w` may have been meant as, one digit slip away. */
export function digitVariants(w: WrittenNumber, locale: Locale): DigitVariant[] {
  return variantsNear(w, locale, () => true);
}

/** 10^k as the double nearest to it (parsing is correctly rounded); NaN beyond what doubles hold. */
export function pow10(k: number): number {
  if (k < -300 || k > 300) return NaN;
  let p = POWERS[k + 300];
  if (p === undefined) p = POWERS[k + 300] = Number(`1e${k}`);
  return p;
}

const POWERS: number[] = [];
