/**
 * Interval arithmetic over exact rationals, with unbounded ends.
 *
 * Every operation returns a sound enclosure: for any choice of points inside the input intervals,
 * the exact result of the point operation lies inside the output interval. Endpoints are
 * fraction.js `Fraction`s (BigInt numerator/denominator), never JS floats, so a verdict decided at a
 * boundary agrees with exact decimal arithmetic. An end may be `null`: −∞ for `lo`, +∞ for `hi`
 * (a figure the text gives only as a bound, "hơn 12.000 tỷ", is (12 000 tỷ; ∞)).
 *
 * Each operation is exact for independent operands (the bounds are attained, or approached when
 * infinite) except where it must round: an n-th root (outward, about 2⁻⁶⁰ relative), a power with
 * an interval exponent (outward, about 10⁻³⁰), and a bound that grows beyond BIG_BITS bits, which
 * is rounded outward to ROUND_BITS significant bits so that crafted expressions ((a/b)^999 nested)
 * cannot make arithmetic arbitrarily slow. Ordinary report arithmetic never comes near that size.
 */
import Fraction from 'fraction.js';
import type { Interval } from '../model.js';
import { absolute, dyadic, negated, plus, reciprocal, times } from './big-fractions.js';
import { EvaluationError } from './errors.js';
import { expBounds, lnBounds } from './transcendental.js';

export { EvaluationError } from './errors.js';

/** Larger exponents or root degrees are refused: rule files are untrusted and BigInt powers are not free. */
export const MAX_EXPONENT = 1000;
/** A bound whose numerator or denominator exceeds this many bits is rounded outward … */
export const BIG_BITS = 1024;
/** … to this many significant bits. */
const ROUND_BITS = 256;
/**
 * Magnitudes beyond 2^MAX_MAGNITUDE_BITS (about 10^2466) are refused; below its inverse they are
 * rounded outward to 0 or to it. No report states such numbers, and keeping every bound within
 * this range keeps every operation cheap.
 */
const MAX_MAGNITUDE_BITS = 8192;
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
  return (i.lo === null || isFraction(i.lo)) && (i.hi === null || isFraction(i.hi)) && 'lo' in i && 'hi' in i;
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

/** [lo, hi], checked: lo ≤ hi; null for an unbounded end. */
export function interval(lo: Fraction | bigint | number | null, hi: Fraction | bigint | number | null): Interval {
  const l = lo === null ? null : toFraction(lo);
  const h = hi === null ? null : toFraction(hi);
  if (l !== null && h !== null && l.gt(h)) throw new EvaluationError(`empty interval [${l.toString()}, ${h.toString()}]`);
  return { lo: l, hi: h };
}

export function isPoint(x: Interval): x is { lo: Fraction; hi: Fraction } {
  return x.lo !== null && x.hi !== null && x.lo.equals(x.hi);
}

export function isBounded(x: Interval): x is { lo: Fraction; hi: Fraction } {
  return x.lo !== null && x.hi !== null;
}

export function contains(x: Interval, v: Fraction): boolean {
  return (x.lo === null || x.lo.lte(v)) && (x.hi === null || v.lte(x.hi));
}

/** Sign tests that do not depend on how the library stores the sign of zero. */
export function negative(f: Fraction): boolean {
  return f.s < 0n && f.n !== 0n;
}
export function positive(f: Fraction): boolean {
  return f.s > 0n && f.n !== 0n;
}
function nonNegative(f: Fraction): boolean {
  return !negative(f);
}
const isZero = (f: Fraction): boolean => f.n === 0n;

function fmin(a: Fraction, b: Fraction): Fraction {
  return a.lte(b) ? a : b;
}
function fmax(a: Fraction, b: Fraction): Fraction {
  return a.gte(b) ? a : b;
}
/** The lower of two lower ends (null is −∞). */
function loMin(a: Fraction | null, b: Fraction | null): Fraction | null {
  return a === null || b === null ? null : fmin(a, b);
}
function loMax(a: Fraction | null, b: Fraction | null): Fraction | null {
  return a === null ? b : b === null ? a : fmax(a, b);
}
/** The higher of two upper ends (null is +∞). */
function hiMax(a: Fraction | null, b: Fraction | null): Fraction | null {
  return a === null || b === null ? null : fmax(a, b);
}
function hiMin(a: Fraction | null, b: Fraction | null): Fraction | null {
  return a === null ? b : b === null ? a : fmin(a, b);
}

