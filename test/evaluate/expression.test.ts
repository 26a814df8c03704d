import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import {
  EvaluationError,
  compileExpression,
  didYouMean,
  intervals,
  isTruthSet,
  parseDecimalLiteral,
  traceExpression,
  type CompiledExpression,
  type Value,
} from '../../src/evaluate/index.js';
import { around, iv, scopeOf } from './helpers.js';

function compiled(source: string): CompiledExpression {
  const r = compileExpression(source);
  if (!r.ok) throw new Error(`${source}: ${r.error.message} (col ${r.error.col})`);
  return r.compiled;
}

function refused(source: string) {
  const r = compileExpression(source);
  if (r.ok) throw new Error(`${source} compiled, expected a refusal`);
  return r.error;
}

const end = (f: Fraction | null, inf: string) => (f === null ? inf : f.toFraction());
const text = (v: Value) =>
  intervals.isInterval(v) ? `[${end(v.lo, '-inf')}, ${end(v.hi, 'inf')}]` : isTruthSet(v) ? `${v.t ? 'T' : ''}${v.f ? 'F' : ''}${v.u ? 'U' : ''}` : 'unknown';

describe('compileExpression', () => {
  it('lists the figures and functions used, and whether it yields a number or a truth', () => {
    const c = compiled('pp(avg(g2021, g2022, g2023), national_2023) + g2021');
    expect(c.symbols).toEqual(['g2021', 'g2022', 'g2023', 'national_2023']);
    expect(c.functions).toEqual(['pp', 'avg']);
    expect(c.result).toBe('interval');
    const a = compiled('fdi_china <= fdi_total and projects_china <= projects_total');
    expect(a.symbols).toEqual(['fdi_china', 'fdi_total', 'projects_china', 'projects_total']);
    expect(a.functions).toEqual([]);
    expect(a.result).toBe('truth');
  });

  it('compiles once: the same source gives the same compiled object', () => {
    const first = compileExpression('growth(a, b)');
    expect(compileExpression('growth(a, b)')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('reads number literals exactly from their text, never through a float', () => {
    expect(text(compiled('0.1 + 0.2').evaluate(new Map()))).toBe('[3/10, 3/10]');
    expect(text(compiled('0.1 + 0.2 == 0.3').evaluate(new Map()))).toBe('T');
    expect(text(compiled('1.5e-3 * x').evaluate(scopeOf({ x: iv('2') })))).toBe('[3/1000, 3/1000]');
    expect(text(compiled('12345678901234567890.123456789').evaluate(new Map()))).toBe(
      `[${new Fraction(12345678901234567890123456789n, 10n ** 9n).toFraction()}, ${new Fraction(12345678901234567890123456789n, 10n ** 9n).toFraction()}]`,
    );
    expect(text(compiled('30%').evaluate(new Map()))).toBe('[3/10, 3/10]');
    expect(text(compiled('x ^ 0.5').evaluate(scopeOf({ x: iv('2.25') })))).toBe('[3/2, 3/2]');
  });

  it('evaluates assertions to the set of truths they can take over the box (Kleene, with unknown figures)', () => {
    const c = compiled('fdi_china <= fdi_total and projects_china <= projects_total');
    const certain = c.evaluate(scopeOf({ fdi_china: iv('10', '11'), fdi_total: iv('20'), projects_china: iv('3'), projects_total: iv('7') }));
    expect(text(certain)).toBe('T');
    const maybe = c.evaluate(scopeOf({ fdi_china: iv('19.5', '20.5'), fdi_total: around('20', '0.5'), projects_china: iv('3'), projects_total: iv('7') }));
    expect(text(maybe)).toBe('TF');
    const no = c.evaluate(scopeOf({ fdi_china: iv('10'), fdi_total: iv('20'), projects_china: iv('8'), projects_total: iv('7') }));
    expect(text(no)).toBe('F');
    expect(text(compiled('not (a > b) or a == b').evaluate(scopeOf({ a: iv('1'), b: iv('2') })))).toBe('T');
    // an unknown figure: "false and unknown" is false, "true or unknown" true, anything else unknown
    const withPlan = (expr: string) => text(compiled(expr).evaluate(scopeOf({ a: iv('1'), b: iv('2'), plan: null })));
    expect(withPlan('a > b and plan > 0')).toBe('F');
    expect(withPlan('a < b or plan > 0')).toBe('T');
    expect(withPlan('a < b and plan > 0')).toBe('U');
    expect(withPlan('not (plan > a)')).toBe('U');
    expect(text(compiled('growth(plan, a)').evaluate(scopeOf({ a: iv('1'), plan: null })))).toBe('unknown');
  });

  it('evaluation errors are EvaluationErrors with a clear message', () => {
    const c = compiled('growth(a, b)');
    expect(() => c.evaluate(scopeOf({ a: iv('1') }))).toThrow(new EvaluationError('unknown figure "b"'));
    expect(() => c.evaluate(new Map([['a', iv('1')], ['b', 7 as never]]))).toThrow(/figure "b" is not an interval/);
    expect(() => c.evaluate(scopeOf({ a: iv('1'), b: { lo: new Fraction(2), hi: new Fraction(1) } }))).toThrow(/empty interval/);
    expect(() => c.evaluate(scopeOf({ a: iv('1'), b: iv('-1', '1') }))).toThrow(EvaluationError);
    expect(() => compiled('a / (b - b)').evaluate(scopeOf({ a: iv('1'), b: iv('2') }))).toThrow('division by an interval containing 0');
    expect(() => compiled('a ^ b').evaluate(scopeOf({ a: iv('-2'), b: iv('1', '2') }))).toThrow(/base above 0/);
    expect(text(compiled('5 ^ (a / 3100)').evaluate(scopeOf({ a: iv('3099.5', '3100.5') })))).toMatch(/^\[/); // an interval exponent is evaluated
  });

  it('wrong arity and a comparison where a number is needed are refused at compile time, with the column', () => {
    expect(refused('growth(a)')).toMatchObject({ message: 'growth(current, base) takes 2 arguments, got 1', col: 1 });
    expect(refused('x + cagr(a, b)')).toMatchObject({ message: 'cagr(end, start, years) takes 3 arguments, got 2', col: 5 });
    expect(refused('sum()').message).toMatch(/at least 1 argument/);
    expect(refused('growth(a < b, c)')).toMatchObject({ col: 8 });
    expect(refused('growth(a < b, c)').message).toMatch(/argument 1 of growth\(current, base\) is a comparison/);
    expect(refused('a + (b < c)')).toMatchObject({ col: 3 });
    expect(refused('a and b').message).toMatch(/"and" needs a comparison on each side, got a number/);
  });

  it('resource limits: deep nesting is refused, exponents and magnitudes are bounded', () => {
    expect(refused('('.repeat(5000) + 'a' + ')'.repeat(5000)).message).toMatch(/too deeply nested|too long/);
    expect(refused('a'.repeat(10_001)).message).toMatch(/too long/);
    // beyond about 10^2466 a value is refused; anything smaller is computed (rounded outward when oversized)
    expect(() => compiled('1e400 ^ 1000').evaluate(new Map())).toThrow(/too large/);
    const big = compiled('1e400 ^ 6').evaluate(new Map());
    expect(intervals.isInterval(big) && big.lo!.lte(new Fraction(10n ** 2400n, 1n)) && big.hi!.gte(new Fraction(10n ** 2400n, 1n))).toBe(true);
    expect(() => compiled('2 ^ 1001').evaluate(new Map())).toThrow(/exponent is too large/);
    expect(() => compiled('2 ^ 10 ^ 10').evaluate(new Map())).toThrow(EvaluationError);
  });

  it('parse errors keep mathjs’s column', () => {
    expect(refused('a + * b')).toMatchObject({ message: 'Value expected', col: 5 });
    expect(refused('growth(a, b').message).toMatch(/Parenthesis \) expected/);
    expect(refused('').message).toBe('empty expression');
  });

  it('refused constructs point at their column', () => {
    expect(refused('a + b.c').col).toBe(5);
    expect(refused('x = 1').col).toBe(1);
    expect(refused('1 + f(x) = x').message).toMatch(/./);
    expect(refused('a < b < c').col).toBe(7);
    expect(refused('2 a')).toMatchObject({ col: 3 });
    expect(refused('2 a').message).toMatch(/implicit multiplication/);
    expect(refused('a % b')).toMatchObject({ col: 3 });
    expect(refused('a mod b').col).toBe(3);
    expect(refused('a; b').col).toBe(4);
    expect(refused('a + "s"')).toMatchObject({ message: 'strings are not allowed', col: 5 });
    expect(refused('1 + 0x1F')).toMatchObject({ col: 5 });
    expect(refused('growth + 1').message).toBe('"growth" is a function: call it, as in growth(current, base)');
  });

  it('an unknown function suggests the registered one, at the right column', () => {
    const e = refused('grwoth(a, b)');
    expect(e.col).toBe(1);
    expect(e.suggestions).toEqual(['growth']);
    // The suggestion travels apart from the message, so it is printed once.
    expect(e.message).toMatch(/^unknown function "grwoth" \(functions: /);
    expect(e.message).not.toContain("did you mean");
    expect(refused('pp(a, b) - grwoth(a, b)')).toMatchObject({ col: 12, suggestions: ['growth'] });
    expect(refused('x +\n  Cagr(a, b, 3)')).toMatchObject({ col: 7, suggestions: ['cagr'] });
  });
});

describe('traceExpression', () => {
  it('gives every operator and call, innermost first, ending with the whole expression', () => {
    expect(refused('30.3% + 0').message).toMatch(/read as modulo/);
    const c = compiled('growth(a, b) - ((30.3%) + 0)');
    const steps = traceExpression(c, scopeOf({ a: iv('130'), b: iv('100') }));
    expect(steps.map((s) => s.text)).toEqual(['growth(a, b)', '30.3%', '(30.3%) + 0', 'growth(a, b) - ((30.3%) + 0)']);
    expect(steps.map((s) => text(s.value))).toEqual(['[3/10, 3/10]', '[303/1000, 303/1000]', '[303/1000, 303/1000]', '[-3/1000, -3/1000]']);
    // a percentage literal is 30.3 / 100; the parentheses around it are not a step of their own
    const last = steps[steps.length - 1]!.value;
    expect(last).toEqual(c.evaluate(scopeOf({ a: iv('130'), b: iv('100') })));
  });

  it('traces assertions', () => {
    const steps = traceExpression(compiled('a <= b and b < 2'), scopeOf({ a: iv('1'), b: iv('1.5') }));
    expect(steps.map((s) => `${s.text} = ${text(s.value)}`)).toEqual(['a <= b = T', 'b < 2 = T', 'a <= b and b < 2 = T']);
  });
});

describe('helpers', () => {
  it('parseDecimalLiteral is exact', () => {
    const f = (s: string) => {
      const v = parseDecimalLiteral(s);
      return typeof v === 'string' ? v : v.toFraction();
    };
    expect(f('0.303')).toBe('303/1000');
    expect(f('45481')).toBe('45481');
    expect(f('.5')).toBe('1/2');
    expect(f('1.5e-3')).toBe('3/2000');
    expect(f('2E+3')).toBe('2000');
    expect(f('0x10')).toMatch(/not a decimal number/);
    expect(f('1e999')).toMatch(/out of range/);
  });

  it('didYouMean ranks close names, case-insensitively, and stays quiet for far ones', () => {
    expect(didYouMean('grwoth', ['growth', 'ratio', 'gavg'])).toEqual(['growth']);
    expect(didYouMean('Avg', ['avg', 'gavg', 'max'])).toEqual(['avg', 'gavg']);
    expect(didYouMean('cos', ['growth', 'ratio', 'share'])).toEqual([]);
    expect(didYouMean('grdp_2032', ['grdp_2023', 'grdp_2020', 'fdi_total'])).toEqual(['grdp_2023', 'grdp_2020']);
  });
});
