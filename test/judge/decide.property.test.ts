/**
 * The decision procedure against the tests' own exact reference (test/evaluate/expressions.ts),
 * on random expressions that name their few figures again and again:
 *
 * - every `holds` comes with a witness inside the box whose exact value lies in the stated set;
 * - every `fails` survives dense sampling of the box: no sample's exact value lies in the set,
 *   and every sample lies inside the range the judge reports;
 * - for assertions (and, or, not of comparisons), the verdict on the whole agrees with a
 *   brute-force grid: a grid point where the assertion is true forbids `fails`, and `fails`
 *   means the grid has no such point.
 *
 * A sampled grid can miss a thin region, so each check runs in the one direction that is sound.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, EvaluationError, intervals as I } from '../../src/evaluate/index.js';
import { Budget, decideAssertion, decideClaim, type Variable } from '../../src/judge/decide/index.js';
import type { StatedSet } from '../../src/model.js';
import { formatNumber, readNumber, statedSet } from '../../src/numbers/index.js';
import { DivisionByZero, exprArbOver, reference, render, type Expr } from '../evaluate/expressions.js';
import type { Bounded } from '../evaluate/helpers.js';

const VARS = 2;
const GRID = 9;

/** A small box: each figure a value of a few digits ± half its last digit (or wider). */
const boxArb = fc.array(
  fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 40 })).map(([v, w]): Bounded => ({ lo: new Fraction(v, 4), hi: new Fraction(v, 4).add(new Fraction(w, 40)) })),
  { minLength: VARS, maxLength: VARS },
);

/** The box as the program's slots list it (slots come in order of first use: x1 may be slot 0). */
const variables = (slots: readonly string[], box: Bounded[]): Variable[] =>
  slots.map((id) => ({ id, domain: box[Number(id.slice(1))]!, openLo: false, openHi: false }));
/** A point of the slots, back in x0, x1 … order for the reference. */
const byName = (slots: readonly string[], point: readonly (Fraction | null)[]): Fraction[] => {
  const out: Fraction[] = [];
  slots.forEach((id, k) => (out[Number(id.slice(1))] = point[k]!));
  return out;
};

/** The grid of sample points (GRID per figure, ends included). */
function grid(box: Bounded[]): Fraction[][] {
  return box.reduce<Fraction[][]>((acc, x) => acc.flatMap((p) => Array.from({ length: GRID }, (_, k) => [...p, x.lo.add(x.hi.sub(x.lo).mul(new Fraction(k, GRID - 1)))])), [[]]);
}

const inSet = (s: StatedSet, v: Fraction) =>
  (s.lo === null || (s.loOpen ? v.gt(s.lo) : v.gte(s.lo))) && (s.hi === null || (s.hiOpen ? v.lt(s.hi) : v.lte(s.hi)));

function valueAt(e: Expr, p: Fraction[]): Fraction | null {
  try {
    return reference(e, p);
  } catch (error) {
    if (error instanceof DivisionByZero) return null;
    throw error;
  }
}

function compiled(source: string) {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
  return r.compiled;
}

/** The enclosure over the whole box, or null where the rule would be an error (÷ an interval with 0, too large). */
function enclosureOrNull(source: string, box: Bounded[]) {
  try {
    const v = compiled(source).evaluate(new Map(box.map((x, i) => [`x${i}`, x])));
    return I.isInterval(v) ? v : null;
  } catch (error) {
    if (error instanceof EvaluationError) return null;
    throw error;
  }
}

