/**
 * Float bounds on the exact enclosure (src/evaluate/float-bounds.ts). The law: whenever the float
 * evaluation answers, the exact evaluation does not fail and each end of its enclosure lies
 * between the two doubles bounding it — for random expressions over random boxes, at ordinary
 * magnitudes and at extreme ones.
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, intervals } from '../../src/evaluate/index.js';
import { floatBounds, floatPlanOf, fractionBounds, intervalBounds, type FloatPlan } from '../../src/evaluate/float-bounds.js';
import type { Interval } from '../../src/model.js';
import { VARS, exprArb, render } from './expressions.js';
import { exactly, intervalArb, iv, type Bounded } from './helpers.js';

/** Rationals from tiny to huge: numerator and denominator of up to `bits` bits. */
const wideRationalArb = (bits: number): fc.Arbitrary<Fraction> =>
  fc
    .tuple(fc.bigInt({ min: -(2n ** BigInt(bits)), max: 2n ** BigInt(bits) }), fc.bigInt({ min: 1n, max: 2n ** BigInt(bits) }), fc.integer({ min: 0, max: 3 }))
    .map(([n, d, shape]) => (shape === 0 ? new Fraction(n, 1n) : shape === 1 ? new Fraction(1n, d) : new Fraction(n, d)));

const wideIntervalArb = (bits: number): fc.Arbitrary<Bounded> =>
  fc.oneof(
    fc.tuple(wideRationalArb(bits), wideRationalArb(bits)).map(([a, b]) => (a.lte(b) ? { lo: a, hi: b } : { lo: b, hi: a })),
    wideRationalArb(bits).map((x) => ({ lo: x, hi: x })),
    // A narrow interval around a value, like a written figure's precision.
    fc.tuple(wideRationalArb(bits), fc.integer({ min: 1, max: 60 })).map(([x, k]) => ({ lo: x, hi: x.add(new Fraction(1n, 2n ** BigInt(k))) })),
  );

function compiled(source: string) {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(r.error.message);
  return r.compiled;
}

/** The box of bounds, slot by slot (a program's slots are its figures in order of first use). */
function boxOf(source: string, xs: readonly Interval[]): Float64Array | null {
  const slots = compiled(source).program.slots;
  const box = new Float64Array(4 * slots.length);
  return slots.every((id, s) => intervalBounds(xs[Number(id.slice(1))]!, box, 4 * s)) ? box : null;
}

/** The exact enclosure, or null where it fails (a divisor reaching 0, a magnitude refused). */
function exact(source: string, xs: readonly Interval[]): Interval | null {
  try {
    const v = compiled(source).evaluate(new Map(xs.map((x, i) => [`x${i}`, x])));
    return intervals.isInterval(v) ? v : null;
  } catch {
    return null;
  }
}

function planOf(source: string): FloatPlan | null {
  return floatPlanOf(compiled(source).program);
}

/** Checks the law for one expression and box; true when floats answered. */
function lawHolds(source: string, xs: readonly Interval[]): boolean {
  const plan = planOf(source);
  const box = boxOf(source, xs);
  if (!plan || !box || !floatBounds(plan, box)) return false;
  const value = exact(source, xs);
  expect(value, `${source}: floats answered where the exact evaluation fails`).not.toBeNull();
  const [loLo, loHi, hiLo, hiHi] = [0, 1, 2, 3].map((i) => exactly(plan.values[plan.at + i]!));
  const where = `${source} over ${xs.map((x) => `[${x.lo}, ${x.hi}]`).join(' ')}`;
  expect(loLo!.lte(value!.lo!) && value!.lo!.lte(loHi!), `low end ${value!.lo} outside [${loLo}, ${loHi}]: ${where}`).toBe(true);
  expect(hiLo!.lte(value!.hi!) && value!.hi!.lte(hiHi!), `high end ${value!.hi} outside [${hiLo}, ${hiHi}]: ${where}`).toBe(true);
  return true;
}

