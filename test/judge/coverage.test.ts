/**
 * Coverage (DESIGN §3.8): every number of a document is covered by a claim or a figure,
 * ignored with a reason, or uncovered — exactly one of the three.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { computeCoverage, measureCoverage } from '../../src/judge/coverage.js';
import { createLoadCache, loadRuleFile } from '../../src/load/index.js';
import type {
  AuditedDocument,
  CoveredNumber,
  Figure,
  IgnoreRule,
  LoadedClaimRule,
  NumberKind,
  RuleSet,
} from '../../src/model.js';
import { scanNumbers } from '../../src/numbers/index.js';

const DOC = `Báo cáo năm 2023 theo Quyết định số 12/QĐ-UBND ngày 5/3/2024.
GRDP năm 2023 là 45.481 tỷ đồng, tăng 30,3 % so với năm 2020 (năm 2020 là 34.887 tỷ đồng).
Dự án Quốc lộ 4B có 7 hạng mục, mục tiêu tăng 8-9%.
Có 12 xã đạt chuẩn và 12 trường mới.
`;

const FIGURES = `document: report.vi.txt
locale: vi-VN
figures:
  grdp_2023: { quote: "là 45.481 tỷ đồng" }
  grdp_2020: { quote: "năm 2020 là 34.887 tỷ đồng", number: "34.887 tỷ đồng" }
  growth_stated: { quote: "tăng 30,3 %" }
  plan_2025: { unknown: true }
`;

/** A folder with the document, the figure file and the given rule files. */
function workspace(rules: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-coverage-'));
  // A project of its own: the files a rule file names must lie inside its project root.
  writeFileSync(join(dir, 'package.json'), '{}');
  writeFileSync(join(dir, 'report.vi.txt'), DOC);
  writeFileSync(join(dir, 'figures.yaml'), FIGURES);
  for (const [name, text] of Object.entries(rules)) writeFileSync(join(dir, name), text);
  return dir;
}

function load(rules: Record<string, string>): RuleSet[] {
  const dir = workspace(rules);
  const cache = createLoadCache();
  return Object.keys(rules).map((name) => loadRuleFile(join(dir, name), { cache }));
}

const CLAIMS = `figures: [figures.yaml]
rules:
  - id: grdp-growth
    quote: "tăng 30,3 % so với năm 2020"
    expr: growth(grdp_2023, grdp_2020)
  - id: parts
    assert: grdp_2020 <= grdp_2023
`;

function byText(numbers: CoveredNumber[], text: string): CoveredNumber[] {
  return numbers.filter((n) => n.text === text);
}

