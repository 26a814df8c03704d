/**
 * Interval arithmetic over exact rationals.
 *
 * Every operation returns a sound enclosure: for any choice of points inside the input intervals,
 * the exact result of the point operation lies inside the output interval. Endpoints are
 * fraction.js `Fraction`s (BigInt numerator/denominator), never JS floats, so a verdict decided at a
 * boundary agrees with exact decimal arithmetic. Floats appear only in `toNumbers` (display) and as
 * the starting guess of an integer root, which is then corrected and verified exactly.
 *
 * Each operation below is exact for independent operands (the bounds are attained by some choice
 * of inputs) except `root`, which rounds outward to about 2⁻⁶⁰ relative.
 */
import Fraction from 'fraction.js';
import type { Interval } from '../model.js';

/** An error while evaluating an expression (as opposed to a malformed expression). */
export class EvaluationError extends Error {
  override name = 'EvaluationError';
}

/**
 * The three-valued result of a comparison over intervals. `certain`: holds for every choice of
 * inputs; `possible`: holds for at least one. certain ⇒ possible.
 */
export type Truth = { kind: 'truth'; possible: boolean; certain: boolean };

/** Larger exponents or root degrees are refused: rule files are untrusted and BigInt powers are not free. */
export const MAX_EXPONENT = 1000;
/** Larger results of a power are refused: nested powers of rationals would otherwise exhaust memory. */
export const MAX_POWER_BITS = 1 << 16;
/** Significant bits of a root's endpoints: relative width about 2⁻⁶⁰ ≈ 1e-18 per endpoint. */
const ROOT_BITS = 60;

const ZERO = new Fraction(0);
const ONE = new Fraction(1);

// ---------------------------------------------------------------------------------------------
// Construction and inspection

/** Structural check, so a Fraction from another copy of fraction.js is still recognised. */
export function isFraction(x: unknown): x is Fraction {
  if (x instanceof Fraction) return true;
  if (typeof x !== 'object' || x === null) return false;
  const f = x as { s?: unknown; n?: unknown; d?: unknown; add?: unknown };
  return typeof f.s === 'bigint' && typeof f.n === 'bigint' && typeof f.d === 'bigint' && typeof f.add === 'function';
}

export function isInterval(x: unknown): x is Interval {
  if (typeof x !== 'object' || x === null) return false;
  const i = x as { lo?: unknown; hi?: unknown };
  return isFraction(i.lo) && isFraction(i.hi);
}

export function isTruth(x: unknown): x is Truth {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'truth';
}

function toFraction(x: Fraction | bigint | number): Fraction {
  if (typeof x === 'number') {
    // A float here would bring binary rounding into exact arithmetic: only integers are accepted.
    if (!Number.isSafeInteger(x)) throw new TypeError(`point(${x}): pass a Fraction, not a float`);
    return new Fraction(x);
  }
  if (typeof x === 'bigint') return new Fraction(x, 1n);
  return x;
}

/** The degenerate interval [x, x]. Numbers must be safe integers; use a Fraction otherwise. */
export function point(x: Fraction | bigint | number): Interval {
  const f = toFraction(x);
  return { lo: f, hi: f };
}

/** [lo, hi], checked: lo ≤ hi. */
export function interval(lo: Fraction | bigint | number, hi: Fraction | bigint | number): Interval {
  const l = toFraction(lo);
  const h = toFraction(hi);
  if (l.gt(h)) throw new EvaluationError(`empty interval [${l.toString()}, ${h.toString()}]`);
  return { lo: l, hi: h };
}

export function isPoint(x: Interval): boolean {
  return x.lo.equals(x.hi);
}

export function contains(x: Interval, v: Fraction): boolean {
  return x.lo.lte(v) && v.lte(x.hi);
}

/** Sign tests that do not depend on how the library stores the sign of zero. */
function negative(f: Fraction): boolean {
  return f.s < 0n && f.n !== 0n;
}
function nonNegative(f: Fraction): boolean {
  return !negative(f);
}

