import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/model.js';
import * as I from '../../src/evaluate/interval.js';
import { EvaluationError } from '../../src/evaluate/interval.js';
import { F, intervalArb, iv, nonZeroIntervalArb, pointIn, rationalArb } from './helpers.js';

const same = (x: { lo: Fraction; hi: Fraction }, lo: string, hi: string) => {
  expect(x.lo.toFraction()).toBe(lo);
  expect(x.hi.toFraction()).toBe(hi);
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
    const r = I.root(iv('2'), 2);
    expect(r.lo.pow(2).lte(2)).toBe(true);
    expect(r.hi.pow(2).gte(2)).toBe(true);
    expect(r.hi.sub(r.lo).lte(new Fraction(1n, 10n ** 17n))).toBe(true);
    expect(() => I.root(iv('-1', '4'), 2)).toThrow(/even root/);
    expect(() => I.root(iv('4'), 0)).toThrow(EvaluationError);
  });

  it('pow takes exact integer and rational exponents only', () => {
    same(I.pow(iv('4', '9'), iv('0.5')), '2', '3');
    same(I.pow(iv('8'), iv('-1', '-1')), '1/8', '1/8');
    same(I.pow(iv('8'), { lo: F(2, 3n), hi: F(2, 3n) }), '4', '4');
    expect(() => I.pow(iv('2'), iv('1', '2'))).toThrow(/exact number/);
  });

  it('min, max, abs, hull, width, midpoint', () => {
    same(I.min(iv('1', '5'), iv('2', '3')), '1', '3');
    same(I.max(iv('1', '5'), iv('2', '3')), '2', '5');
    same(I.abs(iv('-3', '2')), '0', '3');
    same(I.abs(iv('-3', '-2')), '2', '3');
    same(I.hull(iv('1', '2'), iv('5', '6')), '1', '6');
    expect(I.width(iv('1.25', '2')).toFraction()).toBe('3/4');
    expect(I.midpoint(iv('1', '2')).toFraction()).toBe('3/2');
    expect(I.toNumbers(iv('0.5', '2'))).toEqual({ lo: 0.5, hi: 2 });
    expect(I.fractionToNumber(new Fraction(10n ** 400n + 1n, 10n ** 399n))).toBeCloseTo(10, 12);
  });

  it('point refuses floats, so no binary rounding enters', () => {
    expect(() => I.point(0.1)).toThrow(/not a float/);
    expect(I.point(3).lo.toFraction()).toBe('3');
  });
});

describe('three-valued comparisons', () => {
  const t = (x: I.Truth) => [x.possible, x.certain];
  it('lt / le / gt / ge decide certainty from the endpoints', () => {
    expect(t(I.lt(iv('1', '2'), iv('3', '4')))).toEqual([true, true]);
    expect(t(I.lt(iv('1', '3'), iv('3', '4')))).toEqual([true, false]);
    expect(t(I.lt(iv('3', '4'), iv('1', '3')))).toEqual([false, false]);
    expect(t(I.le(iv('1', '3'), iv('3', '4')))).toEqual([true, true]);
    expect(t(I.le(iv('4', '5'), iv('1', '3')))).toEqual([false, false]);
    expect(t(I.gt(iv('3', '4'), iv('1', '2')))).toEqual([true, true]);
    expect(t(I.ge(iv('3', '4'), iv('1', '3')))).toEqual([true, true]);
  });
  it('eq is overlap; certain only for equal points; ne is its negation', () => {
    expect(t(I.eq(iv('1', '3'), iv('2', '4')))).toEqual([true, false]);
    expect(t(I.eq(iv('2'), iv('2')))).toEqual([true, true]);
    expect(t(I.eq(iv('1', '2'), iv('3', '4')))).toEqual([false, false]);
    expect(t(I.ne(iv('1', '2'), iv('3', '4')))).toEqual([true, true]);
    expect(t(I.ne(iv('2'), iv('2')))).toEqual([false, false]);
  });
  it('and / or / not follow Kleene logic', () => {
    const yes = I.truth(true, true);
    const maybe = I.truth(true, false);
    const no = I.truth(false, false);
    expect(t(I.and(yes, maybe))).toEqual([true, false]);
    expect(t(I.and(yes, no))).toEqual([false, false]);
    expect(t(I.or(no, maybe))).toEqual([true, false]);
    expect(t(I.or(no, yes))).toEqual([true, true]);
    expect(t(I.not(yes))).toEqual([false, false]);
    expect(t(I.not(maybe))).toEqual([true, false]);
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
    it(`${name}: every pair of points lands inside`, () => {
      fc.assert(
        fc.property(intervalArb(), intervalArb(), k, k, (a, b, i, j) => {
          const r = op(a, b);
          const v = ref(pointIn(a, i), pointIn(b, j));
          expect(I.contains(r, v)).toBe(true);
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

  it('root: lo^n ≤ x.lo and hi^n ≥ x.hi exactly, within 1e-15 relative', () => {
    const nonNegative = fc.tuple(rationalArb(10n ** 12n, 10n ** 6n), rationalArb(10n ** 12n, 10n ** 6n)).map(([a, b]) => {
      const x = a.abs();
      const y = b.abs();
      return x.lte(y) ? { lo: x, hi: y } : { lo: y, hi: x };
    });
    fc.assert(
      fc.property(nonNegative, fc.integer({ min: 1, max: 12 }), (x, n) => {
        const r = I.root(x, n);
        expect(r.lo.pow(n).lte(x.lo)).toBe(true);
        expect(r.hi.pow(n).gte(x.hi)).toBe(true);
        // tight: nudging each endpoint inward by 1e-15 relative breaks the enclosure
        const eps = new Fraction(1n, 10n ** 15n);
        if (!x.lo.equals(0)) expect(r.lo.mul(F(1).add(eps)).pow(n).gt(x.lo)).toBe(true);
        if (!x.hi.equals(0)) expect(r.hi.mul(F(1).sub(eps)).pow(n).lt(x.hi)).toBe(true);
      }),
    );
  });

  it('comparisons are sound: certain ⇒ every pair holds, not possible ⇒ none does', () => {
    const cmp: [(a: Interval, b: Interval) => I.Truth, (x: Fraction, y: Fraction) => boolean][] = [
      [I.lt, (x, y) => x.lt(y)],
      [I.le, (x, y) => x.lte(y)],
      [I.gt, (x, y) => x.gt(y)],
      [I.ge, (x, y) => x.gte(y)],
      [I.eq, (x, y) => x.equals(y)],
      [I.ne, (x, y) => !x.equals(y)],
    ];
    fc.assert(
      fc.property(intervalArb(20n, 4n), intervalArb(20n, 4n), k, k, fc.integer({ min: 0, max: 5 }), (a, b, i, j, c) => {
        const [op, ref] = cmp[c]!;
        const truth = op(a, b);
        const holds = ref(pointIn(a, i), pointIn(b, j));
        if (truth.certain) expect(holds).toBe(true);
        if (!truth.possible) expect(holds).toBe(false);
        expect(!truth.certain || truth.possible).toBe(true);
      }),
    );
  });
});