// ---------------------------------------------------------------------------------------------
// Outward rounding of oversized bounds

export function bitLength(n: bigint): number {
  const m = n < 0n ? -n : n;
  return m === 0n ? 0 : m.toString(16).length * 4; // an upper bound within 3 bits is enough here
}

const BIG = 1n << BigInt(BIG_BITS);
// Negated once: `-BIG` in the test would make a new 1024-bit BigInt at every call.
const MINUS_BIG = -BIG;
const within = (n: bigint): boolean => n < BIG && n > MINUS_BIG;

/**
 * x rounded toward −∞ ('down') or +∞ ('up') to ROUND_BITS significant bits, when it is oversized;
 * a magnitude beyond 2^MAX_MAGNITUDE_BITS is an EvaluationError, one below its inverse is rounded
 * outward to 0 or ±2^−MAX_MAGNITUDE_BITS.
 */
export function roundBound(x: Fraction, direction: 'down' | 'up'): Fraction {
  // bitLength(v) <= BIG_BITS exactly when |v| < 2^BIG_BITS (it counts hex digits): compared
  // without writing the number out, as every arithmetic step checks both ends of its result.
  if (within(x.n) && within(x.d)) return x;
  const magnitude = bitLength(x.n) - bitLength(x.d);
  if (magnitude > MAX_MAGNITUDE_BITS) throw new EvaluationError(`a value is too large (beyond 2^${MAX_MAGNITUDE_BITS}, about 10^2466)`);
  if (magnitude < -MAX_MAGNITUDE_BITS) {
    const tiny = new Fraction(1n, 1n << BigInt(MAX_MAGNITUDE_BITS));
    const neg = negative(x);
    if (neg) return direction === 'down' ? tiny.neg() : ZERO;
    return direction === 'down' ? ZERO : tiny;
  }
  // x = ±n/d; scale by 2^k so that the integer part carries about ROUND_BITS bits.
  const k = ROUND_BITS - (bitLength(x.n) - bitLength(x.d));
  const num = k >= 0 ? x.n << BigInt(k) : x.n;
  const den = k >= 0 ? x.d : x.d << BigInt(-k);
  let q = num / den; // |x|·2^k truncated
  const exact = q * den === num;
  const neg = negative(x);
  // Truncating |x| moves toward 0: correct for 'down' on positives and 'up' on negatives.
  if (!exact && (neg ? direction === 'down' : direction === 'up')) q += 1n;
  return k >= 0 ? dyadic(neg, q, 1n << BigInt(k)) : dyadic(neg, q << BigInt(-k), 1n);
}

