/**
 * A synthetic AuditResult that exercises every corner the reporters must handle: two documents
 * in two locales, nested and overlapping anchors, every verdict, a finding with a diagnosis and a
 * waiver, an unanchored assertion, a broken rule, a rule file that yielded nothing, uncovered
 * numbers, and rule text that tries to inject markup (`<script>`, `&`, quotes).
 */
import { summarize } from '../../src/judge/outcome.js';
import type { AuditResult, CoveredNumber, DocumentCoverage, ReportedDocument, RuleResult } from '../../src/model.js';

export const VI_PATH = 'data/bao-cao.vi.txt';
export const EN_PATH = 'data/report.en.txt';
export const RULES_A = 'rules/kinh-te.yaml';
export const RULES_B = 'rules/english.yaml';
export const RULES_BROKEN = 'rules/broken.yaml';

export const VI_TEXT = [
  'Báo cáo kinh tế - xã hội tỉnh Lạng Sơn',
  'Tổng sản phẩm (GRDP) năm 2023 đạt 45.481 tỷ đồng, tăng 30,3 % so với năm 2020.',
  'Thu ngân sách năm 2024 đạt 9.805,4 tỷ đồng, đạt 131% dự toán, tăng 25,8% so với cùng kỳ.',
  'Ghi chú của người soạn: <script>alert(1)</script> & "nguồn" chưa rõ; tỷ lệ hộ nghèo giảm còn 8,5%.',
  'Tốc độ tăng trưởng bình quân giai đoạn 2021 - 2023 đạt 6,98%.',
].join('\n');

export const EN_TEXT = ['Staff grew 45% to 725 people in 2024.', 'Revenue was about 12.5 million, 3 times the 2020 level.'].join('\n');

const HASH = (c: string) => c.repeat(64);

function anchorOf(text: string, quote: string, occurrence = 1) {
  let start = -1;
  for (let k = 0; k < occurrence; k++) start = text.indexOf(quote, start + 1);
  if (start < 0) throw new Error(`quote not in sample text: ${quote}`);
  const before = text.slice(0, start);
  const line = before.split('\n').length;
  const col = start - (before.lastIndexOf('\n') + 1) + 1;
  return { line, col, start, end: start + quote.length };
}

function numberAt(text: string, written: string, status: CoveredNumber['status'], extra: Partial<CoveredNumber> = {}): CoveredNumber {
  const a = anchorOf(text, written);
  return { text: written, kind: 'quantity', start: a.start, end: a.end, line: a.line, col: a.col, status, ...extra };
}

interface Spec extends Partial<RuleResult> {
  id: string;
  verdict: RuleResult['verdict'];
  file: string;
  line: number;
  doc?: string;
  quote?: string;
}

function result(spec: Spec): RuleResult {
  const { file, line, doc, ...rest } = spec;
  const text = doc === VI_PATH ? VI_TEXT : doc === EN_PATH ? EN_TEXT : undefined;
  const anchor = spec.quote && text && !spec.anchor && spec.verdict !== 'error' ? anchorOf(text, spec.quote) : spec.anchor;
  // The stated number sits inside the quote, as the loader reads it: its first occurrence there.
  const statedStart = anchor && text && spec.stated ? text.indexOf(spec.stated.text, anchor.start) : -1;
  return {
    kind: 'claim',
    severity: 'error',
    message: '',
    expr: '',
    figures: [],
    tags: [],
    ...rest,
    declared: { file, line, col: 5 },
    ...(doc ? { document: doc } : {}),
    ...(anchor ? { anchor } : {}),
    ...(spec.stated && statedStart >= 0 ? { stated: { ...spec.stated, start: statedStart, end: statedStart + spec.stated.text.length } } : {}),
  };
}

export const SCRIPT_QUOTE = '<script>alert(1)</script> & "nguồn" chưa rõ';

