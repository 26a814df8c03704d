/**
 * Regression guard for the bundled audit: every rule of rules/lang-son loads and anchors, every
 * number of the Lạng Sơn review is covered or ignored with a reason, every finding says why,
 * and the known findings keep their verdicts.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { judgeAudit, loadAudit } from '../../src/audit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const loaded = loadAudit({ paths: [path.join(ROOT, 'rules/lang-son')] });
const result = judgeAudit(loaded, { cwd: ROOT });

describe('the bundled Lạng Sơn audit', () => {
  it('loads every rule file with no diagnostics and no broken rules', () => {
    expect(loaded.ruleSets.length).toBeGreaterThanOrEqual(6);
    for (const set of loaded.ruleSets) {
      expect(set.diagnostics, set.file).toEqual([]);
      expect(set.broken, set.file).toEqual([]);
    }
    expect(result.diagnostics).toEqual([]);
    expect(result.results.filter((r) => r.verdict === 'error')).toEqual([]);
  });

  it('accounts for every number of the document: 0 uncovered, every ignore with a reason', () => {
    expect(result.coverage).toHaveLength(1);
    const cov = result.coverage[0]!;
    expect(cov.path).toBe('data/lang-son-2021-2024.vi.txt');
    expect(cov.numbers.filter((n) => n.status === 'uncovered')).toEqual([]);
    expect(cov.uncovered).toBe(0);
    expect(cov.covered + cov.ignored).toBe(cov.total);
    for (const n of cov.numbers) {
      if (n.status === 'ignored') expect(n.reason?.trim(), `${n.line}:${n.col} ${n.text}`).toBeTruthy();
      if (n.status === 'covered') expect(n.by?.length, `${n.line}:${n.col} ${n.text}`).toBeGreaterThan(0);
    }
    // Quantities and ranges are never ignored: each is a claim or a figure.
    expect(cov.numbers.filter((n) => (n.kind === 'quantity' || n.kind === 'range') && n.status !== 'covered')).toEqual([]);
  });

  it('gives every rule that does not pass a reviewer note', () => {
    const silent = result.results.filter((r) => r.verdict !== 'pass' && !r.note?.trim()).map((r) => r.id);
    expect(silent).toEqual([]);
  });

  it('keeps the known findings', () => {
    const verdict = (id: string) => result.results.find((r) => r.id === id)?.verdict;
    expect(verdict('revenue-growth-2021')).toBe('fail');
    expect(verdict('revenue-2024-growth')).toBe('fail');
    expect(verdict('licensed-project-capital-plausible')).toBe('fail');
    expect(verdict('grdp-growth-2020-2023')).toBe('warn');
    expect(verdict('coops-growth-since-2019')).toBe('warn');
    expect(verdict('enterprises-rise-within-registrations')).toBe('unverifiable');
    expect(verdict('village-roads-target-met')).toBe('unverifiable');
    for (const id of ['income-average-2021-2023', 'income-growth-vs-2015-2020', 'enterprises-growth-since-2019', 'local-goods-growth-meets-target', 'three-year-period-agrees']) {
      expect(verdict(id), id).toBe('pass');
    }
  });
});

describe('derived and implied figures of the bundled audit', () => {
  const rule = (id: string) => result.results.find((r) => r.id === id)!;

  it('each "đạt X% dự toán" implies its plan; the parts’ implied plans fit within the total’s', () => {
    for (const [id, figure, values] of [
      ['revenue-2024-vs-plan', 'plan_2024', '[7.456,5; 7.513,8] tỷ đồng'],
      ['revenue-domestic-2024-vs-plan', 'plan_domestic_2024', '[2.483,9; 2.486,0] tỷ đồng'],
      ['revenue-trade-2024-vs-plan', 'plan_trade_2024', '[4.980; 5.020] tỷ đồng'],
    ] as const) {
      expect(rule(id).verdict, id).toBe('unverifiable');
      expect(rule(id).implied, id).toMatchObject({ figure, values, usedBy: ['revenue-2024-plan-parts-within-total'] });
    }
    expect(rule('revenue-2022-vs-plan').implied).toMatchObject({ figure: 'plan_2022', usedBy: [] });
    const parts = rule('revenue-2024-plan-parts-within-total');
    expect(parts.verdict).toBe('pass');
    expect(parts.figures.map((f) => [f.id, f.impliedBy])).toEqual([
      ['plan_domestic_2024', ['revenue-domestic-2024-vs-plan']],
      ['plan_trade_2024', ['revenue-trade-2024-vs-plan']],
      ['plan_2024', ['revenue-2024-vs-plan']],
    ]);
  });

  it('the parts’ growth rates imply their 2023 levels, checked against the 2023 base the total’s growth implies (a derived figure)', () => {
    const fit = rule('revenue-2024-growth-parts-fit-total');
    expect(fit.verdict).toBe('pass');
    expect(fit.figures.find((f) => f.id === 'revenue_2023_same_period')).toEqual({
      id: 'revenue_2023_same_period',
      derived: 'revenue_2024 / (1 + revenue_2024_growth)',
      restsOn: ['revenue_2024', 'revenue_2024_growth'],
      interval: '[7.791,2; 7.797,6] tỷ đồng',
    });
    expect(rule('revenue-domestic-2024-growth').implied?.values).toBe('[2.670,7; 2.673,1] tỷ đồng');
  });
});

describe('hedged figures of the bundled document', () => {
  it('"khoảng 55.500 tỷ đồng" is read as about: ±5 %, not ±0,5 tỷ', async () => {
    const { loadRuleFile } = await import('../../src/load/index.js');
    const set = loadRuleFile(new URL('../../rules/lang-son/enterprises.yaml', import.meta.url).pathname);
    const figure = set.figures.get('enterprise_capital_cumulative');
    expect(figure?.interval?.lo?.valueOf()).toBe(52_725e9);
    expect(figure?.interval?.hi?.valueOf()).toBe(58_275e9);
  });
});
