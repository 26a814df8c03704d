/**
 * Materiality: whether a finding changes the conclusion — a direction that flips, a plan missed
 * instead of met (or the reverse), an ordering that flips — reported apart from its size.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimMateriality } from '../../../src/judge/diagnose/index.js';
import { claim, figure, FIXTURES, judged, ROOT } from './helpers.js';

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
    expect(materiality(en, 'visitors-growth')).toEqual({
      material: true,
      reasons: ['direction flips: the text states growth (5%), the figures give a decline ([-5.10%; -4.90%])'],
    });
  });

  it('plan missed instead of met, and met instead of missed', () => {
    expect(materiality(vi, 'rice-vs-plan')).toEqual({
      material: true,
      reasons: ['plan or target missed instead of met: the text states 102%, the figures give [97,01%; 98,99%], below 100%'],
    });
    expect(materiality(vi, 'maize-vs-plan')).toEqual({
      material: true,
      reasons: ['plan or target met instead of missed: the text states 98%, the figures give [100,00%; 104,04%], at or above 100%'],
    });
  });

  it('ordering flips: a failing assertion comparing two quantities', () => {
    expect(materiality(vi, 'fdi-china-within-total')).toEqual({
      material: true,
      reasons: ['ordering flips: fdi_china_2024 <= fdi_2024 is false for every value the figures allow'],
    });
  });

  it('a wrong size that keeps the conclusion is not material', () => {
    for (const id of ['staff-growth', 'profit-growth', 'margin-growth', 'exports-growth']) {
      expect(materiality(en, id), id).toEqual({ material: false, reasons: [] });
    }
    // 131 % of plan stated as 150 %: still above plan.
    expect(materiality(vi, 'revenue-vs-plan').material).toBe(false);
    // The bundled finding: +51,5 % stated as +34 %, growth either way.
    expect(materiality(bundled, 'revenue-growth-2021')).toEqual({ material: false, reasons: [] });
  });

  it('a rounding-level difference (warn) is never material', () => {
    expect(en.get('orders-growth')!.verdict).toBe('warn');
    expect(materiality(en, 'orders-growth')).toEqual({ material: false, reasons: [] });
    expect(materiality(bundled, 'grdp-growth-2020-2023').material).toBe(false);
  });
});

describe('materiality of the change functions, on synthetic claims', () => {
  it('a stated decline where the figures give an increase', () => {
    const c = claim('decline(a, b)', '5%', [figure('a', '105', 'en'), figure('b', '100', 'en')], 'en');
    expect(claimMateriality(c).reasons).toEqual(['direction flips: the text states a decline (5%), the figures give an increase ([-6.03%; -3.98%])']);
  });

  it('a stated fall in points where the rate rose', () => {
    const c = claim('pp(a, b)', '-1.5 pp', [figure('a', '7.2%', 'en'), figure('b', '6.8%', 'en')], 'en');
    expect(claimMateriality(c).material).toBe(true);
    expect(claimMateriality(c).reasons[0]).toMatch(/^direction flips: the text states a fall in points \(-1\.5 pp\), the figures give a rise in points/);
  });

  it('"N times" where the figures give less than once', () => {
    const c = claim('times(a, b)', '1.2', [figure('a', '90', 'en'), figure('b', '100', 'en')], 'en');
    expect(claimMateriality(c).reasons).toEqual(['ordering flips: the text states 1.2 (more), the figures give [0.891; 0.910], not more than 1']);
  });

  it('a change of the same sign is not material', () => {
    const c = claim('growth(a, b)', '12%', [figure('a', '105', 'en'), figure('b', '100', 'en')], 'en');
    expect(c.judged.verdict).toBe('fail');
    expect(claimMateriality(c)).toEqual({ material: false, reasons: [] });
  });
});
