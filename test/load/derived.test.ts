/**
 * Loading derived figures (`expr:` in figure files, `derived:` in rule files), counted lists
 * (`count:`) and claims' `implies:`: what loads, and every problem at its line and column, with
 * the other figures and rules still loaded.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLoadCache, loadRuleFile } from '../../src/load/index.js';
import type { Diagnostic, LoadedClaimRule } from '../../src/model.js';

const DOC = 'Revenue reached 9,805.4 billion, 131% of the plan. Exports went to 6 markets: China, Japan and Korea; China again.\n';

/** A rule set from a figure file's `figures:` block and a rule file's body, in a fresh folder. */
function load(figures: string, rules: string) {
  const dir = mkdtempSync(join(tmpdir(), 'tally-derived-'));
  writeFileSync(join(dir, 'package.json'), '{}'); // a project root: files outside it are refused
  writeFileSync(join(dir, 'doc.en.txt'), DOC);
  writeFileSync(join(dir, 'figures.yaml'), `document: doc.en.txt\nlocale: en\nfigures:\n${figures}`);
  writeFileSync(join(dir, 'rules.yaml'), `figures: [figures.yaml]\n${rules}`);
  const set = loadRuleFile(join(dir, 'rules.yaml'), { cache: createLoadCache() });
  // The "did you mean" travels beside the message (suggestions); shown here as a reader sees it.
  const hint = (d: Diagnostic) => (d.suggestions?.length ? ` (did you mean ${d.suggestions.map((s) => `"${s}"`).join(', ')}?)` : '');
  const where = (d: Diagnostic) => `${d.position.file.slice(dir.length + 1)}:${d.position.line}:${d.position.col} ${d.code}: ${d.message}${hint(d)}`;
  return { set, dir, problems: set.diagnostics.map(where), brokenRules: set.broken.flatMap((b) => b.diagnostics.map(where)) };
}

const BASE = `  revenue:
    quote: "Revenue reached 9,805.4 billion"
  plan:
    unknown: true
`;

