import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/model.js';
import * as I from '../../src/evaluate/interval.js';
import { EvaluationError } from '../../src/evaluate/interval.js';
import { F, intervalArb, iv, nonZeroIntervalArb, pointIn, rationalArb, type Bounded } from './helpers.js';

const same = (x: Interval, lo: string | null, hi: string | null) => {
  expect(x.lo === null ? null : x.lo.toFraction()).toBe(lo);
  expect(x.hi === null ? null : x.hi.toFraction()).toBe(hi);
};
const bounded = (x: Interval): Bounded => {
  expect(I.isBounded(x)).toBe(true);
  return x as Bounded;
};

describe('interval arithmetic', () => {
  it('adds, subtracts and negates endpoint-wise', () => {
    same(I.add(iv('1', '2'), iv('0.5', '0.75')), '3/2', '11/4');
    same(I.sub(iv('1', '2'), iv('0.5', '0.75')), '1/4', '3/2');
    same(I.neg(iv('-1', '2')), '-2', '1');
  });

  it('multiplies with mixed signs', () => {
    same(I.mul(iv('-2', '3'), iv('-5', '4')), '-15', '12');
    same(I.mul(iv('2', '3'), iv('4', '5')), '8', '15');
    same(I.mul(iv('-3', '-2'), iv('4', '5')), '-15', '-8');
  });

  it('divides, and refuses a divisor interval containing 0', () => {
    same(I.div(iv('1', '2'), iv('4', '8')), '1/8', '1/2');
    same(I.div(iv('1', '2'), iv('-8', '-4')), '-1/2', '-1/8');
    expect(() => I.div(iv('1'), iv('-1', '1'))).toThrow(EvaluationError);
    expect(() => I.div(iv('1'), iv('0', '1'))).toThrow('division by an interval containing 0');
    expect(() => I.div(iv('1'), iv('-1', '0'))).toThrow('division by an interval containing 0');
    expect(() => I.div(iv('1'), iv('0'))).toThrow('division by an interval containing 0');
  });

  it('raises to integer powers, even powers of intervals spanning 0 starting at 0', () => {
    same(I.powInt(iv('-2', '3'), 2), '0', '9');
    same(I.powInt(iv('-3', '2'), 2), '0', '9');
    same(I.powInt(iv('-3', '-2'), 2), '4', '9');
    same(I.powInt(iv('-2', '3'), 3), '-8', '27');
    same(I.powInt(iv('2', '4'), -1), '1/4', '1/2');
    same(I.powInt(iv('-2', '3'), 0), '1', '1');
    expect(() => I.powInt(iv('-1', '1'), -2)).toThrow('division by an interval containing 0');
    expect(() => I.powInt(iv('2'), 1_000_000)).toThrow(/too large/);
  });

  it('takes exact roots of perfect powers and encloses the others tightly', () => {
    same(I.root(iv('8', '27'), 3), '2', '3');
    same(I.root(iv('0', '4'), 2), '0', '2');
    same(I.root(iv('-27', '-8'), 3), '-3', '-2');
    same(I.root(iv('1.21'), 2), '11/10', '11/10');
    const r = bounded(I.root(iv('2'), 2));
    expect(r.lo.pow(2).lte(2)).toBe(true);
    expect(r.hi.pow(2).gte(2)).toBe(true);
    expect(r.hi.sub(r.lo).lte(new Fraction(1n, 10n ** 17n))).toBe(true);
    expect(() => I.root(iv('-1', '4'), 2)).toThrow(/even root/);
    expect(() => I.root(iv('4'), 0)).toThrow(EvaluationError);
  });

  it('pow: small exact rational exponents exactly; any other exponent, even an interval, through exp and ln', () => {
    same(I.pow(iv('4', '9'), iv('0.5')), '2', '3');
    same(I.pow(iv('8'), iv('-1', '-1')), '1/8', '1/8');
    same(I.pow(iv('8'), { lo: F(2, 3n), hi: F(2, 3n) }), '4', '4');
    // 2^[1, 2] = [2, 4], up to the outward rounding of exp/ln (about 1e-40)
    const r = bounded(I.pow(iv('2'), iv('1', '2')));
    expect(r.lo.lte(2) && r.lo.gt(F('1.9999999999'))).toBe(true);
    expect(r.hi.gte(4) && r.hi.lt(F('4.0000000001'))).toBe(true);
    // 5^(1234/3100): a denominator too large for an exact root
    const q = bounded(I.pow(iv('5'), { lo: F(1234, 3100n), hi: F(1234, 3100n) }));
    expect(I.fractionToNumber(q.lo)).toBeCloseTo(Math.pow(5, 1234 / 3100), 12);
    expect(q.lo.lte(q.hi)).toBe(true);
    expect(() => I.pow(iv('-2', '3'), iv('0.5', '1'))).toThrow(/base above 0/);
  });

  it('min, max, abs, hull, intersect, width, midpoint', () => {
    same(I.min(iv('1', '5'), iv('2', '3')), '1', '3');
    same(I.max(iv('1', '5'), iv('2', '3')), '2', '5');
    same(I.abs(iv('-3', '2')), '0', '3');
    same(I.abs(iv('-3', '-2')), '2', '3');
    same(I.hull(iv('1', '2'), iv('5', '6')), '1', '6');
    same(I.intersect(iv('1', '4'), iv('3', '6'))!, '3', '4');
    expect(I.intersect(iv('1', '2'), iv('3', '4'))).toBeNull();
    expect(I.width(iv('1.25', '2'))!.toFraction()).toBe('3/4');
    expect(I.midpoint(iv('1', '2')).toFraction()).toBe('3/2');
    expect(I.toNumbers(iv('0.5', '2'))).toEqual({ lo: 0.5, hi: 2 });
    expect(I.fractionToNumber(new Fraction(10n ** 400n + 1n, 10n ** 399n))).toBeCloseTo(10, 12);
  });

  it('point refuses floats, so no binary rounding enters', () => {
    expect(() => I.point(0.1)).toThrow(/not a float/);
    expect(I.point(3).lo!.toFraction()).toBe('3');
  });
});

