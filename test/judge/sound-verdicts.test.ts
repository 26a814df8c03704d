/**
 * Sound verdicts (DESIGN §3.3): a claim passes only with a witness — a point of the figures' box,
 * evaluated exactly, whose value the text admits — and fails only with an enclosure of the whole
 * box that misses what the text states. Every example the sound-verdicts issue names, each with
 * the verdict plain interval arithmetic would have got wrong.
 */
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { compileExpression, intervals as I } from '../../src/evaluate/index.js';
import type { Interval } from '../../src/model.js';
import { readNumber, statedSet } from '../../src/numbers/index.js';
import { meets } from '../../src/judge/decide/index.js';
import { assertion, claim, fig } from './judging.js';

/** v ± h, given as an interval: no written form, so no trailing-zero reading either. */
const pm = (v: string, h = '0.5'): Interval => ({ lo: new Fraction(v).sub(h), hi: new Fraction(v).add(h) });
const a250 = fig('a', pm('250'));
const b150 = fig('b', pm('150'));

/** What independent interval evaluation alone would say: does the naive enclosure meet the stated set? */
function naiveMeets(expr: string, stated: string, figures: Record<string, Interval>): boolean {
  const r = compileExpression(expr);
  if (!r.ok) throw new Error(r.error.message);
  const v = r.compiled.evaluate(new Map(Object.entries(figures)));
  if (!I.isInterval(v)) throw new Error('not a number');
  return meets(v, statedSet(readNumber(stated, 'en'), 'round', new Fraction(1, 20)));
}

describe('a figure named twice: the exact range, not the overestimate', () => {
  it('(a − b) / a with a = 250, b = 150: [39,68 %; 40,32 %], so "39.5%" fails though the naive [39,52 %; 40,48 %] meets it', () => {
    expect(naiveMeets('(a - b) / a', '39.5%', { a: a250.interval!, b: b150.interval! })).toBe(true);
    const r = claim('(a - b) / a', '39.5%', [a250, b150]);
    expect(r.verdict).toBe('fail');
    expect(r.computed?.text).toBe('[39.679%; 40.319%]'); // 99 / 249,5 and 101 / 250,5
    expect(r.proof?.kind).toBe('enclosure');
    // and a value inside the exact range holds
    expect(claim('(a - b) / a', '40.3%', [a250, b150]).verdict).toBe('pass');
  });

  it('share(a, a + b): the part is inside the whole', () => {
    // exact range: 249.5 / 400 … 250.5 / 400 = [62.375 %; 62.625 %]; naive: [62.22 %; 62.78 %]
    expect(naiveMeets('share(a, a + b)', '62.2%', { a: a250.interval!, b: b150.interval! })).toBe(true);
    const r = claim('share(a, a + b)', '62.2%', [a250, b150]);
    expect(r.verdict).toBe('fail');
    expect(r.computed?.text).toBe('[62.375%; 62.625%]');
    expect(claim('share(a, a + b)', '62.4%', [a250, b150]).verdict).toBe('pass');
  });

  it('growth(a, a) is exactly 0, and a − a is exactly 0', () => {
    expect(claim('growth(a, a)', '0.3%', [a250]).verdict).toBe('fail');
    const zero = claim('growth(a, a)', '0%', [a250]);
    expect(zero.verdict).toBe('pass');
    expect(Math.abs(Number(zero.computed!.lo))).toBeLessThan(1e-4); // refined from the naive ±0,4 %
    expect(Math.abs(Number(zero.computed!.hi))).toBeLessThan(1e-4);
    expect(claim('a - a', '1', [a250]).verdict).toBe('fail');
    expect(claim('a - a', '0', [a250]).verdict).toBe('pass');
  });

  it('x / (x + y + z)', () => {
    const figures = [fig('x', pm('120')), fig('y', pm('80')), fig('z', pm('200'))];
    // exact: [119.5 / 400.5; 120.5 / 399.5] → [29.84 %; 30.16 %]; naive reaches 29.76 % and 30.24 %
    expect(naiveMeets('x / (x + y + z)', '30.20%', Object.fromEntries(figures.map((f) => [f.id, f.interval!])))).toBe(true);
    expect(claim('x / (x + y + z)', '30.20%', figures).verdict).toBe('fail');
    expect(claim('x / (x + y + z)', '30.15%', figures).verdict).toBe('pass');
  });

  it('gavg, cagr, pp and ratio with a repeated figure', () => {
    const rates = [fig('r1', '5.0%'), fig('r2', '7.0%')];
    // gavg(r1, r1) is r1 itself: [4.95 %; 5.05 %]
    expect(claim('gavg(r1, r1)', '5.0%', rates).verdict).toBe('pass');
    expect(claim('gavg(r1, r1)', '5.2%', rates).verdict).toBe('fail');
    // pp(r1 + r2, r2) is r1
    expect(claim('pp(r1 + r2, r2)', '5.06%', rates).verdict).toBe('fail');
    // ratio(a, a) is exactly 1
    expect(claim('ratio(a, a)', '100.4%', [a250]).verdict).toBe('fail');
    // cagr(a, a, 3) is exactly 0
    expect(claim('cagr(a, a, 3)', '0.1%', [a250]).verdict).toBe('fail');
  });
});

