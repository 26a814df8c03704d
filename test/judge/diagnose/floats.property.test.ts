/**
 * The diagnosis answers most of its questions from float bounds (evaluate/float-bounds.ts,
 * diagnose/quick.ts) and rules out most digit variants by their approximate value. The law: none
 * of that changes a report. Random failing claims — growth rates, differences, shares, sums,
 * figures named twice, every reading, budgets small enough to cut the diagnosis short anywhere —
 * are judged twice, with floats and with every question answered exactly (`exactOnly`), and the
 * two results must be identical, down to the evaluations the budget counted.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { exactOnly } from '../../../src/evaluate/float-bounds.js';
import { judgeRule } from '../../../src/judge/judge-rule.js';
import type { Figure, Locale, Reading, RuleResult } from '../../../src/model.js';
import { formatNumber, readNumber } from '../../../src/numbers/index.js';
import { claimRule, figure } from './helpers.js';

/** Expressions over a, b, c, what their value is at given values, and whether it is a rate (stated in %). */
const EXPRESSIONS: { expr: string; value: (a: Fraction, b: Fraction, c: Fraction) => Fraction; rate: boolean }[] = [
  { expr: 'growth(a, b)', value: (a, b) => a.div(b).sub(1), rate: true },
  { expr: '(a - b) / b', value: (a, b) => a.sub(b).div(b), rate: true },
  { expr: 'a - b', value: (a, b) => a.sub(b), rate: false },
  { expr: 'share(a, c)', value: (a, _b, c) => a.div(c), rate: true },
  { expr: 'sum(a, b, c)', value: (a, b, c) => a.add(b).add(c), rate: false },
  { expr: 'ratio(a, b)', value: (a, b) => a.div(b), rate: true },
  { expr: 'times(a, b)', value: (a, b) => a.div(b), rate: false },
  { expr: 'a * b / c', value: (a, b, c) => a.mul(b).div(c), rate: false },
  { expr: '(a + b) ^ 2 / c ^ 2', value: (a, b, c) => a.add(b).pow(2).div(c.pow(2)), rate: false },
];

const READINGS: Reading[] = ['round', 'round', 'round', 'truncate', 'about', 'nearly', 'more-than', 'at-least', 'less-than', 'at-most'];

/** A written figure: 1 to 99 999 with 0 to 2 decimals, sometimes in tỷ / billion. */
const writtenArb = fc.record({
  units: fc.integer({ min: 1, max: 9_999_999 }),
  decimals: fc.integer({ min: 0, max: 2 }),
  scaled: fc.boolean(),
});

/** How the stated number is off: a little, a digit slip, a scale slip, or not at all. */
const offArb = fc.oneof(
  fc.double({ min: 0.5, max: 1.6, noNaN: true }).map((f) => ({ kind: 'factor' as const, f })),
  fc.constantFrom({ kind: 'swap' as const }, { kind: 'scale' as const }, { kind: 'exact' as const }),
);

const caseArb = fc.record({
  locale: fc.constantFrom<Locale>('vi-VN', 'en'),
  figures: fc.tuple(writtenArb, writtenArb, writtenArb),
  expression: fc.integer({ min: 0, max: EXPRESSIONS.length - 1 }),
  off: offArb,
  statedDecimals: fc.integer({ min: 0, max: 2 }),
  reading: fc.constantFrom(...READINGS),
  budget: fc.constantFrom(100, 130, 200, 320, 500, 900, 2000, 20000, 20000, 20000),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function writtenText(w: { units: number; decimals: number; scaled: boolean }, locale: Locale): string {
  const value = new Fraction(w.units, 10 ** w.decimals);
  return formatNumber(value, locale, { decimals: w.decimals }) + (w.scaled ? (locale === 'en' ? ' billion' : ' tỷ') : '');
}

function statedText(value: Fraction, c: Case, rate: boolean): string {
  let v = value;
  if (c.off.kind === 'factor') v = v.mul(new Fraction(Math.round(c.off.f * 1000), 1000));
  if (c.off.kind === 'scale') v = v.mul(1000);
  let text = formatNumber(v, c.locale, { decimals: c.statedDecimals, percent: rate });
  if (c.off.kind === 'swap') {
    // Swap the first two digits that differ: a transposition the digit slip should find.
    const digits = [...text];
    const i = digits.findIndex((ch, k) => /\d/.test(ch) && /\d/.test(digits[k + 1] ?? '') && ch !== digits[k + 1]);
    if (i >= 0) [digits[i], digits[i + 1]] = [digits[i + 1]!, digits[i]!];
    text = digits.join('');
  }
  return text;
}

function judgeBoth(c: Case): { fast: RuleResult; exact: RuleResult } | null {
  const figures: Figure[] = ['a', 'b', 'c'].map((id, i) => figure(id, writtenText(c.figures[i]!, c.locale), c.locale));
  const e = EXPRESSIONS[c.expression]!;
  const [a, b, cc] = figures.map((f) => f.written!.value) as [Fraction, Fraction, Fraction];
  const text = statedText(e.value(a, b, cc), c, e.rate);
  const stated = readNumber(text, c.locale);
  const rule = claimRule(e.expr, text, stated, c.reading);
  const ctx = { figures: new Map(figures.map((f) => [f.id, f])), locale: c.locale, judging: { budget: c.budget } };
  const fast = judgeRule(rule, ctx);
  if (!fast.diagnosis) return null;
  return { fast, exact: exactOnly(() => judgeRule(rule, ctx)) };
}

describe('float bounds in the diagnosis (property)', () => {
  it('change no report: the same diagnosis, the same evaluations counted, as with every question exact', () => {
    let diagnosed = 0;
    let cutShort = 0;
    let slips = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const both = judgeBoth(c);
        if (!both) return;
        diagnosed++;
        if (both.fast.diagnosis?.cutShort) cutShort++;
        slips += both.fast.diagnosis?.slips.length ?? 0;
        expect(JSON.stringify(both.fast)).toBe(JSON.stringify(both.exact));
      }),
      { numRuns: 300 },
    );
    // Not vacuous: most cases fail and are diagnosed, some are cut short, some find a slip.
    expect(diagnosed).toBeGreaterThan(150);
    expect(cutShort).toBeGreaterThan(10);
    expect(slips).toBeGreaterThan(10);
  });
});
