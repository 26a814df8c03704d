/**
 * Materiality: whether a finding changes the conclusion — a direction that flips, a plan missed
 * instead of met (or the reverse), an ordering that flips — or is big enough to matter whatever it
 * concludes (the gap beyond rounding, relative to the stated value and in points for rates), and
 * which test made it material.
 */
import path from 'node:path';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { claimMateriality } from '../../../src/judge/diagnose/index.js';
import { claim, figure, FIXTURES, judged, ROOT, verdictOf } from './helpers.js';

const en = judged(path.join(FIXTURES, 'en'));
const vi = judged(path.join(FIXTURES, 'vi'));
const bundled = judged(path.join(ROOT, 'rules'));

const materiality = (results: typeof en, id: string) => {
  const r = results.get(id)!;
  expect(r.diagnosis, `${id} (${r.verdict})`).toBeDefined();
  return r.diagnosis!.materiality;
};

describe('materiality', () => {
  it('direction flips: stated growth, the figures give a decline', () => {
    const m = materiality(en, 'visitors-growth');
    expect(m.material).toBe(true);
    expect(m.tests).toEqual(['direction', 'point-size']);
    expect(m.reasons[0]).toBe('direction flips: the text states growth (5%), the figures give a decline ([-5.10%; -4.90%])');
  });

  it('plan missed instead of met, and met instead of missed', () => {
    const rice = materiality(vi, 'rice-vs-plan');
    expect(rice.tests).toEqual(['target']);
    expect(rice.reasons[0]).toBe('plan or target missed instead of met: the text states 102%, the figures give [97,01%; 98,99%], below 100%');
    const maize = materiality(vi, 'maize-vs-plan');
    expect(maize.tests).toEqual(['target']);
    expect(maize.reasons[0]).toBe('plan or target met instead of missed: the text states 98%, the figures give [100,00%; 104,04%], at or above 100%');
  });

  it('ordering flips: a failing assertion comparing two quantities', () => {
    expect(materiality(vi, 'fdi-china-within-total')).toEqual({
      material: true,
      reasons: ['ordering flips: fdi_china_2024 <= fdi_2024 is false for every value the figures allow'],
      tests: ['ordering'],
    });
  });

  it('a wrong size that keeps the conclusion is material only by its size, and says which threshold', () => {
    // +51,5 % stated as +34 %: growth either way, but 17 points beyond rounding.
    const revenue = materiality(bundled, 'revenue-growth-2021');
    expect(revenue.tests).toEqual(['point-size']);
    expect(revenue.reasons).toEqual(['size: beyond rounding it is off by 16,98 pp, at least the 1 pp threshold']);
    // 250 % of plan stated as 150 %: still above plan; the vi fixture sets its size thresholds out of reach.
    expect(materiality(vi, 'revenue-vs-plan')).toEqual({ material: false, reasons: [], tests: [] });
    for (const id of ['staff-growth', 'profit-growth', 'margin-growth', 'exports-growth']) {
      expect(materiality(en, id).tests.every((t) => t === 'point-size' || t === 'relative-size'), id).toBe(true);
    }
    // The bundled 2024 revenue growth: 25,6 % stated as 25,8 %, 0,19 points off: not material.
    expect(materiality(bundled, 'revenue-2024-growth')).toEqual({ material: false, reasons: [], tests: [] });
  });

  it('the size thresholds are the rule file’s: a looser threshold leaves a small finding immaterial', () => {
    const c = claim('growth(a, b)', '12%', [figure('a', '105', 'en'), figure('b', '100', 'en')], 'en');
    expect(claimMateriality(c).tests).toEqual(['point-size']);
    const loose = { ...c, thresholds: { relative: new Fraction(1), points: new Fraction(10) } };
    expect(claimMateriality(loose)).toEqual({ material: false, reasons: [], tests: [] });
    const level = claim('a + b', '250', [figure('a', '100', 'en', true), figure('b', '120', 'en', true)], 'en');
    expect(claimMateriality(level).reasons).toEqual(['size: beyond rounding it is off by 11.8% of the stated 250, at least the 5% threshold']);
  });

  it('a rounding-level difference (warn) is never material', () => {
    expect(en.get('orders-growth')!.verdict).toBe('warn');
    expect(materiality(en, 'orders-growth')).toEqual({ material: false, reasons: [], tests: [] });
    expect(materiality(bundled, 'grdp-growth-2020-2023').material).toBe(false);
  });
});

describe('materiality of the change functions, on synthetic claims', () => {
  it('a stated decline where the figures give an increase', () => {
    const c = claim('decline(a, b)', '5%', [figure('a', '105', 'en'), figure('b', '100', 'en')], 'en');
    expect(claimMateriality(c).reasons[0]).toBe('direction flips: the text states a decline (5%), the figures give an increase ([-6.03%; -3.98%])');
  });

  it('a stated fall in points where the rate rose', () => {
    const c = claim('pp(a, b)', '-1.5 pp', [figure('a', '7.2%', 'en'), figure('b', '6.8%', 'en')], 'en');
    expect(claimMateriality(c).material).toBe(true);
    expect(claimMateriality(c).reasons[0]).toMatch(/^direction flips: the text states a fall in points \(-1\.5 pp\), the figures give a rise in points/);
  });

  it('"N times" where the figures give less than once', () => {
    const c = claim('times(a, b)', '1.2', [figure('a', '90', 'en'), figure('b', '100', 'en')], 'en');
    expect(claimMateriality(c).reasons[0]).toBe('ordering flips: the text states 1.2 (more), the figures give [0.891; 0.910], not more than 1');
  });

  it('a change of the same sign below the size thresholds is not material', () => {
    // 6,5 % stated, at most 6,03 % given: 0,42 points beyond rounding (6 % of the rate, but a rate is measured in points)
    const c = claim('growth(a, b)', '6.5%', [figure('a', '105', 'en'), figure('b', '100', 'en')], 'en');
    expect(verdictOf(c)).toBe('fail');
    expect(claimMateriality(c)).toEqual({ material: false, reasons: [], tests: [] });
  });
});