describe('computeCoverage', () => {
  it('covers a claim’s stated number and a figure’s anchored number, naming who covers them', () => {
    const sets = load({ 'rules.yaml': CLAIMS });
    expect(sets[0]!.diagnostics).toEqual([]);
    const [cov] = computeCoverage(sets);
    expect(cov!.path).toBe(sets[0]!.document.path);
    // The claim's 30,3 % is also anchored by the figure growth_stated: both are named, sorted.
    expect(byText(cov!.numbers, '30,3 %')).toMatchObject([{ status: 'covered', by: ['grdp-growth', 'growth_stated'], line: 2, col: 39 }]);
    expect(byText(cov!.numbers, '45.481 tỷ đồng')).toMatchObject([{ status: 'covered', by: ['grdp_2023'] }]);
    expect(byText(cov!.numbers, '34.887 tỷ đồng')).toMatchObject([{ status: 'covered', by: ['grdp_2020'] }]);
    // An assertion states nothing; an unknown figure anchors nothing.
    expect(cov!.numbers.flatMap((n) => n.by ?? [])).not.toContain('parts');
    expect(cov!.numbers.flatMap((n) => n.by ?? [])).not.toContain('plan_2025');
  });

  it('lists every other quantity as uncovered, accounts for years, dates, numbers of acts and names by their class, and counts a range once', () => {
    const [cov] = computeCoverage(load({ 'rules.yaml': CLAIMS }));
    const uncovered = cov!.numbers.filter((n) => n.status === 'uncovered').map((n) => `${n.kind}:${n.text}`);
    expect(uncovered).toEqual(['quantity:7', 'range:8-9%', 'quantity:12 xã', 'quantity:12']);
    const classified = cov!.numbers.filter((n) => n.classified).map((n) => `${n.kind}:${n.text}`);
    expect(classified).toEqual(['year:2023', 'document-number:12/QĐ-UBND', 'date:5/3/2024', 'year:2023', 'year:2020', 'year:2020', 'name:4B']);
    for (const n of cov!.numbers.filter((x) => x.classified)) {
      expect(n.status).toBe('ignored');
      expect(n.reason).toMatch(/classified: /);
    }
    expect(cov).toMatchObject({ total: 14, covered: 3, ignored: 7, classified: 7, uncovered: 4 });
    expect(cov!.classes).toEqual({ year: 4, 'document-number': 1, date: 1, quantity: 6, name: 1, range: 1 });
    expect(cov!.numbers.some((n) => n.text === '8' || n.text === '9%')).toBe(false);
  });

  it('never accounts for a malformed numeral: it stays uncovered with its problem, and is a warning at its place', () => {
    const dir = workspace({});
    writeFileSync(join(dir, 'report.vi.txt'), `${DOC}Tỷ lệ tăng ,5% so với năm trước.\n`);
    writeFileSync(join(dir, 'rules.yaml'), CLAIMS);
    const { coverage, diagnostics } = measureCoverage([loadRuleFile(join(dir, 'rules.yaml'), { cache: createLoadCache() })]);
    const bad = coverage[0]!.numbers.find((n) => n.kind === 'malformed')!;
    expect(bad).toMatchObject({ text: ',5%', status: 'uncovered', line: 5, col: 12 });
    expect(bad.problem).toMatch(/cannot start with a separator; it is not read as 5/);
    expect(diagnostics).toMatchObject([{ severity: 'warning', code: 'malformed-number', position: { line: 5, col: 12 } }]);
  });

  it('ignores by text, pattern, kind and quote, with the reason', () => {
    const rules = `${CLAIMS}ignore:
  - kind: date
    reason: dates are not claims
  - kind: document-number
    reason: act numbers are identifiers
  - text: "7"
    reason: a count of work items, not checked
  - pattern: "^[89]-[89]%$"
    reason: a target range
  - quote: "Quốc lộ 4B"
    reason: a road name
  - text: "2020"
    quote: "(năm 2020 là"
    reason: the year of a figure
  - kind: year
    quote: "Báo cáo năm 2023"
    reason: the report's own year
`;
    const sets = load({ 'rules.yaml': rules });
    expect(sets[0]!.diagnostics).toEqual([]);
    const { coverage, diagnostics } = measureCoverage(sets);
    const cov = coverage[0]!;
    const status = (text: string) => byText(cov.numbers, text).map((n) => n.status === 'ignored' ? n.reason : n.status);
    expect(status('5/3/2024')).toEqual(['dates are not claims']);
    expect(status('12/QĐ-UBND')).toEqual(['act numbers are identifiers']);
    expect(status('7')).toEqual(['a count of work items, not checked']);
    expect(status('8-9%')).toEqual(['a target range']);
    expect(status('4B')).toEqual(['a road name']);
    // The quote restricts an ignore to the numbers inside it: only the second 2020, only the first 2023.
    // (the other 2020 and 2023 are accounted for by their class: years)
    expect(status('2020')).toEqual([expect.stringMatching(/^a year/), 'the year of a figure']);
    expect(status('2023')).toEqual(["the report's own year", expect.stringMatching(/^a year/)]);
    expect(status('12')).toEqual(['uncovered']);
    expect(status('12 xã')).toEqual(['uncovered']);
    expect(cov).toMatchObject({ total: 14, covered: 3, ignored: 9, classified: 2, uncovered: 2 });
    expect(diagnostics).toEqual([]);
  });

  it('a quote that occurs several times ignores the numbers of every occurrence', () => {
    const rules = `${CLAIMS}ignore:
  - quote: "12"
    reason: counts of communes and schools, not checked
`;
    const [cov] = computeCoverage(load({ 'rules.yaml': rules }));
    expect(cov!.numbers.filter((n) => n.text.startsWith('12 ') || n.text === '12').map((n) => n.status)).toEqual(['ignored', 'ignored']);
  });

  it('warns about a stale ignore: one that matches nothing, or only numbers rules cover', () => {
    const rules = `${CLAIMS}ignore:
  - text: "999"
    reason: gone from the text
  - text: "30,3 %"
    reason: now a claim
  - kind: ordinal
    reason: none in this text
  - kind: date
    reason: dates are not claims
`;
    const sets = load({ 'rules.yaml': rules });
    const { diagnostics, coverage } = measureCoverage(sets);
    expect(diagnostics.map((d) => [d.severity, d.code, d.position.line, d.position.col])).toEqual([
      ['warning', 'stale-ignore', 9, 5],
      ['warning', 'stale-ignore', 11, 5],
      ['warning', 'stale-ignore', 13, 5],
    ]);
    expect(diagnostics[0]!.message).toMatch(/text "999".*matches no number/);
    expect(diagnostics[1]!.message).toMatch(/text "30,3 %".*already covered/);
    expect(diagnostics[0]!.position.file).toBe(sets[0]!.file);
    expect(byText(coverage[0]!.numbers, '30,3 %')[0]!.status).toBe('covered');
  });

  it('unites several rule files on one document: covered anywhere wins over ignored', () => {
    const other = `figures: [figures.yaml]
ignore:
  - kind: year
    reason: years are not claims
rules:
  - id: seven
    quote: "có 7 hạng mục"
    expr: grdp_2023 / grdp_2023 * 7
`;
    const sets = load({ 'a.yaml': CLAIMS, 'b.yaml': other });
    const { coverage, diagnostics } = measureCoverage(sets);
    expect(coverage).toHaveLength(1);
    const cov = coverage[0]!;
    expect(byText(cov.numbers, '30,3 %')[0]).toMatchObject({ status: 'covered', by: ['grdp-growth', 'growth_stated'] });
    expect(byText(cov.numbers, '7')[0]).toMatchObject({ status: 'covered', by: ['seven'] });
    expect(byText(cov.numbers, '2020').map((n) => n.status)).toEqual(['ignored', 'ignored']);
    expect(cov).toMatchObject({ total: 14, covered: 4, ignored: 7, classified: 3, uncovered: 3 });
    expect(diagnostics).toEqual([]);
  });

  it('a rule whose quote no longer anchors covers nothing: its number is uncovered, not silently covered', () => {
    const rules = `figures: [figures.yaml]
rules:
  - id: moved
    quote: "tăng 31 % so với năm 2020"
    expr: growth(grdp_2023, grdp_2020)
`;
    const sets = load({ 'rules.yaml': rules });
    expect(sets[0]!.broken).toHaveLength(1);
    const [cov] = computeCoverage(sets);
    // 30,3 % is still the figure growth_stated's anchor, but not the broken rule's.
    expect(byText(cov!.numbers, '30,3 %')[0]!.by).toEqual(['growth_stated']);
  });

  it('skips a rule set whose document could not be read', () => {
    const sets = load({ 'rules.yaml': 'figures: [missing.yaml]\ndocument: nowhere.txt\nrules: []\n' });
    expect(computeCoverage(sets)).toEqual([]);
  });
});

