/**
 * Implied values: the value one figure would need for a claim to hold. Checked against the
 * algebra where there is one, re-judged where there is none (property test: the value reported
 * for either figure of a failing growth claim, substituted as a point, makes the claim pass).
 */
import path from 'node:path';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { impliedValues, solveFor, type ClaimContext, type DiagnoseContext } from '../../../src/judge/diagnose/index.js';
import { judgeRule } from '../../../src/judge/judge-rule.js';
import type { LoadedAssertionRule, Locale } from '../../../src/model.js';
import { formatNumber, readNumber } from '../../../src/numbers/index.js';
import { claim, contextOf, figure, FIXTURES, judged, ROOT, ruleSet, verdictOf } from './helpers.js';

/** Does the claim pass with `id` at the point x, every other figure as read? Judged by the judge itself. */
function passesWith(c: ClaimContext, id: string, x: Fraction): boolean {
  const figures = new Map(c.figures);
  const f = figures.get(id)!;
  figures.set(id, { ...f, interval: { lo: x, hi: x } });
  return judgeRule(c.rule, { figures, locale: c.locale }).verdict === 'pass';
}

/** The value a message proposes, read back from its text the way the document writes numbers. */
function proposed(message: string, locale: Locale): Fraction {
  const m = /were (?:at most |at least )?(.+?) instead of/.exec(message);
  if (!m) throw new Error(`no value in "${message}"`);
  return readNumber(m[1]!, locale).value;
}

describe('implied values on the bundled document', () => {
  const results = judged(path.join(ROOT, 'rules'));

  it('revenue-growth-2021: 10.795 on 7.126,1 is +51,5 %, not 34 %', () => {
    const implied = results.get('revenue-growth-2021')!.diagnosis!.implied;
    expect(implied.map((i) => i.message)).toEqual([
      'holds if revenue_2021 were 9.549 tỷ đồng instead of 10.795 tỷ đồng',
      'holds if revenue_2020 were 8.056,0 tỷ đồng instead of 7.126,1 tỷ đồng',
    ]);
    expect(implied.map((i) => i.needed)).toEqual(['[9.514; 9.584] tỷ đồng', '[8.025,7; 8.086,5] tỷ đồng']);
  });

  it('finds the needed set’s edges where the algebra puts them, within a grid step', () => {
    const set = ruleSet(path.join(ROOT, 'rules/lang-son/economy.yaml'));
    const c = contextOf(set, 'revenue-growth-2021');
    const needed = solveFor(c, 'revenue_2020')!;
    // growth(a, b) meets [33,5 %; 34,5 %) iff a_lo/b − 1 < 0,345 and a_hi/b − 1 ≥ 0,335.
    const lo = new Fraction('10794.5').mul(1e9).div(new Fraction('1.345'));
    const hi = new Fraction('10795.5').mul(1e9).div(new Fraction('1.335'));
    const step = new Fraction(100_000); // a thousandth of the last written digit (0,1 tỷ)
    expect(needed.lo!.gt(lo) && needed.lo!.sub(lo).lte(step)).toBe(true);
    expect(needed.hi!.lte(hi) && hi.sub(needed.hi!).lte(step)).toBe(true);
  });
});

