/** Small helpers shared by the evaluate tests (not a test file itself). */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import type { Interval } from '../../src/model.js';

/** A bounded interval (what the tests build; an `Interval` may also be unbounded). */
export type Bounded = { lo: Fraction; hi: Fraction };

export const F = (x: string | number | bigint, d?: bigint): Fraction =>
  d === undefined ? new Fraction(x as string) : new Fraction(BigInt(x), d);

/** [lo, hi] from decimal strings, exactly. */
export const iv = (lo: string, hi: string = lo): Bounded => ({ lo: new Fraction(lo), hi: new Fraction(hi) });

/** value ± half, e.g. around("45481", "0.5"). */
export const around = (v: string, half: string): Bounded => ({
  lo: new Fraction(v).sub(new Fraction(half)),
  hi: new Fraction(v).add(new Fraction(half)),
});

export const scopeOf = (entries: Record<string, Interval | null>): Map<string, Interval | null> => new Map(Object.entries(entries));

/** A rational with a small numerator and denominator. */
export const rationalArb = (maxNum = 100_000n, maxDen = 1000n): fc.Arbitrary<Fraction> =>
  fc
    .tuple(fc.bigInt({ min: -maxNum, max: maxNum }), fc.bigInt({ min: 1n, max: maxDen }))
    .map(([n, d]) => new Fraction(n, d));

/** An interval with rational endpoints; sometimes a point. */
export const intervalArb = (maxNum?: bigint, maxDen?: bigint): fc.Arbitrary<Bounded> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.tuple(rationalArb(maxNum, maxDen), rationalArb(maxNum, maxDen)) },
    { weight: 1, arbitrary: rationalArb(maxNum, maxDen).map((x) => [x, x] as [Fraction, Fraction]) },
  ).map(([a, b]) => (a.lte(b) ? { lo: a, hi: b } : { lo: b, hi: a }));

/** An interval that does not contain 0 (a divisor), of either sign. */
export const nonZeroIntervalArb = (maxNum = 100_000n, maxDen = 1000n): fc.Arbitrary<Bounded> =>
  fc
    .tuple(
      fc.bigInt({ min: 1n, max: maxNum }),
      fc.bigInt({ min: 1n, max: maxDen }),
      fc.bigInt({ min: 0n, max: maxNum }),
      fc.bigInt({ min: 1n, max: maxDen }),
      fc.boolean(),
    )
    .map(([n, d, w, wd, negative]) => {
      const lo = new Fraction(n, d);
      const hi = lo.add(new Fraction(w, wd));
      return negative ? { lo: hi.neg(), hi: lo.neg() } : { lo, hi };
    });

/** A point inside x: lo + t·(hi − lo) for t = k/1000, endpoints included. */
export const pointIn = (x: Bounded, k: number): Fraction => x.lo.add(x.hi.sub(x.lo).mul(new Fraction(k, 1000)));

/** A double as the exact rational it is (new Fraction(x) would approximate it). */
export function exactly(x: number): Fraction {
  if (!Number.isFinite(x)) throw new Error(`not finite: ${x}`);
  let scale = 0n;
  let y = x;
  while (!Number.isInteger(y)) {
    y *= 2;
    scale++;
  }
  return new Fraction(BigInt(y), 1n << scale);
}