// ── property: exactly one status per scanned number ─────────────────────────────────────────

const WORDS = ['năm', 'tăng', 'đạt', 'Quốc lộ', 'ngày', 'số', 'thứ', 'và', 'tỷ đồng', 'so với', '(', ')', ',', '.', '\n'];
const NUMBERS = ['2023', '2021 - 2023', '45.481', '30,3 %', '8-9%', '3 - 4', '06', '1.600', '7', '12/QĐ-UBND', '27/8/2021', '4B', '0,5', '12.000 nghìn tỷ', '19', 'Hình 2', 'COVID-19', ',5%', '1.5', 'một nửa', 'tháng 11'];
const KINDS: NumberKind[] = ['quantity', 'range', 'year', 'date', 'document-number', 'name', 'ordinal', 'identifier', 'label'];

const docText = fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...NUMBERS)), { maxLength: 40 }).map((parts) => parts.join(' '));

function syntheticSet(text: string, picks: { claim: boolean[]; figure: boolean[] }, ignores: IgnoreRule[]): RuleSet {
  const document: AuditedDocument = { path: 'doc.txt', text, locale: 'vi-VN', sha256: 'x' };
  const numbers = scanNumbers(text, 'vi-VN');
  const declared = { file: 'rules.yaml', line: 1, col: 1 };
  const rules: LoadedClaimRule[] = [];
  const figures = new Map<string, Figure>();
  numbers.forEach((n, i) => {
    const anchor = { quote: n.text, span: n.span, line: 1, col: 1 };
    if (picks.claim[i % picks.claim.length]) {
      rules.push({
        kind: 'claim', id: `c${i}`, severity: 'error', tags: [], declared, documentPath: 'doc.txt',
        quote: n.text, anchor, stated: n, expr: 'x', reading: 'round', tolerance: new Fraction(1, 20),
      });
    }
    if (picks.figure[i % picks.figure.length]) {
      figures.set(`f${i}`, { id: `f${i}`, interval: null, written: n, exact: false, anchor, declared });
    }
  });
  return { file: 'rules.yaml', sha256: 'x', document, figures, brokenFigures: new Map(), figureFiles: [], rules, broken: [], ignores, diagnostics: [] };
}

