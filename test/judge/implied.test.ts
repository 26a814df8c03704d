/**
 * Implied figures: the values a claim implies for an unknown figure (proven outer bound, witnessed
 * inner bound), the verdict of the implying claim, rules judged over implied values, and the check
 * that claims implying one figure agree.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Fraction from 'fraction.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { compileExpression, intervals as I } from '../../src/evaluate/index.js';
import { Budget } from '../../src/judge/decide/index.js';
import { impliedSet } from '../../src/judge/implied/implied-set.js';
import { variableOf } from '../../src/judge/variables.js';
import type { RuleResult } from '../../src/model.js';
import { readNumber, statedSet } from '../../src/numbers/index.js';
import { fig } from './judging.js';

/** The implied values of `id` in `expr` stated as `stated`, the other figures as given. */
function implied(expr: string, stated: string, id: string, others: ReturnType<typeof fig>[], tolerance = new Fraction(1, 1000), within?: { lo: Fraction; hi: Fraction }) {
  const r = compileExpression(expr);
  if (!r.ok) throw new Error(r.error.message);
  const program = r.compiled.program;
  const variables = program.slots.map((s) => (s === id ? { id, domain: null, openLo: false, openHi: false } : variableOf(others.find((f) => f.id === s)!)));
  const set = statedSet(readNumber(stated, 'en'), 'round', new Fraction(1, 20));
  return impliedSet({ program, variables, slot: program.slots.indexOf(id), set, budget: new Budget(200_000), tolerance, ...(within ? { within } : {}) });
}