export function sampleResults(): RuleResult[] {
  return [
    // 0: pass, an outer quote containing rule 1's quote (nesting)
    result({
      id: 'grdp-growth-2020-2023',
      verdict: 'pass',
      file: RULES_A,
      line: 6,
      doc: VI_PATH,
      quote: 'đạt 45.481 tỷ đồng, tăng 30,3 % so với năm 2020',
      expr: 'growth(grdp_2023, grdp_2020)',
      reading: 'round',
      stated: { text: '30,3 %', set: '[30,25 %; 30,35 %)', value: 0.303 },
      computed: { lo: 0.30312, hi: 0.30318, text: '[30,312 %; 30,318 %]' },
      difference: { absolute: 0.00015, relative: 0.0005, unit: 'pp', gap: 0, text: '+0,015 pp (+0,05 % relative)' },
      figures: [
        { id: 'grdp_2023', written: '45.481 tỷ đồng', interval: '[45.480,5; 45.481,5] tỷ đồng' },
        { id: 'grdp_2020', written: '34.902 tỷ đồng', interval: '[34.901,5; 34.902,5] tỷ đồng' },
      ],
      message: 'figures give [30,312 %; 30,318 %], within the stated 30,3 %',
      tags: ['grdp', 'growth'],
    }),
    // 1: warn, nested inside rule 0
    result({
      id: 'grdp-level-2023',
      verdict: 'warn',
      severity: 'warning',
      file: RULES_A,
      line: 11,
      doc: VI_PATH,
      quote: '45.481 tỷ đồng',
      expr: 'grdp_real_2023 * deflator',
      reading: 'round',
      warning: { kind: 'truncation', message: 'holds only if “45.481 tỷ đồng” is the value truncated, not rounded' },
      witness: { grdp_real_2023: '45.481,7 tỷ đồng' },
      witnessAtWritten: false,
      proof: { kind: 'witness', evaluations: 12, budget: 200_000 },
      stated: { text: '45.481 tỷ đồng', set: '[45.480,5; 45.481,5) tỷ đồng', value: 45481e9 },
      computed: { lo: 45481.6e9, hi: 45481.9e9, text: '[45.481,6; 45.481,9] tỷ đồng' },
      difference: { absolute: 0.75e9, relative: 0.0000165, unit: 'value', gap: 0.1e9, text: '+0,75 tỷ đồng (+0,0 % relative)' },
      message: 'figures give [45.481,6; 45.481,9] tỷ đồng: 45.481 tỷ đồng holds only if the value was truncated, not rounded',
      tags: ['grdp'],
    }),
    // 2: fail with diagnosis and waiver; overlaps rule 3 partially
    result({
      id: 'revenue-2024-vs-plan',
      verdict: 'fail',
      file: RULES_A,
      line: 16,
      doc: VI_PATH,
      quote: '9.805,4 tỷ đồng, đạt 131% dự toán',
      expr: 'ratio(revenue_2024, plan_2024)',
      reading: 'round',
      stated: { text: '131%', set: '[130,5 %; 131,5 %)', value: 1.31 },
      computed: { lo: 1.4861, hi: 1.4863, text: '[148,61 %; 148,63 %]' },
      difference: { absolute: 0.1762, relative: 0.1345, unit: 'pp', gap: 0.1711, text: '+17,62 pp (+13,45 % relative)' },
      figures: [
        { id: 'revenue_2024', written: '9.805,4 tỷ đồng', interval: '[9.805,35; 9.805,45] tỷ đồng' },
        { id: 'plan_2024', written: '6.598 tỷ đồng', interval: '[6.597,5; 6.598,5] tỷ đồng' },
      ],
      message: 'figures give [148,61 %; 148,63 %], stated 131%: off by +17,62 pp (+13,45 % relative)',
      diagnosis: {
        implied: [
          {
            figure: 'plan_2024',
            written: '6.598 tỷ đồng',
            needed: '[7.482,9; 7.540,1] tỷ đồng',
            message: 'holds if plan_2024 were 7.485 tỷ đồng instead of 6.598 tỷ đồng',
          },
        ],
        slips: [{ kind: 'wrong-base', message: 'the ratio holds against the adjusted plan of 7.485 tỷ đồng' }],
        materiality: { material: true, reasons: ['the plan is exceeded by more than stated'], tests: ['relative-size'] },
      },
      waiver: {
        reason: 'the province reports against the adjusted plan; accepted by the statistics office',
        reviewer: 'ngoc.tran',
        expires: '2026-12-31',
        declared: { file: RULES_A, line: 20, col: 7 },
      },
      note: 'compare with the adjusted plan in Resolution 15/NQ-HĐND',
      tags: ['budget'],
    }),
    // 3: fail, partially overlapping rule 2
    result({
      id: 'revenue-2024-growth',
      verdict: 'fail',
      file: RULES_A,
      line: 24,
      doc: VI_PATH,
      quote: 'đạt 131% dự toán, tăng 25,8% so với cùng kỳ',
      expr: 'growth(revenue_2024, revenue_2023)',
      reading: 'round',
      stated: { text: '25,8%', set: '[25,75 %; 25,85 %)', value: 0.258 },
      computed: { lo: 0.2311, hi: 0.2313, text: '[23,11 %; 23,13 %]' },
      difference: { absolute: -0.0268, relative: -0.1039, unit: 'pp', gap: 0.0262, text: '-2,68 pp (-10,39 % relative)' },
      figures: [
        { id: 'revenue_2024', written: '9.805,4 tỷ đồng', interval: '[9.805,35; 9.805,45] tỷ đồng' },
        { id: 'revenue_2023', written: '7.964,2 tỷ đồng', interval: '[7.964,15; 7.964,25] tỷ đồng' },
      ],
      message: 'figures give [23,11 %; 23,13 %], stated 25,8%: off by -2,68 pp (-10,39 % relative)',
      diagnosis: { implied: [], slips: [], materiality: { material: false, reasons: [], tests: [] } },
      proof: { kind: 'enclosure', evaluations: 4, budget: 200_000 },
      tags: ['budget', 'growth'],
    }),
    // 4: unverifiable; the quote is hostile markup
    result({
      id: 'poverty-rate',
      verdict: 'unverifiable',
      severity: 'info',
      file: RULES_A,
      line: 29,
      doc: VI_PATH,
      quote: SCRIPT_QUOTE,
      expr: 'poor_households / households',
      missing: ['households'],
      figures: [{ id: 'poor_households', written: '8,5%', interval: '[8,45 %; 8,55 %)' }, { id: 'households', unknown: true }],
      message: 'needs households (the number of households), which is not given </script><script>alert("msg")</script>',
      note: '<img src=x onerror=alert(1)> check with the <b>census</b> & the "survey"',
      tags: ['social', 'x<y&z'],
    }),
    // 5: error: a broken rule whose quote was not found (no anchor)
    result({
      id: 'growth-average-2021-2023',
      verdict: 'error',
      file: RULES_A,
      line: 34,
      doc: VI_PATH,
      quote: 'Tốc độ tăng trưởng bình quân giai đoạn 2021-2023 đạt 6,98%',
      message: 'quote not found in data/bao-cao.vi.txt (closest: line 5, "2021 - 2023")',
    }),
    // 6: an assertion without quote (no anchor): reachable only from the list
    result({
      id: 'revenue-part-le-whole',
      kind: 'assert',
      verdict: 'pass',
      severity: 'warning',
      file: RULES_A,
      line: 38,
      doc: VI_PATH,
      expr: 'revenue_domestic_2024 <= revenue_2024',
      figures: [
        { id: 'revenue_domestic_2024', written: '3.195,6 tỷ đồng', interval: '[3.195,55; 3.195,65] tỷ đồng' },
        { id: 'revenue_2024', written: '9.805,4 tỷ đồng', interval: '[9.805,35; 9.805,45] tỷ đồng' },
      ],
      message: 'holds: revenue_domestic_2024 <= revenue_2024',
      tags: ['budget'],
    }),
    // 7: English document, fail
    result({
      id: 'staff-growth',
      verdict: 'fail',
      file: RULES_B,
      line: 4,
      doc: EN_PATH,
      quote: 'Staff grew 45% to 725 people',
      expr: 'growth(staff_2024, staff_2023)',
      reading: 'round',
      stated: { text: '45%', set: '[44.5%; 45.5%)', value: 0.45 },
      computed: { lo: 0.4, hi: 0.4, text: '40%' },
      difference: { absolute: -0.05, relative: -0.1111, unit: 'pp', gap: 0.045, text: '-5.0 pp (-11.1% relative)' },
      figures: [
        { id: 'staff_2024', written: '700', interval: '700' },
        { id: 'staff_2023', written: '500', interval: '500' },
      ],
      message: 'figures give 40%, stated 45%: off by -5.0 pp (-11.1% relative)',
      severity: 'warning',
      tags: ['staff'],
    }),
    // 8: English document, pass with a hedged reading
    result({
      id: 'revenue-times',
      verdict: 'pass',
      severity: 'info',
      file: RULES_B,
      line: 9,
      doc: EN_PATH,
      quote: '3 times the 2020 level',
      expr: 'times(revenue_2024, revenue_2020)',
      reading: 'about',
      stated: { text: '3 times', set: '[2.85; 3.15]', value: 3 },
      computed: { lo: 3.04, hi: 3.06, text: '[3.04; 3.06]' },
      difference: { absolute: 0.05, relative: 0.0167, unit: 'value', gap: 0, text: '+0.05 (+1.7% relative)' },
      message: 'figures give [3.04; 3.06], within the stated 3 times',
    }),
  ];
}

