import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, createLoadCache, findRuleFiles, loadRuleFile, loadRuleFiles } from '../../src/load/index.js';
import type { LoadedClaimRule } from '../../src/model.js';

const FIX = 'test/fixtures/load/';

describe('loadRuleFile', () => {
  const set = loadRuleFile(`${FIX}rules.yaml`, { cache: createLoadCache() });
  const claim = (id: string) => set.rules.find((r) => r.id === id) as LoadedClaimRule;

  it('loads the document named by the figure file, and the figures', () => {
    expect(set.document.path).toBe(join(FIX, 'report.vi.txt'));
    expect(set.document.locale).toBe('vi-VN');
    expect(set.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(set.figures.get('grdp_2023')?.written?.text).toBe('45.481 tỷ đồng');
    expect(set.figureFiles.map((f) => f.path)).toEqual([join(FIX, 'figures.yaml'), join(FIX, 'extra.csv')]);
  });

  it('anchors claims and reads the stated number, with defaults', () => {
    expect(set.rules.map((r) => r.id)).toEqual(['grdp-growth', 'budget-growth', 'export-range', 'part-le-whole']);
    const g = claim('grdp-growth');
    expect(g.kind).toBe('claim');
    expect(g.stated.text).toBe('30,3 %');
    expect(g.anchor).toMatchObject({ line: 2, col: 77 });
    expect(g.reading).toBe('round');
    expect(g.tolerance.toFraction()).toBe('1/20');
    expect(g.severity).toBe('warning'); // from defaults
    expect(g.declared).toEqual({ file: `${FIX}rules.yaml`, line: 7, col: 5 });
    expect(g.documentPath).toBe(set.document.path);
    expect(g.tags).toEqual([]);
  });

  it('honours number, reading, tolerance, severity and tags of a rule', () => {
    const b = claim('budget-growth');
    expect(b.stated.text).toBe('34%');
    expect(b.reading).toBe('truncate');
    expect(b.tolerance.toFraction()).toBe('1/40');
    expect(b.severity).toBe('error');
    expect(b.tags).toEqual(['budget']);
  });

  it('reads a stated range as a range', () => {
    const r = claim('export-range');
    expect(r.stated.kind).toBe('range');
    expect(r.reading).toBe('range');
  });

  it('loads assertions', () => {
    const a = set.rules.find((r) => r.id === 'part-le-whole');
    expect(a).toMatchObject({ kind: 'assert', expr: 'grdp_2020 <= grdp_2023', severity: 'warning' });
  });

  it('a rule whose quote moved is a BrokenRule with its diagnostic, not dropped', () => {
    expect(set.broken).toHaveLength(1);
    const b = set.broken[0]!;
    expect(b).toMatchObject({ id: 'moved-sentence', severity: 'warning', quote: 'tăng 31 % so với năm 2020' });
    expect(b.declared).toMatchObject({ line: 18, col: 5 });
    expect(b.diagnostics).toHaveLength(1);
    expect(b.diagnostics[0]).toMatchObject({ code: 'quote-not-found', position: { line: 19, col: 12 } });
  });

  it('reports a duplicate rule id and a bad ignore pattern, and keeps the good ignores', () => {
    const codes = set.diagnostics.filter((d) => d.position.file.endsWith('rules.yaml')).map((d) => `${d.position.line}:${d.position.col} ${d.code}`);
    expect(codes).toEqual(['26:9 duplicate-rule-id', '32:14 invalid-pattern']);
    expect(set.ignores.map((i) => i.kind ?? i.text)).toEqual(['year', '6,98%']);
    expect(set.ignores[0]!.declared).toMatchObject({ line: 30, col: 5 });
  });

  it('figure-file problems are reported in the rule set too', () => {
    expect(set.diagnostics.some((d) => d.position.file.endsWith('extra.csv') && d.code === 'csv-row')).toBe(true);
  });

  it('a file with schema errors has no rules', () => {
    const bad = loadRuleFile(`${FIX}bad-rules.yaml`);
    expect(bad.rules).toEqual([]);
    expect(bad.diagnostics.length).toBe(7);
  });

  it('a duplicate key makes the file yield no rules', () => {
    const d = loadRuleFile(`${FIX}dup-key.yaml`);
    expect(d.rules).toEqual([]);
    expect(d.diagnostics.map((x) => `${x.position.line}:${x.position.col} ${x.code}`)).toEqual(['7:5 duplicate-key']);
  });

  it('an alias bomb yields a diagnostic and no rules', () => {
    const a = loadRuleFile(`${FIX}alias-bomb.yaml`);
    expect(a.rules).toEqual([]);
    expect(a.diagnostics.map((x) => x.code)).toEqual(['yaml-alias-limit']);
  });

  it('a rule file and its figure files must name the same document', () => {
    const m = loadRuleFile(`${FIX}mismatch-rules.yaml`);
    expect(m.rules).toEqual([]);
    expect(m.diagnostics.map((x) => `${x.position.line}:${x.position.col} ${x.code}`)).toEqual(['1:11 document-mismatch']);
  });

  it('a missing rule file, figure file or document is a diagnostic', () => {
    expect(loadRuleFile(`${FIX}nope.yaml`).diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
    const dir = mkdtempSync(join(tmpdir(), 'tally-rules-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    writeFileSync(join(dir, 'r.yaml'), 'figures: [missing.yaml]\ndocument: gone.txt\nrules: []\n');
    const r = loadRuleFile(join(dir, 'r.yaml'));
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.col} ${d.code}`)).toEqual(['1:11 file-not-found', '2:11 document-not-found']);
  });

  it('the locale of the rule file wins, and must agree with the figure files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-locale-'));
    writeFileSync(join(dir, 'package.json'), '{}');
    writeFileSync(join(dir, 'doc.txt'), 'Revenue rose 7.5% to 1,250.5 million.\n');
    writeFileSync(join(dir, 'f.yaml'), 'document: doc.txt\nfigures:\n  rev:\n    quote: "to 1,250.5 million"\n');
    writeFileSync(join(dir, 'r.yaml'), 'figures: [f.yaml]\nlocale: en\nrules:\n  - id: rise\n    quote: rose 7.5%\n    expr: "0.075"\n');
    const r = loadRuleFile(join(dir, 'r.yaml'), { cache: createLoadCache() });
    expect(r.diagnostics).toEqual([]);
    expect(r.document.locale).toBe('en');
    expect((r.rules[0] as LoadedClaimRule).stated.value.toString()).toBe('0.075');
    expect(r.figures.get('rev')?.written?.value.toString()).toBe('1250500000');
    writeFileSync(join(dir, 'f2.yaml'), 'document: doc.txt\nlocale: vi-VN\nfigures:\n  x:\n    value: 1\n');
    writeFileSync(join(dir, 'r2.yaml'), 'figures: [f2.yaml]\nlocale: en\nrules: []\n');
    const bad = loadRuleFile(join(dir, 'r2.yaml'));
    expect(bad.diagnostics.map((d) => d.code)).toEqual(['locale-mismatch']);
  });

  it('several rule files share figure files through one cache', () => {
    const cache = createLoadCache();
    const [a, b] = loadRuleFiles([`${FIX}rules.yaml`, `${FIX}rules.yaml`], { cache });
    expect(a!.figures.get('grdp_2023')).toBe(b!.figures.get('grdp_2023'));
    expect(a!.document).toBe(b!.document);
  });
});

describe('findRuleFiles', () => {
  it('finds rule files below a directory, sorted, skipping figure files and other files', () => {
    const found = findRuleFiles([`${FIX}rules-dir`]);
    expect(found).toEqual([join(FIX, 'rules-dir', 'a.yaml'), join(FIX, 'rules-dir', 'sub', 'b.yml')]);
  });

  it('takes files as given and does not repeat them', () => {
    const f = `${FIX}rules.yaml`;
    expect(findRuleFiles([f, f])).toEqual([f]);
  });

  it('throws a UsageError naming a missing path', () => {
    expect(() => findRuleFiles([`${FIX}no-such-dir`])).toThrow(UsageError);
    expect(() => findRuleFiles([`${FIX}no-such-dir`])).toThrow(/no-such-dir/);
  });

  it('sorts by code point, independent of the order on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-find-'));
    for (const n of ['b.yaml', 'A.yaml', 'a.yml']) writeFileSync(join(dir, n), 'figures: [f.yaml]\nrules: []\n');
    mkdirSync(join(dir, '.hidden'));
    writeFileSync(join(dir, '.hidden', 'c.yaml'), 'rules: []\n');
    expect(findRuleFiles([dir]).map((p) => p.slice(dir.length + 1))).toEqual(['A.yaml', 'a.yml', 'b.yaml']);
  });

  it('knows a rule file by its top-level rules: key, whatever comes before it: a byte-order mark, Windows line breaks, a large figure file read first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-find-'));
    writeFileSync(join(dir, 'a-figures.yaml'), `document: d.txt\nfigures:\n${'  - id: x\n    value: 1\n    rules: 3\n'.repeat(20000)}`);
    writeFileSync(join(dir, 'b-bom.yaml'), '\uFEFFrules:\n  - id: x\n');
    writeFileSync(join(dir, 'c-crlf.yaml'), 'figures: [f.yaml]\r\n"rules":\r\n  - id: x\r\n');
    writeFileSync(join(dir, 'd-notes.yaml'), 'notes: |\n  rules: not a key here\n');
    expect(findRuleFiles([dir]).map((p) => p.slice(dir.length + 1))).toEqual(['b-bom.yaml', 'c-crlf.yaml']);
  });
});
