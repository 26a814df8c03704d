/**
 * Scenario tests (built CLI): derived figures, implied figures and counted lists, as a user meets
 * them — the verdicts and messages on the console, the JSON and HTML reports, `tally explain`,
 * and every problem at file:line:col with exit 2.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, tally } from './run.js';

const json = (args: string[]) => {
  const run = tally([...args, '--format', 'json']);
  return { run, report: JSON.parse(run.stdout) as { results: { id: string; verdict: string; message: string; figures: Record<string, unknown>[]; implied?: Record<string, unknown>; computed?: { text: string } }[] } };
};

describe('derived figures (built CLI)', () => {
  it('a derived figure named twice gets the exact verdict: 39.4% fails, though the figure as an interval of its own would pass it', () => {
    const run = tally(['audit', 'derived']);
    expect(run.code).toBe(1);
    // share(domestic, sales) with domestic := sales − exports is 1 − exports / sales: [39.52%; 40.16%].
    expect(run.stdout).toMatch(/✗ fail\s+domestic-share/);
    expect(run.stdout).toContain('figures give [39.521%; 40.159%], stated 39.4%: off by +0.44 pp');
    // A derived figure of the rule file, naming another derived figure: the same exact range, a pass.
    expect(run.stdout).toMatch(/✓ pass\s+domestic-share-review/);
    expect(run.stdout).toContain('2 rules — 1 fail, 1 pass');
  });

  it('lists a derived figure with its definition, its range over the base figures and what it rests on', () => {
    const { report } = json(['audit', 'derived']);
    const r = report.results.find((x) => x.id === 'domestic-share')!;
    expect(r.figures).toEqual([
      { id: 'domestic', derived: 'sales - exports', restsOn: ['sales', 'exports'], interval: '[99; 101] million dollars' },
      { id: 'sales', written: '251 million dollars', interval: '[250.5; 251.5] million dollars' },
      { id: 'exports', written: '151 million dollars', interval: '[150.5; 151.5] million dollars' },
    ]);
  });

  it('explain shows the definition, the range and the figures it rests on', () => {
    const run = tally(['explain', 'domestic-share', 'derived']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('domestic  = sales - exports  → [99; 101] million dollars  (derived from sales, exports)');
    expect(run.stdout).toMatch(/from the definition at derived\/figures\.yaml:7:3/);
  });

  it('the HTML report links a derived figure to the other results that use it', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-derived-html-'));
    const run = tally(['audit', 'derived', '--format', 'html', '--out', out, '--fail-on', 'never']);
    expect(run.code).toBe(0);
    const page = fs.readFileSync(path.join(out, 'tally-report.html'), 'utf8');
    fs.rmSync(out, { recursive: true, force: true });
    expect(page).toContain('<tr class="derived"><td><code>domestic</code></td><td><code>= sales - exports</code>');
    expect(page).toMatch(/also used by <button type="button" data-open="\d+" class="v-pass">✓ domestic-share-review<\/button>/);
  });

  it('an unknown name and a cycle are problems at file:line:col; rules using the figure say where; the others are judged; exit 2', () => {
    const run = tally(['audit', 'derived-broken']);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('derived-broken/figures.yaml:7:19 error[unknown-figure] derived figure "domestic" uses unknown figure "export"\n');
    expect(run.stdout.split('did you mean "exports"?').length - 1).toBe(1);
    expect(run.stdout).toContain('derived-broken/figures.yaml:9:11 error[derived-cycle] derived figure "loop_a" is defined through itself: loop_a → loop_b → loop_a');
    expect(run.stdout).toContain('derived-broken/figures.yaml:11:11 error[derived-cycle] derived figure "loop_b" is defined through itself: loop_b → loop_a → loop_b');
    expect(run.stdout).toContain('figure "domestic" could not be read: see the problem reported at derived-broken/figures.yaml:6:3');
    expect(run.stdout).toMatch(/✓ pass\s+export-share/);
  });
});

describe('implied figures (built CLI)', () => {
  it('each "X% of plan" implies its plan; the parts’ plans fit within the total’s; agreeing sentences pass; exit 0', () => {
    const run = tally(['audit', 'implied']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/\? unverifiable revenue-vs-plan {2}/);
    expect(run.stdout).toContain(
      'implies plan ∈ [7,456.5; 7,513.8] billion: the values that make “131%” hold; it defines plan, so it cannot be checked on its own — implied-plan (agreement with revenue-vs-plan-final), plan-parts-within-total check the values it implies',
    );
    expect(run.stdout).toMatch(/✓ pass\s+plan-parts-within-total/);
    expect(run.stdout).toContain('holds for plan_domestic = 2,484.0 billion, plan_trade = 4,981 billion and plan = 7,476.5 billion');
    expect(run.stdout).toMatch(/✓ pass\s+implied-plan/);
    expect(run.stdout).toContain('“it at 131.2% of the plan” (implied/report.en.txt:2:83) implies [7,470.7; 7,476.6] billion');
    expect(run.stdout).toContain('6 rules — 4 unverifiable, 2 pass');
  });

  it('two sentences implying different plans are a finding of their own, with both quotes and their places; exit 1', () => {
    const run = tally(['audit', 'implied-disagree']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ fail\s+implied-plan {2}error {2}implied-disagree\/rules\.yaml:9:5/);
    expect(run.stdout).toContain(
      'the sentences imply different values of plan: “Revenue reached 9,805.4 billion, 131% of the plan” (implied/report.en.txt:1:1) implies [7,456.5; 7,513.8] billion; “the same revenue at 129% of the plan” (implied/report.en.txt:2:22) implies [7,571.6; 7,630.8] billion; no value of plan makes them all hold',
    );
    // A rule using the plan cannot be checked: the sentences give it no value.
    expect(run.stdout).toContain('cannot be checked: plan is implied by revenue-vs-plan, revenue-vs-plan-later, but they imply no value in common (implied-plan)');
  });

  it('the JSON report carries what each claim implies, where, and who uses it', () => {
    const { report } = json(['audit', 'implied-disagree']);
    const agreement = report.results.find((r) => r.id === 'implied-plan')!;
    expect(agreement.implied).toEqual({
      figure: 'plan',
      values: 'none',
      claims: [
        { rule: 'revenue-vs-plan', quote: 'Revenue reached 9,805.4 billion, 131% of the plan', line: 1, col: 1, start: 0, end: 49, values: '[7,456.5; 7,513.8] billion' },
        { rule: 'revenue-vs-plan-later', quote: 'the same revenue at 129% of the plan', line: 2, col: 22, start: 193, end: 229, values: '[7,571.6; 7,630.8] billion' },
      ],
      usedBy: ['plan-below-revenue'],
    });
  });

  it('explain shows an implying claim’s values and the agreement check of its figure', () => {
    const claim = tally(['explain', 'revenue-vs-plan', 'implied-disagree']);
    expect(claim.code).toBe(0);
    expect(claim.stdout).toContain('Implied: plan');
    expect(claim.stdout.replace(/\s+/g, ' ')).toContain('– revenue-vs-plan-later “the same revenue at 129% of the plan” (2:22) implies [7,571.6; 7,630.8] billion');
    expect(claim.stdout).toContain('used by plan-below-revenue');
    const agreement = tally(['explain', 'implied-plan', 'implied-disagree']);
    expect(agreement.code).toBe(0);
    expect(agreement.stdout).toMatch(/^implied-plan {2}✗ fail/);
    expect(agreement.stdout).toContain('plan has no value every sentence allows');
  });

  it('the HTML report links an implied figure to the sentences that imply it', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-implied-html-'));
    expect(tally(['audit', 'implied', '--format', 'html', '--out', out]).code).toBe(0);
    const page = fs.readFileSync(path.join(out, 'tally-report.html'), 'utf8');
    fs.rmSync(out, { recursive: true, force: true });
    expect(page).toMatch(/<tr class="implied"><td><code>plan<\/code><\/td><td>implied by <button type="button" data-open="\d+" class="v-unverifiable">\? revenue-vs-plan<\/button><button type="button" data-open="\d+" class="v-unverifiable">\? revenue-vs-plan-final<\/button><\/td><td>\[7,470\.7; 7,476\.6\] billion<\/td><\/tr>/);
    expect(page).toContain('<h4>Implies <code>plan</code></h4>');
  });

  it('implies: on a figure that is not unknown breaks that rule, at its implies, exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-implies-'));
    fs.writeFileSync(
      path.join(dir, 'rules.yaml'),
      `figures: [${path.relative(dir, path.join(FIXTURES, 'implied/figures.yaml'))}]\nrules:\n  - id: bad\n    quote: "131% of the plan"\n    expr: ratio(revenue, plan)\n    implies: revenue\n`,
    );
    const run = tally(['audit', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/rules\.yaml:6:14 error\[implied-figure\] rule "bad": it implies "revenue", but "revenue" is quoted from the document: only a figure declared `unknown: true` can be implied by a claim/);
  });
});

describe('counted lists (built CLI)', () => {
  it('"6 thị trường" against the five markets the text names: a fail, with what would make it hold', () => {
    const run = tally(['audit', 'counted']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/✗ fail\s+markets-over-10bn/);
    expect(run.stdout).toContain('figures give 5,00, stated 6: off by -1,0');
    expect(run.stdout).toContain('would hold if the list markets_over_10bn had 6 items instead of the 5 quoted');
    const { report } = json(['audit', 'counted']);
    expect(report.results[0]!.figures).toEqual([{ id: 'markets_over_10bn', items: ['Hoa Kỳ', 'Trung Quốc', 'Hàn Quốc', 'Nhật Bản', 'EU'], interval: '5' }]);
  });

  it('an item not found, ambiguous or listed twice is a problem at its place in the list; exit 2', () => {
    const run = tally(['audit', 'counted-broken']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/counted-broken\/figures\.yaml:5:23 error\[quote-ambiguous\] figure "markets_over_10bn", item 2 of the count: the quote appears 2 times/);
    expect(run.stdout).toMatch(/counted-broken\/figures\.yaml:5:37 error\[quote-not-found\] figure "markets_over_10bn", item 3 of the count: quote not found/);
    expect(run.stdout).toContain('counted-broken/figures.yaml:5:46 error[duplicate-item] figure "markets_over_10bn": item 4 is item 1 again');
    expect(run.stdout).toContain('figure "markets_over_10bn" could not be read: see the problem reported at counted-broken/figures.yaml:4:3');
  });
});
