/**
 * Derived figures in the judge: a derived figure is a name for an expression over the base
 * figures, never an independent interval, so a rule that names it is decided over the base
 * figures' box — exactly, where it is named twice — and its diagnosis speaks of base figures.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, intervals as I } from '../../src/evaluate/index.js';
import { derivedView } from '../../src/judge/derived.js';
import { meets } from '../../src/judge/decide/index.js';
import type { Figure, Interval } from '../../src/model.js';
import { readNumber, statedSet } from '../../src/numbers/index.js';
import { claim, fig } from './judging.js';

const declared = { file: 'figures.yaml', line: 1, col: 1 };
const derived = (id: string, expr: string): Figure => ({ id, interval: null, exact: false, declared, derived: { expr, at: declared, inline: true } });
const pm = (v: string, h = '0.5'): Interval => ({ lo: new Fraction(v).sub(h), hi: new Fraction(v).add(h) });

describe('a derived figure named twice gets the exact verdict', () => {
  const a = fig('a', pm('250'));
  const b = fig('b', pm('150'));
  const d = derived('d', 'a - b');

  it('d / a with d := a − b: the exact range [39,68 %; 40,32 %] misses "39.5%", though d taken as its own interval [99; 101] would meet it', () => {
    // Were d an independent interval, d / a over [99; 101] / [249,5; 250,5] reaches 39,52 %: a pass.
    const dInterval = pm('100', '1');
    const naive = I.div(dInterval, a.interval!);
    expect(meets(naive, statedSet(readNumber('39.5%', 'en'), 'round', new Fraction(1, 20)))).toBe(true);
    const r = claim('d / a', '39.5%', [a, b, d]);
    expect(r.verdict).toBe('fail');
    expect(r.proof?.kind).toBe('enclosure');
    expect(r.computed?.text).toBe('[39.679%; 40.319%]');
    expect(claim('d / a', '40.3%', [a, b, d]).verdict).toBe('pass');
  });

  it('growth(revenue, plan) with plan := revenue / 131% is exactly 31 %', () => {
    const revenue = fig('revenue', '9,805.4');
    const plan = derived('plan', 'revenue / 131%');
    expect(claim('growth(revenue, plan)', '31%', [revenue, plan]).verdict).toBe('pass');
    const off = claim('growth(revenue, plan)', '31.1%', [revenue, plan]);
    expect(off.verdict).toBe('fail');
    // The diagnosis names the slip through the derived figure: "131%" is a ratio, not a change.
    const andRatio = claim('growth(revenue, plan)', '131%', [revenue, plan]);
    expect(andRatio.verdict).toBe('fail');
    expect(andRatio.diagnosis?.slips.map((s) => s.kind)).toContain('ratio-vs-change');
    expect(andRatio.diagnosis?.slips.find((s) => s.kind === 'ratio-vs-change')?.message).toContain('ratio(revenue, plan)');
  });

  it('lists the derived figure with its definition, its range over the base figures and what it rests on, then the base figures', () => {
    const r = claim('d / a', '40%', [fig('a', pm('250')), fig('b', pm('150')), d]);
    expect(r.figures.map((f) => f.id)).toEqual(['d', 'a', 'b']);
    expect(r.figures[0]).toEqual({ id: 'd', derived: 'a - b', restsOn: ['a', 'b'], interval: '[99.0000; 101.0000]' });
    // The diagnosis and the witness speak of base figures only.
    expect(Object.keys(r.witness ?? {})).toEqual(['a', 'b']);
  });

  it('is unverifiable when it rests on an unknown figure, naming that figure', () => {
    const r = claim('ratio(a, p)', '120%', [fig('a', pm('250')), fig('x', null), derived('p', 'x * 2')]);
    expect(r.verdict).toBe('unverifiable');
    expect(r.missing).toEqual(['x']);
    expect(r.figures.find((f) => f.id === 'p')).toMatchObject({ derived: 'x * 2', unknown: true, restsOn: ['x'] });
  });
});

describe('the range a derived figure is shown with', () => {
  it('is decided, not a naive enclosure: a / (a + b) over a = 250 ± 0,5, b = 150 ± 0,5 is [62,375 %; 62,625 %]', () => {
    const figures = new Map([fig('a', pm('250')), fig('b', pm('150')), derived('s', 'a / (a + b)')].map((f) => [f.id, f]));
    const view = derivedView('s', figures, 'en');
    expect(view.restsOn).toEqual(['a', 'b']);
    // naive: [249,5 / 401; 250,5 / 399] = [62,22 %; 62,78 %]; exact: [249,5 / 399,5; 250,5 / 400,5] hull
    expect(I.fractionToNumber(view.range!.lo!)).toBeCloseTo(0.62375, 4);
    expect(I.fractionToNumber(view.range!.hi!)).toBeCloseTo(0.62625, 4);
  });
});

// ── the law: linking preserves verdicts ───────────────────────────────────────────────────

const figureArb = (id: string) =>
  fc
    .tuple(fc.integer({ min: 50, max: 500 }), fc.integer({ min: 1, max: 20 }))
    .map(([v, h]) => fig(id, { lo: new Fraction(v).sub(new Fraction(h, 10)), hi: new Fraction(v).add(new Fraction(h, 10)) }));

describe('a rule over a derived figure is judged as the rule with the definition written out (property)', () => {
  it('same verdict and same range, for definitions and rules that name figures more than once', () => {
    const definitions = ['a - b', 'a / (a + b)', 'a * b / (a + b)', 'growth(a, b)', 'avg(a, b, a)'];
    const rules = ['d / a', 'd * d', 'ratio(d, b)', 'd + a - b', 'share(d, d + a)'];
    fc.assert(
      fc.property(
        figureArb('a'),
        figureArb('b'),
        fc.constantFrom(...definitions),
        fc.constantFrom(...rules),
        fc.integer({ min: -100, max: 400 }),
        (a, b, definition, rule, percent) => {
          const stated = `${percent}%`;
          const viaDerived = claim(rule, stated, [a, b, derived('d', definition)]);
          const writtenOut = claim(rule.replace(/\bd\b/g, `(${definition})`), stated, [a, b]);
          expect(compileExpression(rule).ok).toBe(true);
          expect(viaDerived.verdict).toBe(writtenOut.verdict);
          expect(viaDerived.computed?.text).toBe(writtenOut.computed?.text);
        },
      ),
      { numRuns: 60 },
    );
  });
});
