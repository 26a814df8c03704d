/**
 * Scenario tests (built CLI) of what the loader tells a rule writer: rule ids unique across all
 * rule files, one misspelt key breaking one rule only, unknown functions and figures caught at
 * load at their place in the expression, each with one "did you mean".
 */
import { afterAll, describe, expect, it } from 'vitest';
import { tally } from './run.js';
import { removeProject, tempProject } from './project.js';

const dirs: string[] = [];
const project = (files: Record<string, string>) => {
  const dir = tempProject(files, 'tally-rule-load-');
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(removeProject));

const count = (text: string, part: string) => text.split(part).length - 1;

describe('rule ids across rule files (built CLI)', () => {
  it('a duplicate id in two files is an error naming both places; both rules are still judged; exit 2', () => {
    const dir = project({
      'rules/a.yaml': 'figures: [../figures.yaml]\nrules:\n  - id: growth\n    quote: "up 25.0% year on year"\n    expr: growth(revenue_2024, revenue_2023)\n',
      'rules/b.yaml': 'figures: [../figures.yaml]\nrules:\n  - id: other\n    quote: "10.4% of revenue"\n    expr: share(profit_2024, revenue_2024)\n  - id: growth\n    quote: "Staff grew 45%"\n    expr: growth(staff_2024, staff_2023)\n',
    });
    const run = tally(['audit', 'rules'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('rules/b.yaml:6:5 error[duplicate-rule-id] rule id "growth" is already used at rules/a.yaml:3:5');
    const report = JSON.parse(tally(['audit', 'rules', '--format', 'json'], { cwd: dir }).stdout) as { results: { id: string; verdict: string }[] };
    expect(report.results.map((r) => `${r.id}:${r.verdict}`)).toEqual(['growth:pass', 'other:pass', 'growth:fail']);
  });
});

describe('one misspelt key (built CLI)', () => {
  it('breaks that rule only: reported at its key, the other rules judged, exit 2', () => {
    const dir = project({
      'rules.yaml': 'figures: [figures.yaml]\nrules:\n  - id: growth\n    quote: "up 25.0% year on year"\n    exprr: growth(revenue_2024, revenue_2023)\n  - id: share\n    quote: "10.4% of revenue"\n    expr: share(profit_2024, revenue_2024)\n',
    });
    const run = tally(['audit', 'rules.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('rules.yaml:5:5 error[unknown-key] unknown key "exprr" in rule "growth"');
    const report = JSON.parse(tally(['audit', 'rules.yaml', '--format', 'json'], { cwd: dir }).stdout) as { results: { id: string; verdict: string }[] };
    expect(report.results.map((r) => `${r.id}:${r.verdict}`)).toEqual(['growth:error', 'share:pass']);
  });
});

describe('unknown names caught at load (built CLI)', () => {
  it('an unknown function and an unknown figure: at line:col inside the expression, one "did you mean" each, exit 2', () => {
    const dir = project({
      'rules.yaml':
        'figures: [figures.yaml]\nrules:\n  - id: growth\n    quote: "up 25.0% year on year"\n    expr: grwoth(revenue_2024, revenue_2023)\n  - id: share\n    quote: "10.4% of revenue"\n    expr: "share(profit_2024, revenu_2024)"\n  - id: staff\n    quote: "Staff grew 45%"\n    expr: growth(staff_2024, staff_2023)\n',
    });
    const run = tally(['audit', 'rules.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('rules.yaml:5:11 error[unknown-function] rule "growth": unknown function "grwoth"');
    expect(run.stdout).toContain('rules.yaml:8:31 error[unknown-figure] rule "share" uses unknown figure "revenu_2024"');
    expect(count(run.stdout, 'did you mean "growth"')).toBe(1);
    expect(count(run.stdout, 'did you mean "revenue_2024"')).toBe(1);
    expect(run.stdout).toMatch(/✗ fail\s+staff/); // judged: the other rules are not lost
  });
});
