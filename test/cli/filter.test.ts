/** Scenario tests (built CLI): `--rule` and `--tag` select the results of `audit` and the rules `explain` walks through. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tally } from './run.js';
import { removeProject, tempProject } from './project.js';

let dir = '';
beforeAll(() => {
  dir = tempProject(
    {
      'rules/main.yaml': `figures: [../figures.yaml]
rules:
  - id: revenue-growth
    quote: "up 25.0% year on year"
    expr: growth(revenue_2024, revenue_2023)
    tags: [growth, revenue]
  - id: profit-share
    quote: "10.4% of revenue"
    expr: share(profit_2024, revenue_2024)
    tags: [share]
  - id: staff-growth
    quote: "Staff grew 45%"
    expr: growth(staff_2024, staff_2023)
    tags: [growth]
`,
    },
    'tally-filter-',
  );
});
afterAll(() => removeProject(dir));

type Report = { results: { id: string; verdict: string }[]; summary: { total: number }; coverage: { covered: number }[] };
const audit = (...args: string[]) => {
  const run = tally(['audit', 'rules', '--format', 'json', ...args], { cwd: dir });
  return { run, report: run.code === 2 && !run.stdout ? undefined : (JSON.parse(run.stdout) as Report) };
};

describe('--rule and --tag (built CLI)', () => {
  it('audit --rule reports that rule only; the exit code follows it', () => {
    const { run, report } = audit('--rule', 'revenue-growth');
    expect(run.code).toBe(0); // staff-growth fails, but is not selected
    expect(report!.results.map((r) => r.id)).toEqual(['revenue-growth']);
    expect(report!.summary.total).toBe(1);
  });

  it('audit --tag reports the tagged rules; repeated flags widen, --rule with --tag narrows', () => {
    expect(audit('--tag', 'growth').report!.results.map((r) => r.id)).toEqual(['revenue-growth', 'staff-growth']);
    expect(audit('--tag', 'growth').run.code).toBe(1);
    expect(audit('--tag', 'share', '--tag', 'revenue').report!.results.map((r) => r.id)).toEqual(['revenue-growth', 'profit-share']);
    expect(audit('--tag', 'growth', '--rule', 'staff-growth', '--rule', 'profit-share').report!.results.map((r) => r.id)).toEqual(['staff-growth']);
  });

  it('coverage is the document’s whole coverage, whatever the filter', () => {
    expect(audit('--rule', 'revenue-growth').report!.coverage).toEqual(audit().report!.coverage);
  });

  it('an unknown id or tag is a usage error with one "did you mean", exit 2', () => {
    const bad = tally(['audit', 'rules', '--rule', 'revenue-grwth', '--tag', 'grwoth'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--rule revenue-grwth: no rule "revenue-grwth" (did you mean "revenue-growth"?)');
    expect(bad.stderr).toContain('--tag grwoth: no tag "grwoth" (did you mean "growth"?)');
  });

  it('a broken rule keeps its tags: --tag still shows it, with verdict error and exit 2', () => {
    const broken = tempProject({ 'rules/main.yaml': 'figures: [../figures.yaml]\nrules:\n  - id: typo\n    quote: "up 25.0% year on year"\n    exprr: growth(revenue_2024, revenue_2023)\n    tags: [growth]\n' }, 'tally-filter-broken-');
    try {
      const run = tally(['audit', 'rules', '--format', 'json', '--tag', 'growth'], { cwd: broken });
      expect(run.code).toBe(2);
      expect((JSON.parse(run.stdout) as Report).results.map((r) => `${r.id}:${r.verdict}`)).toEqual(['typo:error']);
    } finally {
      removeProject(broken);
    }
  });

  it('explain --tag walks through every selected rule; explain --rule one', () => {
    const run = tally(['explain', '--tag', 'growth', 'rules'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^revenue-growth {2}✓ pass/m);
    expect(run.stdout).toMatch(/^staff-growth {2}✗ fail/m);
    expect(run.stdout).not.toContain('profit-share');
    const one = tally(['explain', '--rule', 'profit-share', 'rules'], { cwd: dir });
    expect(one.stdout).toMatch(/^profit-share {2}✓ pass/m);
    expect(tally(['explain', '--tag', 'shares', 'rules'], { cwd: dir }).stderr).toContain('did you mean "share"?');
  });
});
