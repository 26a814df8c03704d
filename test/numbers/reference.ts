/**
 * An independent reference for the property tests: decimal rounding done on plain BigInts,
 * from numerator and denominator, without Fraction arithmetic or the code under test.
 */
import type Fraction from 'fraction.js';

/** x expressed in units of 10^-decimals of (10^exponent, ÷100 if percent) as num/den BigInts. */
function scaled(x: Fraction, decimals: number, exponent: number, percent: boolean): { neg: boolean; num: bigint; den: bigint } {
  const num = x.n * 10n ** BigInt(decimals) * (percent ? 100n : 1n);
  const den = x.d * 10n ** BigInt(exponent);
  return { neg: x.s < 0n && x.n !== 0n, num, den };
}

/** The integer count of last-digit units that rounding x half away from zero writes. */
export function refRound(x: Fraction, decimals: number, exponent = 0, percent = false): bigint {
  const { neg, num, den } = scaled(x, decimals, exponent, percent);
  let q = num / den;
  if ((num % den) * 2n >= den) q += 1n;
  return neg ? -q : q;
}

/** The same for truncation toward zero. */
export function refTruncate(x: Fraction, decimals: number, exponent = 0, percent = false): bigint {
  const { neg, num, den } = scaled(x, decimals, exponent, percent);
  const q = num / den;
  return neg ? -q : q;
}
