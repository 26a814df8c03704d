/**
 * Verdicts agree with an exact rational reference. The reference is written independently of
 * the engine: BigInt rationals, corner evaluation of a monotone claim, and the rounding function
 * applied to the extremes (rounding is monotone, so the stated value is reachable iff it lies
 * between the rounded minimum and the rounded maximum).
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import type { Interval } from '../../src/model.js';
import { claim, fig } from './judging.js';

type Q = { n: bigint; d: bigint }; // d > 0
const q = (n: bigint, d: bigint = 1n): Q => (d < 0n ? { n: -n, d: -d } : { n, d });
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const div = (a: Q, b: Q) => q(a.n * b.d, a.d * b.n);
const cmp = (a: Q, b: Q) => {
  const x = a.n * b.d - b.n * a.d;
  return x < 0n ? -1 : x > 0n ? 1 : 0;
};
const floorQ = (a: Q) => (a.n >= 0n ? a.n / a.d : -((-a.n + a.d - 1n) / a.d));
/** Half-up (away from zero) rounding of a fraction to `k` decimals of a percentage: an integer count of 10^-k %. */
const roundRef = (x: Q, k: number) => {
  const scaled = q(x.n * 100n * 10n ** BigInt(k), x.d);
  return scaled.n >= 0n ? floorQ(q(scaled.n * 2n + scaled.d, scaled.d * 2n)) : -floorQ(q(-scaled.n * 2n + scaled.d, scaled.d * 2n));
};
const truncRef = (x: Q, k: number) => {
  const scaled = q(x.n * 100n * 10n ** BigInt(k), x.d);
  return scaled.n >= 0n ? floorQ(scaled) : -floorQ(q(-scaled.n, scaled.d));
};

const growthRef = (a: Q, b: Q) => sub(div(a, b), q(1n));

function referenceVerdict(aLo: Q, aHi: Q, bLo: Q, bHi: Q, stated: bigint, k: number) {
  const corners = [growthRef(aLo, bLo), growthRef(aLo, bHi), growthRef(aHi, bLo), growthRef(aHi, bHi)];
  const min = corners.reduce((m, c) => (cmp(c, m) < 0 ? c : m));
  const max = corners.reduce((m, c) => (cmp(c, m) > 0 ? c : m));
  if (roundRef(min, k) <= stated && stated <= roundRef(max, k)) return 'pass';
  if (truncRef(min, k) <= stated && stated <= truncRef(max, k)) return 'warn';
  return 'fail';
}

function engineVerdict(a: Interval, b: Interval, statedText: string) {
  return claim('growth(a, b)', statedText, [fig('a', a), fig('b', b)]).verdict;
}

const toFraction = (x: Q) => new Fraction(x.n, x.d);

/** "12.34%" from an integer count of 10^-k percent. */
function percentText(units: bigint, k: number): string {
  const sign = units < 0n ? '-' : '';
  const digits = (units < 0n ? -units : units).toString().padStart(k + 1, '0');
  return k === 0 ? `${sign}${digits}%` : `${sign}${digits.slice(0, -k)}.${digits.slice(-k)}%`;
}

describe('claim verdicts agree with exact rational arithmetic', () => {
  it('on random growth claims with written precision', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1000n, max: 10_000_000n }),
        fc.bigInt({ min: 1000n, max: 10_000_000n }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: -3, max: 3 }),
        (aUnits, bUnits, decimals, k, nudge) => {
          const unit = 10n ** BigInt(decimals);
          const half = q(1n, 2n * unit);
          const a = q(aUnits, unit);
          const b = q(bUnits, unit);
          const aLo = sub(a, half), aHi = q(a.n * 2n * unit + a.d, a.d * 2n * unit);
          const bLo = sub(b, half), bHi = q(b.n * 2n * unit + b.d, b.d * 2n * unit);
          // State a value near the truth so every verdict, boundaries included, is exercised.
          const stated = roundRef(growthRef(a, b), k) + BigInt(nudge);
          const expected = referenceVerdict(aLo, aHi, bLo, bHi, stated, k);
          const actual = engineVerdict(
            { lo: toFraction(aLo), hi: toFraction(aHi) },
            { lo: toFraction(bLo), hi: toFraction(bHi) },
            percentText(stated, k),
          );
          expect(actual).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('exactly at the rounding boundaries (exact inputs)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -5000n, max: 50_000n }),
        fc.integer({ min: 0, max: 2 }),
        fc.constantFrom(-1n, 0n, 1n),
        (statedUnits, k, side) => {
          // true growth = stated ± exactly half a unit of the last digit (or exactly the stated value)
          const denominator = 100n * 10n ** BigInt(k) * 2n;
          const truth = q(statedUnits * 2n + side, denominator);
          const base = q(1000n);
          const current = q((truth.n + truth.d) * 1000n, truth.d);
          const expected = referenceVerdict(current, current, base, base, statedUnits, k);
          const actual = engineVerdict(
            { lo: toFraction(current), hi: toFraction(current) },
            { lo: toFraction(base), hi: toFraction(base) },
            percentText(statedUnits, k),
          );
          expect(actual).toBe(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('examples from the Lạng Sơn review', () => {
    // GRDP 45.481 vs 34.887 tỷ: +30,36…% — fails "30,3 %" under rounding, holds under truncation.
    const grdp = claim('growth(a, b)', '30,3 %', [fig('a', '45.481', 'vi-VN'), fig('b', '34.887', 'vi-VN')], 'vi-VN');
    expect(grdp.verdict).toBe('warn');
    expect(grdp.warning?.kind).toBe('truncation');
    // Revenue 10.795 vs 7.126,1 tỷ: +51,5%, stated 34%.
    const revenue = claim('growth(a, b)', '34%', [fig('a', '10.795', 'vi-VN'), fig('b', '7.126,1', 'vi-VN')], 'vi-VN');
    expect(revenue.verdict).toBe('fail');
    expect(revenue.proof?.kind).toBe('enclosure');
  });
});
