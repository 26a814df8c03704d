/** Scenario tests: the built `tally audit` on small rule sets, checking stdout, files and exit codes. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../report/xml.js';
import { ROOT, tally } from './run.js';

describe('tally audit (built CLI)', () => {
  it('exits 0 on a rule set whose claims hold', () => {
    const run = tally(['audit', 'clean']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/2 rules — 2 pass/);
    expect(run.code).toBe(0);
  });

  it('exits 1 on a false claim and names it with the size of the error', () => {
    const run = tally(['audit', 'false-claim']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ fail\s+staff-growth/);
    expect(run.stdout).toContain('“Staff grew 45%”');
    // 700/500 − 1 is exactly 40%: five points short of the stated 45%.
    expect(run.stdout).toMatch(/figures give 40(\.0+)?%, stated 45%: off by -5\.0+ pp/);
  });

  it('exits 0 with --fail-on never even when claims fail', () => {
    expect(tally(['audit', 'false-claim', '--fail-on', 'never']).code).toBe(0);
  });

  it('exits 2 on a malformed rule file and points at line and column', () => {
    const run = tally(['audit', 'malformed']);
    expect(run.code).toBe(2);
    expect(run.stdout + run.stderr).toMatch(/malformed\/rules\.yaml:5:5 .*unknown key "exprr"/);
    expect(run.stdout + run.stderr).toMatch(/did you mean "expr"/);
    expect(run.stdout + run.stderr).toMatch(/malformed\/rules\.yaml:9:14 .*"rounding"/);
  });

  it('a figure whose quote no longer matches breaks the rules that use it, and says where to look', () => {
    const run = tally(['audit', 'broken-figure']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/broken-figure\/figures\.yaml:5:26 error\[quote-not-found\]/);
    expect(run.stdout).toMatch(/‼ error\s+revenue-growth/);
    expect(run.stdout).toContain('figure "revenue_2023" could not be read: see the problem reported at broken-figure/figures.yaml:5:3');
    // The other rule is still judged: one broken figure never hides the rest.
    expect(run.stdout).toMatch(/‼ error\s+profit-share[\s\S]*unknown figure "profit_2024"/);
  });

  it('reads hedged claims as the text words them: more than, about, at least', () => {
    const run = tally(['audit', 'hedged', '--format', 'json']);
    const results = JSON.parse(run.stdout).results as { id: string; verdict: string; reading: string; stated: { hedge?: string } }[];
    const byId = Object.fromEntries(results.map((r) => [r.id, r]));
    // 5.2 / 4.0 − 1 is 30%: more than 25% holds.
    expect(byId['sales-growth']).toMatchObject({ verdict: 'pass', reading: 'more-than', stated: { hedge: 'more than' } });
    // 2.0 / 5.2 is 38.5%: within 5% of 40%.
    expect(byId['export-share']).toMatchObject({ verdict: 'pass', reading: 'about', stated: { hedge: 'about' } });
    // 1.5 / 5.2 is 28.8%: not at least 60%.
    expect(byId['import-share']).toMatchObject({ verdict: 'fail', reading: 'at-least', stated: { hedge: 'at least' } });
    expect(run.code).toBe(1);
  });

  it('exits 2 on a missing file', () => {
    const run = tally(['audit', 'no-such-rules.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no-such-rules\.yaml/);
  });

  it('exits 2 on an unknown flag', () => {
    const run = tally(['audit', '--frmat', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option/);
  });

  it('writes json and markdown reports into --out, atomically and parseable', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-out-'));
    const run = tally(['audit', 'false-claim', '--format', 'json', '--format', 'markdown', '--out', out]);
    expect(run.code).toBe(1);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'tally-report.json'), 'utf8'));
    expect(json.summary.byVerdict.fail).toBe(1);
    expect(json.results.find((r: { id: string }) => r.id === 'staff-growth').verdict).toBe('fail');
    const md = fs.readFileSync(path.join(out, 'tally-report.md'), 'utf8');
    expect(md).toContain('`staff-growth`');
    expect(fs.readdirSync(out).sort()).toEqual(['tally-report.json', 'tally-report.md']);
  });

  it('JUnit follows --fail-on: a warn is a failure under --fail-on warning, passes under the default', () => {
    const junit = (failOn: string) => {
      const run = tally(['audit', 'rules/lang-son', '--format', 'junit', '--fail-on', failOn], { cwd: ROOT });
      const cases = parseXml(run.stdout).children.flatMap((suite) => suite.children.filter((c) => c.name === 'testcase'));
      const outcome = (id: string) => cases.find((c) => c.attributes.name === id)!.children.map((x) => x.name);
      return { code: run.code, outcome };
    };
    const strict = junit('warning');
    expect(strict.code).toBe(1);
    expect(strict.outcome('grdp-growth-2020-2023')).toEqual(['failure']);
    expect(strict.outcome('revenue-growth-2021')).toEqual(['failure']);
    const lenient = junit('error');
    expect(lenient.outcome('grdp-growth-2020-2023')).toEqual(['system-out']);
    expect(lenient.outcome('revenue-growth-2021')).toEqual(['failure']);
  });

  it('refuses two formats on stdout instead of concatenating them, before auditing anything', () => {
    const run = tally(['audit', 'no-such-rules.yaml', '--format', 'json', '--format', 'markdown']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'tally: formats "json" and "markdown" would both write to stdout, one after the other: give --out <dir> to write them to files there, or choose one format\n',
    );
    const three = tally(['audit', 'clean', '-f', 'console', '-f', 'sarif', '-f', 'junit']);
    expect(three.code).toBe(2);
    expect(three.stderr).toContain('formats "console" and "sarif" and "junit" would all write to stdout');
  });

  it('with --out, still refuses the two formats that have no file form (console and github)', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-out-'));
    const run = tally(['audit', 'clean', '--format', 'console', '--format', 'github', '--format', 'json', '--out', out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('tally: formats "console" and "github" both write to stdout (they have no file form): choose one of them\n');
    expect(fs.readdirSync(out)).toEqual([]);
    // One of them on stdout, the file formats in --out: fine.
    const ok = tally(['audit', 'clean', '--format', 'console', '--format', 'json', '--out', out]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/2 rules — 2 pass/);
    expect(fs.readdirSync(out)).toEqual(['tally-report.json']);
  });

  it('a repeated format is one format', () => {
    const run = tally(['audit', 'clean', '--format', 'json', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).summary.total).toBe(2);
  });

  it('--format json to stdout is one JSON document and nothing else, whatever the audit finds', () => {
    const cases: [string[], number][] = [
      [['clean'], 0],
      [['false-claim'], 1],
      [['malformed'], 2],
      [['broken-figure'], 2],
      [['clean', 'false-claim', 'hedged', '--jobs', '2'], 1],
    ];
    for (const [args, code] of cases) {
      const run = tally(['audit', ...args, '--format', 'json']);
      expect(run.code, args.join(' ')).toBe(code);
      const report = JSON.parse(run.stdout);
      expect(run.stdout, args.join(' ')).toBe(`${JSON.stringify(report, null, 2)}\n`);
      expect(report.tool.name).toBe('tally');
    }
  });

  it('prints plain text when NO_COLOR is set and colours when forced', () => {
    expect(tally(['audit', 'clean']).stdout).not.toMatch(/\x1b\[/);
    expect(tally(['audit', 'clean'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toMatch(/\x1b\[/);
  });
});