function fmin(a: Fraction, b: Fraction): Fraction {
  return a.lte(b) ? a : b;
}
function fmax(a: Fraction, b: Fraction): Fraction {
  return a.gte(b) ? a : b;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

export function add(a: Interval, b: Interval): Interval {
  return { lo: a.lo.add(b.lo), hi: a.hi.add(b.hi) };
}

export function sub(a: Interval, b: Interval): Interval {
  return { lo: a.lo.sub(b.hi), hi: a.hi.sub(b.lo) };
}

export function neg(a: Interval): Interval {
  return { lo: a.hi.neg(), hi: a.lo.neg() };
}

export function mul(a: Interval, b: Interval): Interval {
  // Fast path for the usual case (levels, counts, ratios are non-negative): two products, not four.
  if (nonNegative(a.lo) && nonNegative(b.lo)) return { lo: a.lo.mul(b.lo), hi: a.hi.mul(b.hi) };
  const p1 = a.lo.mul(b.lo);
  const p2 = a.lo.mul(b.hi);
  const p3 = a.hi.mul(b.lo);
  const p4 = a.hi.mul(b.hi);
  return { lo: fmin(fmin(p1, p2), fmin(p3, p4)), hi: fmax(fmax(p1, p2), fmax(p3, p4)) };
}

/** 1 / b, for b not containing 0 (decreasing, so the endpoints swap). */
function inverse(b: Interval): Interval {
  if (b.lo.lte(ZERO) && b.hi.gte(ZERO)) throw new EvaluationError('division by an interval containing 0');
  return { lo: b.hi.inverse(), hi: b.lo.inverse() };
}

export function div(a: Interval, b: Interval): Interval {
  return mul(a, inverse(b));
}

function checkExponent(n: number | bigint, what: string): number {
  if (typeof n === 'number' && !Number.isInteger(n)) throw new EvaluationError(`${what} must be an integer, got ${n}`);
  const big = BigInt(n);
  const limit = BigInt(MAX_EXPONENT);
  if (big > limit || big < -limit) throw new EvaluationError(`${what} is too large (limit ${MAX_EXPONENT})`);
  return Number(big);
}

/** x^n for an integer n. Even powers of an interval spanning 0 start at 0. */
export function powInt(x: Interval, n: number | bigint): Interval {
  const k = checkExponent(n, 'exponent');
  if (k === 0) return point(ONE);
  if (k < 0) return inverse(powInt(x, -k));
  const bits = Math.max(bitLength(x.lo.n), bitLength(x.lo.d), bitLength(x.hi.n), bitLength(x.hi.d));
  if (bits * k > MAX_POWER_BITS) throw new EvaluationError(`power too large: about ${bits * k} bits (limit ${MAX_POWER_BITS})`);
  const lo = x.lo.pow(k);
  const hi = x.hi.pow(k);
  if (k % 2 === 1 || nonNegative(x.lo)) return { lo, hi }; // increasing on this domain
  if (negative(x.hi) || x.hi.equals(ZERO)) return { lo: hi, hi: lo }; // even power, x ≤ 0: decreasing
  return { lo: ZERO, hi: fmax(lo, hi) };
}

// --- n-th roots -------------------------------------------------------------------------------

function bitLength(n: bigint): number {
  return n === 0n ? 0 : n.toString(16).length * 4; // an upper bound within 3 bits is enough here
}

/** ⌊X^(1/n)⌋ for an integer X ≥ 0: a float guess, then integer Newton, then an exact check. */
function integerRoot(X: bigint, n: number): bigint {
  if (X < 2n) return X;
  const N = BigInt(n);
  // Float guess: X = top · 2^shift with shift a multiple of n, so X^(1/n) = top^(1/n) · 2^(shift/n);
  // keep 52 bits of the float root (not just its integer part, which may have few bits).
  const excess = Math.max(0, bitLength(X) - 64);
  const shift = excess - (excess % n);
  const g = Math.pow(Number(X >> BigInt(shift)), 1 / n);
  const gExp = Math.floor(Math.log2(g));
  const mantissa = BigInt(Math.floor(g * Math.pow(2, 52 - gExp)));
  const e = shift / n + gExp - 52;
  let r = e >= 0 ? mantissa << BigInt(e) : mantissa >> BigInt(-e);
  // Start above the root (the float is good to ~2⁻⁵⁰; a failed check grows the margin
  // geometrically), then integer Newton descends monotonically onto ⌊root⌋.
  r = r + (r >> 40n) + 2n;
  while (r ** N < X) r += (r >> 20n) + 1n;
  for (;;) {
    const next = ((N - 1n) * r + X / r ** (N - 1n)) / N;
    if (next >= r) break;
    r = next;
  }
  // Exact correction: whatever the arithmetic above did, leave only with r^n ≤ X < (r+1)^n.
  while (r ** N > X) r -= 1n;
  while ((r + 1n) ** N <= X) r += 1n;
  return r;
}

/**
 * A rational r with r^n ≤ a (down) or r^n ≥ a (up), a ≥ 0, within ~2^-ROOT_BITS relative of the
 * true root; exactly the root when that is rational.
 */
function rootNonNegative(a: Fraction, n: number, direction: 'down' | 'up'): Fraction {
  if (a.s === 0n || a.n === 0n) return ZERO;
  const N = a.n;
  const D = a.d;
  // A rational n-th power (1.331 = (11/10)³) has a rational root: return it exactly.
  const rn = integerRoot(N, n);
  const rd = integerRoot(D, n);
  const bn = BigInt(n);
  if (rn ** bn === N && rd ** bn === D) return new Fraction(rn, rd);
  const magnitude = bitLength(N) - bitLength(D);
  // Scale so that X = a · 2^(nP) has about n·ROOT_BITS bits, hence ⌊X^(1/n)⌋ about ROOT_BITS bits.
  const P = Math.ceil((ROOT_BITS * n - magnitude) / n);
  const num = P >= 0 ? N << BigInt(n * P) : N;
  const den = P >= 0 ? D : D << BigInt(-n * P);
  const X = num / den;
  let r = integerRoot(X, n);
  const exact = r ** BigInt(n) * den === num;
  if (direction === 'up' && !exact) r += 1n;
  const scaled = (v: bigint) => (P >= 0 ? new Fraction(v, 1n << BigInt(P)) : new Fraction(v << BigInt(-P), 1n));
  let result = scaled(r);
  // Verify with exact Fraction powers; widen outward by one unit of the last place until it holds.
  if (direction === 'down') {
    while (result.pow(n).gt(a)) result = scaled((r -= 1n));
  } else {
    while (result.pow(n).lt(a)) result = scaled((r += 1n));
  }
  return result;
}

function rootBound(a: Fraction, n: number, direction: 'down' | 'up'): Fraction {
  if (nonNegative(a)) return rootNonNegative(a, n, direction);
  // Odd n only (checked by the caller): the root of −a is −root(a), which flips the direction.
  return rootNonNegative(a.neg(), n, direction === 'down' ? 'up' : 'down').neg();
}

/**
 * The n-th root of x for a positive integer n: [lo, hi] with lo^n ≤ x.lo and hi^n ≥ x.hi, tight to
 * about 2⁻⁶⁰ relative, exact where the root is rational. x must be ≥ 0 when n is even.
 */
export function root(x: Interval, n: number | bigint): Interval {
  const k = checkExponent(n, 'root degree');
  if (k < 1) throw new EvaluationError(`root degree must be a positive integer, got ${k}`);
  if (k === 1) return x;
  if (k % 2 === 0 && negative(x.lo)) {
    throw new EvaluationError(`even root (degree ${k}) of an interval reaching below 0 (from ${x.lo.toString()})`);
  }
  return { lo: rootBound(x.lo, k, 'down'), hi: rootBound(x.hi, k, 'up') };
}

/**
 * x^y for an exact exponent y: an integer (powInt) or a rational p/q (q-th root, then p-th power).
 * An exponent with a width (a figure read with a precision) is refused.
 */
export function pow(x: Interval, y: Interval): Interval {
  if (!isPoint(y)) throw new EvaluationError('an exponent must be an exact number, not an interval');
  const e = y.lo;
  const p = e.s * e.n;
  if (e.d === 1n) return powInt(x, p);
  return powInt(root(x, e.d), p);
}

// --- lattice and helpers ----------------------------------------------------------------------

export function min(a: Interval, b: Interval): Interval {
  return { lo: fmin(a.lo, b.lo), hi: fmin(a.hi, b.hi) };
}

export function max(a: Interval, b: Interval): Interval {
  return { lo: fmax(a.lo, b.lo), hi: fmax(a.hi, b.hi) };
}

export function abs(x: Interval): Interval {
  if (nonNegative(x.lo)) return x;
  if (negative(x.hi) || x.hi.equals(ZERO)) return neg(x);
  return { lo: ZERO, hi: fmax(x.lo.neg(), x.hi) };
}

/** The smallest interval containing both. */
export function hull(a: Interval, b: Interval): Interval {
  return { lo: fmin(a.lo, b.lo), hi: fmax(a.hi, b.hi) };
}

export function width(x: Interval): Fraction {
  return x.hi.sub(x.lo);
}

export function midpoint(x: Interval): Fraction {
  return x.lo.add(x.hi).div(2);
}

/** Nearest float to a rational, without overflowing on huge numerators and denominators. */
export function fractionToNumber(f: Fraction): number {
  const sign = negative(f) ? -1 : 1;
  const bn = bitLength(f.n);
  const bd = bitLength(f.d);
  if (bn <= 1000 && bd <= 1000) return sign * (Number(f.n) / Number(f.d));
  const sn = Math.max(0, bn - 64);
  const sd = Math.max(0, bd - 64);
  return sign * (Number(f.n >> BigInt(sn)) / Number(f.d >> BigInt(sd))) * Math.pow(2, sn - sd);
}

/** Floats for display and tools only; never feed them back into a verdict. */
export function toNumbers(x: Interval): { lo: number; hi: number } {
  return { lo: fractionToNumber(x.lo), hi: fractionToNumber(x.hi) };
}

// ---------------------------------------------------------------------------------------------
// Three-valued comparisons, for assertions

export function truth(possible: boolean, certain: boolean): Truth {
  return { kind: 'truth', possible: possible || certain, certain };
}

/** a < b */
export function lt(a: Interval, b: Interval): Truth {
  return truth(a.lo.lt(b.hi), a.hi.lt(b.lo));
}
/** a ≤ b */
export function le(a: Interval, b: Interval): Truth {
  return truth(a.lo.lte(b.hi), a.hi.lte(b.lo));
}
export function gt(a: Interval, b: Interval): Truth {
  return lt(b, a);
}
export function ge(a: Interval, b: Interval): Truth {
  return le(b, a);
}
/** a = b: possible when the intervals overlap, certain only for equal points. */
export function eq(a: Interval, b: Interval): Truth {
  const overlap = a.lo.lte(b.hi) && b.lo.lte(a.hi);
  return truth(overlap, isPoint(a) && isPoint(b) && a.lo.equals(b.lo));
}
export function ne(a: Interval, b: Interval): Truth {
  return not(eq(a, b));
}

export function and(a: Truth, b: Truth): Truth {
  return truth(a.possible && b.possible, a.certain && b.certain);
}
export function or(a: Truth, b: Truth): Truth {
  return truth(a.possible || b.possible, a.certain || b.certain);
}
export function not(a: Truth): Truth {
  return truth(!a.certain, !a.possible);
}
