import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { contains, decimalsToWhole, describeSet, halfUnit, readNumber, statedSet, writtenInterval } from '../../src/numbers/index.js';
import type { StatedSet } from '../../src/model.js';
import { locales, writtenArb, type Written } from './arbitraries.js';
import { refRound, refTruncate } from './reference.js';

const F = (s: string | number) => new Fraction(s);
const vi = (s: string) => readNumber(s, 'vi-VN');
const ZERO = F(0);
const show = (s: StatedSet) => [s.loOpen ? '(' : '[', s.lo?.toString() ?? '-inf', s.hi?.toString() ?? 'inf', s.hiOpen ? ')' : ']'].join(' ');

describe('halfUnit and writtenInterval', () => {
  it('take precision from the written form', () => {
    expect(halfUnit(vi('7.126,1')).toFraction()).toBe('1/20');
    expect(halfUnit(vi('34%')).toFraction()).toBe('1/200');
    expect(halfUnit(vi('6,98%')).toFraction()).toBe('1/20000');
    expect(halfUnit(vi('45.481 tỷ')).toString()).toBe('500000000');
    expect(halfUnit(readNumber('$1.2 billion', 'en')).toString()).toBe('50000000');
  });

  it('gives the closed interval, exact or with an explicit half-width, and hulls ranges', () => {
    const i = writtenInterval(vi('7.126,1'));
    expect([i.lo.toString(), i.hi.toString()]).toEqual(['7126.05', '7126.15']);
    const e = writtenInterval(vi('1.600'), { exact: true });
    expect([e.lo.toString(), e.hi.toString()]).toEqual(['1600', '1600']);
    const w = writtenInterval(vi('1.600'), { halfWidth: F(10) });
    expect([w.lo.toString(), w.hi.toString()]).toEqual(['1590', '1610']);
    const r = writtenInterval(vi('8-9%'));
    expect([r.lo.toString(), r.hi.toString()]).toEqual(['0.075', '0.095']);
  });
});

describe('statedSet', () => {
  it('round: [v−h, v+h) above zero, (v−h, v+h] below, (−h, h) at zero', () => {
    expect(show(statedSet(vi('30,3 %'), 'round', ZERO))).toBe('[ 0.3025 0.3035 )');
    expect(show(statedSet(vi('-1,5'), 'round', ZERO))).toBe('( -1.55 -1.45 ]');
    expect(show(statedSet(vi('0'), 'round', ZERO))).toBe('( -0.5 0.5 )');
  });

  it('truncate: one unit of the last digit, toward zero', () => {
    expect(show(statedSet(vi('7,17%'), 'truncate', ZERO))).toBe('[ 0.0717 0.0718 )');
    expect(show(statedSet(vi('-7,1'), 'truncate', ZERO))).toBe('( -7.2 -7.1 ]');
    expect(show(statedSet(vi('0,0'), 'truncate', ZERO))).toBe('( -0.1 0.1 )');
  });

  it('about: widened by the relative tolerance, never less than rounding', () => {
    expect(show(statedSet(vi('100'), 'about', F('0.05')))).toBe('[ 95 105 ]');
    expect(show(statedSet(vi('100'), 'about', F('0.001')))).toBe('[ 99.5 100.5 ]');
    expect(show(statedSet(vi('-100'), 'about', F('0.05')))).toBe('[ -105 -95 ]');
    expect(show(statedSet(vi('8-9%'), 'about', F('0.1')))).toBe('[ 0.072 0.099 ]');
  });

  it('bounds compare with the written value itself', () => {
    expect(show(statedSet(vi('12.000'), 'more-than', ZERO))).toBe('( 12000 inf )');
    expect(show(statedSet(vi('12.000'), 'at-least', ZERO))).toBe('[ 12000 inf )');
    expect(show(statedSet(vi('30%'), 'less-than', ZERO))).toBe('( -inf 0.3 )');
    expect(show(statedSet(vi('30%'), 'at-most', ZERO))).toBe('( -inf 0.3 ]');
  });

  it('range: [lo−h, hi+h), only for written ranges', () => {
    expect(show(statedSet(vi('8-9%'), 'range', ZERO))).toBe('[ 0.075 0.095 )');
    expect(show(statedSet(vi('3 - 4'), 'range', ZERO))).toBe('[ 2.5 4.5 )');
    expect(() => statedSet(vi('8%'), 'range', ZERO)).toThrow(/needs a written range/);
    expect(() => statedSet(vi('8-9%'), 'round', ZERO)).toThrow(/does not apply to the range/);
  });

  it('contains respects open and closed ends', () => {
    const s = statedSet(vi('30,3 %'), 'round', ZERO);
    expect(contains(s, F('0.3025'))).toBe(true);
    expect(contains(s, F('0.3035'))).toBe(false);
    expect(contains(s, F('0.30349999'))).toBe(true);
    expect(contains(s, F('0.30249999'))).toBe(false);
    expect(contains(statedSet(vi('5'), 'more-than', ZERO), F(5))).toBe(false);
    expect(contains(statedSet(vi('5'), 'at-least', ZERO), F(5))).toBe(true);
  });
});