describe('unbounded intervals ("more than 12" is (12; ∞))', () => {
  const above = (x: string): Interval => ({ lo: F(x), hi: null });
  const below = (x: string): Interval => ({ lo: null, hi: F(x) });
  it('add, sub, mul, div, abs, min, max keep the unbounded ends where they belong', () => {
    same(I.add(above('12'), iv('1', '2')), '13', null);
    same(I.sub(iv('1', '2'), above('12')), null, '-10');
    same(I.mul(above('2'), iv('3', '4')), '6', null);
    same(I.mul(above('2'), iv('-1', '4')), null, null);
    same(I.mul(above('0'), iv('0')), '0', '0'); // 0 · ∞ counts as 0 for bounds
    same(I.div(iv('1'), above('2')), '0', '1/2');
    same(I.div(above('10'), iv('2', '5')), '2', null);
    same(I.abs(below('-3')), '3', null);
    same(I.min(above('1'), iv('2', '3')), '1', '3');
    same(I.max(below('1'), iv('2', '3')), '2', '3');
    expect(() => I.div(iv('1'), above('-1'))).toThrow(/containing 0/);
    expect(I.toNumbers(above('1'))).toEqual({ lo: 1, hi: Infinity });
  });

  it('powers and roots of half-lines', () => {
    same(I.powInt(above('2'), 2), '4', null);
    same(I.powInt(below('-2'), 2), '4', null);
    same(I.powInt(below('2'), 3), null, '8');
    same(I.root(above('8'), 3), '2', null);
    expect(() => I.root(below('4'), 2)).toThrow(/even root/);
  });

  it('soundness on half-lines (property): points of the inputs land inside', () => {
    const halfLine = fc.tuple(rationalArb(), fc.boolean()).map(([x, up]): Interval => (up ? { lo: x, hi: null } : { lo: null, hi: x }));
    const pointOf = (x: Interval, k: number): Fraction => (x.lo !== null ? x.lo.add(k) : x.hi!.sub(k));
    fc.assert(
      fc.property(halfLine, intervalArb(), fc.nat(1_000_000), fc.nat(1000), (a, b, k, j) => {
        const x = pointOf(a, k);
        const y = pointIn(b, j);
        expect(I.contains(I.add(a, b), x.add(y))).toBe(true);
        expect(I.contains(I.sub(a, b), x.sub(y))).toBe(true);
        expect(I.contains(I.mul(a, b), x.mul(y))).toBe(true);
        if (!I.contains(b, F(0))) expect(I.contains(I.div(a, b), x.div(y))).toBe(true);
        if (!I.contains(a, F(0))) expect(I.contains(I.div(b, a), y.div(x))).toBe(true);
      }),
    );
  });
});

