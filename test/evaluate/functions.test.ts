import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvaluationError, claimFunctions, compileExpression, functionRegistry, intervals } from '../../src/evaluate/index.js';
import type { Interval } from '../../src/model.js';
import { gradient, monotoneSign } from '../../src/evaluate/index.js';
import { around, intervalArb, iv, nonZeroIntervalArb, scopeOf, type Bounded } from './helpers.js';

function run(source: string, scope: Record<string, Interval>): Bounded {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.error.message}`);
  const v = r.compiled.evaluate(scopeOf(scope));
  if (!intervals.isInterval(v) || !intervals.isBounded(v)) throw new Error(`${source} gave a truth value or an unbounded interval`);
  return v;
}

const TINY = new Fraction(1n, 10n ** 15n);

describe('claim functions, examples', () => {
  it('growth(45481 ± 0.5, 34887 ± 0.5) is exactly [45480.5/34887.5 − 1, 45481.5/34886.5 − 1]', () => {
    const g = run('growth(grdp_2023, grdp_2020)', { grdp_2023: around('45481', '0.5'), grdp_2020: around('34887', '0.5') });
    expect(g.lo.toFraction()).toBe('21186/69775'); // 90961/69775 − 1
    expect(g.hi.toFraction()).toBe('21190/69773'); // 90963/69773 − 1
    expect(g.lo.equals(new Fraction('45480.5').div('34887.5').sub(1))).toBe(true);
    const { lo, hi } = intervals.toNumbers(g);
    expect(lo).toBeCloseTo(0.3036331, 7);
    expect(hi).toBeCloseTo(0.3036991, 7);
  });

  it('decline, ratio, times, share, pp', () => {
    expect(run('decline(a, b)', { a: iv('88'), b: iv('100') }).lo.toFraction()).toBe('3/25');
    const r = run('ratio(revenue_2022, plan_2022)', { revenue_2022: around('7126.1', '0.05'), plan_2022: around('5440', '0.5') });
    expect(r.lo.equals(new Fraction('7126.05').div('5440.5'))).toBe(true);
    expect(r.hi.equals(new Fraction('7126.15').div('5439.5'))).toBe(true);
    expect(run('times(a, b)', { a: iv('250'), b: iv('100') }).hi.toFraction()).toBe('5/2');
    expect(run('share(p, w)', { p: iv('34'), w: iv('100') }).lo.toFraction()).toBe('17/50');
    const pp = run('pp(avg_growth, national_2023)', { avg_growth: iv('0.0698'), national_2023: iv('0.0505') });
    expect(pp.lo.toFraction()).toBe('193/10000');
  });

  it('sum, avg (exact, independent inputs), min, max, abs', () => {
    const a = run('avg(g2021, g2022, g2023)', { g2021: iv('0.05', '0.06'), g2022: iv('0.07'), g2023: iv('0.09', '0.1') });
    expect(a.lo.toFraction()).toBe('7/100');
    expect(a.hi.toFraction()).toBe('23/300');
    const s = run('sum(a, b, c)', { a: iv('1', '2'), b: iv('3'), c: iv('-1', '0.5') });
    expect([s.lo.toFraction(), s.hi.toFraction()]).toEqual(['3', '11/2']);
    const m = run('min(a, b)', { a: iv('1', '5'), b: iv('2', '3') });
    expect([m.lo.toFraction(), m.hi.toFraction()]).toEqual(['1', '3']);
    const M = run('max(a, b)', { a: iv('1', '5'), b: iv('2', '3') });
    expect([M.lo.toFraction(), M.hi.toFraction()]).toEqual(['2', '5']);
    const ab = run('abs(pp(a, b))', { a: iv('0.1', '0.2'), b: iv('0.15') });
    expect([ab.lo.toFraction(), ab.hi.toFraction()]).toEqual(['0', '1/20']);
  });

  it('cagr of a perfect power is exact; otherwise its bounds are verified exactly and tight', () => {
    const exact = run('cagr(x_2023, x_2020, 3)', { x_2023: iv('1331'), x_2020: iv('1000') });
    expect([exact.lo.toFraction(), exact.hi.toFraction()]).toEqual(['1/10', '1/10']);

    const end = around('45481', '0.5');
    const start = around('34887', '0.5');
    const c = run('cagr(x_2023, x_2020, 3)', { x_2023: end, x_2020: start });
    const lowRatio = end.lo.div(start.hi);
    const highRatio = end.hi.div(start.lo);
    const one = new Fraction(1);
    // sound: (1 + lo)³ ≤ smallest ratio, (1 + hi)³ ≥ largest ratio
    expect(one.add(c.lo).pow(3).lte(lowRatio)).toBe(true);
    expect(one.add(c.hi).pow(3).gte(highRatio)).toBe(true);
    // tight: moving either endpoint inward by 1e-15 breaks it
    expect(one.add(c.lo).add(TINY).pow(3).gt(lowRatio)).toBe(true);
    expect(one.add(c.hi).sub(TINY).pow(3).lt(highRatio)).toBe(true);
  });

  it('cagr over a number of years that is itself a figure: the power of an interval exponent, bounded at the corners', () => {
    const c = run('cagr(a, b, y)', { a: iv('2'), b: iv('1'), y: iv('2', '3') });
    // 2^(1/3) − 1 ≤ cagr ≤ 2^(1/2) − 1
    expect(intervals.fractionToNumber(c.lo)).toBeCloseTo(Math.cbrt(2) - 1, 12);
    expect(intervals.fractionToNumber(c.hi)).toBeCloseTo(Math.SQRT2 - 1, 12);
    expect(intervals.fractionToNumber(run('cagr(a, b, 2.5)', { a: iv('2'), b: iv('1') }).lo)).toBeCloseTo(Math.pow(2, 0.4) - 1, 12);
    expect(() => run('cagr(a, b, 0)', { a: iv('2'), b: iv('1') })).toThrow('cagr: years must be above 0');
    expect(() => run('cagr(a, b, 2)', { a: iv('-2'), b: iv('1') })).toThrow(/cagr: end and start must be above 0/);
  });

  it('gavg: exact for perfect powers, verified bounds otherwise; rates must stay above −100 %', () => {
    const e = run('gavg(r1, r2)', { r1: iv('0.21'), r2: iv('0.21') });
    expect([e.lo.toFraction(), e.hi.toFraction()]).toEqual(['21/100', '21/100']);
    const rates = [iv('0.05', '0.06'), iv('0.07'), iv('-0.02', '0.01')];
    const g = run('gavg(r1, r2, r3)', { r1: rates[0]!, r2: rates[1]!, r3: rates[2]! });
    const one = new Fraction(1);
    const lowProduct = rates.reduce((p, r) => p.mul(one.add(r.lo)), one);
    const highProduct = rates.reduce((p, r) => p.mul(one.add(r.hi)), one);
    expect(one.add(g.lo).pow(3).lte(lowProduct)).toBe(true);
    expect(one.add(g.hi).pow(3).gte(highProduct)).toBe(true);
    expect(one.add(g.lo).add(TINY).pow(3).gt(lowProduct)).toBe(true);
    expect(one.add(g.hi).sub(TINY).pow(3).lt(highProduct)).toBe(true);
    expect(() => run('gavg(r1, r2)', { r1: iv('-1'), r2: iv('0.1') })).toThrow(/above −100 %/);
  });

  it('a divisor interval containing 0 is an evaluation error naming the function', () => {
    expect(() => run('growth(a, b)', { a: iv('1'), b: iv('-0.5', '0.5') })).toThrow(EvaluationError);
    expect(() => run('growth(a, b)', { a: iv('1'), b: iv('-0.5', '0.5') })).toThrow(
      'growth: division by an interval containing 0',
    );
    expect(() => run('a / b', { a: iv('1'), b: iv('0') })).toThrow('division by an interval containing 0');
  });

  it('each function says how it moves with its arguments, and the gradient agrees (positive arguments)', () => {
    const positive = fc.tuple(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 0, max: 50 })).map(([a, w]) => iv(String(a / 100), String((a + w) / 100)));
    for (const fn of claimFunctions) {
      if (fn.name === 'cagr' || fn.name === 'gavg') continue; // checked below on their own domains
      const n = fn.arity.max ?? 3;
      const r = compileExpression(`${fn.name}(${Array.from({ length: n }, (_, i) => `x${i}`).join(', ')})`);
      if (!r.ok) throw new Error(r.error.message);
      fc.assert(
        fc.property(fc.array(positive, { minLength: n, maxLength: n }), (box) => {
          const g = gradient(r.compiled.program, box);
          g.g.forEach((gi, i) => {
            const declared = fn.monotone[Math.min(i, fn.monotone.length - 1)];
            const sign = monotoneSign(gi);
            if (declared === 'up') expect(sign === 1 || sign === 0).toBe(true);
            if (declared === 'down') expect(sign === -1 || sign === 0).toBe(true);
          });
        }),
        { numRuns: 40 },
      );
    }
    const g = compileExpression('gavg(a, b)');
    if (!g.ok) throw new Error('gavg');
    expect(gradient(g.compiled.program, [iv('0.05', '0.06'), iv('0.01', '0.02')]).g.map(monotoneSign)).toEqual([1, 1]);
  });

  it('the registry describes every function once', () => {
    const names = claimFunctions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const required of ['growth', 'decline', 'ratio', 'times', 'share', 'pp', 'sum', 'avg', 'gavg', 'cagr', 'min', 'max', 'abs']) {
      const f = functionRegistry.get(required);
      expect(f?.name).toBe(required);
      expect(f?.signature.startsWith(`${required}(`)).toBe(true);
      expect(f?.description.length).toBeGreaterThan(10);
      expect(f?.arity.min).toBeGreaterThanOrEqual(1);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Exactness: an independent BigInt rational reference, evaluated at every corner of the inputs.

type Q = readonly [bigint, bigint]; // numerator, positive denominator (not necessarily reduced)
const q = (f: Fraction): Q => [f.s * f.n, f.d];
const qadd = (x: Q, y: Q): Q => [x[0] * y[1] + y[0] * x[1], x[1] * y[1]];
const qsub = (x: Q, y: Q): Q => [x[0] * y[1] - y[0] * x[1], x[1] * y[1]];
const qdiv = (x: Q, y: Q): Q => (y[0] < 0n ? [-x[0] * y[1], x[1] * -y[0]] : [x[0] * y[1], x[1] * y[0]]);
const qcmp = (x: Q, y: Q): number => {
  const d = x[0] * y[1] - y[0] * x[1];
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
const ONE: Q = [1n, 1n];
const qsum = (xs: Q[]): Q => xs.reduce(qadd, [0n, 1n]);

interface Case {
  fn: string;
  args: fc.Arbitrary<Bounded[]>;
  ref: (xs: Q[]) => Q;
}
const two = (b: fc.Arbitrary<Bounded>) => fc.tuple(intervalArb(), b).map((t) => [...t]);
const many = fc.array(intervalArb(), { minLength: 1, maxLength: 4 });
const CASES: Case[] = [
  { fn: 'growth', args: two(nonZeroIntervalArb()), ref: ([c, b]) => qsub(qdiv(c!, b!), ONE) },
  { fn: 'decline', args: two(nonZeroIntervalArb()), ref: ([c, b]) => qsub(ONE, qdiv(c!, b!)) },
  { fn: 'ratio', args: two(nonZeroIntervalArb()), ref: ([a, b]) => qdiv(a!, b!) },
  { fn: 'times', args: two(nonZeroIntervalArb()), ref: ([a, b]) => qdiv(a!, b!) },
  { fn: 'share', args: two(nonZeroIntervalArb()), ref: ([a, b]) => qdiv(a!, b!) },
  { fn: 'pp', args: two(intervalArb()), ref: ([a, b]) => qsub(a!, b!) },
  { fn: 'sum', args: many, ref: qsum },
  { fn: 'avg', args: many, ref: (xs) => qdiv(qsum(xs), [BigInt(xs.length), 1n]) },
  { fn: 'min', args: many, ref: (xs) => xs.reduce((m, x) => (qcmp(x, m) < 0 ? x : m)) },
  { fn: 'max', args: many, ref: (xs) => xs.reduce((m, x) => (qcmp(x, m) > 0 ? x : m)) },
];

function corners(args: Bounded[]): Q[][] {
  return args.reduce<Q[][]>((acc, x) => acc.flatMap((c) => [[...c, q(x.lo)], [...c, q(x.hi)]]), [[]]);
}

describe('exactness (property): single-use functions give exactly the min and max over the corners', () => {
  for (const { fn, args, ref } of CASES) {
    it(fn, () => {
      fc.assert(
        fc.property(args, (xs) => {
          const names = xs.map((_, i) => `x${i}`);
          const value = run(`${fn}(${names.join(', ')})`, Object.fromEntries(xs.map((x, i) => [`x${i}`, x])));
          const values = corners(xs).map(ref);
          const lo = values.reduce((m, v) => (qcmp(v, m) < 0 ? v : m));
          const hi = values.reduce((m, v) => (qcmp(v, m) > 0 ? v : m));
          expect(qcmp(q(value.lo), lo)).toBe(0);
          expect(qcmp(q(value.hi), hi)).toBe(0);
        }),
        { numRuns: 200 },
      );
    });
  }
});