describe('claims over repeated figures: witnesses and enclosures are proofs (property)', () => {
  it('holds ⇒ the witness is in the box and its exact value is stated; fails ⇒ no sample of the box is', () => {
    const tally = { holds: 0, fails: 0, undecided: 0 };
    fc.assert(
      fc.property(exprArbOver(VARS), boxArb, fc.integer({ min: 0, max: GRID ** VARS - 1 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: -2, max: 2 }), (e, box, pick, decimals, nudge) => {
        const source = render(e);
        const whole = enclosureOrNull(source, box);
        if (!whole) return;
        // A stated value near the truth: the exact value at a grid point, rounded, then nudged.
        const points = grid(box);
        const at = valueAt(e, points[pick]!);
        if (at === null) return;
        const unit = new Fraction(1, 10 ** decimals);
        const stated = at.div(unit).round(0).add(nudge).mul(unit);
        if (stated.abs().gt(1e12)) return;
        const text = formatNumber(stated, 'en', { decimals });
        const set = statedSet(readNumber(text, 'en'), 'round', new Fraction(1, 20));
        const program = compiled(source).program;
        const outcome = decideClaim({ program, variables: variables(program.slots, box), set, budget: new Budget(), tolerance: null });
        tally[outcome.verdict]++;
        if (outcome.verdict === 'holds') {
          const w = byName(program.slots, outcome.witness.point);
          w.forEach((x, i) => expect(x === undefined || I.contains(box[i]!, x), `${source}: witness inside the box`).toBe(true));
          box.forEach((x, i) => (w[i] ??= x.lo)); // a figure the expression does not use
          const exact = valueAt(e, w);
          expect(exact !== null && inSet(set, exact), `${source} at ${w.map((x) => x.toFraction())} = ${exact?.toFraction()} in ${text}`).toBe(true);
        } else if (outcome.verdict === 'fails') {
          for (const p of points) {
            const v = valueAt(e, p);
            if (v === null) continue;
            expect(inSet(set, v), `${source} fails, yet at ${p.map((x) => x.toFraction())} it gives ${v.toFraction()}, in ${text}`).toBe(false);
            expect(I.contains(outcome.range, v), `${source}: the reported range encloses every sample`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(tally.holds, JSON.stringify(tally)).toBeGreaterThan(30);
    expect(tally.fails, JSON.stringify(tally)).toBeGreaterThan(30);
    expect(tally.undecided, JSON.stringify(tally)).toBeLessThanOrEqual((tally.holds + tally.fails) / 20);
  });
});

describe('assertions are judged whole: agreement with a brute-force grid (property)', () => {
  const cmpArb = fc.constantFrom('<', '<=', '>', '>=');
  const atomArb = fc.tuple(exprArbOver(VARS), cmpArb, exprArbOver(VARS));
  const assertionArb = fc.tuple(atomArb, fc.constantFrom('and', 'or', 'and not', 'or not'), atomArb);
  const holds = (a: Fraction, op: string, b: Fraction) => (op === '<' ? a.lt(b) : op === '<=' ? a.lte(b) : op === '>' ? a.gt(b) : a.gte(b));

  it('a true grid point forbids fails; fails means no grid point is true; a witness is true exactly', () => {
    const tally = { holds: 0, fails: 0, other: 0 };
    fc.assert(
      fc.property(assertionArb, boxArb, ([[l1, c1, r1], join, [l2, c2, r2]], box) => {
        const source = `(${render(l1)} ${c1} ${render(r1)}) ${join} (${render(l2)} ${c2} ${render(r2)})`;
        const truthAt = (p: Fraction[]): boolean | null => {
          const [a, b, c, d] = [valueAt(l1, p), valueAt(r1, p), valueAt(l2, p), valueAt(r2, p)];
          if (a === null || b === null || c === null || d === null) return null;
          const first = holds(a, c1, b);
          const second = holds(c, c2, d);
          return join === 'and' ? first && second : join === 'or' ? first || second : join === 'and not' ? first && !second : first || !second;
        };
        let program;
        try {
          program = compiled(source).program;
          compiled(source).evaluate(new Map(box.map((x, i) => [`x${i}`, x])));
        } catch (error) {
          if (error instanceof EvaluationError) return;
          throw error;
        }
        const outcome = decideAssertion(program, variables(program.slots, box), new Budget());
        const samples = grid(box).map(truthAt);
        if (outcome.verdict === 'holds') {
          tally.holds++;
          const w = byName(program.slots, outcome.witness);
          box.forEach((x, i) => (w[i] ??= x.lo));
          expect(truthAt(w), `${source}: the witness makes it true`).toBe(true);
        } else if (outcome.verdict === 'fails') {
          tally.fails++;
          expect(samples.includes(true), `${source} fails, yet a grid point makes it true`).toBe(false);
        } else {
          tally.other++;
        }
      }),
      { numRuns: 300 },
    );
    // not vacuous: both verdicts come up often, and few searches end undecided or unknown
    expect(tally.holds, JSON.stringify(tally)).toBeGreaterThan(50);
    expect(tally.fails, JSON.stringify(tally)).toBeGreaterThan(20);
    expect(tally.other, JSON.stringify(tally)).toBeLessThanOrEqual(30);
  });
});

describe('roots and powers with a repeated figure: gavg and cagr (property, float reference with a margin)', () => {
  // Their exact values are irrational: the reference is a float, trusted only beyond 1e-9 of a bound.
  const MARGIN = 1e-9;
  const floatOf = (f: Fraction) => f.valueOf();
  const forms: [string, (x: number[]) => number][] = [
    ['gavg(x0, x1, x0)', ([a, b]) => Math.cbrt((1 + a!) * (1 + b!) * (1 + a!)) - 1],
    ['gavg(x0, x0) - x0', ([a]) => Math.sqrt((1 + a!) * (1 + a!)) - 1 - a!],
    ['cagr(x0 + x1, x1, 3)', ([a, b]) => Math.cbrt((a! + b!) / b!) - 1],
    ['pp(gavg(x0, x1), x1)', ([a, b]) => Math.sqrt((1 + a!) * (1 + b!)) - 1 - b!],
  ];
  const rateBox = fc.array(
    fc.tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 20 })).map(([v, w]): Bounded => ({ lo: new Fraction(v, 1000), hi: new Fraction(v + w, 1000) })),
    { minLength: VARS, maxLength: VARS },
  );
  it('a witness evaluates into the set; a fail has no grid point inside it', () => {
    const tally = { holds: 0, fails: 0, undecided: 0 };
    fc.assert(
      fc.property(fc.constantFrom(...forms), rateBox, fc.integer({ min: 0, max: GRID ** VARS - 1 }), fc.integer({ min: -3, max: 3 }), ([source, f], box, pick, nudge) => {
        const points = grid(box);
        const at = f(points[pick]!.map(floatOf));
        const stated = new Fraction(Math.round(at * 1e4) + nudge, 1e4); // four decimals of the fraction: 0,01 %
        const set = statedSet(readNumber(formatNumber(stated.mul(100), 'en', { decimals: 2 }) + '%', 'en'), 'round', new Fraction(1, 20));
        const program = compiled(source).program;
        const outcome = decideClaim({ program, variables: variables(program.slots, box), set, budget: new Budget(), tolerance: null });
        tally[outcome.verdict]++;
        const lo = set.lo!.valueOf();
        const hi = set.hi!.valueOf();
        if (outcome.verdict === 'holds') {
          const w = byName(program.slots, outcome.witness.point);
          box.forEach((x, i) => (w[i] ??= x.lo));
          w.forEach((x, i) => expect(I.contains(box[i]!, x)).toBe(true));
          const v = f(w.map(floatOf));
          expect(v >= lo - MARGIN && v < hi + MARGIN, `${source}: ${v} in [${lo}, ${hi})`).toBe(true);
        } else if (outcome.verdict === 'fails') {
          for (const p of points) {
            const v = f(p.map(floatOf));
            expect(v >= lo + MARGIN && v < hi - MARGIN, `${source} fails, yet gives ${v} in [${lo}, ${hi})`).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
    expect(tally.holds, JSON.stringify(tally)).toBeGreaterThan(20);
    expect(tally.fails, JSON.stringify(tally)).toBeGreaterThan(20);
    expect(tally.undecided, JSON.stringify(tally)).toBeLessThanOrEqual(10);
  });
});
