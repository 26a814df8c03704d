/**
 * Digit slip: two adjacent digits transposed (34 ↔ 43), a digit dropped (7.126 for 71.126) or
 * a digit typed twice (7.1226 for 7.126) — in the stated value or in one figure (the variants:
 * digit-variants.ts). Each variant is the number the writer may have meant; it is read back like
 * the original (same scale, unit, precision rules) and the claim re-judged with it.
 *
 * For an assertion, only figures it misses by more than a factor 3 are tried (see `missesWidely`).
 */
import type Fraction from 'fraction.js';
import type { Interval, Slip, WrittenNumber } from '../../../model.js';
import { floatsEnabled, fractionBounds } from '../../../evaluate/float-bounds.js';
import { halfUnit, writtenInterval } from '../../../numbers/index.js';
import { intervals as I } from '../../../evaluate/index.js';
import { meets } from '../../decide/index.js';
import { holdsWith, isClaim, missesWidely, orList, setWith, withFigure, type ClaimContext, type DiagnoseContext } from '../context.js';
import { neededFor } from '../implied.js';
import { pow10, variantsNear, variantText, type DigitSlipKind, type MayMatter } from './digit-variants.js';
import type { SlipDetector } from './types.js';

export { digitVariants, variantText, type DigitSlipKind, type DigitVariant } from './digit-variants.js';

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
 * not tried.) Both filters run first on the variants' approximate values, with a margin far wider
 * than their error: only variants they cannot rule out are built exactly and filtered again.
 */
export function detectDigitSlip(c: DiagnoseContext): Slip | null {
  if (holdsWith(c)) return null;
  const found: string[] = [];
  if (isClaim(c)) {
    const stated = c.rule.stated;
    for (const v of variantsNear(stated, c.locale, floatsEnabled() ? statedMayMeet(c) : () => true)) {
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
    const near = needed && floatsEnabled() ? figureMayMeet(interval, w, figure.exact, needed) : () => true;
    for (const v of variantsNear(w, c.locale, near)) {
      const variant = variantInterval(interval, w, v.number, figure.exact);
      if (needed && !I.intersect(variant, { lo: needed.lo, hi: needed.hi })) continue;
      const scope = withFigure(c.scope, id, variant);
      if (holdsWith(c, { scope })) found.push(`“${w.text}” (${id}) were ${variantText(v, w, c.locale)} (${WORDS[v.kind]})`);
    }
  }
  if (found.length === 0) return null;
  return { kind: 'digits', message: `digit slip: the ${c.rule.kind === 'claim' ? 'claim' : 'assertion'} holds if ${orList(found)}` };
}

/** Far more than the error of a variant's approximate value (10⁻¹⁴ relative) and of the bounds below. */
const MARGIN = 1e-9;

/** A double at or below x (±∞ for no bound), and one at or above. */
function below(x: Fraction | null, none: number): number {
  const out = new Float64Array(2);
  return x === null ? none : fractionBounds(x, out, 0) ? out[0]! : -Infinity;
}
function above(x: Fraction | null, none: number): number {
  const out = new Float64Array(2);
  return x === null ? none : fractionBounds(x, out, 0) ? out[1]! : Infinity;
}

/**
 * Half a unit of a variant's last digit, or more: 10^(scale − decimals) / 2 (÷ 100 for a
 * percentage). A fraction, multiple or ratio counts at least two decimals (precision.ts
 * `halfUnit`), which only makes its unit smaller.
 */
function halfUnitAtMost(w: WrittenNumber, decimals: number): number {
  return 0.5 * pow10(w.scaleExponent - decimals - (w.percent ? 2 : 0));
}

/**
 * Could a stated variant with a value in [a, b] admit a value of the claim's range? Whatever the
 * reading, a stated set lies within twice the larger of half a unit and the tolerance of its
 * value (a one-sided reading within the half-line from it): variants farther than that from the
 * range cannot meet it.
 */
export function statedMayMeet(c: Pick<ClaimContext, 'rule' | 'computed'>): MayMatter {
  const lo = below(c.computed.lo, -Infinity);
  const hi = above(c.computed.hi, Infinity);
  const tolerance = above(c.rule.tolerance, Infinity);
  const reading = c.rule.reading;
  const upward = reading === 'more-than' || reading === 'at-least';
  const downward = reading === 'less-than' || reading === 'at-most';
  return (a, b, decimals) => {
    const size = Math.max(Math.abs(a), Math.abs(b));
    const reach = 2 * Math.max(halfUnitAtMost(c.rule.stated, decimals), size * tolerance);
    const margin = MARGIN * (size + reach) + Number.MIN_VALUE;
    if (!Number.isFinite(size) || !Number.isFinite(margin)) return true;
    if (!downward && a - reach - margin > hi) return false;
    if (!upward && b + reach + margin < lo) return false;
    return true;
  };
}

/**
 * Could a variant of a figure with a value in [a, b] meet the values it would need? Its interval
 * is within the larger of the figure's half-width and half a unit of its last digit around its value.
 */
export function figureMayMeet(interval: Interval, w: WrittenNumber, exact: boolean, needed: { lo: Fraction | null; hi: Fraction | null }): MayMatter {
  if (!exact && (interval.lo === null || interval.hi === null)) return () => true; // the variant keeps the unbounded interval
  const lo = below(needed.lo, -Infinity);
  const hi = above(needed.hi, Infinity);
  const half = exact ? 0 : above(interval.hi!.sub(interval.lo!).div(2), Infinity);
  return (a, b, decimals) => {
    const reach = exact ? 0 : Math.max(half, halfUnitAtMost(w, decimals));
    const margin = MARGIN * (Math.max(Math.abs(a), Math.abs(b)) + reach) + Number.MIN_VALUE;
    if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(margin)) return true;
    return !(a - reach - margin > hi || b + reach + margin < lo);
  };
}

export const digitSlip: SlipDetector = { kind: 'digits', detect: detectDigitSlip };