function roundOut(x: Interval): Interval {
  return { lo: x.lo === null ? null : roundBound(x.lo, 'down'), hi: x.hi === null ? null : roundBound(x.hi, 'up') };
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

export function add(a: Interval, b: Interval): Interval {
  return roundOut({
    lo: a.lo === null || b.lo === null ? null : plus(a.lo, b.lo),
    hi: a.hi === null || b.hi === null ? null : plus(a.hi, b.hi),
  });
}

export function sub(a: Interval, b: Interval): Interval {
  return add(a, neg(b));
}

export function neg(a: Interval): Interval {
  return { lo: a.hi === null ? null : negated(a.hi), hi: a.lo === null ? null : negated(a.lo) };
}

/** An endpoint on the extended line: a rational, or ±∞. */
type Ext = Fraction | 1 | -1;
const signOf = (x: Ext): number => (typeof x === 'number' ? x : isZero(x) ? 0 : negative(x) ? -1 : 1);

/** Endpoint product with 0·∞ = 0, the convention that makes corner products give the hull. */
function extMul(x: Ext, y: Ext): Ext {
  if (typeof x !== 'number' && typeof y !== 'number') return times(x, y);
  const s = signOf(x) * signOf(y);
  return s === 0 ? ZERO : (s as 1 | -1);
}
const extLt = (x: Ext, y: Ext): boolean =>
  typeof x === 'number' || typeof y === 'number' ? (x === y ? false : x === -1 || y === 1) : x.lt(y);

export function mul(a: Interval, b: Interval): Interval {
  // Fast path for the usual case (levels, counts, ratios are bounded and non-negative): two products, not four.
  if (isBounded(a) && isBounded(b) && nonNegative(a.lo) && nonNegative(b.lo)) return roundOut({ lo: times(a.lo, b.lo), hi: times(a.hi, b.hi) });
  const ends = (x: Interval): [Ext, Ext] => [x.lo ?? -1, x.hi ?? 1];
  const [al, ah] = ends(a);
  const [bl, bh] = ends(b);
  const ps = [extMul(al, bl), extMul(al, bh), extMul(ah, bl), extMul(ah, bh)];
  let lo = ps[0]!;
  let hi = ps[0]!;
  for (const p of ps) {
    if (extLt(p, lo)) lo = p;
    if (extLt(hi, p)) hi = p;
  }
  return roundOut({ lo: typeof lo === 'number' ? null : lo, hi: typeof hi === 'number' ? null : hi });
}

/** 1 / b, for b not containing 0 (decreasing, so the endpoints swap; 1/∞ is 0). */
export function inverse(b: Interval): Interval {
  const reachesZeroFromBelow = b.lo === null || !positive(b.lo);
  const reachesZeroFromAbove = b.hi === null || !negative(b.hi);
  if (reachesZeroFromBelow && reachesZeroFromAbove) throw new EvaluationError('division by an interval containing 0');
  return roundOut({ lo: b.hi === null ? ZERO : reciprocal(b.hi), hi: b.lo === null ? ZERO : reciprocal(b.lo) });
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

/**
 * |x|^k rounded toward 0 ('down') or away from it ('up'): exact when the result stays small,
 * else by squaring with every intermediate rounded the same way (sound: powers of non-negative
 * numbers are increasing in the base).
 */
function powBound(x: Fraction, k: number, direction: 'down' | 'up'): Fraction {
  const m = absolute(x);
  if (Math.max(bitLength(m.n), bitLength(m.d)) * k <= BIG_BITS) return m.pow(k);
  let result = ONE;
  let base = m;
  let e = k;
  while (e > 0) {
    if (e & 1) result = roundBound(times(result, base), direction);
    e >>= 1;
    if (e > 0) base = roundBound(times(base, base), direction);
  }
  return result;
}

/** x^k for an endpoint x (sign restored): rounded so the result moves in `direction`. */
function powEnd(x: Fraction, k: number, direction: 'down' | 'up'): Fraction {
  const oddNegative = negative(x) && k % 2 === 1;
  // For a negative result, rounding its magnitude up moves it down.
  const magnitude = powBound(x, k, oddNegative ? (direction === 'down' ? 'up' : 'down') : direction);
  return oddNegative ? magnitude.neg() : magnitude;
}

/** x^n for an integer n. Even powers of an interval spanning 0 start at 0. */
export function powInt(x: Interval, n: number | bigint): Interval {
  const k = checkExponent(n, 'exponent');
  if (k === 0) return point(ONE);
  if (k < 0) return inverse(powInt(x, -k));
  const up = (f: Fraction | null, dir: 'down' | 'up'): Fraction | null => (f === null ? null : powEnd(f, k, dir));
  if (k % 2 === 1 || (x.lo !== null && nonNegative(x.lo))) return { lo: x.lo === null ? null : up(x.lo, 'down'), hi: up(x.hi, 'up') }; // increasing here
  if (x.hi !== null && !positive(x.hi)) return { lo: powEnd(x.hi, k, 'down'), hi: up(x.lo, 'up') }; // even power, x ≤ 0: decreasing
  return { lo: ZERO, hi: x.lo === null || x.hi === null ? null : fmax(powEnd(x.lo, k, 'up'), powEnd(x.hi, k, 'up')) };
}

// --- n-th roots -------------------------------------------------------------------------------

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
function rootNonNegative(input: Fraction, n: number, direction: 'down' | 'up'): Fraction {
  if (input.s === 0n || input.n === 0n) return ZERO;
  // A huge operand is first rounded the same way (the root is increasing).
  const a = roundBound(input, direction);
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

/** Beyond this degree a root is exp(ln(x) / n), bounded outward: exact integer roots would cost n·60-bit powers. */
const MAX_EXACT_ROOT_DEGREE = 32;

function rootByLogs(a: Fraction, n: number, direction: 'down' | 'up'): Fraction {
  if (a.n === 0n) return ZERO;
  const ln = lnBounds(a);
  return direction === 'down' ? expBounds(ln.lo.div(n)).lo : expBounds(ln.hi.div(n)).hi;
}

function rootBound(a: Fraction, n: number, direction: 'down' | 'up'): Fraction {
  if (n > MAX_EXACT_ROOT_DEGREE) {
    if (nonNegative(a)) return rootByLogs(a, n, direction);
    return rootByLogs(a.neg(), n, direction === 'down' ? 'up' : 'down').neg();
  }
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
  if (k % 2 === 0 && (x.lo === null || negative(x.lo))) {
    throw new EvaluationError(`even root (degree ${k}) of an interval reaching below 0 (from ${x.lo === null ? '−∞' : x.lo.toString()})`);
  }
  return { lo: x.lo === null ? null : rootBound(x.lo, k, 'down'), hi: x.hi === null ? null : rootBound(x.hi, k, 'up') };
}

/** Exponents with a denominator up to this are taken as an exact root then a power. */
const MAX_ROOT_DENOMINATOR = 1000n;

/**
 * x^y. An exact exponent with a small denominator (2, 1/3, 0.25) is an integer power of a root,
 * exact where the root is. Any other exponent — an interval (a figure with its precision), or a
 * rational like 1234/3100 — needs x > 0 and is exp(y · ln x): x^y is monotone in x for a fixed
 * sign of y and in y for x on one side of 1, and y · ln x is bilinear, so its extremes are at the
 * corners of the box; each corner is bounded outward (transcendental.ts).
 */
export function pow(x: Interval, y: Interval): Interval {
  if (isPoint(y) && y.lo.d <= MAX_ROOT_DENOMINATOR) {
    const e = y.lo;
    const p = e.s * e.n;
    if (e.d === 1n) return powInt(x, p);
    return powInt(root(x, e.d), p);
  }
  if (x.lo === null || !positive(x.lo)) {
    throw new EvaluationError('a power with a non-integer exponent needs a base above 0');
  }
  if (x.hi === null || y.lo === null || y.hi === null) {
    throw new EvaluationError('a power with a non-integer exponent needs a bounded base and exponent');
  }
  const lnX = { lo: lnBounds(x.lo).lo, hi: lnBounds(x.hi).hi };
  const product = mul(lnX, y);
  return { lo: expBounds(product.lo!).lo, hi: expBounds(product.hi!).hi };
}

// --- lattice and helpers ----------------------------------------------------------------------

export function min(a: Interval, b: Interval): Interval {
  return { lo: loMin(a.lo, b.lo), hi: hiMin(a.hi, b.hi) };
}

export function max(a: Interval, b: Interval): Interval {
  return { lo: loMax(a.lo, b.lo), hi: hiMax(a.hi, b.hi) };
}

export function abs(x: Interval): Interval {
  if (x.lo !== null && nonNegative(x.lo)) return x;
  if (x.hi !== null && !positive(x.hi)) return neg(x);
  return { lo: ZERO, hi: x.lo === null || x.hi === null ? null : fmax(x.lo.neg(), x.hi) };
}

/** The smallest interval containing both. */
export function hull(a: Interval, b: Interval): Interval {
  return { lo: loMin(a.lo, b.lo), hi: hiMax(a.hi, b.hi) };
}

/** The common part of two intervals, or null when they do not meet. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const lo = loMax(a.lo, b.lo);
  const hi = hiMin(a.hi, b.hi);
  if (lo !== null && hi !== null && lo.gt(hi)) return null;
  return { lo, hi };
}

/** hi − lo; null when unbounded. */
export function width(x: Interval): Fraction | null {
  return x.lo === null || x.hi === null ? null : x.hi.sub(x.lo);
}

/** The middle of a bounded interval; of a half-line, a point inside it (its end ± max(1, |end|)). */
export function midpoint(x: Interval): Fraction {
  if (x.lo !== null && x.hi !== null) return x.lo.add(x.hi).div(2);
  if (x.lo !== null) return x.lo.add(fmax(ONE, x.lo.abs()));
  if (x.hi !== null) return x.hi.sub(fmax(ONE, x.hi.abs()));
  return ZERO;
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

/** Floats for display and tools only (±Infinity for an unbounded end); never feed them back into a verdict. */
export function toNumbers(x: Interval): { lo: number; hi: number } {
  return { lo: x.lo === null ? -Infinity : fractionToNumber(x.lo), hi: x.hi === null ? Infinity : fractionToNumber(x.hi) };
}