const ignoreRule = fc.record(
  {
    text: fc.constantFrom(...NUMBERS),
    kind: fc.constantFrom(...KINDS),
    pattern: fc.constantFrom('^\\d+$', '%$', '-', '^20'),
    quote: fc.constantFrom('năm', 'tăng 30,3 %', 'Quốc lộ 4B', '2023'),
  },
  { requiredKeys: [] },
).map(({ pattern, ...rest }): IgnoreRule => ({
  ...rest,
  ...(pattern !== undefined ? { pattern: new RegExp(pattern, 'u') } : {}),
  reason: 'because',
  declared: { file: 'rules.yaml', line: 2, col: 3 },
}));

describe('computeCoverage (property)', () => {
  it('gives every scanned number exactly one status, and the counts add up', () => {
    fc.assert(
      fc.property(
        docText,
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(ignoreRule, { maxLength: 4 }),
        (text, claim, figure, ignores) => {
          const set = syntheticSet(text, { claim, figure }, ignores);
          const scanned = scanNumbers(text, 'vi-VN');
          const [cov] = computeCoverage([set]);
          expect(cov!.total).toBe(scanned.length);
          expect(cov!.numbers.map((n) => [n.start, n.end])).toEqual(scanned.map((n) => [n.span.start, n.span.end]));
          expect(cov!.covered + cov!.ignored + cov!.uncovered).toBe(cov!.total);
          const statuses = cov!.numbers.map((n) => n.status);
          expect(statuses.filter((s) => s === 'covered')).toHaveLength(cov!.covered);
          expect(statuses.filter((s) => s === 'ignored')).toHaveLength(cov!.ignored);
          expect(statuses.filter((s) => s === 'uncovered')).toHaveLength(cov!.uncovered);
          const coveredSpans = new Set([
            ...set.rules.map((r) => (r.kind === 'claim' ? `${r.stated.span.start}:${r.stated.span.end}` : '')),
            ...[...set.figures.values()].map((f) => `${f.written!.span.start}:${f.written!.span.end}`),
          ]);
          for (const n of cov!.numbers) {
            expect(n.status === 'covered').toBe(coveredSpans.has(`${n.start}:${n.end}`));
            if (n.status === 'covered') expect(n.by!.length).toBeGreaterThan(0);
            else expect(n.by).toBeUndefined();
            expect(n.status === 'ignored').toBe(n.reason !== undefined);
            // Only what may be a claim (or cannot be read) is ever left uncovered.
            if (n.status === 'uncovered') expect(['quantity', 'range', 'malformed']).toContain(n.kind);
            if (n.classified) expect(['quantity', 'range', 'malformed']).not.toContain(n.kind);
          }
          expect(cov!.numbers.filter((n) => n.classified)).toHaveLength(cov!.classified!);
          expect(Object.values(cov!.classes!).reduce((a, b) => a + b, 0)).toBe(cov!.total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding an ignore rule never uncovers a number, and never changes what is covered', () => {
    fc.assert(
      fc.property(docText, fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.array(ignoreRule, { maxLength: 3 }), ignoreRule, (text, claim, ignores, extra) => {
        const before = computeCoverage([syntheticSet(text, { claim, figure: [false] }, ignores)])[0]!;
        const after = computeCoverage([syntheticSet(text, { claim, figure: [false] }, [...ignores, extra])])[0]!;
        expect(after.covered).toBe(before.covered);
        expect(after.uncovered).toBeLessThanOrEqual(before.uncovered);
        before.numbers.forEach((n, i) => {
          if (n.status !== 'uncovered') expect(after.numbers[i]!.status).toBe(n.status);
        });
      }),
      { numRuns: 200 },
    );
  });
});
