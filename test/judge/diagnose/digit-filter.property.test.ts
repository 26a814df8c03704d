/**
 * The digit slip rules variants out by their approximate value before building them exactly
 * (slips/digits.ts `statedMayMeet`, `figureMayMeet`). The law: a variant the exact filter keeps is
 * never ruled out — tested where it is tightest, with the claim's range (or the needed values)
 * ending exactly where a variant's stated set (or interval) begins.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { intervals as I } from '../../../src/evaluate/index.js';
import { meets } from '../../../src/judge/decide/index.js';
import { figureMayMeet, statedMayMeet } from '../../../src/judge/diagnose/slips/digits.js';
import { digitVariants, variantsNear, type DigitVariant } from '../../../src/judge/diagnose/slips/digit-variants.js';
import type { Interval, LoadedClaimRule, Locale, Reading, WrittenNumber } from '../../../src/model.js';
import { formatNumber, halfUnit, readNumber, statedSet, writtenInterval } from '../../../src/numbers/index.js';

const READINGS: Reading[] = ['round', 'truncate', 'about', 'nearly', 'more-than', 'at-least', 'less-than', 'at-most'];

/** Digits, often from a small alphabet so that repeats (duplicated-digit variants) are common. */
const unitsArb = fc.oneof(
  fc.bigInt({ min: 1n, max: 10n ** 9n }),
  fc.array(fc.constantFrom('1', '5', '0'), { minLength: 1, maxLength: 8 }).map((ds) => BigInt(`1${ds.join('')}`)),
);

const writtenArb = fc
  .record({
    units: unitsArb,
    decimals: fc.integer({ min: 0, max: 3 }),
    suffix: fc.constantFrom('', '%', ' tỷ', ' billion'),
    negative: fc.boolean(),
    locale: fc.constantFrom<Locale>('vi-VN', 'en'),
  })
  .map(({ units, decimals, suffix, negative, locale }) => {
    const value = new Fraction(negative ? -units : units, 10n ** BigInt(decimals));
    const word = suffix === ' tỷ' || suffix === ' billion' ? (locale === 'en' ? ' billion' : ' tỷ') : suffix;
    const text = formatNumber(value, locale, { decimals }) + word;
    return { w: readNumber(text, locale), locale };
  });

const key = (v: DigitVariant) => `${v.kind}:${v.number.value.toString()}:${v.number.decimals}`;

/** An interval that touches x at its low end (above: starting there) or its high end (below: ending there). */
function touching(end: Fraction, side: 'above' | 'below', width: Fraction): Interval {
  return side === 'above' ? { lo: end, hi: end.add(width) } : { lo: end.sub(width), hi: end };
}

describe('digit variants ruled out by their approximate value (property)', () => {
  it('a stated variant that admits a value of the range is never ruled out', () => {
    let tight = 0;
    fc.assert(
      fc.property(
        writtenArb,
        fc.constantFrom(...READINGS),
        fc.constantFrom(new Fraction(1, 20), new Fraction(1, 100), new Fraction(0)),
        fc.nat(),
        fc.constantFrom<'above' | 'below'>('above', 'below'),
        fc.constantFrom(new Fraction(0), new Fraction(1, 10 ** 6), new Fraction(3)),
        ({ w, locale }, reading, tolerance, pick, side, width) => {
          const all = digitVariants(w, locale);
          if (all.length === 0) return;
          // The range ends exactly at an end of one variant's stated set.
          const chosen = statedSet(all[pick % all.length]!.number, reading, tolerance);
          const end = side === 'above' ? (chosen.hi ?? chosen.lo!) : (chosen.lo ?? chosen.hi!);
          const computed = touching(end, side, width);
          const rule = { stated: w, reading, tolerance } as LoadedClaimRule;
          const kept = new Set(variantsNear(w, locale, statedMayMeet({ rule, computed })).map(key));
          for (const v of all) {
            if (!meets(computed, statedSet(v.number, reading, tolerance))) continue;
            tight++;
            expect(kept.has(key(v)), `${w.text} (${reading}): ${key(v)} ruled out for [${computed.lo}, ${computed.hi}]`).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(tight).toBeGreaterThan(1000);
  });

  it('a figure variant that meets the needed values is never ruled out', () => {
    let tight = 0;
    fc.assert(
      fc.property(
        writtenArb,
        fc.constantFrom('written', 'exact', 'explicit'),
        fc.nat(),
        fc.constantFrom<'above' | 'below'>('above', 'below'),
        fc.constantFrom(new Fraction(0), new Fraction(1, 10 ** 6), new Fraction(3)),
        ({ w, locale }, precision, pick, side, width) => {
          const all = digitVariants(w, locale);
          if (all.length === 0) return;
          const exact = precision === 'exact';
          const interval = exact ? I.point(w.value) : precision === 'written' ? writtenInterval(w) : writtenInterval(w, { halfWidth: halfUnit(w).mul(7) });
          // As slips/digits.ts `variantInterval` reads a variant.
          const variantOf = (v: WrittenNumber): Interval => {
            if (exact) return I.point(v.value);
            const half = interval.hi!.sub(interval.lo!).div(2);
            return half.equals(halfUnit(w)) ? writtenInterval(v) : { lo: v.value.sub(half), hi: v.value.add(half) };
          };
          const chosen = variantOf(all[pick % all.length]!.number);
          const needed = touching(side === 'above' ? chosen.hi! : chosen.lo!, side, width);
          const kept = new Set(variantsNear(w, locale, figureMayMeet(interval, w, exact, needed)).map(key));
          for (const v of all) {
            if (!I.intersect(variantOf(v.number), needed)) continue;
            tight++;
            expect(kept.has(key(v)), `${w.text} (${precision}): ${key(v)} ruled out for [${needed.lo}, ${needed.hi}]`).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(tight).toBeGreaterThan(1000);
  });

  it('rules out the far ones: of the sixty variants of 1.000,0 tỷ, none near 1.028,6 tỷ survives', () => {
    const w = readNumber('1.000,0 tỷ', 'vi-VN');
    const needed = { lo: new Fraction(10281n * 10n ** 8n), hi: new Fraction(10291n * 10n ** 8n) };
    expect(digitVariants(w, 'vi-VN').length).toBeGreaterThan(50);
    expect(variantsNear(w, 'vi-VN', figureMayMeet(writtenInterval(w), w, false, needed))).toEqual([]);
  });
});