describe('oversized bounds are rounded outward, so crafted powers stay cheap and sound', () => {
  it('a 999th power of a ratio keeps about 256 significant bits, and contains the exact value', () => {
    const x = iv('1.0001', '1.0002');
    const r = bounded(I.powInt(x, 999));
    expect(r.lo.lte(F('1.0001').pow(999))).toBe(true);
    expect(r.hi.gte(F('1.0002').pow(999))).toBe(true);
    expect(I.bitLength(r.lo.d)).toBeLessThan(2048);
    const nested = bounded(I.powInt(I.powInt(x, 999), 999));
    expect(I.bitLength(nested.hi.n)).toBeLessThan(4096);
  });

  it('roundBound leaves a bound as it is exactly when its numerator and denominator have at most 1024 bits (property)', () => {
    const near = fc.integer({ min: 1000, max: 1030 }).chain((bits) => fc.bigInt({ min: 1n << BigInt(bits - 1), max: (1n << BigInt(bits)) - 1n }));
    fc.assert(
      fc.property(near, fc.oneof(near, fc.bigInt({ min: 1n, max: 1000n })), fc.boolean(), fc.boolean(), (a, b, swap, neg) => {
        const [n, d] = swap ? [b, a] : [a, b];
        const x = new Fraction(neg ? -n : n, d);
        const small = I.bitLength(x.n) <= 1024 && I.bitLength(x.d) <= 1024;
        expect(I.roundBound(x, 'down') === x && I.roundBound(x, 'up') === x).toBe(small);
      }),
      { numRuns: 300 },
    );
  });

  it('roundBound moves each way by at most 2^-250 relative (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 1n << 2000n }), fc.bigInt({ min: 1n, max: 1n << 2000n }), fc.boolean(), (n, d, neg) => {
        const x = new Fraction(neg ? -n : n, d);
        const down = I.roundBound(x, 'down');
        const up = I.roundBound(x, 'up');
        expect(down.lte(x) && up.gte(x)).toBe(true);
        const tol = x.abs().div(new Fraction(1n << 250n, 1n));
        expect(x.sub(down).lte(tol) && up.sub(x).lte(tol)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('interval laws (properties)', () => {
  const k = fc.integer({ min: 0, max: 1000 });
  const binary: [string, (a: Interval, b: Interval) => Interval, (x: Fraction, y: Fraction) => Fraction][] = [
    ['add', I.add, (x, y) => x.add(y)],
    ['sub', I.sub, (x, y) => x.sub(y)],
    ['mul', I.mul, (x, y) => x.mul(y)],
    ['min', I.min, (x, y) => (x.lte(y) ? x : y)],
    ['max', I.max, (x, y) => (x.gte(y) ? x : y)],
  ];
  for (const [name, op, ref] of binary) {
    it(`${name}: every pair of points lands inside, and the ends are attained`, () => {
      fc.assert(
        fc.property(intervalArb(), intervalArb(), k, k, (a, b, i, j) => {
          const r = bounded(op(a, b));
          expect(I.contains(r, ref(pointIn(a, i), pointIn(b, j)))).toBe(true);
          const corners = [ref(a.lo, b.lo), ref(a.lo, b.hi), ref(a.hi, b.lo), ref(a.hi, b.hi)];
          expect(corners.some((c) => c.equals(r.lo)) && corners.some((c) => c.equals(r.hi))).toBe(true);
        }),
      );
    });
  }

  it('div: every pair of points lands inside', () => {
    fc.assert(
      fc.property(intervalArb(), nonZeroIntervalArb(), k, k, (a, b, i, j) => {
        expect(I.contains(I.div(a, b), pointIn(a, i).div(pointIn(b, j)))).toBe(true);
      }),
    );
  });

  it('powInt: every point lands inside, for negative exponents too', () => {
    fc.assert(
      fc.property(intervalArb(1000n, 50n), fc.integer({ min: -4, max: 6 }), k, (a, n, i) => {
        const x = pointIn(a, i);
        if (n < 0 && a.lo.lte(0) && a.hi.gte(0)) {
          expect(() => I.powInt(a, n)).toThrow(EvaluationError);
          return;
        }
        expect(I.contains(I.powInt(a, n), x.pow(n))).toBe(true);
      }),
    );
  });

  it('pow with an interval exponent: every point lands inside', () => {
    const positive = fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 500 })).map(([a, w]) => iv(String(a / 100), String((a + w) / 100)));
    const exponent = fc.tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: 0, max: 100 })).map(([a, w]) => iv(String(a / 100), String((a + w) / 100)));
    fc.assert(
      fc.property(positive, exponent, k, k, (x, y, i, j) => {
        const r = bounded(I.pow(x, y));
        // The exact point value is transcendental; its float is good to ~1e-15 relative.
        const v = Math.pow(I.fractionToNumber(pointIn(x, i)), I.fractionToNumber(pointIn(y, j)));
        expect(I.fractionToNumber(r.lo)).toBeLessThanOrEqual(v * (1 + 1e-12));
        expect(I.fractionToNumber(r.hi)).toBeGreaterThanOrEqual(v * (1 - 1e-12));
      }),
      { numRuns: 150 },
    );
  });

  it('root: lo^n ≤ x.lo and hi^n ≥ x.hi exactly, within 1e-15 relative', () => {
    const nonNegative = fc.tuple(rationalArb(10n ** 12n, 10n ** 6n), rationalArb(10n ** 12n, 10n ** 6n)).map(([a, b]): Bounded => {
      const x = a.abs();
      const y = b.abs();
      return x.lte(y) ? { lo: x, hi: y } : { lo: y, hi: x };
    });
    fc.assert(
      fc.property(nonNegative, fc.integer({ min: 1, max: 12 }), (x, n) => {
        const r = bounded(I.root(x, n));
        expect(r.lo.pow(n).lte(x.lo)).toBe(true);
        expect(r.hi.pow(n).gte(x.hi)).toBe(true);
        // tight: nudging each endpoint inward by 1e-15 relative breaks the enclosure
        const eps = new Fraction(1n, 10n ** 15n);
        if (!x.lo.equals(0)) expect(r.lo.mul(F(1).add(eps)).pow(n).gt(x.lo)).toBe(true);
        if (!x.hi.equals(0)) expect(r.hi.mul(F(1).sub(eps)).pow(n).lt(x.hi)).toBe(true);
      }),
    );
  });
});
