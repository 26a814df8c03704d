/**
 * What an evaluation is charged to a budget (src/evaluate/program.ts). The law: over figures of the
 * size a report writes, `costOver` is exactly `costOf` (no rule of a report is charged more than
 * before), and it is never less; over figures whose exact numbers grow large as the expression
 * multiplies them out, it is charged more.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/evaluate/index.js';
import { costOf, costOver } from '../../src/evaluate/program.js';
import type { Interval } from '../../src/model.js';
import { VARS, exprArb, render } from './expressions.js';
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

describe('the cost of an evaluation', () => {
  it('over figures a report writes, is the base cost of the program (property)', () => {
    fc.assert(
      fc.property(exprArb, fc.array(writtenArb, { minLength: VARS, maxLength: VARS }), (e, xs) => {
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
    // An unknown figure (null) has no size to add.
    expect(costOver(programOf(chain(3)), [null, null])).toBe(costOf(programOf(chain(3))));
  });
});
