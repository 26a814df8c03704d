/**
 * Soundness (DESIGN §9): for random expressions over random intervals, every choice of points
 * inside the inputs evaluates — with the test's own exact point arithmetic — inside the interval
 * the engine computed. Comparisons: a `certain` truth holds at every point, an impossible one at
 * none.
 */
import type Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationError, compileExpression, intervals, isTruthSet } from '../../src/evaluate/index.js';
import type { Interval } from '../../src/model.js';
import { intervalArb, pointIn } from './helpers.js';

import { VARS, exprArb, reference, render } from './expressions.js';

const inputsArb = fc.array(intervalArb(1000n, 20n), { minLength: VARS, maxLength: VARS });
const samplesArb = fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: VARS, maxLength: VARS }), { minLength: 1, maxLength: 4 });

function scopeFor(xs: Interval[]): Map<string, Interval | null> {
  return new Map(xs.map((x, i) => [`x${i}`, x]));
}

/** The computed value, or null when the enclosure legitimately could not be formed (a divisor spans 0). */
function evaluateOrNull(source: string, xs: Interval[]) {
  const r = compileExpression(source);
  expect(r.ok, r.ok ? '' : `${source}: ${r.error.message}`).toBe(true);
  if (!r.ok) return null;
  try {
    return r.compiled.evaluate(scopeFor(xs));
  } catch (e) {
    expect(e).toBeInstanceOf(EvaluationError);
    expect((e as Error).message).toMatch(/division by an interval containing 0|too large/);
    return null;
  }
}

describe('soundness (property)', () => {
  it('every point inside the inputs evaluates inside the computed interval', () => {
    let checked = 0;
    fc.assert(
      fc.property(exprArb, inputsArb, samplesArb, (e, xs, samples) => {
        const value = evaluateOrNull(render(e), xs);
        if (value === null) return;
        if (!intervals.isInterval(value)) throw new Error('expected an interval');
        for (const ks of samples) {
          const pts = xs.map((x, i) => pointIn(x, ks[i]!));
          // No divisor interval contains 0, so no divisor point is 0: the reference must not fail.
          const v = reference(e, pts);
          expect(intervals.contains(value, v), `${render(e)} at ${pts.map((p) => p.toFraction()).join(', ')}`).toBe(true);
          checked++;
        }
      }),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(200); // the property did not vacuously skip everything
  });

  it('comparisons and their combinations are sound at every point', () => {
    const cmpArb = fc.constantFrom('<', '<=', '>', '>=', '==', '!=');
    const atomArb = fc.tuple(exprArb, cmpArb, exprArb);
    const assertionArb = fc.tuple(atomArb, fc.constantFrom('and', 'or', 'and not'), atomArb);
    const holds = (a: Fraction, op: string, b: Fraction) =>
      op === '<' ? a.lt(b) : op === '<=' ? a.lte(b) : op === '>' ? a.gt(b) : op === '>=' ? a.gte(b) : op === '==' ? a.equals(b) : !a.equals(b);
    let decided = 0;
    fc.assert(
      fc.property(assertionArb, inputsArb, samplesArb, ([[l1, c1, r1], join, [l2, c2, r2]], xs, samples) => {
        const source = `(${render(l1)} ${c1} ${render(r1)}) ${join} (${render(l2)} ${c2} ${render(r2)})`;
        const value = evaluateOrNull(source, xs);
        if (value === null) return;
        if (!isTruthSet(value)) throw new Error('expected a truth value');
        for (const ks of samples) {
          const pts = xs.map((x, i) => pointIn(x, ks[i]!));
          const first = holds(reference(l1, pts), c1, reference(r1, pts));
          const second = holds(reference(l2, pts), c2, reference(r2, pts));
          const whole = join === 'and' ? first && second : join === 'or' ? first || second : first && !second;
          if (!value.f) expect(whole, source).toBe(true);
          if (!value.t) expect(whole, source).toBe(false);
          if (!value.f || !value.t) decided++;
        }
      }),
      { numRuns: 300 },
    );
    expect(decided).toBeGreaterThan(20);
  });
});
