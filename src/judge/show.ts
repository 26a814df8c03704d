/**
 * Writing values for reviewers: in the style of a number of the document when there is one
 * ("8.056,0 tỷ đồng"), else as a plain decimal with enough significant digits. Display only:
 * nothing here feeds a verdict.
 */
import Fraction from 'fraction.js';
import type { Interval, Locale, WrittenNumber } from '../model.js';
import { formatLike, formatNumber } from '../numbers/index.js';
import { displayUnits, pow10n, type Rounding } from '../numbers/format.js';
import { intervals as I } from '../evaluate/index.js';
import { fractionToNumber } from '../evaluate/interval.js';

/** Digits after the decimal mark that show `x` with `significant` significant digits (0 to 12). */
function decimalsFor(x: Fraction, significant: number): number {
  const magnitude = Math.abs(fractionToNumber(x));
  if (magnitude === 0 || !Number.isFinite(magnitude)) return Math.min(significant, 6);
  const d = significant - 1 - Math.floor(Math.log10(magnitude));
  return Math.max(0, Math.min(12, d));
}

/** A plain decimal in the locale, e.g. "1,514 83" → "1,51483". */
export function showPlain(x: Fraction, locale: Locale, significant = 6): string {
  return formatNumber(x, locale, { decimals: decimalsFor(x, significant) });
}

/** Which ends of an interval are open ("more than 12" never reaches 12). */
export type OpenEnds = { lo: boolean; hi: boolean };

/** An unbounded interval: its finite end written like `like`, the other as ∞. */
function showUnbounded(x: Interval, write: (f: Fraction) => string, open?: OpenEnds): string {
  if (x.lo === null && x.hi === null) return '(−∞; ∞)';
  if (x.lo === null) return `(−∞; ${write(x.hi!)}${open?.hi ? ')' : ']'}`;
  return `${open?.lo ? '(' : '['}${write(x.lo)}; ∞)`;
}

/**
 * An interval written like `like` (or plainly), with the fewest extra decimals (from `extra`)
 * that tell its ends apart; a point is written once; an unbounded end is ∞.
 */
export function showInterval(x: Interval, like: WrittenNumber | undefined, locale: Locale, extra = 1, open?: OpenEnds): string {
  const write = (f: Fraction, e: number) => (like ? formatLike(f, like, locale, e) : formatNumber(f, locale, { decimals: e }));
  if (!I.isBounded(x)) {
    const end = (x.lo ?? x.hi)!;
    return showUnbounded(x, (f) => write(f, like ? extra : decimalsFor(end, 6)), open);
  }
  let e = like ? extra : Math.max(decimalsFor(x.lo, 6), decimalsFor(x.hi, 6));
  let lo = write(x.lo, e);
  let hi = write(x.hi, e);
  for (let more = 0; lo === hi && !x.lo.equals(x.hi) && more < 6; more++) {
    e += 1;
    lo = write(x.lo, e);
    hi = write(x.hi, e);
  }
  if (lo === hi) return lo;
  return factorSuffix(lo, hi, open);
}

/**
 * An interval written like `like`, its ends rounded outward (lo down, hi up) to the fewest extra
 * decimals that tell them apart: what is written still encloses every value. A point is written once.
 */
export function showEnclosure(x: Interval, like: WrittenNumber, locale: Locale): string {
  if (!I.isBounded(x)) return showUnbounded(x, (f) => formatLike(f, like, locale, 0));
  if (x.lo.equals(x.hi)) return showInterval(x, like, locale, 0);
  for (let extra = 0; extra <= 6; extra++) {
    const d = like.decimals + extra;
    const lo = roundLike(x.lo, like, d, 'down');
    const hi = roundLike(x.hi, like, d, 'up');
    if (lo.equals(hi)) continue;
    return factorSuffix(formatLike(lo, like, locale, extra), formatLike(hi, like, locale, extra));
  }
  return showInterval(x, like, locale, 6);
}

/**
 * "[8.025,7 tỷ đồng; 8.086,5 tỷ đồng]" → "[8.025,7; 8.086,5] tỷ đồng": a word unit shared by
 * both ends is written once, after the bracket. A "%" stays with each number.
 */
export function factorSuffix(lo: string, hi: string, open?: OpenEnds): string {
  const [l, r] = [open?.lo ? '(' : '[', open?.hi ? ')' : ']'];
  const suffix = / [^\d\s][^\d]*$/u.exec(lo)?.[0];
  if (suffix && hi.endsWith(suffix) && !suffix.includes('%')) {
    return `${l}${lo.slice(0, -suffix.length)}; ${hi.slice(0, -suffix.length)}${r}${suffix}`;
  }
  return `${l}${lo}; ${hi}${r}`;
}

/** A value written like `like`, or plainly. */
export function showValue(x: Fraction, like: WrittenNumber | undefined, locale: Locale, extra = 0): string {
  return like ? formatLike(x, like, locale, extra) : showPlain(x, locale);
}

/**
 * `x` rounded to `decimals` digits of `like`'s display units (half-up, or toward +∞ / −∞),
 * back in base units.
 */
export function roundLike(x: Fraction, like: WrittenNumber, decimals: number, mode: Rounding = 'half-up'): Fraction {
  const units = displayUnits(x, like.scaleExponent, like.percent, decimals, mode);
  // Back in base units: × 10^(exponent − decimals), ÷ 100 for a percent.
  const k = like.scaleExponent - decimals - (like.percent ? 2 : 0);
  return k >= 0 ? new Fraction(units * pow10n(k)) : new Fraction(units, pow10n(-k));
}
