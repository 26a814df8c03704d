/** `tally explain` (built CLI): the computation of one rule step by step, as text and as JSON. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tally } from './run.js';

const explain = (args: string[], env: Record<string, string> = {}) => tally(['explain', ...args], { cwd: ROOT, env });

describe('tally explain', () => {
  it('walks through a failing claim of the bundled document: figures, intervals, stated set, gap, diagnosis', () => {
    const run = explain(['revenue-growth-2021']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/^revenue-growth-2021 {2}✗ fail \(severity error\)/);
    expect(out).toContain('“(tăng 34% so với năm 2020)”  data/lang-son-2021-2024.vi.txt:6:');
    // Each figure as written and as read, with its precision and where it comes from.
    expect(out).toMatch(/revenue_2021 {2}10\.795 tỷ đồng +→ \[10\.794,5; 10\.795,5\] tỷ đồng {2}\(± 0,5 tỷ đồng\)/);
    expect(out).toMatch(/revenue_2020 {2}7\.126,1 tỷ đồng +→ \[7\.126,05; 7\.126,15\] tỷ đồng {2}\(± 0,05 tỷ đồng\)/);
    expect(out).toContain('from “năm 2021 đạt 10.795 tỷ đồng”');
    // The expression, substituted as written and as read, and its value.
    expect(out).toContain('= growth(10.795 tỷ đồng, 7.126,1 tỷ đồng)   as written');
    expect(out).toContain('= growth([10.794,5; 10.795,5] tỷ đồng, [7.126,05; 7.126,15] tỷ đồng)   as read');
    expect(out).toContain('1. growth(revenue_2021, revenue_2020)  =  [51,48%; 51,49%]');
    // The stated value, its reading and the set it admits; why the verdict follows.
    expect(out).toContain('rounded half-up: “34%” is written for every true value in [33,5%; 34,5%)');
    expect(out).toMatch(/Even the lowest value\s+the figures allow, 51,48%, is above the highest value the stated number admits, 34,50%: a gap of\s+16,98 pp/);
    expect(out.replace(/\s+/g, ' ')).toContain('proof: an enclosure — every value the figures allow, over their whole box, lies outside what the text states');
    // Diagnosis: material by its size (17 points beyond rounding), the implied values, no slip.
    expect(out).toContain('material: yes');
    expect(out).toContain('– size: beyond rounding it is off by 16,98 pp, at least the 1 pp threshold');
    expect(out).toContain('holds if revenue_2021 were 9.549 tỷ đồng instead of 10.795 tỷ đồng  (needed: [9.514; 9.584] tỷ đồng)');
    expect(out).toContain('holds if revenue_2020 were 8.056,0 tỷ đồng instead of 7.126,1 tỷ đồng');
    expect(out).toContain('likely slips: none found');
    expect(out).toMatch(/Waiver\n {3}none/);
  });

  it('explains a claim that holds by the overlap, with no diagnosis', () => {
    const run = explain(['growth-average-2021-2023']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^growth-average-2021-2023 {2}✓ pass\n/);
    expect(run.stdout).toContain('1. gavg(growth_2021, growth_2022, growth_2023)  =  [6,9565%; 6,9965%]');
    const flat = run.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('At the figures’ written values the exact value is in the set, so the claim holds.');
    expect(flat).toContain('proof: a witness — the figures at their written values, evaluated exactly');
    expect(run.stdout).not.toContain('Diagnosis');
    expect(run.stdout).not.toContain('Waiver');
  });

  it('explains a truncated claim (warn) and names the slip', () => {
    const run = explain(['grdp-growth-2020-2023']);
    expect(run.code).toBe(0);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('Under a looser reading it does: it holds only if “30,3 %” is the value truncated, not rounded');
    expect(run.stdout).toContain('[truncation] rounding vs truncation');
  });

  it('gives tools JSON with the same content', () => {
    const run = explain(['revenue-growth-2021', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.tool.name).toBe('tally');
    const [e] = json.explanations;
    expect(e.id).toBe('revenue-growth-2021');
    expect(e.verdict).toBe('fail');
    expect(e.figures.map((f: { id: string; written: string; read: string }) => [f.id, f.written, f.read])).toEqual([
      ['revenue_2021', '10.795 tỷ đồng', '[10.794,5; 10.795,5] tỷ đồng'],
      ['revenue_2020', '7.126,1 tỷ đồng', '[7.126,05; 7.126,15] tỷ đồng'],
    ]);
    expect(e.steps[0].lo).toBeCloseTo(10794.5 / 7126.15 - 1, 12);
    expect(e.stated).toMatchObject({ text: '34%', reading: 'round', set: '[33,5%; 34,5%)' });
    expect(e.diagnosis.implied[0].message).toBe('holds if revenue_2021 were 9.549 tỷ đồng instead of 10.795 tỷ đồng');
    expect(e.diagnosis.materiality).toEqual({
      material: true,
      reasons: ['size: beyond rounding it is off by 16,98 pp, at least the 1 pp threshold'],
      tests: ['point-size'],
    });
    expect(e.proof).toMatchObject({ kind: 'enclosure', budget: 20000 });
  });

  it('explains an assertion and a scale slip on it', () => {
    const run = explain(['park-within-registered', 'test/fixtures/diagnose/vi']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. park_capital <= registered_capital  =  false for every value the figures allow');
    expect(run.stdout).toContain('material: yes');
    // Long sentences are wrapped for the terminal: compare with the line breaks taken out.
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('[scale] scale slip: the assertion holds if “2.500 nghìn tỷ đồng” (park_capital) were 2.500 tỷ đồng (÷10³)');
  });

  it('shows the waiver of a waived finding, and notes about it', () => {
    const folder = path.join('test/fixtures/waivers/accepted');
    const waived = explain(['staff-growth', folder], { TALLY_TODAY: '2026-01-01' });
    expect(waived.code).toBe(0);
    expect(waived.stdout).toContain('✗ fail (severity error) (waived)');
    expect(waived.stdout).toContain('accepted by ngoc.tran until 2026-06-30: the 45% counts seasonal staff');
    const expired = explain(['staff-growth', folder], { TALLY_TODAY: '2026-07-01' });
    expect(expired.stdout).not.toContain('(waived)');
    expect(expired.stdout).toContain('warning[waiver-expired] waiver for "staff-growth" expired on 2026-06-30');
  });

  it('exits 2 on an unknown rule id, with "did you mean"', () => {
    const run = explain(['revenue-growth-2012']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('tally: no rule "revenue-growth-2012" (did you mean "revenue-growth-2021"?)\n');
  });

  it('exits 2 on a missing path or a bad format', () => {
    expect(explain(['revenue-growth-2021', 'no-such-rules']).code).toBe(2);
    const bad = explain(['revenue-growth-2021', '--format', 'html']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid/);
  });

  it('is plain without a terminal or with NO_COLOR, coloured with FORCE_COLOR', () => {
    expect(explain(['revenue-growth-2021']).stdout).not.toMatch(/\u001b\[/);
    expect(explain(['revenue-growth-2021'], { NO_COLOR: '', FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
  });
});

describe('tally explain on rules that cannot be judged', () => {
  it('a rule whose quote is not in the document: the problem at file:line:col, exit 2', () => {
    const run = explain(['moved-sentence', 'test/fixtures/diagnose/broken']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^moved-sentence {2}‼ error/);
    expect(run.stdout).toContain('The rule could not be loaded');
    expect(run.stdout).toMatch(/test\/fixtures\/diagnose\/broken\/rules\.yaml:5:\d+ error\[quote-not-found\]/);
  });

  it('a rule naming an unknown figure: caught at load, at its place in the expression, one "did you mean", exit 2', () => {
    const run = explain(['misspelt-figure', 'test/fixtures/diagnose/broken']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('The rule could not be loaded: rule "misspelt-figure" uses unknown figure "staf_2023"');
    expect(run.stdout).toContain('test/fixtures/diagnose/broken/rules.yaml:9:30 error[unknown-figure]');
    expect(run.stdout.split('did you mean "staff_2023"?').length - 1).toBe(1);
  });
});

describe('tally explain shows the intervals the judge used', () => {
  it('for every rule of the bundled audit, the whole claim’s value is the range the verdict was decided on', async () => {
    const { explain: explainRule } = await import('../../src/audit.js');
    const { audit } = await import('../../src/audit.js');
    const result = audit({ paths: ['rules'], cwd: ROOT, today: '2026-01-01' });
    for (const r of result.results.filter((x) => x.kind === 'claim' && x.computed)) {
      const [e] = explainRule({ paths: ['rules'], rule: r.id, cwd: ROOT, today: '2026-01-01' });
      expect(e!.computed, r.id).toBe(r.computed!.text);
      // (an expression that is a lone figure has no step of its own)
      if (e!.steps.length) expect(e!.steps.at(-1)!.value, r.id).toBe(r.computed!.text);
    }
  });

  it('a repeated figure: the whole is the refined range, a part its enclosure, each written as a number of its own kind', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-explain-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}'); // a project root: files outside it are refused
    fs.writeFileSync(path.join(dir, 'doc.txt'), 'Staff rose from 150 to 250 people; the 100 new staff are 39.5% of the total.\n');
    fs.writeFileSync(path.join(dir, 'figures.yaml'), 'document: doc.txt\nlocale: en\nfigures:\n  before: { quote: "from 150 to", number: "150" }\n  after: { quote: "to 250 people", number: "250" }\n');
    fs.writeFileSync(
      path.join(dir, 'rules.yaml'),
      'figures: [figures.yaml]\nrules:\n  - id: new-share\n    quote: "are 39.5% of the total"\n    expr: (after - before) / after\n  - id: gap\n    quote: "the 100 new staff"\n    expr: abs(growth(after, before) - growth(before, after))\n',
    );
    const run = explain(['new-share', dir]);
    expect(run.code).toBe(0);
    // (250 − 150) / 250 within the figures' precision: [39,68 %; 40,32 %], not the naive [39,52 %; 40,48 %]
    expect(run.stdout).toContain('2. (after - before) / after  =  [39.679%; 40.319%]');
    expect(run.stdout).toContain('1. after - before  =  [99; 101]');
    const gap = explain(['gap', dir]);
    // a difference of two growth rates is a pure number, not written like the figures (people)
    expect(gap.stdout).toMatch(/growth\(after, before\) - growth\(before, after\)  =  \[[0-9.]+; [0-9.]+\]/);
    expect(gap.stdout).not.toMatch(/abs\(.*\)  =  \[0; 1\]/);
  });
});
