/** Scenario tests: the built `tally coverage` (and `tally audit --fail-on-uncovered`) as a user runs them. */
import { describe, expect, it } from 'vitest';
import type { CoverageJson } from '../../src/report/coverage.js';
import { tally } from './run.js';

type CoverageJsonDoc = CoverageJson['documents'][number];

describe('tally coverage (built CLI)', () => {
  it('lists every number with line:col, kind, status and who covers it, and a summary line', () => {
    const run = tally(['coverage', 'coverage-full']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^report\.en\.txt$/m);
    expect(run.stdout).toMatch(/2:76\s+25\.0%\s+quantity\s+covered\s+revenue-growth\n/);
    expect(run.stdout).toMatch(/2:17\s+\$1,250\.0 million\s+quantity\s+covered\s+revenue_2024/);
    expect(run.stdout).toMatch(/2:37\s+2024\s+year\s+ignored\s+years say when a figure applies/);
    expect(run.stdout).toContain('report.en.txt: 10 numbers: 8 covered, 2 ignored, 0 uncovered — 100% accounted for (80% covered by rules)');
  });

  it('exits 0 with uncovered numbers, and 1 with --fail-on-uncovered', () => {
    const plain = tally(['coverage', 'clean']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/4:12\s+45%\s+quantity\s+uncovered\s+no rule states or anchors it/);
    expect(plain.stdout).toContain('report.en.txt: 10 numbers: 7 covered, 2 ignored (2 by class), 1 uncovered — 90% accounted for (70% covered by rules)');
    expect(plain.stdout).toContain('by class: 8 quantity, 2 year');
    // Years need no ignore entry: they are accounted for by their class, with the reader's reason.
    expect(plain.stdout).toMatch(/2:37\s+2024\s+year\s+ignored\s+a year: it says when, not how much \(classified: year: a bare 4-digit number 1900–2100\)/);
    const strict = tally(['coverage', 'clean', '--fail-on-uncovered']);
    expect(strict.code).toBe(1);
    expect(tally(['coverage', 'coverage-full', '--fail-on-uncovered']).code).toBe(0);
  });

  it('--uncovered-only lists only the uncovered numbers', () => {
    const run = tally(['coverage', 'clean', '--uncovered-only']);
    expect(run.code).toBe(0);
    const listed = run.stdout.split('\n').filter((l) => /^\s+\d+:\d+\s/.test(l));
    expect(listed.map((l) => l.trim().split(/\s{2,}/)[1])).toEqual(['45%']);
    expect(tally(['coverage', 'coverage-full', '--uncovered-only']).stdout).toContain('no uncovered numbers');
  });

  it('--format json gives counts, shares, the uncovered list and the numbers', () => {
    const run = tally(['coverage', 'clean', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { tool: { name: string }; documents: CoverageJsonDoc[]; diagnostics: unknown[] };
    expect(json.tool.name).toBe('tally');
    expect(json.diagnostics).toEqual([]);
    expect(json.documents).toHaveLength(1);
    const doc = json.documents[0]!;
    expect(doc).toMatchObject({ path: 'report.en.txt', total: 10, covered: 7, ignored: 2, classified: 2, share: 0.9, coveredShare: 0.7 });
    expect(doc.classes).toEqual({ quantity: 8, year: 2 });
    expect(doc.uncovered.map((n) => [n.text, n.kind, n.line, n.col, n.status])).toEqual([['45%', 'quantity', 4, 12, 'uncovered']]);
    expect(doc.numbers.find((n) => n.text === '2024')).toMatchObject({ status: 'ignored', classified: true });
    expect(doc.numbers).toHaveLength(10);
    expect(doc.numbers.find((n) => n.text === '10.4%')).toMatchObject({ status: 'covered', by: ['profit-share'], line: 3, col: 36 });

    const only = JSON.parse(tally(['coverage', 'clean', '--format', 'json', '--uncovered-only']).stdout) as { documents: CoverageJsonDoc[] };
    expect(only.documents[0]!.numbers.map((n) => n.status)).toEqual(['uncovered']);
    expect(only.documents[0]!.total).toBe(10);
  });

  it('warns about a stale ignore on stdout (console) or stderr (json), without failing', () => {
    const run = tally(['coverage', 'coverage-stale']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/coverage-stale\/rules\.yaml:6:5 warning\[stale-ignore\] ignore entry \(text "1,999"\) is stale/);
    const json = tally(['coverage', 'coverage-stale', '--format', 'json']);
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/warning\[stale-ignore\]/);
    expect(JSON.parse(json.stdout).diagnostics).toMatchObject([{ severity: 'warning', code: 'stale-ignore', position: { line: 6, col: 5 } }]);
  });

  it('exits 2 on a malformed rule file, a broken rule, a missing path, an unknown flag or format', () => {
    const malformed = tally(['coverage', 'malformed']);
    expect(malformed.code).toBe(2);
    expect(malformed.stdout).toMatch(/malformed\/rules\.yaml:5:5 .*unknown key "exprr"/);
    const broken = tally(['coverage', 'coverage-broken', '--format', 'json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/coverage-broken\/rules\.yaml:5:\d+ error\[quote-not-found\]/);
    const missing = tally(['coverage', 'no-such-rules.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-rules\.yaml/);
    expect(tally(['coverage', '--uncoverd-only']).code).toBe(2);
    expect(tally(['coverage', 'clean', '--format', 'html']).code).toBe(2);
  });
});

describe('tally audit --fail-on-uncovered (built CLI)', () => {
  it('exits 1 when claims hold but a number is uncovered, 0 when every number is accounted for', () => {
    expect(tally(['audit', 'clean']).code).toBe(0);
    expect(tally(['audit', 'clean', '--fail-on-uncovered']).code).toBe(1);
    // coverage-full has a failing claim; with --fail-on never only coverage can fail the run.
    expect(tally(['audit', 'coverage-full', '--fail-on', 'never', '--fail-on-uncovered']).code).toBe(0);
  });

  it('carries the coverage figures in the console, json and markdown reports', () => {
    const run = tally(['audit', 'clean']);
    expect(run.stdout).toContain('coverage of report.en.txt: 10 numbers: 7 covered, 2 ignored (2 by class), 1 uncovered — 90% accounted for');
    expect(run.stdout).toMatch(/uncovered report\.en\.txt:4:12 “45%” \(quantity\)/);
    const json = JSON.parse(tally(['audit', 'clean', '--format', 'json']).stdout);
    expect(json.coverage).toMatchObject([{ path: 'report.en.txt', total: 10, covered: 7, ignored: 2, uncovered: 1, classified: 2, classes: { quantity: 8, year: 2 } }]);
    const md = tally(['audit', 'clean', '--format', 'markdown']).stdout;
    expect(md).toContain('## Coverage');
    expect(md).toContain('- `report.en.txt`: 10 numbers: 7 covered, 2 ignored (2 by class), 1 uncovered — 90% accounted for (70% covered by rules)');
    expect(md).toContain('| 45% | quantity | report.en.txt:4:12 |');
  });
});
