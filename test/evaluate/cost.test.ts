/**
 * What an evaluation is charged to a budget (src/evaluate/cost.ts). The law: over figures of the
 * size a report writes, in an expression that multiplies at most ten written numbers together,
 * `costOver` is exactly `costOf` (no rule of a report is charged more than before), and it is never
 * less; where the expression multiplies the figures out into large exact numbers, it is charged
 * more. Sums do not count towards that: a total of a thousand figures stays small.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/evaluate/index.js';
import { costOf, costOver } from '../../src/evaluate/cost.js';
import type { Interval } from '../../src/model.js';
import { VARS, exprArb, render, type Expr } from './expressions.js';
import { intervalArb } from './helpers.js';

function programOf(source: string) {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.compiled.program;
}

const domainsOf = (source: string, xs: readonly Interval[]) => programOf(source).slots.map((id) => xs[Number(id.slice(1))] ?? null);

/** A figure as a report writes it: up to 7 significant digits, 0 to 3 decimals, ± half a unit. */
const writtenArb = fc.tuple(fc.integer({ min: 1, max: 9_999_999 }), fc.integer({ min: 0, max: 3 })).map(([digits, decimals]) => {
  const value = new Fraction(digits, 10 ** decimals);
  const half = new Fraction(1, 2 * 10 ** decimals);
  return { lo: value.sub(half), hi: value.add(half) };
});

/**
 * How many written numbers (figures and constants) the expression multiplies together at most, once
 * multiplied out: the test's own count, from the functions' definitions (growth(a, b) is a / b − 1,
 * avg divides a sum by its count, pp is a − b). A sum counts as its largest term.
 */
function factors(e: Expr): number {
  switch (e.t) {
    case 'var':
    case 'const':
      return 1;
    case 'neg':
      return factors(e.a);
    case 'pow':
      return Math.abs(e.n) * factors(e.a);
    case 'bin':
      return e.op === '*' || e.op === '/' ? factors(e.a) + factors(e.b) : Math.max(factors(e.a), factors(e.b));
    case 'call': {
      const each = e.args.map(factors);
      if (QUOTIENTS.has(e.fn)) return each[0]! + each[1]!;
      return Math.max(...each) + (e.fn === 'avg' ? 1 : 0);
    }
  }
}

/** The claim functions that divide their first argument by their second (the others add, subtract or pick). */
const QUOTIENTS = new Set(['growth', 'decline', 'ratio', 'times', 'share']);

/** At most ten written numbers of a report, a few dozen bits each, multiplied together stay under 512 bits. */
const MAX_FACTORS = 10;

describe('the cost of an evaluation', () => {
  it('over figures a report writes, in an expression of at most ten factors, is the base cost of the program (property)', () => {
    fc.assert(
      fc.property(exprArb.filter((e) => factors(e) <= MAX_FACTORS), fc.array(writtenArb, { minLength: VARS, maxLength: VARS }), (e, xs) => {
        const source = render(e);
        expect(costOver(programOf(source), domainsOf(source, xs))).toBe(costOf(programOf(source)));
      }),
      { numRuns: 500 },
    );
  });

  it('is never below the base cost, whatever the figures (property)', () => {
    fc.assert(
      fc.property(exprArb, fc.array(intervalArb(10n ** 200n, 10n ** 100n), { minLength: VARS, maxLength: VARS }), (e, xs) => {
        const source = render(e);
        expect(costOver(programOf(source), domainsOf(source, xs))).toBeGreaterThanOrEqual(costOf(programOf(source)));
      }),
      { numRuns: 300 },
    );
  });

  it('grows with the size of the numbers a product multiplies out', () => {
    const figures = [{ lo: new Fraction('101.25'), hi: new Fraction('101.35') }, { lo: new Fraction('102.55'), hi: new Fraction('102.65') }];
    const chain = (n: number) => Array.from({ length: n }, () => 'x0 / x1').join(' * ');
    // A few quotients stay small; seventy-five grow to hundreds of digits before they are rounded.
    expect(costOver(programOf(chain(3)), figures)).toBe(costOf(programOf(chain(3))));
    expect(costOver(programOf(chain(75)), figures)).toBeGreaterThan(5 * costOf(programOf(chain(75))));
    // A power of 999 of a figure's quotient, likewise; of a point of a few bits, less.
    const power = programOf('(x0 / x1) ^ 999');
    expect(costOver(power, figures)).toBeGreaterThan(costOf(power));
    // Written figures of seven digits, 36 of them multiplied together: the law above stops where
    // the numbers really do grow.
    const written = [{ lo: new Fraction('1234.5665'), hi: new Fraction('1234.5675') }, { lo: new Fraction('98765.435'), hi: new Fraction('98765.445') }];
    const cube = (x: string) => `(${x}) ^ 3`;
    const product = programOf(cube(cube('x0 * x1 * x0 * x1')));
    expect(costOver(product, written)).toBeGreaterThan(costOf(product));
    // An unknown figure (null) has no size to add.
    expect(costOver(programOf(chain(3)), [null, null])).toBe(costOf(programOf(chain(3))));
  });

  it('of a sum of a thousand figures, written with + or with sum(), is the base cost', () => {
    const names = Array.from({ length: 1000 }, (_, i) => `x${i}`);
    const figures = names.map((_, i) => ({ lo: new Fraction(1_234_567 + i, 100).sub(new Fraction(1, 200)), hi: new Fraction(1_234_567 + i, 100).add(new Fraction(1, 200)) }));
    for (const source of [names.join(' + '), `sum(${names.join(', ')})`, `avg(${names.join(', ')}) * 1000 - x0`]) {
      const program = programOf(source);
      expect(costOver(program, program.slots.map((id) => figures[Number(id.slice(1))]!))).toBe(costOf(program));
    }
  });
});
