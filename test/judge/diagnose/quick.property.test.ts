/**
 * Quick answers from float bounds (diagnose/quick.ts, diagnose/grid-bounds.ts). The laws: an
 * answer given is the exact answer — "meets the set", "above the target" — including where the
 * set or the target sits exactly on an end of the enclosure; and the bounds at a grid point
 * enclose the exact enclosure there, for points far beyond 2⁵³ steps too.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { intervalBounds } from '../../../src/evaluate/float-bounds.js';
import { compileExpression, intervals as I } from '../../../src/evaluate/index.js';
import { meets } from '../../../src/judge/decide/index.js';
import { GridBounds } from '../../../src/judge/diagnose/grid-bounds.js';
import { quickMeets, quickSide } from '../../../src/judge/diagnose/quick.js';
import type { Interval, StatedSet } from '../../../src/model.js';
import { exactly } from '../../evaluate/helpers.js';

const rationalArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }))
  .map(([n, d]) => new Fraction(n, d));

const intervalArb = fc
  .tuple(rationalArb, fc.oneof(fc.constant(new Fraction(0)), rationalArb.map((x) => x.abs())))
  .map(([lo, w]) => ({ lo, hi: lo.add(w) }));

/** A value at, just beside, or away from x: where floats are least sure. */
const near = (x: Fraction) =>
  fc.constantFrom(x, x.add(new Fraction(1n, 10n ** 20n)), x.sub(new Fraction(1n, 10n ** 20n)), x.mul(new Fraction(11, 10)), x.sub(1));

function boundsOf(x: Interval): Float64Array {
  const b = new Float64Array(4);
  if (!intervalBounds(x, b, 0)) throw new Error('no bounds');
  return b;
}

describe('quick answers (property)', () => {
  it('meets: the exact answer whenever one is given, ends touching included', () => {
    let decided = 0;
    fc.assert(
      fc.property(
        intervalArb.chain((x) => fc.tuple(fc.constant(x), fc.option(near(x.lo)), fc.option(near(x.hi)), fc.boolean(), fc.boolean(), fc.boolean())),
        ([x, a, b, loOpen, hiOpen, swap]) => {
          // The set's ends near the interval's ends, either way round.
          const [lo, hi] = swap ? [b, a] : [a, b];
          const set: StatedSet = { lo: lo ?? null, hi: hi ?? null, loOpen, hiOpen };
          if (set.lo && set.hi && set.lo.gt(set.hi)) return;
          const quick = quickMeets(boundsOf(x), set);
          if (quick === null) return;
          decided++;
          expect(quick).toBe(meets(x, set));
        },
      ),
      { numRuns: 3000 },
    );
    expect(decided).toBeGreaterThan(1000);
  });

  it('side: the exact side of the middle whenever one is given, the middle on the target included', () => {
    let decided = 0;
    fc.assert(
      fc.property(intervalArb.chain((x) => fc.tuple(fc.constant(x), near(x.lo.add(x.hi).div(2)))), ([x, target]) => {
        const quick = quickSide(boundsOf(x), target);
        if (quick === null) return;
        decided++;
        const mid = x.lo.add(x.hi).div(2);
        expect(quick).toBe(mid.gt(target) ? 1 : mid.lt(target) ? -1 : 0);
      }),
      { numRuns: 3000 },
    );
    expect(decided).toBeGreaterThan(1000);
  });

  it('grid points: the bounds enclose the exact enclosure at origin + n · step', () => {
    const programs = ['a', 'growth(a, b) + a / c'].map((source) => {
      const compiled = compileExpression(source);
      if (!compiled.ok) throw new Error(compiled.error.message);
      return compiled.compiled;
    });
    let answered = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...programs),
        intervalArb,
        intervalArb,
        rationalArb,
        rationalArb.map((x) => x.abs().add(new Fraction(1, 10 ** 6))),
        fc.oneof(fc.bigInt({ min: -(10n ** 6n), max: 10n ** 6n }), fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n })),
        (compiled, b, c, origin, step, n) => {
          const scope = new Map<string, Interval | null>([
            ['a', { lo: new Fraction(-1), hi: new Fraction(1) }],
            ['b', b],
            ['c', c],
          ]);
          const grid = new GridBounds(compiled, 'a', origin, step, scope, scope);
          if (!grid.at(n, false)) return;
          const bounds = grid.values.slice(grid.offset, grid.offset + 4);
          const x = origin.add(step.mul(new Fraction(n, 1n)));
          const exact = compiled.evaluate(new Map([...scope, ['a', I.point(x)]]));
          if (!I.isInterval(exact) || !I.isBounded(exact)) throw new Error('floats answered where the exact evaluation has no bounded value');
          answered++;
          const [loLo, loHi, hiLo, hiHi] = [...bounds].map(exactly) as [Fraction, Fraction, Fraction, Fraction];
          expect(exact.lo.gte(loLo) && exact.lo.lte(loHi) && exact.hi.gte(hiLo) && exact.hi.lte(hiHi), `n = ${n}`).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
    expect(answered).toBeGreaterThan(300);
  });
});
