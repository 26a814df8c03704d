/**
 * A figure quoted with a hedge is what its hedge says (DESIGN §3.4): "hơn 176,63 triệu USD" is
 * above 176,63 million, unbounded — an open bound a witness must respect; "gần 195" is just below
 * 195; "tối thiểu 20%" at least 20 %. Judged through the loader and the judge, from a fixture.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { loadRuleFile } from '../../src/load/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(ROOT, 'test/fixtures/hedged');

describe('hedged figures are bounds', () => {
  const set = loadRuleFile(path.join(FIXTURE, 'rules.yaml'));
  const figure = (id: string) => set.figures.get(id)!;

  it('"hơn 176,63 triệu USD" is (176,63 million; ∞), open at its bound', () => {
    const f = figure('fdi_2024');
    expect(f.interval!.lo!.valueOf()).toBe(176_630_000);
    expect(f.interval!.hi).toBeNull();
    expect(f.open).toEqual({ lo: true, hi: false });
    expect(f.hedge).toBe('hơn');
    expect(f.precisionFrom).toBe('hedge');
  });

  it('"gần 195" is [185,25; 195] (5 % below); "tối thiểu 20%" is [20 %; ∞)', () => {
    expect([figure('firms_2024').interval!.lo!.valueOf(), figure('firms_2024').interval!.hi!.valueOf()]).toEqual([185.25, 195]);
    expect(figure('occupancy').interval!.lo!.valueOf()).toBe(0.2);
    expect(figure('occupancy').interval!.hi).toBeNull();
    expect(figure('occupancy').open).toBeUndefined();
  });

  it('a claim holds only with a witness inside the open bound; a claim no value reaches fails', () => {
    const results = new Map(audit({ paths: [FIXTURE], cwd: ROOT }).results.map((r) => [r.id, r]));
    const fdi = results.get('fdi-growth')!;
    expect(fdi.verdict).toBe('pass');
    expect(fdi.computed!.text).toBe('[11,97%; ∞)');
    // the witness is above 176,63 million, never at it
    expect(fdi.witnessAtWritten).toBe(false);
    const w = /^([\d.,]+) triệu USD$/.exec(fdi.witness!.fdi_2024!)!;
    expect(Number(w[1]!.replace(/\./g, '').replace(',', '.'))).toBeGreaterThan(176.63);
    expect(fdi.figures.find((f) => f.id === 'fdi_2024')!.interval).toBe('(176,63 triệu USD; ∞)');
    const firms = results.get('firms-growth')!;
    expect(firms.verdict).toBe('fail');
    expect(firms.computed!.text).toBe('[15,78%; 21,88%]');
    expect(results.get('occupancy-positive')!.verdict).toBe('pass');
  });
});
