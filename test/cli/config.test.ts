/** Scenario tests (built CLI): `tally.config.yaml` at the project root, under the command-line flags. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tally } from './run.js';
import { FIGURES, removeProject, tempProject } from './project.js';

const RULES = `figures: [../figures.yaml]
rules:
  - id: revenue-growth
    quote: "up 25.0% year on year"
    expr: growth(revenue_2024, revenue_2023)
  - id: staff-growth
    quote: "Staff grew 45%"
    expr: growth(staff_2024, staff_2023)
`;

const dirs: string[] = [];
const project = (config: string, more: Record<string, string> = {}) => {
  const dir = tempProject({ 'tally.config.yaml': config, 'checks/main.yaml': RULES, ...more }, 'tally-config-');
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeProject));

describe('tally.config.yaml (built CLI)', () => {
  it('gives the rule paths, formats, output folder and fail-on level; flags override each', () => {
    const dir = project('rules: [checks]\nformats: [json, markdown]\nout: reports\nfailOn: never\n');
    const run = tally(['audit'], { cwd: dir });
    expect(run.code).toBe(0); // staff-growth fails, but failOn: never
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'reports/tally-report.json'), 'utf8')) as { results: { id: string }[] };
    expect(report.results.map((r) => r.id)).toEqual(['revenue-growth', 'staff-growth']);
    expect(fs.existsSync(path.join(dir, 'reports/tally-report.md'))).toBe(true);
    // Flags win: the fail-on level, and the formats (a list flag replaces the config's list).
    const flagged = tally(['audit', '--fail-on', 'error', '--format', 'console'], { cwd: dir });
    expect(flagged.code).toBe(1);
    expect(flagged.stdout).toMatch(/✗ fail\s+staff-growth/);
  });

  it('is found from a folder below the project root', () => {
    const dir = project('rules: [checks]\nfailOn: never\n');
    expect(tally(['audit'], { cwd: path.join(dir, 'checks') }).code).toBe(0);
  });

  it('ignore: skips files and folders when rule files are searched for', () => {
    const dir = project('rules: [checks]\nignore: [checks/drafts]\nfailOn: never\n', { 'checks/drafts/wip.yaml': 'figures: [../../figures.yaml]\nrules:\n  - id: wip\n    exprr: x\n' });
    const run = tally(['audit', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { results: { id: string }[] }).results.map((r) => r.id)).not.toContain('wip');
  });

  it('materiality: the default thresholds of rule files that set none', () => {
    const loose = project('rules: [checks]\nmateriality: { points: 10 }\n');
    const strict = project('rules: [checks]\n');
    const materialOf = (dir: string) =>
      (JSON.parse(tally(['audit', '--format', 'json'], { cwd: dir }).stdout) as { results: { id: string; diagnosis?: { materiality: { material: boolean } } }[] }).results.find(
        (r) => r.id === 'staff-growth',
      )!.diagnosis!.materiality.material;
    expect(materialOf(strict)).toBe(true); // off by 5 pp: beyond the default 1 pp
    expect(materialOf(loose)).toBe(false); // within 10 pp
  });

  it('locale: stated for rule sets whose files state none, so numerals that contradict it are refused', () => {
    const figures = FIGURES.replace('locale: en\n', '');
    const wrong = project('rules: [checks]\nlocale: vi-VN\nfailOn: never\n', { 'figures.yaml': figures });
    const run = tally(['audit'], { cwd: wrong });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('error[locale-contradicts-document]');
    const right = project('rules: [checks]\nlocale: en\nfailOn: never\n', { 'figures.yaml': figures });
    expect(tally(['audit'], { cwd: right }).code).toBe(0);
  });

  it('a bad key or value is an error at file:line:col with did-you-mean; exit 2', () => {
    const dir = project('rules: [checks]\nfailon: never\nformats: [jsn]\n');
    const run = tally(['audit'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('tally.config.yaml:2:1 error[unknown-key] unknown key "failon" in config file');
    expect(run.stderr).toContain('did you mean "failOn"?');
    expect(run.stderr).toContain('tally.config.yaml:3:11 error[invalid-value] invalid value "jsn" for "formats[0]"');
    expect(run.stderr).toContain('did you mean "json"?');
  });
});