describe('the values a claim implies', () => {
  it('"131% of plan" with a revenue of 9,805.4: the plans in (9,805.35 / 1.315; 9,805.45 / 1.305]', () => {
    const v = implied('ratio(revenue, plan)', '131%', 'plan', [fig('revenue', '9,805.4')]);
    const exactLo = new Fraction('9805.35').div('1.315');
    const exactHi = new Fraction('9805.45').div('1.305');
    expect(v.outer!.lo!.lte(exactLo) && v.outer!.hi!.gte(exactHi)).toBe(true);
    expect(v.inner!.lo!.gte(exactLo) && v.inner!.hi!.lte(exactHi)).toBe(true);
    expect(exactLo.sub(v.outer!.lo!).lte('0.001') && v.outer!.hi!.sub(exactHi).lte('0.001')).toBe(true);
    expect(v.inner!.lo!.sub(exactLo).lte('0.001') && exactHi.sub(v.inner!.hi!).lte('0.001')).toBe(true);
  });

  it('is empty when no value makes the claim hold (a share above 100 %)', () => {
    const v = implied('ratio(revenue, abs(plan) + revenue)', '131%', 'plan', [fig('revenue', '9,805.4')]);
    expect(v.outer).toBeNull();
  });

  it('is unbounded on a side the claim leaves open', () => {
    const r = compileExpression('growth(x, base)');
    if (!r.ok) throw new Error();
    const program = r.compiled.program;
    const base = fig('base', '100');
    const variables = program.slots.map((s) => (s === 'x' ? { id: 'x', domain: null, openLo: false, openHi: false } : variableOf(base)));
    const set = statedSet(readNumber('5%', 'en'), 'more-than', new Fraction(1, 20));
    const v = impliedSet({ program, variables, slot: 0, set, budget: new Budget(200_000), tolerance: new Fraction(1, 1000) });
    expect(v.outer!.hi).toBeNull();
    expect(I.fractionToNumber(v.outer!.lo!)).toBeCloseTo(99.5 * 1.05, 2);
  });

  // The law: outer ⊇ exact implied values ⊇ inner, each end within the tolerance, for the claim
  // functions a sentence implies a level with (closed forms of the exact ends beside each).
  const cases: { expr: string; exact: (a: [Fraction, Fraction], s: [Fraction, Fraction]) => [Fraction, Fraction] | null }[] = [
    { expr: 'ratio(a, x)', exact: ([lo, hi], [sl, sh]) => [lo.div(sh), hi.div(sl)] },
    { expr: 'growth(a, x)', exact: ([lo, hi], [sl, sh]) => [lo.div(sh.add(1)), hi.div(sl.add(1))] },
    { expr: 'growth(x, a)', exact: ([lo, hi], [sl, sh]) => [lo.mul(sl.add(1)), hi.mul(sh.add(1))] },
    { expr: 'share(a, x)', exact: ([lo, hi], [sl, sh]) => [lo.div(sh), hi.div(sl)] },
    // x named twice: projection bounds it only by where it is looked for (0 to a hundred times a), far
    // from the ends, so the search must move both ends in.
    { expr: 'share(x, x + a)', exact: ([lo, hi], [sl, sh]) => (sh.gt(new Fraction(9, 10)) ? null : [lo.mul(sl).div(new Fraction(1).sub(sl)), hi.mul(sh).div(new Fraction(1).sub(sh))]) },
  ];
  it('outer ⊇ the exact implied values ⊇ inner, within the tolerance (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.integer({ min: 100, max: 100_000 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 5, max: 300 }),
        (c, value, digit, percent) => {
          const a = fig('a', { lo: new Fraction(value).sub(new Fraction(digit, 10)), hi: new Fraction(value).add(new Fraction(digit, 10)) });
          const s = statedSet(readNumber(`${percent}%`, 'en'), 'round', new Fraction(1, 20));
          const ends = c.exact([a.interval!.lo!, a.interval!.hi!], [s.lo!, s.hi!]);
          fc.pre(ends !== null);
          const [lo, hi] = ends!;
          const tolerance = new Fraction(1, 100);
          const v = implied(c.expr, `${percent}%`, 'x', [a], tolerance, { lo: new Fraction(0), hi: new Fraction(value * 100) });
          expect(v.outer!.lo!.lte(lo) && v.outer!.hi!.gte(hi), `${c.expr} outer`).toBe(true);
          expect(v.inner!.lo!.gte(lo) && v.inner!.hi!.lte(hi), `${c.expr} inner`).toBe(true);
          expect(v.inner!.lo!.sub(v.outer!.lo!).lte(tolerance) && v.outer!.hi!.sub(v.inner!.hi!).lte(tolerance), `${c.expr} tight`).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

// ── through the audit ─────────────────────────────────────────────────────────────────────

const DOC = [
  'Revenue reached 9,805.4 billion, 131% of the plan. Domestic revenue of 3,195.6 billion reached 128.6% of its plan; trade revenue of 6,600 billion reached 132% of its plan.',
  'A later estimate put the same revenue at 129% of the plan. Another put it at 131.2% of the plan.',
  '',
].join('\n');
const FIGURES = `document: doc.en.txt
locale: en
figures:
  revenue: { quote: "Revenue reached 9,805.4 billion" }
  revenue_domestic: { quote: "Domestic revenue of 3,195.6 billion" }
  revenue_trade: { quote: "trade revenue of 6,600 billion" }
  plan: { unknown: true }
  plan_domestic: { unknown: true }
  plan_trade: { unknown: true }
`;
const claim = (id: string, quote: string, expr: string, implies: string) => `  - id: ${id}\n    quote: "${quote}"\n    expr: ${expr}\n    implies: ${implies}\n`;
const TOTAL = claim('plan-131', '131% of the plan', 'ratio(revenue, plan)', 'plan');

function run(files: Record<string, string>): RuleResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'tally-implied-'));
  for (const [name, text] of Object.entries({ 'doc.en.txt': DOC, 'figures.yaml': FIGURES, ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return audit({ paths: [join(dir, 'rules')], cwd: dir, today: '2026-01-01' }).results;
}
const byId = (results: RuleResult[], id: string) => results.find((r) => r.id === id)!;

describe('implied figures in an audit', () => {
  it('a claim that implies a figure is unverifiable, with the values it implies and who checks them', () => {
    const results = run({ 'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${TOTAL}` });
    const r = byId(results, 'plan-131');
    expect(r.verdict).toBe('unverifiable');
    expect(r.missing).toEqual(['plan']);
    expect(r.message).toBe('implies plan ∈ [7,456.5; 7,513.8] billion: the values that make “131%” hold; it defines plan, so it cannot be checked on its own — no other rule uses plan');
    expect(r.implied).toMatchObject({ figure: 'plan', values: '[7,456.5; 7,513.8] billion', usedBy: [], claims: [{ rule: 'plan-131', line: 1, col: 34 }] });
    expect(r.figures.find((f) => f.id === 'plan')).toEqual({ id: 'plan', interval: '[7,456.5; 7,513.8] billion', impliedBy: ['plan-131'], restsOn: ['revenue'] });
  });

  it('a claim no value makes hold fails', () => {
    const results = run({ 'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${claim('impossible', '131% of the plan', 'ratio(revenue, abs(plan) + revenue)', 'plan')}` });
    const r = byId(results, 'impossible');
    expect(r.verdict).toBe('fail');
    expect(r.proof?.kind).toBe('enclosure');
    expect(r.message).toBe('no value of plan makes “131%” hold with the other figures within their precision');
  });

  it('two sentences implying plans of about 7,485 and 7,601 disagree: a finding of its own, with both quotes and places', () => {
    const results = run({
      'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${TOTAL}${claim('plan-129', '129% of the plan', 'ratio(revenue, plan)', 'plan')}`,
    });
    const r = byId(results, 'implied-plan');
    expect(r.verdict).toBe('fail');
    expect(r.proof?.kind).toBe('enclosure');
    expect(r.quote).toBe('129% of the plan');
    expect(r.message).toMatch(/^the sentences imply different values of plan: “131% of the plan” \(.*doc\.en\.txt:1:34\) implies \[7,456\.5; 7,513\.8\] billion; “129% of the plan” \(.*doc\.en\.txt:2:42\) implies \[7,571\.6; 7,630\.8\] billion; no value of plan makes them all hold$/);
    expect(r.implied?.claims.map((c) => [c.rule, c.line, c.col])).toEqual([
      ['plan-131', 1, 34],
      ['plan-129', 2, 42],
    ]);
    // Each implying claim says the agreement check is where it is checked.
    expect(byId(results, 'plan-131').message).toContain('implied-plan (agreement with plan-129)');
  });

  it('the agreement check can be waived by its id, like a rule of the folder', () => {
    const results = run({
      'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${TOTAL}${claim('plan-129', '129% of the plan', 'ratio(revenue, plan)', 'plan')}`,
      'rules/waivers.yaml': 'waivers:\n  - rule: implied-plan\n    reason: the later estimate revised the plan\n    reviewer: an.nguyen\n    expires: 2027-01-01\n',
    });
    expect(byId(results, 'implied-plan').waiver).toMatchObject({ reviewer: 'an.nguyen', reason: 'the later estimate revised the plan' });
  });

  it('sentences that agree pass with a value of the figure every one of them implies', () => {
    const results = run({
      'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${TOTAL}${claim('plan-131-2', '131.2% of the plan', 'ratio(revenue, plan)', 'plan')}`,
    });
    const r = byId(results, 'implied-plan');
    expect(r.verdict).toBe('pass');
    expect(r.proof?.kind).toBe('witness');
    const plan = new Fraction(r.witness!.plan!.replace(/,/g, '').replace(' billion', '')).mul(1e9);
    // the witness is implied by both: 9,805.35…9,805.45 billion over it reaches [130.5 %; 131.5 %) and [131.15 %; 131.25 %)
    expect(plan.gte(new Fraction('9805350000000').div('1.3125')) && plan.lte(new Fraction('9805450000000').div('1.305'))).toBe(true);
  });

  it('the parts’ implied plans are checked against the total’s: pass, and fail when they add up to more', () => {
    const parts = `${claim('plan-domestic', '128.6% of its plan', 'ratio(revenue_domestic, plan_domestic)', 'plan_domestic')}${claim('plan-trade', '132% of its plan', 'ratio(revenue_trade, plan_trade)', 'plan_trade')}`;
    const check = (op: string) => `  - id: parts\n    quote: "trade revenue of 6,600 billion"\n    assert: plan_domestic + plan_trade ${op} plan\n`;
    const ok = run({ 'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${TOTAL}${parts}${check('<=')}` });
    expect(byId(ok, 'parts').verdict).toBe('pass');
    expect(byId(ok, 'parts').figures.map((f) => [f.id, f.interval])).toEqual([
      ['plan_domestic', '[2,483.9; 2,486.0] billion'],
      ['plan_trade', '[4,980; 5,020] billion'],
      ['plan', '[7,456.5; 7,513.8] billion'],
    ]);
    expect(byId(ok, 'plan-131').implied?.usedBy).toEqual(['parts']);
    // Their plans add up to 7,464.7 … 7,506.9 billion: never 200 billion below the total's.
    const bad = run({ 'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${TOTAL}${parts}${check('<= -200000000000 +')}` });
    expect(byId(bad, 'parts').verdict).toBe('fail');
  });

  it('a claim in one rule file implies a figure a rule of another file of the same document uses', () => {
    const results = run({
      'rules/a.yaml': `figures: [../figures.yaml]\nrules:\n${TOTAL}`,
      'rules/b.yaml': `figures: [../figures.yaml]\nrules:\n  - id: plan-below-revenue\n    quote: "131% of the plan"\n    assert: plan < revenue\n`,
    });
    expect(byId(results, 'plan-below-revenue').verdict).toBe('pass');
    expect(byId(results, 'plan-131').implied?.usedBy).toEqual(['plan-below-revenue']);
  });
});