describe('float bounds of a rational', () => {
  it('enclose it, from 2⁻¹¹⁰⁰ to 2¹¹⁰⁰ (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(wideRationalArb(40), wideRationalArb(200), wideRationalArb(1100)), (x) => {
        const out = new Float64Array(2);
        if (!fractionBounds(x, out, 0)) return;
        answered++;
        expect(exactly(out[0]!).lte(x) && x.lte(exactly(out[1]!)), `${x} outside [${out[0]}, ${out[1]}]`).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(1500);
  });

  it('are tight: a few units of the last place', () => {
    const out = new Float64Array(2);
    expect(fractionBounds(new Fraction('7126.1'), out, 0)).toBe(true);
    expect(out[0]).toBeLessThan(7126.1);
    expect(out[1]).toBeGreaterThan(7126.1);
    expect((out[1]! - out[0]!) / 7126.1).toBeLessThan(1e-14);
  });

  it('refuse what doubles cannot hold', () => {
    const out = new Float64Array(2);
    expect(fractionBounds(new Fraction(2n ** 1100n, 3n), out, 0)).toBe(false);
    expect(intervalBounds({ lo: new Fraction(1), hi: null }, new Float64Array(4), 0)).toBe(false);
  });
});

describe('float bounds of an expression', () => {
  it('enclose each end of the exact enclosure, at ordinary magnitudes (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(exprArb, fc.array(intervalArb(1000n, 20n), { minLength: VARS, maxLength: VARS }), (e, xs) => {
        if (lawHolds(render(e), xs)) answered++;
      }),
      { numRuns: 1500 },
    );
    expect(answered).toBeGreaterThan(400); // not vacuous: floats answer most of the time
  });

  it('enclose each end of the exact enclosure, from tiny to huge (property)', () => {
    let answered = 0;
    fc.assert(
      fc.property(exprArb, fc.array(fc.oneof(wideIntervalArb(60), wideIntervalArb(300), wideIntervalArb(1010)), { minLength: VARS, maxLength: VARS }), (e, xs) => {
        if (lawHolds(render(e), xs)) answered++;
      }),
      { numRuns: 1500 },
    );
    expect(answered).toBeGreaterThan(200);
  });

  it('are one plan per shape: an expression with its figures renamed shares it, and the law holds for both (property)', () => {
    let shared = 0;
    fc.assert(
      fc.property(exprArb, fc.array(intervalArb(1000n, 20n), { minLength: VARS, maxLength: VARS }), (e, xs) => {
        const source = render(e);
        // x0 → x1 → … → x0: the same shape, other names (compiled from the first one's template).
        const renamed = source.replace(/x(\d)/g, (_, d: string) => `x${(Number(d) + 1) % VARS}`);
        const [a, b] = [planOf(source), planOf(renamed)];
        if (a && b) {
          expect(b).toBe(a);
          shared++;
        }
        lawHolds(source, xs);
        lawHolds(renamed, xs);
      }),
      { numRuns: 500 },
    );
    expect(shared).toBeGreaterThan(100);
  });

  it('are tight for a growth rate, so a question is seldom left to the exact evaluation', () => {
    const plan = planOf('growth(x0, x1)')!;
    const box = boxOf('growth(x0, x1)', [iv('999.95', '1000.05'), iv('952.35', '952.45')])!;
    expect(floatBounds(plan, box)).toBe(true);
    const [loLo, loHi, hiLo, hiHi] = plan.values.subarray(plan.at, plan.at + 4);
    // About 0,05: bounds a few hundred units of the last place apart (1 − 1 cancels digits).
    expect(loHi! - loLo!).toBeLessThan(1e-13 * 0.05);
    expect(hiHi! - hiLo!).toBeLessThan(1e-13 * 0.05);
    expect(lawHolds('growth(x0, x1)', [iv('999.95', '1000.05'), iv('952.35', '952.45')])).toBe(true);
  });

  it('enclose integer powers up to the exact limit, multiplied out by squaring (property)', () => {
    // Bases near ±1 and across 0, narrow like a written figure or wide, so that x^k stays within
    // doubles for most k up to 1 000 (the exact evaluation's limit) and floats can answer.
    const near = (sign: 1 | -1) =>
      fc.tuple(fc.integer({ min: 900, max: 1100 }), fc.integer({ min: 0, max: 50 })).map(([m, w]) => {
        const a = new Fraction(sign * m, 1000);
        const b = a.add(new Fraction(w, 100_000));
        return a.lte(b) ? { lo: a, hi: b } : { lo: b, hi: a };
      });
    const across = fc.tuple(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 })).map(([a, b]) => ({ lo: new Fraction(-a, 100), hi: new Fraction(b, 100) }));
    let high = 0;
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(1000, -1000, 999, 65, 64, 1, 0)),
        fc.oneof(near(1), near(-1), across),
        near(1),
        (k, x, y) => {
          const power = k < 0 ? `(${k})` : String(k);
          const answered = lawHolds(`x0 ^ ${power}`, [x]);
          lawHolds(`(x0 / x1) ^ ${power}`, [x, y]);
          if (answered && Math.abs(k) > 64) high++;
        },
      ),
      { numRuns: 300 },
    );
    expect(high).toBeGreaterThan(60); // not vacuous: powers beyond the old limit of 64 are answered
    // Beyond the limit the exact evaluation refuses the power, and floats leave it to it.
    expect(planOf('x0 ^ 1001')).toBeNull();
    expect(exact('x0 ^ 1001', [iv('1')])).toBeNull();
  });

  it('enclose roots and real powers of a positive base, exact roots, ln and exp alike, and cagr and gavg (property)', () => {
    // Bases from tiny to huge and near 1, narrow like a written figure or wide; exponents a
    // fraction p/q (a root then a power, by logs beyond degree 32), a figure (through ln and exp)
    // or 1 / years, as cagr writes it.
    const base = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: -200, max: 200 }), fc.integer({ min: 0, max: 60 })).map(([m, e, w]) => {
        const lo = new Fraction(BigInt(m)).mul(new Fraction(10).pow(e));
        return { lo, hi: lo.add(lo.mul(new Fraction(w, 10_000))) };
      }),
      fc.tuple(fc.integer({ min: 900, max: 1100 }), fc.integer({ min: 0, max: 50 })).map(([m, w]) => ({ lo: new Fraction(m, 1000), hi: new Fraction(m * 100 + w, 100_000) })),
    );
    const fraction = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 })).filter(([p, q]) => Math.abs(p) <= q);
    const exponent = fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: 0, max: 20 })).map(([m, w]) => ({ lo: new Fraction(m, 100), hi: new Fraction(m * 1000 + w, 100_000) }));
    const years = fc.integer({ min: 1, max: 40 }).map((n) => ({ lo: new Fraction(n), hi: new Fraction(n) }));
    let answered = 0;
    let byLogs = 0;
    let functions = 0;
    fc.assert(
      fc.property(base, base, fraction, exponent, years, (x, y, [p, q], e, n) => {
        const f = `${p < 0 ? `(${p})` : p} / ${q}`;
        // cagr and gavg check their arguments first: floats answer only where the checks pass.
        const sources = [`x0 ^ (${f})`, `(x0 / x1) ^ (${f})`, 'x0 ^ x2', 'x1 ^ (x2 * 3)', '(x0 / x1) ^ (1 / x3) - 1', 'cagr(x0, x1, x3)', 'gavg(x2, x2 / 2)'];
        for (const source of sources) {
          if (!lawHolds(source, [x, y, e, n])) continue;
          answered++;
          if (q > 32 || /\^ \(?x2/.test(source)) byLogs++;
          if (/^(cagr|gavg)/.test(source)) functions++;
        }
      }),
      { numRuns: 250 },
    );
    // Not vacuous: most are answered, roots by logs and powers through ln and exp among them.
    expect(answered).toBeGreaterThan(900);
    expect(byLogs).toBeGreaterThan(150);
    expect(functions).toBeGreaterThan(250);
  });

  it('do not answer where the exact evaluation fails or rounds', () => {
    // A divisor that may reach 0.
    expect(floatBounds(planOf('x0 / x1')!, boxOf('x0 / x1', [iv('1'), iv('-1', '1')])!)).toBe(false);
    // A divisor whose low end is 0 within rounding: floats cannot be sure it is above 0.
    expect(floatBounds(planOf('x0 / x1')!, boxOf('x0 / x1', [iv('1'), iv('0', '1')])!)).toBe(false);
    // A root or a power through ln and exp of a base that may reach 0, or with an exponent beyond
    // ±1 (a root then a power whose exponent the exact evaluation may refuse): left to it.
    expect(floatBounds(planOf('x0 ^ 0.5')!, boxOf('x0 ^ 0.5', [iv('0', '4')])!)).toBe(false);
    expect(floatBounds(planOf('x0 ^ x1')!, boxOf('x0 ^ x1', [iv('0', '2'), iv('0.5', '1.5')])!)).toBe(false);
    expect(floatBounds(planOf('x0 ^ 2.5')!, boxOf('x0 ^ 2.5', [iv('2')])!)).toBe(false);
    expect(floatBounds(planOf('x0 ^ x1')!, boxOf('x0 ^ x1', [iv('2'), iv('2.5')])!)).toBe(false);
    // … which the exact evaluation may refuse: 2 000 / 3 is a cube root raised to the 2 000th power.
    expect(exact('x0 ^ (2000 / 3)', [iv('1.001')])).toBeNull();
    expect(floatBounds(planOf('x0 ^ (2000 / 3)')!, boxOf('x0 ^ (2000 / 3)', [iv('1.001')])!)).toBe(false);
    // An exponent beyond ±1 that is surely not a point is a power through ln and exp: answered.
    expect(lawHolds('x0 ^ x1', [iv('2'), iv('0.5', '1.5')])).toBe(true);
    // A claim function whose argument check may fail (a rate of −100 %, years of 0, a negative
    // start): left to the exact evaluation, to say why.
    expect(floatBounds(planOf('gavg(x0, x1)')!, boxOf('gavg(x0, x1)', [iv('-1'), iv('0.1')])!)).toBe(false);
    // (With −2 years the power itself is one floats could bound: only the check says no.)
    expect(exact('cagr(x0, x1, x2)', [iv('2'), iv('1'), iv('-2')])).toBeNull();
    expect(floatBounds(planOf('cagr(x0, x1, x2)')!, boxOf('cagr(x0, x1, x2)', [iv('2'), iv('1'), iv('-2')])!)).toBe(false);
    expect(floatBounds(planOf('(x0 / x1) ^ (1 / x2) - 1')!, boxOf('(x0 / x1) ^ (1 / x2) - 1', [iv('2'), iv('1'), iv('-2')])!)).toBe(true);
    expect(floatBounds(planOf('cagr(x0, x1, x2)')!, boxOf('cagr(x0, x1, x2)', [iv('2'), iv('-1', '1'), iv('3')])!)).toBe(false);
    // Truths: no plan.
    expect(planOf('x0 < x1')).toBeNull();
    // Overflow: the exact evaluation refuses magnitudes beyond 2^8192; floats say nothing.
    const huge = { lo: new Fraction(10n ** 200n), hi: new Fraction(10n ** 200n) };
    expect(exact('1 / (x0 ^ 60)', [huge])).toBeNull();
    expect(floatBounds(planOf('1 / (x0 ^ 60)')!, boxOf('1 / (x0 ^ 60)', [huge])!)).toBe(false);
  });
});
