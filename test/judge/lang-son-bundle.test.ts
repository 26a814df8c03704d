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

describe('hedged figures of the bundled document', () => {
  it('"khoảng 55.500 tỷ đồng" is read as about: ±5 %, not ±0,5 tỷ', async () => {
    const { loadRuleFile } = await import('../../src/load/index.js');
    const set = loadRuleFile(new URL('../../rules/lang-son/enterprises.yaml', import.meta.url).pathname);
    const figure = set.figures.get('enterprise_capital_cumulative');
    expect(figure?.interval?.lo?.valueOf()).toBe(52_725e9);
    expect(figure?.interval?.hi?.valueOf()).toBe(58_275e9);
  });
});