export function sampleDocuments(): ReportedDocument[] {
  return [
    { path: VI_PATH, sha256: HASH('a'), locale: 'vi-VN', text: VI_TEXT },
    { path: EN_PATH, sha256: HASH('b'), locale: 'en', text: EN_TEXT },
  ].sort((a, b) => a.path.localeCompare(b.path)) as ReportedDocument[];
}

export function sampleCoverage(): DocumentCoverage[] {
  const vi = [
    numberAt(VI_TEXT, '2023', 'ignored', { kind: 'year', reason: 'a year' }),
    numberAt(VI_TEXT, '45.481 tỷ đồng', 'covered', { by: ['grdp-level-2023', 'grdp_2023'] }),
    numberAt(VI_TEXT, '30,3 %', 'covered', { by: ['grdp-growth-2020-2023'] }),
    numberAt(VI_TEXT, '9.805,4 tỷ đồng', 'covered', { by: ['revenue_2024'] }),
    numberAt(VI_TEXT, '131%', 'covered', { by: ['revenue-2024-vs-plan'] }),
    numberAt(VI_TEXT, '25,8%', 'covered', { by: ['revenue-2024-growth'] }),
    numberAt(VI_TEXT, '8,5%', 'uncovered'),
    numberAt(VI_TEXT, '6,98%', 'uncovered'),
  ];
  const en = [
    numberAt(EN_TEXT, '45%', 'covered', { by: ['staff-growth'] }),
    numberAt(EN_TEXT, '725 people', 'uncovered'),
    numberAt(EN_TEXT, '12.5 million', 'uncovered'),
    numberAt(EN_TEXT, '3 times', 'covered', { by: ['revenue-times'] }),
  ];
  const cov = (path: string, numbers: CoveredNumber[]): DocumentCoverage => ({
    path,
    total: numbers.length,
    covered: numbers.filter((n) => n.status === 'covered').length,
    ignored: numbers.filter((n) => n.status === 'ignored').length,
    uncovered: numbers.filter((n) => n.status === 'uncovered').length,
    numbers,
  });
  return [cov(VI_PATH, vi), cov(EN_PATH, en)];
}

