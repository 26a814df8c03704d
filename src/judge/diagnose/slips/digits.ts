/**
 * Digit slip: two adjacent digits transposed (34 ↔ 43), a digit dropped (7.126 for 71.126) or
 * a digit typed twice (7.1226 for 7.126) — in the stated value or in one figure. Each variant
 * is the number the writer may have meant; it is read back like the original (same scale, unit,
 * precision rules) and the claim re-judged with it.
 *
 * For an assertion, only figures it misses by more than a factor 3 are tried (see `missesWidely`).
 *
 * Not tried: a digit added at the end of the decimals (30,3 → 30,36). That is a more precise
 * reading of the same number, which rounding or truncation already accounts for.
 */
import Fraction from 'fraction.js';
import type { Interval, Slip, WrittenNumber } from '../../../model.js';
import { formatNumber, halfUnit, LOCALES, writtenInterval } from '../../../numbers/index.js';
import { styleOf } from '../../../numbers/format.js';
import { intervals as I } from '../../../evaluate/index.js';
import { meets } from '../../decide/index.js';
import { holdsWith, isClaim, missesWidely, orList, setWith, withFigure, type DiagnoseContext } from '../context.js';
import { neededFor } from '../implied.js';
import type { SlipDetector } from './types.js';

export type DigitSlipKind = 'transposed' | 'dropped' | 'duplicated';

export interface DigitVariant {
  kind: DigitSlipKind;
  /** The number meant, read like the original (its text is written only when it is reported). */
  number: WrittenNumber;
}

/** A variant as it would have been written, in the original's style. */
export function variantText(v: DigitVariant, original: WrittenNumber, locale: 'vi-VN' | 'en'): string {
  return formatNumber(v.number.value, locale, { ...styleOf(original), decimals: v.number.decimals });
}

/** The numbers `w` may have been meant as, one digit slip away. */
export function digitVariants(w: WrittenNumber, locale: 'vi-VN' | 'en'): DigitVariant[] {
  if (w.range) return [];
  const { decimal } = LOCALES[locale];
  const at = w.numeral.indexOf(decimal);
  const intDigits = (at >= 0 ? w.numeral.slice(0, at) : w.numeral).replace(/\D/g, '');
  const fracDigits = at >= 0 ? w.numeral.slice(at + 1).replace(/\D/g, '') : '';
  const seen = new Set<string>([`${intDigits}.${fracDigits}`]);
  const out: DigitVariant[] = [];
  const push = (kind: DigitSlipKind, i: string, f: string) => {
    if (i === '' || (i.length > 1 && i.startsWith('0'))) return;
    const key = `${i}.${f}`;
    if (seen.has(key)) return;
    seen.add(key);
    let value = new Fraction(BigInt(i + f), 10n ** BigInt(f.length)).mul(new Fraction(10n ** BigInt(w.scaleExponent)));
    if (w.percent) value = value.div(100);
    if (w.value.s < 0n) value = value.neg();
    out.push({ kind, number: { ...w, value, decimals: f.length } });
  };
  // Transpositions of adjacent digits, across the decimal mark too (7.126,1 → 7.121,6).
  const all = intDigits + fracDigits;
  for (let k = 0; k + 1 < all.length; k++) {
    if (all[k] === all[k + 1]) continue;
    const swapped = all.slice(0, k) + all[k + 1] + all[k] + all.slice(k + 2);
    push('transposed', swapped.slice(0, intDigits.length), swapped.slice(intDigits.length));
  }
  // A dropped digit: insert one anywhere in the integer part, or inside (not after) the decimals.
  for (let p = 0; p <= intDigits.length; p++) {
    for (let d = 0; d <= 9; d++) push('dropped', intDigits.slice(0, p) + d + intDigits.slice(p), fracDigits);
  }
  for (let p = 0; p < fracDigits.length; p++) {
    for (let d = 0; d <= 9; d++) push('dropped', intDigits, fracDigits.slice(0, p) + d + fracDigits.slice(p));
  }
  // A duplicated digit: remove one of two equal neighbours.
  for (let k = 0; k + 1 < intDigits.length; k++) {
    if (intDigits[k] === intDigits[k + 1]) push('duplicated', intDigits.slice(0, k) + intDigits.slice(k + 1), fracDigits);
  }
  for (let k = 0; k + 1 < fracDigits.length; k++) {
    if (fracDigits[k] === fracDigits[k + 1]) push('duplicated', intDigits, fracDigits.slice(0, k) + fracDigits.slice(k + 1));
  }
  return out;
}

const WORDS: Record<DigitSlipKind, string> = {
  transposed: 'two digits swapped',
  dropped: 'a digit dropped',
  duplicated: 'a digit typed twice',
};

/** A figure's interval for a variant: its own precision rule (exact, or ± half its last digit, or an explicit width). */
function variantInterval(original: Interval, w: WrittenNumber, v: WrittenNumber, exact: boolean): Interval {
  if (exact) return { lo: v.value, hi: v.value };
  if (original.lo === null || original.hi === null) return original;
  const half = original.hi.sub(original.lo).div(2);
  if (half.equals(halfUnit(w))) return writtenInterval(v);
  return { lo: v.value.sub(half), hi: v.value.add(half) };
}

/**
 * Variants are first filtered by what is already known, without evaluating anything: a variant
 * of the stated value must admit a value of the claim's range, a variant of a figure must meet the
 * values that figure would need (implied.ts). Only the few that pass are re-judged. (A figure's
 * needed set is the part nearest its written value; a variant that would land in another part is
 * not tried.)
 */
export function detectDigitSlip(c: DiagnoseContext): Slip | null {
  if (holdsWith(c)) return null;
  const found: string[] = [];
  if (isClaim(c)) {
    const stated = c.rule.stated;
    for (const v of digitVariants(stated, c.locale)) {
      if (!meets(c.computed, setWith(c, { stated: v.number }))) continue;
      if (holdsWith(c, { stated: v.number })) found.push(`the stated “${stated.text}” were ${variantText(v, stated, c.locale)} (${WORDS[v.kind]})`);
    }
  }
  for (const id of c.compiled.symbols) {
    const figure = c.figures.get(id);
    const interval = c.scope.get(id);
    const w = figure?.written;
    if (!figure || !interval || !w || !missesWidely(c, id)) continue;
    const needed = isClaim(c) ? neededFor(c, id) : undefined;
    if (needed === null) continue; // no value of this figure alone makes it hold
    for (const v of digitVariants(w, c.locale)) {
      const variant = variantInterval(interval, w, v.number, figure.exact);
      if (needed && !I.intersect(variant, { lo: needed.lo, hi: needed.hi })) continue;
      const scope = withFigure(c.scope, id, variant);
      if (holdsWith(c, { scope })) found.push(`“${w.text}” (${id}) were ${variantText(v, w, c.locale)} (${WORDS[v.kind]})`);
    }
  }
  if (found.length === 0) return null;
  return { kind: 'digits', message: `digit slip: the ${c.rule.kind === 'claim' ? 'claim' : 'assertion'} holds if ${orList(found)}` };
}

export const digitSlip: SlipDetector = { kind: 'digits', detect: detectDigitSlip };
