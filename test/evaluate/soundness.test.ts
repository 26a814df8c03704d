/**
 * Soundness (DESIGN §9): for random expressions over random intervals, every choice of points
 * inside the inputs evaluates — with the test's own exact point arithmetic — inside the interval
 * the engine computed. Comparisons: a `certain` truth holds at every point, an impossible one at
 * none.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationError, compileExpression, intervals, isTruthSet } from '../../src/evaluate/index.js';
import type { Interval } from '../../src/model.js';
import { intervalArb, pointIn } from './helpers.js';

type Expr =
  | { t: 'var'; i: number }
  | { t: 'const'; text: string }
  | { t: 'bin'; op: '+' | '-' | '*' | '/'; a: Expr; b: Expr }
  | { t: 'neg'; a: Expr }
  | { t: 'pow'; a: Expr; n: number }
  | { t: 'call'; fn: string; args: Expr[] };

const VARS = 4;
const PAIR_FUNCTIONS = ['growth', 'decline', 'ratio', 'times', 'share', 'pp'];
const LIST_FUNCTIONS = ['sum', 'avg', 'min', 'max'];

const constArb = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 }))
  .map(([i, f, places]) => ({ t: 'const' as const, text: places === 0 ? `${i}` : `${i}.${String(f).padStart(3, '0').slice(0, places)}` }));

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: VARS - 1 }).map((i) => ({ t: 'var' as const, i })) },
    { weight: 1, arbitrary: constArb },
    {
      weight: 3,
      arbitrary: fc.record({ t: fc.constant('bin' as const), op: fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<'+' | '-' | '*' | '/'>, a: tie('e'), b: tie('e') }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('neg' as const), a: tie('e') }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('pow' as const), a: tie('e'), n: fc.integer({ min: -2, max: 3 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({ t: fc.constant('call' as const), fn: fc.constantFrom(...PAIR_FUNCTIONS), args: fc.tuple(tie('e'), tie('e')).map((x) => [...x]) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('call' as const), fn: fc.constantFrom(...LIST_FUNCTIONS), args: fc.array(tie('e'), { minLength: 1, maxLength: 3 }) }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('call' as const), fn: fc.constant('abs'), args: tie('e').map((x) => [x]) }) },
  ),
})).e;

function render(e: Expr): string {
  switch (e.t) {
    case 'var':
      return `x${e.i}`;
    case 'const':
      return e.text;
    case 'bin':
      return `(${render(e.a)} ${e.op} ${render(e.b)})`;
    case 'neg':
      return `(-${render(e.a)})`;
    case 'pow':
      return `(${render(e.a)} ^ ${e.n < 0 ? `(${e.n})` : e.n})`;
    case 'call':
      return `${e.fn}(${e.args.map(render).join(', ')})`;
  }
}

class DivisionByZero extends Error {}

/** The test's own reference: exact point arithmetic with Fraction, written independently. */
function reference(e: Expr, x: Fraction[]): Fraction {
  const div = (a: Fraction, b: Fraction) => {
    if (b.equals(0)) throw new DivisionByZero();
    return a.div(b);
  };
  const r = (s: Expr) => reference(s, x);
  switch (e.t) {
    case 'var':
      return x[e.i]!;
    case 'const':
      return new Fraction(e.text);
    case 'bin': {
      const a = r(e.a);
      const b = r(e.b);
      return e.op === '+' ? a.add(b) : e.op === '-' ? a.sub(b) : e.op === '*' ? a.mul(b) : div(a, b);
    }
    case 'neg':
      return r(e.a).neg();
    case 'pow': {
      const a = r(e.a);
      let p = new Fraction(1);
      for (let k = 0; k < Math.abs(e.n); k++) p = p.mul(a);
      return e.n < 0 ? div(new Fraction(1), p) : p;
    }
    case 'call': {
      const v = e.args.map(r);
      const [a, b] = v as [Fraction, Fraction];
      switch (e.fn) {
        case 'growth':
          return div(a, b).sub(1);
        case 'decline':
          return new Fraction(1).sub(div(a, b));
        case 'ratio':
        case 'times':
        case 'share':
          return div(a, b);
        case 'pp':
          return a.sub(b);
        case 'sum':
          return v.reduce((s, y) => s.add(y), new Fraction(0));
        case 'avg':
          return v.reduce((s, y) => s.add(y), new Fraction(0)).div(v.length);
        case 'min':
          return v.reduce((m, y) => (y.lt(m) ? y : m));
        case 'max':
          return v.reduce((m, y) => (y.gt(m) ? y : m));
        case 'abs':
          return a.abs();
      }
      throw new Error(`no reference for ${e.fn}`);
    }
  }
}

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