describe('describeSet', () => {
  it('writes the set like the stated number, with an extra digit only when needed', () => {
    expect(describeSet(statedSet(vi('30,3 %'), 'round', ZERO), vi('30,3 %'), 'vi-VN')).toBe('[30,25 %; 30,35 %)');
    const big = vi('12.000 nghìn tỷ đồng');
    expect(describeSet(statedSet(big, 'more-than', ZERO), big, 'vi-VN')).toBe('(12.000 nghìn tỷ đồng; ∞)');
    expect(describeSet(statedSet(vi('-1,5'), 'round', ZERO), vi('-1,5'), 'vi-VN')).toBe('(-1,55; -1,45]');
    expect(describeSet(statedSet(vi('30%'), 'at-most', ZERO), vi('30%'), 'vi-VN')).toBe('(-∞; 30%]');
    const en = readNumber('7,126.1', 'en');
    expect(describeSet(statedSet(en, 'round', ZERO), en, 'en')).toBe('[7,126.05; 7,126.15)');
    expect(describeSet(statedSet(vi('3'), 'about', new Fraction(1, 3)), vi('3'), 'vi-VN')).toBe('[2; 4]');
    expect(describeSet(statedSet(vi('10'), 'about', new Fraction(1, 30)), vi('10'), 'vi-VN')).toBe('[9,5; 10,5]');
    expect(describeSet(statedSet(vi('1'), 'about', new Fraction(2, 3)), vi('1'), 'vi-VN')).toBe('[0,333; 1,667]');
  });
});

/** Offsets from the written value, in units of its last digit: boundaries, near them, anywhere. */
const deltaArb = fc.oneof(
  fc.constantFrom(-1.5, -1, -0.5, 0, 0.5, 1, 1.5).map((d) => F(d)),
  fc
    .tuple(fc.constantFrom(-1, -0.5, 0, 0.5, 1), fc.constantFrom(-1, 1), fc.integer({ min: 1, max: 12 }))
    .map(([b, s, k]) => F(b).add(new Fraction(s, 10 ** k))),
  fc.tuple(fc.bigInt({ min: -3000n, max: 3000n }), fc.bigInt({ min: 1n, max: 1000n })).map(([p, q]) => new Fraction(p, q)),
);

/** x = (written units + δ) converted to base units. */
function atOffset(w: Written, delta: Fraction): Fraction {
  const target = new Fraction(w.negative ? -w.units : w.units);
  return target.add(delta).mul(new Fraction(10n ** BigInt(w.exponent), 10n ** BigInt(w.decimals) * (w.percent ? 100n : 1n)));
}

