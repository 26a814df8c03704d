/**
 * Likely slips, one synthetic sentence per kind (test/fixtures/diagnose): each failing claim is
 * explained by exactly the slip it was written with, nothing else; claims that hold get no
 * diagnosis; and every detector, run directly on a claim that holds, reports nothing.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { slipDetectors } from '../../../src/judge/diagnose/index.js';
import { digitVariants } from '../../../src/judge/diagnose/slips/digits.js';
import { rescaled } from '../../../src/judge/diagnose/slips/scale.js';
import { readNumber } from '../../../src/numbers/index.js';
import { contextOf, FIXTURES, judged, ruleSet } from './helpers.js';

const en = judged(path.join(FIXTURES, 'en'));
const vi = judged(path.join(FIXTURES, 'vi'));

function slips(results: typeof en, id: string) {
  const r = results.get(id);
  expect(r, id).toBeDefined();
  expect(r!.verdict, `${id}: ${r!.message}`).toMatch(/^(fail|warn)$/);
  return r!.diagnosis!.slips;
}

const kinds = (results: typeof en, id: string) => slips(results, id).map((s) => s.kind);
const message = (results: typeof en, id: string) => slips(results, id).map((s) => s.message).join('\n');

describe('likely slips, each found on its own sentence and nowhere else', () => {
  it('scale: a figure written in millions where billions are meant (either figure undoes it)', () => {
    expect(kinds(en, 'exports-growth')).toEqual(['scale']);
    expect(message(en, 'exports-growth')).toContain('“$2.0 million” (exports_2023) were $2.0 billion (×10³)');
    expect(message(en, 'exports-growth')).toContain('“$2.4 billion” (exports_2024) were $2.4 million (÷10³)');
  });

  it('scale: a stated total in nghìn tỷ where tỷ is meant', () => {
    expect(kinds(vi, 'projects-total')).toEqual(['scale']);
    expect(message(vi, 'projects-total')).toContain('the stated “12.000 nghìn tỷ đồng” were 12.000 tỷ đồng (÷10³)');
  });

  it('scale on an assertion missed by far (2.500 nghìn tỷ within 3.000 tỷ), not on one missed by 20%', () => {
    expect(kinds(vi, 'park-within-registered')).toEqual(['scale']);
    expect(message(vi, 'park-within-registered')).toContain('“2.500 nghìn tỷ đồng” (park_capital) were 2.500 tỷ đồng (÷10³)');
    expect(kinds(vi, 'fdi-china-within-total')).toEqual([]);
  });

  it('digits: 43% written for 34%', () => {
    expect(kinds(en, 'staff-growth')).toEqual(['digits']);
    expect(message(en, 'staff-growth')).toContain('the stated “43%” were 34% (two digits swapped)');
  });

  it('wrong base: the growth is on 2022, not on 2023, and the message names both figures as written', () => {
    expect(kinds(en, 'profit-growth')).toEqual(['wrong-base']);
    expect(message(en, 'profit-growth')).toContain('profit_2022 (“$120 million”) in place of profit_2023 (“$130 million”)');
  });

  it('percent vs points: a growth of two percentages stated as the difference in points', () => {
    expect(kinds(en, 'margin-growth')).toEqual(['percent-vs-points']);
    expect(message(en, 'margin-growth')).toMatch(/the stated 2\.4% is the difference in percentage points \(pp\(margin_2024, margin_2023\) = \[2\.390%; 2\.410%\]\)/);
  });

  it('percent vs points, reverse: a fall in points stated as the relative fall', () => {
    expect(kinds(vi, 'poverty-fall')).toEqual(['percent-vs-points']);
    expect(message(vi, 'poverty-fall')).toContain('is the relative fall (decline(poor_2024, poor_2023)');
  });

  it('rounding vs truncation: the warn case, said in words', () => {
    expect(en.get('orders-growth')!.verdict).toBe('warn');
    expect(kinds(en, 'orders-growth')).toEqual(['truncation']);
    expect(message(en, 'orders-growth')).toBe(
      'rounding vs truncation: the figures give 25.70%, which rounds to 26%; “25%” is that value cut after its last digit (truncated) instead of rounded',
    );
  });

  it('ratio vs change: "đạt 150%" where the ratio is 250%', () => {
    expect(kinds(vi, 'revenue-vs-plan')).toEqual(['ratio-vs-change']);
    expect(message(vi, 'revenue-vs-plan')).toContain('the stated 150% is a change');
  });

  it('ratio vs change, reverse: "tăng 131%" where the change is 31%', () => {
    expect(kinds(vi, 'exports-growth')).toEqual(['ratio-vs-change']);
    expect(message(vi, 'exports-growth')).toContain('the stated 131% is a ratio');
  });

  it('no slip where none explains the claim', () => {
    for (const id of ['visitors-growth']) expect(kinds(en, id)).toEqual([]);
    for (const id of ['rice-vs-plan', 'maize-vs-plan']) expect(kinds(vi, id)).toEqual([]);
  });

  it('claims that hold get no diagnosis at all', () => {
    for (const [results, id] of [
      [en, 'revenue-growth'],
      [vi, 'investment-growth'],
    ] as const) {
      expect(results.get(id)!.verdict).toBe('pass');
      expect(results.get(id)!.diagnosis).toBeUndefined();
    }
  });

  it('every detector, run directly on a claim that holds, reports nothing', () => {
    for (const [folder, id] of [
      ['en', 'revenue-growth'],
      ['vi', 'investment-growth'],
    ]) {
      const c = contextOf(ruleSet(path.join(FIXTURES, folder!, 'rules.yaml')), id!);
      for (const d of slipDetectors) expect(d.detect(c), `${d.kind} on ${id}`).toBeNull();
    }
  });

  it('every detector reports only what it tested: each slip is of the detector’s own kind', () => {
    const set = ruleSet(path.join(FIXTURES, 'en', 'rules.yaml'));
    for (const rule of set.rules) {
      const c = contextOf(set, rule.id);
      for (const d of slipDetectors) {
        const slip = d.detect(c);
        if (slip) expect(slip.kind).toBe(d.kind);
      }
    }
  });
});

describe('slip candidates', () => {
  it('digit variants: transpositions, a dropped digit, a doubled digit — never a more precise reading', () => {
    const texts = (s: string, locale: 'vi-VN' | 'en') =>
      digitVariants(readNumber(s, locale), locale).map((v) => `${v.kind}:${v.number.value.toString()}`);
    const v = texts('7.126,1', 'vi-VN');
    expect(v).toContain('transposed:1726.1');
    expect(v).toContain('transposed:7121.6'); // across the decimal mark
    expect(v).toContain('dropped:71526.1');
    expect(v).toContain('dropped:7126.51'); // inside the decimals
    expect(v).not.toContain('dropped:7126.15'); // not after the last decimal: that is rounding's business
    expect(texts('1.225', 'vi-VN')).toContain('duplicated:125');
    expect(texts('34%', 'en')).toEqual(expect.arrayContaining(['transposed:0.43', 'dropped:3.34']));
    expect(texts('34%', 'en').every((t) => !t.endsWith(':0.034'))).toBe(true); // no leading zero
  });

  it('rescaling keeps the numeral and changes the scale word when there is one', () => {
    const w = readNumber('7.126,1 tỷ đồng', 'vi-VN');
    expect(rescaled(w, 3, 'vi-VN').text).toBe('7.126,1 nghìn tỷ đồng');
    expect(rescaled(w, -3, 'vi-VN').text).toBe('7.126,1 triệu đồng');
    expect(rescaled(readNumber('$2.4 billion', 'en'), -3, 'en').text).toBe('$2.4 million');
    expect(rescaled(readNumber('45,481', 'en'), -3, 'en').text).toBe('45.481');
  });
});
