/**
 * Products, sums, negations and reciprocals of rationals as fraction.js makes them, with less gcd
 * work.
 *
 * fraction.js reduces every result by a Euclidean gcd on BigInts, a loop of divisions as long as
 * the numbers have bits: for the bounds of a thousand bits that crafted claims reach (a power of
 * 999, a product of 75 quotients), most of an exact evaluation's time. Operands in lowest terms
 * need less (Knuth, TAOCP 4.5.1): a product's common factors are gcd(a.n, b.d) · gcd(b.n, a.d),
 * two gcds of half the size, each fast when one side is small (a figure's 10); a sum's divide
 * gcd(a.d, b.d), often small; a dyadic rational's (a power of two below, as rounded bounds and ln
 * and exp give them) only the lowest set bit of its numerator; a negation, an absolute value or a
 * reciprocal none at all.
 *
 * The results are the Fractions fraction.js would give, field for field (lowest terms are
 * unique; 0 is 0/1 with a positive sign), built as its own `newFraction` builds them, so they
 * also share its objects' hidden class. Small operands are left to fraction.js.
 */
import Fraction from 'fraction.js';

type Fields = { s: bigint; n: bigint; d: bigint };

/** n / d with sign s, already in lowest terms (d > 0, n ≥ 0): fraction.js's own object, without its gcd. */
function made(negative: boolean, n: bigint, d: bigint): Fraction {
  const f = Object.create(Fraction.prototype) as Fields;
  f.s = negative && n !== 0n ? -1n : 1n;
  f.n = n;
  f.d = n === 0n ? 1n : d;
  return f as unknown as Fraction;
}

/**
 * gcd(a, b) for a, b ≥ 0: the common power of two apart, then Euclid on the odd parts. Bounds
 * rounded outward and the results of ln and exp have denominators of a power of two times a small
 * odd number (a figure's 5^k): without the power of two, Euclid's first division leaves small numbers.
 */
function gcd(a: bigint, b: bigint): bigint {
  if (a === 0n) return b;
  if (b === 0n) return a;
  const lowA = a & -a;
  const lowB = b & -b;
  a /= lowA;
  b /= lowB;
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a * (lowA < lowB ? lowA : lowB);
}

const isPowerOfTwo = (d: bigint): boolean => (d & (d - 1n)) === 0n;
/** Beneath this, fraction.js's one gcd costs no more than the two here. */
const SMALL = 1n << 64n;

/** ±n / d in lowest terms, for n ≥ 0 and d a power of two: what `new Fraction(±n, d)` gives. */
export function dyadic(negative: boolean, n: bigint, d: bigint): Fraction {
  // The common factor is the largest power of two dividing n, at most d (n = 0: d itself).
  let common = n & -n;
  if (common === 0n || common > d) common = d;
  return made(negative, n / common, d / common);
}

/** a · b, exactly as `a.mul(b)`. */
export function times(a: Fraction, b: Fraction): Fraction {
  if (a.n < SMALL && a.d < SMALL && b.n < SMALL && b.d < SMALL) return a.mul(b);
  const negative = a.s * b.s < 0n;
  if (isPowerOfTwo(a.d) && isPowerOfTwo(b.d)) return dyadic(negative, a.n * b.n, a.d * b.d);
  const g1 = gcd(a.n, b.d);
  const g2 = gcd(b.n, a.d);
  return made(negative, (a.n / g1) * (b.n / g2), (a.d / g2) * (b.d / g1));
}

/** a + b, exactly as `a.add(b)`: the common factor of the sum divides g = gcd(a.d, b.d) (Knuth). */
export function plus(a: Fraction, b: Fraction): Fraction {
  if (a.n < SMALL && a.d < SMALL && b.n < SMALL && b.d < SMALL) return a.add(b);
  const g = gcd(a.d, b.d);
  const t = a.s * a.n * (b.d / g) + b.s * b.n * (a.d / g);
  const magnitude = t < 0n ? -t : t;
  const g2 = gcd(magnitude, g);
  return made(t < 0n, magnitude / g2, (a.d / g) * (b.d / g2));
}

/** −a, exactly as `a.neg()`. */
export const negated = (a: Fraction): Fraction => made(a.s > 0n, a.n, a.d);

/** |a|, as `a.abs()` (a itself when not negative). */
export const absolute = (a: Fraction): Fraction => (a.s < 0n ? negated(a) : a);

/** 1 / a, exactly as `a.inverse()` (which throws for 0). */
export const reciprocal = (a: Fraction): Fraction => (a.n === 0n ? a.inverse() : made(a.s < 0n, a.d, a.n));