describe('derived figures', () => {
  it('load as a name for an expression, with where the expression starts', () => {
    const { set, problems } = load(`${BASE}  plan_from_ratio:\n    expr: "revenue / 131%"\n    description: the plan 131 % implies\n`, 'rules: []\n');
    expect(problems).toEqual([]);
    const f = set.figures.get('plan_from_ratio')!;
    expect(f.interval).toBeNull();
    expect(f.derived).toMatchObject({ expr: 'revenue / 131%', inline: true, at: { line: 9, col: 12 } }); // past the opening quote
    expect(f.description).toBe('the plan 131 % implies');
  });

  it('report a syntax error inside the expression at its column', () => {
    const { set, problems } = load(`${BASE}  bad:\n    expr: revenue / (131% + \n`, 'rules: []\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^figures\.yaml:9:28 invalid-expression: derived figure "bad": Parenthesis \) expected$/);
    expect(set.figures.has('bad')).toBe(false);
    expect(set.figures.has('revenue')).toBe(true);
  });

  it('report an unknown name at its place in the expression, with "did you mean"', () => {
    const { set, problems } = load(`${BASE}  twice:\n    expr: plan + revenu\n`, 'rules: []\n');
    expect(problems).toEqual(['figures.yaml:9:18 unknown-figure: derived figure "twice" uses unknown figure "revenu" (did you mean "revenue"?)']);
    expect(set.figures.has('twice')).toBe(false);
    expect(set.brokenFigures.has('twice')).toBe(true);
  });

  it('report a cycle at every figure on it; a figure that only uses the cycle is kept (its rules say what is broken)', () => {
    const { set, problems } = load(`${BASE}  a:\n    expr: b * 2\n  b:\n    expr: a + 1\n  c:\n    expr: a + revenue\n`, 'rules: []\n');
    expect(problems).toEqual([
      'figures.yaml:9:11 derived-cycle: derived figure "a" is defined through itself: a → b → a',
      'figures.yaml:11:11 derived-cycle: derived figure "b" is defined through itself: b → a → b',
    ]);
    expect([...set.brokenFigures.keys()].sort()).toEqual(['a', 'b']);
    expect(set.figures.has('c')).toBe(true);
  });

  it('refuse a comparison, and "exact", "precision" or "cite" next to an expression', () => {
    const { problems } = load(`${BASE}  test:\n    expr: revenue > 1\n  fixed:\n    expr: revenue * 2\n    exact: true\n`, 'rules: []\n');
    expect(problems).toEqual([
      'figures.yaml:9:11 invalid-expression: derived figure "test" must give a number, but its expression is a comparison (true/false)',
      'figures.yaml:12:12 invalid-figure: "exact" has no meaning here: a derived figure takes its precision from the figures of its expression',
    ]);
  });

  it('may be declared in a rule file, for its rules only, and checked against the whole set', () => {
    const { set, problems } = load(BASE, 'derived:\n  half_revenue: { expr: "revenue / 2" }\n  wrong: { expr: "half_revenue + plann" }\nrules: []\n');
    expect(problems).toEqual(['rules.yaml:4:34 unknown-figure: derived figure "wrong" uses unknown figure "plann" (did you mean "plan"?)']);
    expect(set.figures.get('half_revenue')?.derived?.expr).toBe('revenue / 2');
  });

  it('in a rule file may not take the id of a figure of its figure files', () => {
    const { problems } = load(BASE, 'derived:\n  revenue: { expr: "plan * 2" }\nrules: []\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\.yaml:3:3 duplicate-figure: figure "revenue" is already declared \(.*figures\.yaml:4:3\)/);
  });
});

describe('counted lists', () => {
  it('count the items quoted from the document, exactly', () => {
    const { set, problems } = load(`  markets:\n    count: ["China, Japan", "Korea", { quote: "China", occurrence: 2 }]\n`, 'rules: []\n');
    expect(problems).toEqual([]);
    const f = set.figures.get('markets')!;
    expect(f.exact).toBe(true);
    expect(f.interval?.lo?.valueOf()).toBe(3);
    expect(f.items?.map((a) => [a.quote, a.col])).toEqual([
      ['China, Japan', 79],
      ['Korea', 96],
      ['China', 103],
    ]);
  });

  it('say which item is not found, ambiguous or listed twice, at the item', () => {
    const { set, problems } = load(`  markets:\n    count:\n      - "Japan"\n      - "Germany"\n      - "China"\n      - "Japan"\n`, 'rules: []\n');
    expect(problems).toEqual([
      expect.stringMatching(/^figures\.yaml:7:9 quote-not-found: figure "markets", item 2 of the count: /),
      expect.stringMatching(/^figures\.yaml:8:9 quote-ambiguous: figure "markets", item 3 of the count: /),
      'figures.yaml:9:9 duplicate-item: figure "markets": item 4 is item 1 again (the same place in the document); each item is counted once',
    ]);
    expect(set.figures.has('markets')).toBe(false);
  });
});

describe('implies', () => {
  const rules = (implies: string, expr = 'ratio(revenue, plan)') =>
    `rules:\n  - id: plan-ratio\n    quote: "131% of the plan"\n    expr: ${expr}\n    implies: ${implies}\n  - id: other\n    quote: "Revenue reached"\n    assert: revenue > 0\n`;

  it('is loaded on a claim that uses an unknown figure', () => {
    const { set, problems, brokenRules } = load(BASE, rules('plan'));
    expect([...problems, ...brokenRules]).toEqual([]);
    expect((set.rules[0] as LoadedClaimRule).implies).toBe('plan');
  });

  it('must name an unknown figure the claim uses, and its only unknown one; the rule is broken, the others load', () => {
    const cases: [string, string, RegExp][] = [
      ['revenue', 'ratio(revenue, plan)', /it implies "revenue", but "revenue" is quoted from the document: only a figure declared `unknown: true` can be implied/],
      ['plam', 'ratio(revenue, plan)', /it implies unknown figure "plam" \(did you mean "plan"\?\)/],
      ['plan', 'revenue / 1.31', /it implies "plan", but its expression does not use "plan"/],
      ['plan', 'ratio(revenue, plan) + 0 * other_plan', /it implies "plan", but it also needs "other_plan", unknown too/],
    ];
    for (const [implies, expr, message] of cases) {
      const { set, brokenRules } = load(`${BASE}  other_plan:\n    unknown: true\n`, rules(implies, expr));
      expect(brokenRules, implies).toHaveLength(1);
      expect(brokenRules[0]).toMatch(/^rules\.yaml:6:14 /);
      expect(brokenRules[0]).toMatch(message);
      expect(set.rules.map((r) => r.id)).toEqual(['other']);
    }
  });
});