describe('assertions are judged whole, with Kleene logic for unknown figures', () => {
  const x = fig('x', '4'); // [3.5; 4.5]
  it('"x < 3.6 and x > 4.4" fails: each part holds for some x, never both at once', () => {
    const r = assertion('x < 3.6 and x > 4.4', [x]);
    expect(r.verdict).toBe('fail');
    expect(r.proof?.kind).toBe('enclosure');
    expect(assertion('x < 3.6 or x > 4.4', [x]).verdict).toBe('pass');
  });

  it('a witness for a compound assertion that holds only in a corner of the box', () => {
    const r = assertion('x > 4.4 and y < 1.6', [x, fig('y', '2')]);
    expect(r.verdict).toBe('pass');
    expect(r.witnessAtWritten).toBe(false);
    const w = r.witness!;
    expect(Number(w.x)).toBeGreaterThan(4.4);
    expect(Number(w.y)).toBeLessThan(1.6);
  });

  it('"false and unknown" is false; "true or unknown" is true; otherwise unverifiable', () => {
    const plan = fig('plan', null);
    expect(assertion('x > 5 and plan > 0', [x, plan]).verdict).toBe('fail');
    expect(assertion('x < 5 or plan > 0', [x, plan]).verdict).toBe('pass');
    const depends = assertion('x < 5 and plan > 0', [x, plan]);
    expect(depends.verdict).toBe('unverifiable');
    expect(depends.missing).toEqual(['plan']);
  });
});

describe('witnesses', () => {
  it('a claim that holds only away from the written values says where', () => {
    // 45.481 / 34.887 − 1 = 30,3666 %: "30,369 %" needs grdp_2023 higher or grdp_2020 lower within their precision
    const r = claim('growth(g23, g20)', '30.369%', [fig('g23', '45,481'), fig('g20', '34,887')]);
    expect(r.verdict).toBe('pass');
    expect(r.witnessAtWritten).toBe(false);
    expect(r.message).toMatch(/^figures give \[30\.36331%; 30\.36991%\]; the stated 30\.369% lies within: it holds for g23 = [\d,.]+ and g20 = [\d,.]+$/);
    // the witness re-evaluates exactly into the stated set
    const g23 = new Fraction(r.witness!.g23!.replace(/,/g, ''));
    const g20 = new Fraction(r.witness!.g20!.replace(/,/g, ''));
    const value = g23.div(g20).sub(1);
    expect(value.gte('0.303685') && value.lt('0.303695')).toBe(true);
    expect(g23.sub(45481).abs().lte('0.5') && g20.sub(34887).abs().lte('0.5')).toBe(true);
  });

  it('a claim that holds at the written values says nothing more', () => {
    const r = claim('growth(g23, g20)', '30.4%', [fig('g23', '45,481'), fig('g20', '34,887')]);
    expect(r.verdict).toBe('pass');
    expect(r.witnessAtWritten).toBe(true);
    expect(r.witness).toEqual({ g23: '45,481', g20: '34,887' });
    expect(r.message).toBe('figures give [30.363%; 30.370%]; the stated 30.4% lies within');
  });
});

describe('budgets, powers, precision of trailing zeros', () => {
  it('a search that runs out of its budget is a warn "could not be decided", never a pass', () => {
    // x·(1 − x) over [0; 1] has range [0; 0.25] (x named twice); with a tiny budget the search
    // cannot find the x where it is 0,24999999
    const x = fig('x', { lo: new Fraction(0), hi: new Fraction(1) });
    const r = claim('x * (1 - x)', '0.24999999', [x], 'en', { judging: { budget: 100 } });
    expect(r.verdict).toBe('warn');
    expect(r.warning?.kind).toBe('undecided');
    expect(r.proof?.kind).toBe('none');
    expect(r.message).toMatch(/^could not be decided .*budget 100/);
    // with the default budget it is decided
    expect(claim('x * (1 - x)', '0.24999999', [x]).verdict).toBe('pass');
  });

  it('a power with an interval exponent is evaluated', () => {
    const a = fig('a', pm('3100'));
    expect(claim('5 ^ (a / 3100)', '5.0', [a]).verdict).toBe('pass');
    expect(claim('5 ^ (a / 3100)', '5.1', [a]).verdict).toBe('fail');
  });

  it('"18,000" is read at its written precision; a claim that holds only if it is rounded to thousands is a warn', () => {
    const staff = fig('staff', '18,000');
    const base = fig('base', '17,100', 'en', { exact: true });
    // 18,000 / 17,100 − 1 = 5.26 %; with 18,000 ± 500, up to 8.19 %
    expect(claim('growth(staff, base)', '5.3%', [staff, base]).verdict).toBe('pass');
    const r = claim('growth(staff, base)', '7.5%', [staff, base]);
    expect(r.verdict).toBe('warn');
    expect(r.warning).toEqual({ kind: 'trailing-zeros', message: 'holds only if “18,000” is rounded to thousands (trailing zeros read as rounding, not as written digits)' });
    expect(claim('growth(staff, base)', '9%', [staff, base]).verdict).toBe('fail');
    // exact: true settles it
    const exact = fig('staff', '18,000', 'en', { exact: true });
    expect(claim('growth(staff, base)', '7.5%', [exact, base]).verdict).toBe('fail');
  });
});
