/**
 * Rational arithmetic with less gcd work (src/evaluate/big-fractions.ts): the same Fractions as
 * fraction.js makes, field for field and sign of 0 included, for operands of every size and shape.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absolute, dyadic, negated, plus, reciprocal, times } from '../../src/evaluate/big-fractions.js';

const fields = (f: Fraction) => ({ s: f.s, n: f.n, d: f.d });

/** Numerators of up to a thousand bits, 0 and small ones often. */
const numerator = fc.oneof(fc.bigInt({ min: -(2n ** 1000n), max: 2n ** 1000n }), fc.bigInt({ min: -8n, max: 8n }));
const power = fc.integer({ min: 0, max: 1100 }).map((k) => 1n << BigInt(k));
const denominator = fc.oneof(
  power,
  fc.bigInt({ min: 1n, max: 10n ** 40n }),
  fc.bigInt({ min: 1n, max: 2n ** 1000n }),
  // A rounded bound times a figure's denominator: 2^k · 10^j.
  fc.tuple(power, fc.integer({ min: 0, max: 12 })).map(([p, j]) => p * 10n ** BigInt(j)),
);
const fractionArb = fc.tuple(numerator, denominator).map(([n, d]) => new Fraction(n, d));

describe('big fractions', () => {
  it('dyadic(±n, 2^k) is new Fraction(±n, 2^k), in lowest terms with the sign of 0 positive (property)', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.bigInt({ min: 0n, max: 2n ** 1000n }), power, (negative, n, d) => {
        expect(fields(dyadic(negative, n, d))).toEqual(fields(new Fraction(negative ? -n : n, d)));
      }),
      { numRuns: 500 },
    );
    expect(fields(dyadic(true, 0n, 1n << 40n))).toEqual({ s: 1n, n: 0n, d: 1n });
    expect(fields(dyadic(true, 12n, 8n))).toEqual({ s: -1n, n: 3n, d: 2n });
  });

  it('times(a, b) is a.mul(b), plus(a, b) is a.add(b), negated(a) is a.neg() and reciprocal(a) is a.inverse() (property)', () => {
    fc.assert(
      fc.property(fractionArb, fractionArb, (a, b) => {
        const product = times(a, b);
        expect(fields(product)).toEqual(fields(a.mul(b)));
        expect(fields(plus(a, b))).toEqual(fields(a.add(b)));
        expect(fields(plus(a, negated(a)))).toEqual({ s: 1n, n: 0n, d: 1n });
        expect(fields(negated(a))).toEqual(fields(a.neg()));
        expect(fields(absolute(a))).toEqual(fields(a.abs()));
        if (a.n !== 0n) expect(fields(reciprocal(a))).toEqual(fields(a.inverse()));
        // Fractions like any other: their methods work on them.
        expect(product.add(1).sub(1).equals(product)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(() => reciprocal(new Fraction(0))).toThrow();
    expect(fields(times(new Fraction(0), new Fraction(-(2n ** 100n), 3n ** 70n)))).toEqual({ s: 1n, n: 0n, d: 1n });
  });
});
