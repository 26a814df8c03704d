import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { loadFigureFile } from '../../src/load/figures.js';
import { createLoadCache } from '../../src/load/load-cache.js';
import type { Figure } from '../../src/model.js';

const FIX = 'test/fixtures/load/';
const result = loadFigureFile(`${FIX}figures.yaml`, { cache: createLoadCache() });
const byId = new Map(result.figures.map((f) => [f.id, f]));
const fig = (id: string): Figure => {
  const f = byId.get(id);
  if (!f) throw new Error(`no figure ${id}`);
  return f;
};
const bounds = (f: Figure) => (f.interval ? [String(f.interval.lo), String(f.interval.hi)] : null);

describe('figure files', () => {
  it('knows its document, locale, hash and tables', () => {
    expect(result.documentPath).toBe(join(FIX, 'report.vi.txt'));
    expect(result.locale).toBe('vi-VN');
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.tables).toEqual([{ path: join(FIX, 'extra.csv'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
  });

  it('anchors quoted figures and reads them as written', () => {
    const g = fig('grdp_2023');
    expect(g.written?.text).toBe('45.481 tỷ đồng');
    expect(g.anchor).toMatchObject({ line: 2, col: 28 });
    expect(bounds(g)).toEqual(['45480500000000', '45481500000000']);
    expect(g.declared).toEqual({ file: `${FIX}figures.yaml`, line: 5, col: 3 });
    expect(g.description).toBe('GRDP 2023, current prices');
  });

  it('reads a cited value "5,05%" with its written precision', () => {
    const f = fig('national_avg');
    expect(f.written?.value.equals(new Fraction(505, 10000))).toBe(true);
    expect(bounds(f)).toEqual(['0.05045', '0.05055']);
    expect(f.cite).toBe('GSO 2023');
    expect(f.unit).toBe('%');
  });

  it('a YAML number is exact as its decimal text; the unit may carry a scale', () => {
    expect(bounds(fig('population'))).toEqual(['1904500', '1905500']);
    // value: 1905.50 keeps its two decimals; precision 0.05 is in the written unit.
    expect(fig('ratio_x').written?.decimals).toBe(2);
    expect(bounds(fig('ratio_x'))).toEqual(['1905.45', '1905.55']);
  });

  it('exact gives a point, an explicit precision a half-width, unknown no interval', () => {
    expect(bounds(fig('budget_2021'))).toEqual(['10795000000000', '10795000000000']);
    expect(fig('budget_2021').exact).toBe(true);
    expect(bounds(fig('plan_2024'))).toEqual(['9804900000000', '9805900000000']);
    expect(fig('growth_2021').interval).toBeNull();
    expect(fig('growth_2021').written).toBeUndefined();
  });

  it('reads a CSV table, reporting a bad row at file:row:col and keeping the good ones', () => {
    const csv = join(FIX, 'extra.csv');
    expect(bounds(fig('fdi_total'))).toEqual(['1250450000', '1250550000']);
    expect(fig('fdi_total').cite).toBe('FIA');
    expect(fig('fdi_total').declared).toEqual({ file: csv, line: 2, col: 1 });
    expect(bounds(fig('share_x'))).toEqual(['0.1245', '0.1255']);
    expect(fig('growth_q').written?.text).toBe('30,3 %');
    expect(byId.has('flag_x')).toBe(false);
    expect(byId.has('short_row')).toBe(false);
    const problems = result.diagnostics.map((d) => `${d.position.file}:${d.position.line}:${d.position.col} ${d.code}`);
    expect(problems).toEqual([`${csv}:3:1 invalid-id`, `${csv}:5:13 invalid-value`, `${csv}:7:1 csv-row`]);
  });
});

describe('figure problems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tally-fig-'));
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(dir, 'doc.txt'), 'Năm 2023 đạt 45.481 tỷ đồng, tăng 30,3 %.\nNăm 2023 đạt 45.481 tỷ đồng.\n');
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };

  it('each bad figure is a diagnostic at its declaration; the good ones load', () => {
    const p = write(
      'f.yaml',
      [
        'document: doc.txt',
        'figures:',
        '  ok:',
        '    value: "1,5"',
        '  both:',
        '    quote: "tăng 30,3 %"',
        '    value: 3',
        '  "2bad":',
        '    value: 1',
        '  twice:',
        '    quote: "Năm 2023 đạt 45.481 tỷ đồng"',
        '  gone:',
        '    quote: "giảm 30,3 %"',
        '  notnum:',
        '    value: "1,5x%"',
        '  stray:',
        '    value: 3',
        '    number: "3"',
        '',
      ].join('\n'),
    );
    const r = loadFigureFile(p, { cache: createLoadCache() });
    expect(r.figures.map((f) => f.id)).toEqual(['ok']);
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.col} ${d.code}`)).toEqual([
      '5:3 figure-source',
      '8:3 invalid-id',
      '11:12 quote-ambiguous',
      '13:12 quote-not-found',
      expect.stringMatching(/^15:\d+ invalid-number$/),
      '18:13 invalid-figure',
    ]);
  });

  it('a quoted figure without any document says so', () => {
    const p = write('nodoc.yaml', 'figures:\n  x:\n    quote: "tăng 30,3 %"\n');
    const r = loadFigureFile(p, { cache: createLoadCache() });
    expect(r.figures).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(['no-document']);
  });

  it('the cache reads a shared figure file once, and again when it changes', () => {
    const cache = createLoadCache();
    const p = write('c.yaml', 'figures:\n  a:\n    value: 1\n');
    const first = loadFigureFile(p, { cache });
    expect(loadFigureFile(p, { cache })).toBe(first);
    write('c.yaml', 'figures:\n  a:\n    value: 2\n  b:\n    value: 3\n');
    const second = loadFigureFile(p, { cache });
    expect(second.figures.map((f) => f.id)).toEqual(['a', 'b']);
  });
});
