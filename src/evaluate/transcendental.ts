/**
 * Rigorous rational bounds on ln and exp, for powers whose exponent is not a small exact
 * rational (5^(a/3100), with a a figure). decimal.js computes each at PRECISION significant
 * digits; the result is then widened by a margin ten orders of magnitude above its error, so the
 * bounds hold whatever the last digits of the library do. They are tight to about 10⁻⁴⁰ relative:
 * far below any precision a report writes.
 */
import { Decimal } from 'decimal.js';
import Fraction from 'fraction.js';
import { EvaluationError } from './errors.js';

const PRECISION = 50;
/** Relative margin: PRECISION − 10 digits. */
const MARGIN = new Fraction(1n, 10n ** 40n);
/** exp of more than this overflows any report: refused rather than computed. */
const MAX_EXP_ARGUMENT = new Fraction(10_000);

const D = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const toDecimal = (x: Fraction): Decimal => new D((x.s < 0n ? '-' : '') + x.n.toString()).div(new D(x.d.toString()));
const toFraction = (x: Decimal): Fraction => new Fraction(x.toFixed());

function widened(value: Fraction, scale: Fraction): { lo: Fraction; hi: Fraction } {
  const m = scale.mul(MARGIN);
  return { lo: value.sub(m), hi: value.add(m) };
}

const atLeastOne = (x: Fraction): Fraction => (x.abs().gt(1) ? x.abs() : new Fraction(1));

/** [lo, hi] ∋ ln x, for x > 0. */
export function lnBounds(x: Fraction): { lo: Fraction; hi: Fraction } {
  if (x.s < 0n || x.n === 0n) throw new EvaluationError('ln of a number that is not above 0');
  const value = toFraction(toDecimal(x).ln());
  // The rounding of x itself moves ln by about 10⁻⁵⁰ absolute; ln's own error is relative.
  return widened(value, atLeastOne(value));
}

/** [lo, hi] ∋ exp y. */
export function expBounds(y: Fraction): { lo: Fraction; hi: Fraction } {
  if (y.abs().gt(MAX_EXP_ARGUMENT)) throw new EvaluationError('power too large');
  const value = toFraction(toDecimal(y).exp());
  // An absolute error e in y is a relative error of about e in exp(y); e ≤ |y|·10⁻⁵⁰.
  const bounds = widened(value, value.mul(atLeastOne(y)));
  return { lo: bounds.lo.s < 0n ? new Fraction(0) : bounds.lo, hi: bounds.hi };
}