/** The synthetic audit, built fresh on every call (tests may mutate their copy). */
export function sampleAudit(overrides: { results?: RuleResult[] } = {}): AuditResult {
  const results = overrides.results ?? sampleResults();
  return {
    tool: { name: 'tally', version: '0.1.0' },
    inputs: [
      { path: VI_PATH, sha256: HASH('a'), role: 'document' },
      { path: EN_PATH, sha256: HASH('b'), role: 'document' },
      { path: 'data/figures.yaml', sha256: HASH('c'), role: 'figures' },
      { path: RULES_BROKEN, sha256: HASH('f'), role: 'rules' },
      { path: RULES_B, sha256: HASH('e'), role: 'rules' },
      { path: RULES_A, sha256: HASH('d'), role: 'rules' },
    ],
    documents: sampleDocuments(),
    results,
    diagnostics: [
      {
        severity: 'error',
        code: 'unknown-key',
        message: 'unknown key "exprr" <in> rule & file',
        position: { file: RULES_BROKEN, line: 5, col: 5 },
        frame: '  4 |   - id: x\n> 5 |     exprr: a / b\n    |     ^',
        suggestions: ['expr'],
      },
      {
        severity: 'error',
        code: 'quote-not-found',
        message: 'quote not found in data/bao-cao.vi.txt',
        position: { file: RULES_A, line: 35, col: 12 },
      },
    ],
    coverage: sampleCoverage(),
    summary: summarize(results),
  };
}