describe('statedSet laws against a BigInt reference', () => {
  it('round: x is in the set iff rounding x half-up to the written digits gives the written number', () => {
    for (const locale of locales) {
      fc.assert(
        fc.property(writtenArb(locale), deltaArb, (w, delta) => {
          const x = atOffset(w, delta);
          const target = w.negative ? -w.units : w.units;
          const n = readNumber(w.text, locale);
          expect(contains(statedSet(n, 'round', ZERO), x), `${w.text} ${x}`).toBe(refRound(x, w.decimals, w.exponent, w.percent) === target);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('truncate: x is in the set iff cutting x after the written digits gives the written number', () => {
    for (const locale of locales) {
      fc.assert(
        fc.property(writtenArb(locale), deltaArb, (w, delta) => {
          const x = atOffset(w, delta);
          const target = w.negative ? -w.units : w.units;
          const n = readNumber(w.text, locale);
          expect(contains(statedSet(n, 'truncate', ZERO), x), `${w.text} ${x}`).toBe(refTruncate(x, w.decimals, w.exponent, w.percent) === target);
        }),
        { numRuns: 2000 },
      );
    }
  });

  it('range: x is in "a-b%" iff x rounds to at least a and at most b at each end\'s precision', () => {
    const endArb = fc.tuple(fc.bigInt({ min: 1n, max: 999n }), fc.integer({ min: 0, max: 2 }));
    fc.assert(
      fc.property(endArb, endArb, deltaArb, fc.boolean(), ([a, da], [b, db], delta, lowEnd) => {
        const s = (u: bigint, d: number) => (d === 0 ? u.toString() : `${u / 10n ** BigInt(d)},${(u % 10n ** BigInt(d)).toString().padStart(d, '0')}`);
        const n = vi(`${s(a, da)}-${s(b, db)}%`);
        const [u, d] = lowEnd ? [a, da] : [b, db];
        const x = new Fraction(u, 1).add(delta).div(new Fraction(10n ** BigInt(d) * 100n));
        const inside = refRound(x, da, 0, true) >= a && refRound(x, db, 0, true) <= b;
        expect(contains(statedSet(n, 'range', ZERO), x), `${n.text} ${x}`).toBe(inside);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('nearly, and values exact as written', () => {
  it('nearly: just below, [v − m, v], with m as for about', () => {
    expect(show(statedSet(vi('195'), 'nearly', F('0.05')))).toBe('[ 185.25 195 ]');
    expect(show(statedSet(vi('7'), 'nearly', F('0.05')))).toBe('[ 6.5 7 ]');
    expect(show(statedSet(vi('-100'), 'nearly', F('0.05')))).toBe('[ -105 -100 ]');
    expect(() => statedSet(vi('8-9%'), 'nearly', ZERO)).toThrow(/does not apply to the range/);
  });

  it('a fraction, multiple or ratio written in words or as a:b is exact: no rounding interval, about widens it', () => {
    const half = vi('một nửa');
    // its unit is that of the two decimals it is shown with (never 0: the engine steps by it) …
    expect(halfUnit(half).toString()).toBe('0.005');
    expect(halfUnit(readNumber('five', 'en')).toString()).toBe('0.5');
    // … but its interval is the exact value
    const iv = writtenInterval(half);
    expect([iv.lo.toFraction(), iv.hi.toFraction()]).toEqual(['1/2', '1/2']);
    expect(show(statedSet(half, 'round', ZERO))).toBe('[ 0.5 0.5 ]');
    expect(show(statedSet(half, 'about', F('0.05')))).toBe('[ 0.475 0.525 ]');
    expect(show(statedSet(readNumber('1:3', 'en'), 'truncate', ZERO))).toBe(`[ ${new Fraction(1, 3).toString()} ${new Fraction(1, 3).toString()} ]`);
    expect(describeSet(statedSet(half, 'about', F('0.05')), half, 'vi-VN')).toBe('[0,475; 0,525]');
  });

  it('property: the nearly set lies inside the about set and ends at the written value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales).chain((l) => fc.tuple(fc.constant(l), writtenArb(l))), fc.integer({ min: 0, max: 20 }), ([locale, w], pct) => {
        const n = readNumber(w.text, locale);
        const tol = new Fraction(pct, 100);
        const near = statedSet(n, 'nearly', tol);
        const about = statedSet(n, 'about', tol);
        expect(contains(near, n.value)).toBe(true);
        expect(near.lo!.gte(about.lo!) && near.hi!.lte(about.hi!)).toBe(true);
        expect(near.hi!.equals(n.value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('decimalsToWhole', () => {
  /** The definition: the least k below max with x × 10^k whole, else max. */
  const reference = (x: Fraction, max: number): number => {
    for (let k = 0; k < max; k++) if (x.mul(new Fraction(10n ** BigInt(k))).d === 1n) return k;
    return max;
  };

  it('is the fewest decimals that write x exactly, capped (property)', () => {
    const fraction = fc
      .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.nat(12), fc.nat(12), fc.constantFrom(1n, 3n, 7n, 9n), fc.boolean())
      .map(([n, twos, fives, other, useOther]) => new Fraction(n, 2n ** BigInt(twos) * 5n ** BigInt(fives) * (useOther ? other : 1n)));
    fc.assert(
      fc.property(fraction, fc.nat(10), (x, max) => {
        expect(decimalsToWhole(x, max)).toBe(reference(x, max));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads 7,25 as two decimals, 1/3 as none that will do, and a whole number as zero', () => {
    expect(decimalsToWhole(new Fraction('7.25'), 8)).toBe(2);
    expect(decimalsToWhole(new Fraction(1, 3), 8)).toBe(8);
    expect(decimalsToWhole(new Fraction(1200), 8)).toBe(0);
    expect(decimalsToWhole(new Fraction(1, 2n ** 9n), 8)).toBe(8);
  });
});
