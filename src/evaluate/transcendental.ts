/**
 * Rigorous rational bounds on ln and exp, for powers whose exponent is not a small exact
 * rational (5^(a/3100), with a a figure). decimal.js computes each at PRECISION significant
 * digits; the result is then widened by a margin ten orders of magnitude above its error, so the
 * bounds hold whatever the last digits of the library do. They are tight to about 10⁻⁴⁰ relative:
 * far below any precision a report writes.
 */
import { Decimal } from 'decimal.js';
import Fraction from 'fraction.js';
import { absolute, dyadic, negated, plus, times } from './big-fractions.js';
import { EvaluationError } from './errors.js';

const PRECISION = 50;
/** Relative margin: PRECISION − 10 digits. */
const MARGIN = new Fraction(1n, 10n ** 40n);
/** exp of more than this overflows any report: refused rather than computed. */
const MAX_EXP_ARGUMENT = new Fraction(10_000);

const D = Decimal.clone({ precision: PRECISION, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const toDecimal = (x: Fraction): Decimal => new D((x.s < 0n ? '-' : '') + x.n.toString()).div(new D(x.d.toString()));

const LOG2_10 = Math.log2(10);
const pow2 = new Map<number, Decimal>();
const POW2 = (k: number): Decimal => {
  let p = pow2.get(k);
  if (!p) pow2.set(k, (p = new D(2n ** BigInt(k) + '')));
  return p;
};

/** Significant bits kept when a result comes back as a rational: a power-of-two denominator keeps it cheap. */
const KEEP_BITS = 160;

/**
 * The decimal as a rational with a power-of-two denominator, to about 2⁻¹⁶⁰ relative — far inside
 * the 10⁻⁴⁰ margin every bound is widened by (a decimal string would give 10⁵⁰ denominators, and
 * every later operation would pay for their gcd).
 */
function toFraction(x: Decimal): Fraction {
  if (x.isZero()) return new Fraction(0);
  // decimal.js keeps the base-10 exponent: log₂|x| ≈ e · log₂ 10, near enough to size the scale
  const log2 = Math.floor(x.e * LOG2_10);
  const k = KEEP_BITS - log2;
  const scaled = k >= 0 ? x.times(POW2(k)) : x.div(POW2(-k));
  const n = BigInt(scaled.toFixed(0));
  const magnitude = n < 0n ? -n : n;
  return k >= 0 ? dyadic(n < 0n, magnitude, 1n << BigInt(k)) : dyadic(n < 0n, magnitude << BigInt(-k), 1n);
}

// The arithmetic of big-fractions.ts: these are numbers of hundreds of bits, and fraction.js's
// gcds were most of a root's or a real power's time.
function widened(value: Fraction, scale: Fraction): { lo: Fraction; hi: Fraction } {
  const m = times(scale, MARGIN);
  return { lo: plus(value, negated(m)), hi: plus(value, m) };
}

const ONE = new Fraction(1);
const atLeastOne = (x: Fraction): Fraction => {
  const magnitude = absolute(x);
  return magnitude.gt(1) ? magnitude : ONE;
};

type Bounds = Readonly<{ lo: Fraction; hi: Fraction }>;

/**
 * The bounds last computed, by function and argument: a claim that repeats a power (a product of
 * the same root twenty times) and a search that comes back to a corner ask for the same ln and
 * exp again, each a few hundred microseconds of decimal arithmetic. Pure functions, so a
 * remembered answer is the answer; the memory is dropped whole when it fills.
 */
const remembered = new Map<string, Bounds>();
const REMEMBER_AT_MOST = 1024;

function rememberedOr(name: string, x: Fraction, compute: () => Bounds): Bounds {
  const key = `${name}${x.s < 0n ? '-' : ''}${x.n.toString(36)}/${x.d.toString(36)}`;
  let bounds = remembered.get(key);
  if (bounds === undefined) {
    bounds = compute();
    if (remembered.size >= REMEMBER_AT_MOST) remembered.clear();
    remembered.set(key, bounds);
  }
  return bounds;
}

/** [lo, hi] ∋ ln x, for x > 0. */
export function lnBounds(x: Fraction): Bounds {
  if (x.s < 0n || x.n === 0n) throw new EvaluationError('ln of a number that is not above 0');
  return rememberedOr('ln', x, () => {
    const value = toFraction(toDecimal(x).ln());
    // The rounding of x itself moves ln by about 10⁻⁵⁰ absolute; ln's own error is relative.
    return widened(value, atLeastOne(value));
  });
}

/** [lo, hi] ∋ exp y. */
export function expBounds(y: Fraction): Bounds {
  if (absolute(y).gt(MAX_EXP_ARGUMENT)) throw new EvaluationError('power too large');
  return rememberedOr('exp', y, () => {
    const value = toFraction(toDecimal(y).exp());
    // An absolute error e in y is a relative error of about e in exp(y); e ≤ |y|·10⁻⁵⁰.
    const bounds = widened(value, times(value, atLeastOne(y)));
    return { lo: bounds.lo.s < 0n ? new Fraction(0) : bounds.lo, hi: bounds.hi };
  });
}
