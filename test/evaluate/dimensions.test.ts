/**
 * Dimensions: an expression that adds USD to đồng, compares a percentage with a count, or states
 * percentage points for a relative change is a broken rule (verdict error, with the column);
 * currencies convert only through a figure whose unit is the exchange rate.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../../src/evaluate/index.js';
import { ANY, DimensionError, describeUnit, statedMismatch, unitFrom, unitsOf, type Unit } from '../../src/evaluate/dimensions.js';
import { claim, assertion, fig } from '../judge/judging.js';

const VND = unitFrom({ code: 'VND', dimension: 'money' });
const USD = unitFrom({ code: 'USD', dimension: 'money' });
const RATE = unitFrom(undefined, true);
const POINTS = unitFrom({ code: 'pp', dimension: 'pp' });
const FIRMS = unitFrom({ code: 'doanh nghiệp', dimension: 'count' });
const YEARS = unitFrom({ code: 'year', dimension: 'time' });

function unitOf(source: string, units: Record<string, Unit>): Unit {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(r.error.message);
  const p = r.compiled.program;
  return unitsOf(p, (slot) => units[p.slots[slot]!] ?? ANY)[p.root]!;
}
const error = (source: string, units: Record<string, Unit>) => {
  try {
    unitOf(source, units);
  } catch (e) {
    if (e instanceof DimensionError) return { message: e.message, col: e.col };
    throw e;
  }
  return null;
};

describe('units of expressions', () => {
  it('sums keep their unit; ratios of one unit are pure numbers; constants scale', () => {
    expect(describeUnit(unitOf('a + b - c', { a: VND, b: VND, c: VND }))).toBe('VND');
    expect(describeUnit(unitOf('10 * a / 3', { a: VND }))).toBe('VND');
    expect(describeUnit(unitOf('growth(a, b)', { a: VND, b: VND }))).toBe('a pure number');
    expect(describeUnit(unitOf('a / b', { a: VND, b: FIRMS }))).toBe('VND/doanh nghiệp');
    expect(describeUnit(unitOf('a - b', { a: RATE, b: RATE }))).toBe('percentage points');
    expect(describeUnit(unitOf('pp(a, b)', { a: RATE, b: RATE }))).toBe('percentage points');
    // a number of years times a yearly value (GRDP is written without its "per year")
    expect(describeUnit(unitOf('y * grdp', { y: YEARS, grdp: VND }))).toBe('VND');
    // a figure whose unit is unknown goes with anything, and a product with it is unknown
    expect(describeUnit(unitOf('a + b', { a: VND }))).toBe('VND');
    expect(unitOf('a * b', { a: VND })).toEqual(ANY);
  });

  it('refuses đồng plus USD, at the column of the operator', () => {
    expect(error('x + a + b', { a: VND, b: USD })).toEqual({ message: 'x + a + b: adds VND and USD', col: 7 });
    expect(error('growth(a, b)', { a: VND, b: USD })!.message).toMatch(/^growth\(a, b\): growth compares VND with USD: convert through a figure whose unit is the exchange rate/);
    expect(error('a < b', { a: RATE, b: FIRMS })!.message).toBe('a < b: compares a percentage and doanh nghiệp');
    expect(error('gavg(a, b)', { a: RATE, b: VND })!.message).toMatch(/gavg takes rates \(percentages\), got VND/);
    expect(error('a ^ b', { a: VND, b: RATE })!.message).toMatch(/raises VND to a power that is not a whole number/);
  });

  it('converts currencies through an explicit rate figure', () => {
    const rate = unitFrom({ code: 'VND/USD', dimension: 'other' });
    expect(describeUnit(unitOf('usd * rate + vnd', { usd: USD, rate, vnd: VND }))).toBe('VND');
  });

  it('the stated number must be what the expression gives', () => {
    expect(statedMismatch(RATE, unitOf('growth(a, b)', { a: VND, b: VND }))).toBeNull();
    expect(statedMismatch(RATE, unitOf('pp(a, b)', { a: RATE, b: RATE }))).toBeNull(); // "cao hơn 1,53%": points written as %
    expect(statedMismatch(POINTS, unitOf('growth(a, b)', { a: RATE, b: RATE }))).toMatch(/percentage points, but the expression gives a relative change/);
    expect(statedMismatch(VND, unitOf('a - b', { a: USD, b: USD }))).toBe('the text states VND, but the expression gives USD');
    expect(statedMismatch(FIRMS, unitOf('a - b', { a: FIRMS, b: FIRMS }))).toBeNull();
  });

  it('law (property): a sum, difference or constant multiple of figures of one unit keeps it; one figure in another currency breaks it', () => {
    const term = fc.constantFrom('a', 'b', 'c', '2 * a', '(b / 4)', '(a - c)');
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom('+', '-'), { minLength: 6, maxLength: 6 }), fc.nat(5), (terms, ops, k) => {
        const source = terms.map((t, i) => (i === 0 ? t : `${ops[i]} ${t}`)).join(' ');
        expect(describeUnit(unitOf(source, { a: VND, b: VND, c: VND }))).toBe('VND');
        const names = [...new Set(source.match(/[abc]/g))];
        if (names.length < 2) return;
        const odd = names[k % names.length]!;
        expect(error(source, { a: VND, b: VND, c: VND, [odd]: USD })?.message, source).toMatch(/adds|subtracts/);
      }),
    );
  });
});

describe('a unit error is a broken rule, with the column', () => {
  it('a claim adding USD to đồng is an error; the same in one currency is judged', () => {
    const r = claim('a + b', '300', [fig('a', '100 USD'), fig('b', '200 đồng', 'vi-VN')]);
    expect(r.verdict).toBe('error');
    expect(r.message).toBe('unit error at column 3: a + b: adds USD and VND');
    expect(claim('a + b', '300 USD', [fig('a', '$100'), fig('b', '$200')]).verdict).toBe('pass');
  });

  it('a percentage compared with a count, and points stated for a relative change', () => {
    expect(assertion('rate < firms', [fig('rate', '5%'), fig('firms', '20 firms')]).message).toMatch(/^unit error at column 6: rate < firms: compares a percentage and firm/);
    const r = claim('growth(r24, r23)', '1.5 percentage points', [fig('r24', '7.2%'), fig('r23', '5.7%')]);
    expect(r.verdict).toBe('error');
    expect(r.message).toMatch(/the text states percentage points, but the expression gives a relative change/);
    expect(claim('pp(r24, r23)', '1.5 percentage points', [fig('r24', '7.2%'), fig('r23', '5.7%')]).verdict).toBe('pass');
  });
});