describe('implied values, property: re-judged, the proposed value makes the claim pass', () => {
  const level = (locale: Locale) =>
    fc.record({ units: fc.bigInt({ min: 100n, max: 10n ** 7n }), decimals: fc.integer({ min: 0, max: 2 }) }).map(({ units, decimals }) =>
      formatNumber(new Fraction(units, 10n ** BigInt(decimals)).mul(1_000_000_000), locale, {
        decimals,
        scaleExponent: 9,
        unit: locale === 'vi-VN' ? 'đồng' : 'USD',
      }),
    );
  const percent = (locale: Locale) =>
    // Hundredths of a percent from −299 % to +299 % (below −100 % the base must turn negative: a pole to cross), written with 0 to 2 decimals.
    fc.record({ units: fc.integer({ min: -29_900, max: 29_900 }), decimals: fc.integer({ min: 0, max: 2 }) }).map(({ units, decimals }) =>
      formatNumber(new Fraction(units, 10_000), locale, { decimals, percent: true }),
    );
  const growthClaim = fc.constantFrom<Locale>('vi-VN', 'en').chain((locale) =>
    fc.record({ locale: fc.constant(locale), a: level(locale), b: level(locale), stated: percent(locale) }),
  );

  it('for either figure of a failing growth claim', () => {
    fc.assert(
      fc.property(growthClaim, ({ locale, a, b, stated }) => {
        const c = claim('growth(a, b)', stated, [figure('a', a, locale), figure('b', b, locale)], locale);
        fc.pre(verdictOf(c) !== 'pass');
        for (const id of ['a', 'b']) {
          const needed = solveFor(c, id);
          expect(needed, `${id}: ${a} ${b} ${stated}`).not.toBeNull();
          expect(passesWith(c, id, needed!.value)).toBe(true);
          if (needed!.lo) expect(needed!.value.gte(needed!.lo)).toBe(true);
          if (needed!.hi) expect(needed!.value.lte(needed!.hi)).toBe(true);
        }
        // And the value as the message writes it, read back in the document's locale.
        for (const implied of impliedValues(c)) {
          expect(passesWith(c, implied.figure, proposed(implied.message, locale)), implied.message).toBe(true);
        }
      }),
      { numRuns: Number(process.env.TALLY_PROPERTY_RUNS ?? 150) },
    );
  }, 60_000);
});

describe('implied values, special cases', () => {
  it('finds a needed value narrower than a thousandth of the written digit (100 tỷ that should be 0,0407 tỷ)', () => {
    // growth(a, b) = −95,93 % needs a ≈ 0,0407 × b: a set about 0,0005 tỷ wide, finer than the
    // search grid of "100 tỷ" (a thousandth of 1 tỷ). Found by fast-check (seed −322394001).
    const c = claim('growth(a, b)', '-95,93 %', [figure('a', '100 tỷ đồng', 'vi-VN'), figure('b', '1,00 tỷ đồng', 'vi-VN')], 'vi-VN');
    expect(verdictOf(c)).toBe('fail');
    const needed = solveFor(c, 'a');
    expect(needed).not.toBeNull();
    expect(passesWith(c, 'a', needed!.value)).toBe(true);
    expect(needed!.value.gt(new Fraction(40_000_000)) && needed!.value.lt(new Fraction(41_000_000))).toBe(true);
    const message = impliedValues(c).find((i) => i.figure === 'a')!.message;
    expect(passesWith(c, 'a', proposed(message, 'vi-VN')), message).toBe(true);
  });

  it('says so when no value of one figure alone makes the claim hold', () => {
    const c = claim('min(a, b)', '60%', [figure('a', '30%', 'en'), figure('b', '40%', 'en')], 'en');
    expect(verdictOf(c)).toBe('fail');
    expect(impliedValues(c).map((i) => i.message)).toEqual([
      'no value of a alone makes it hold',
      'no value of b alone makes it hold',
    ]);
    expect(impliedValues(c).every((i) => i.needed === 'none')).toBe(true);
  });

  it('an exact count needs a whole number', () => {
    const c = claim('growth(a, b)', '20%', [figure('a', '700', 'en', true), figure('b', '500', 'en', true)], 'en');
    const [a, b] = impliedValues(c);
    expect(a!.message).toBe('holds if a were 600 instead of 700');
    expect(a!.needed).toBe('[598; 602]');
    expect(b!.message).toBe('holds if b were 583 instead of 500');
  });

  it('a failing assertion: the bound each figure would have to respect', () => {
    const vi = ruleSet(path.join(FIXTURES, 'vi', 'rules.yaml'));
    const c: DiagnoseContext = contextOf(vi, 'fdi-china-within-total');
    expect(c.rule.kind).toBe('assert');
    const messages = impliedValues(c).map((i) => i.message);
    expect(messages).toEqual([
      'holds if fdi_china_2024 were at most 500,5 triệu USD instead of 600 triệu USD',
      'holds if fdi_2024 were at least 599,5 triệu USD instead of 500 triệu USD',
    ]);
    // Checked: at the bound the assertion holds (<= with the other figure's interval).
    const rule = c.rule as LoadedAssertionRule;
    const scope = new Map(c.scope);
    const x = proposed(messages[0]!, 'vi-VN');
    scope.set('fdi_china_2024', { lo: x, hi: x });
    expect((c.compiled.evaluate(scope) as { t: boolean }).t).toBe(true);
    expect(rule.expr).toBe('fdi_china_2024 <= fdi_2024');
  });
});
