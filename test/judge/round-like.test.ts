import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { roundLike } from '../../src/judge/show.js';
import { readNumber } from '../../src/numbers/index.js';
import type { WrittenNumber } from '../../src/model.js';
import { valueArb } from '../numbers/arbitraries.js';
import { refRound, refTruncate } from '../numbers/reference.js';

const like = (text: string): WrittenNumber => {
  const w = readNumber(text, 'vi-VN');
  if (!w) throw new Error(`no number in ${text}`);
  return w;
};

/** units × 10^-decimals of like's display units, back in base units (the reference's way back). */
function fromUnits(units: bigint, decimals: number, exponent: number, percent: boolean): Fraction {
  return new Fraction(units * 10n ** BigInt(exponent), 10n ** BigInt(decimals) * (percent ? 100n : 1n));
}

describe('roundLike', () => {
  it('rounds in the written number’s units: half-up, toward +∞ or toward −∞', () => {
    const billions = like('7.126,1 tỷ đồng');
    expect(roundLike(new Fraction('7126149999999'), billions, 1).toString()).toBe('7126100000000');
    expect(roundLike(new Fraction('7126150000000'), billions, 1).toString()).toBe('7126200000000');
    expect(roundLike(new Fraction('-7126150000000'), billions, 1).toString()).toBe('-7126200000000');
    expect(roundLike(new Fraction('7126100000001'), billions, 1, 'up').toString()).toBe('7126200000000');
    expect(roundLike(new Fraction('-7126100000001'), billions, 1, 'up').toString()).toBe('-7126100000000');
    expect(roundLike(new Fraction('-7126100000001'), billions, 1, 'down').toString()).toBe('-7126200000000');
    const percent = like('30,3%');
    expect(roundLike(new Fraction(1, 3), percent, 1).toString()).toBe('0.333');
    expect(roundLike(new Fraction(1, 3), percent, 2, 'up').toString()).toBe('0.3334');
    expect(() => roundLike(new Fraction(1), percent, -1)).toThrow(RangeError);
  });

  it('agrees with rounding on plain BigInts, whatever the scale, percent, decimals and direction', () => {
    const written = fc.constantFrom('5', '7.126,1 tỷ đồng', '45 triệu', '30,3%', '1,25 nghìn tỷ', '12,5 điểm phần trăm');
    fc.assert(
      fc.property(valueArb, written, fc.integer({ min: 0, max: 6 }), fc.constantFrom('half-up', 'up', 'down'), (x, text, decimals, mode) => {
        const w = like(text);
        const args = [x, decimals, w.scaleExponent, w.percent] as const;
        const truncated = refTruncate(...args);
        const exact = fromUnits(truncated, decimals, w.scaleExponent, w.percent).equals(x);
        const positive = x.s >= 0n;
        const expected =
          mode === 'half-up'
            ? refRound(...args)
            : exact
              ? truncated
              : (mode === 'up') === positive
                ? truncated + (positive ? 1n : -1n)
                : truncated;
        expect(roundLike(x, w, decimals, mode).equals(fromUnits(expected, decimals, w.scaleExponent, w.percent))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
