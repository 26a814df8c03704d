/**
 * A claim's exact computed range (the one its verdict and diagnosis were decided on) is kept with
 * its result only when asked, for `explain`: an audit of 100 000 claims would otherwise keep three
 * Fractions a claim to the end for nothing.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/audit.js';
import { rangeOfResult } from '../../../src/judge/diagnose/index.js';
import { judgeRule } from '../../../src/judge/judge-rule.js';
import { readNumber } from '../../../src/numbers/index.js';
import { claimRule, figure, ROOT } from './helpers.js';

describe('the exact range of a judged claim', () => {
  const figures = [figure('a', '105', 'en'), figure('b', '100', 'en')];
  const byId = new Map(figures.map((f) => [f.id, f]));
  const rule = () => claimRule('growth(a, b)', '12%', readNumber('12%', 'en'), 'round');

  it('is let go once the rule is judged and diagnosed, in an audit', () => {
    const result = judgeRule(rule(), { figures: byId, locale: 'en' });
    expect(result.verdict).toBe('fail');
    expect(result.diagnosis?.implied?.length).toBeGreaterThan(0);
    expect(rangeOfResult.get(result)).toBeUndefined();
  });

  it('is kept when asked, and explain asks', () => {
    const result = judgeRule(rule(), { figures: byId, locale: 'en', keepRanges: true });
    const range = rangeOfResult.get(result);
    // 105 and 100 as written are [104,5; 105,5] and [99,5; 100,5]: the growth is about 5 %.
    expect(range?.lo?.lte(0.05) && range.hi?.gte(0.05)).toBe(true);
    const [explained] = explain({ paths: [`${ROOT}/rules/lang-son`], cwd: ROOT, rule: 'revenue-growth-2021', today: '2025-01-01' });
    expect(explained?.steps.at(-1)).toMatchObject({ expression: 'growth(revenue_2021, revenue_2020)', lo: expect.any(Number), hi: expect.any(Number) });
  });
});
