/**
 * Rule expressions are untrusted (DESIGN §8). Everything but arithmetic over figures and the
 * registered claim functions is refused before compilation, and the mathjs instance has the
 * functions of its security guide disabled.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { compileExpression, intervals } from '../../src/evaluate/index.js';
import { hardenedInstanceForTests } from '../../src/evaluate/instance.js';
import { iv, scopeOf } from './helpers.js';

const g = globalThis as { tallyPwned?: unknown };
afterEach(() => {
  expect(g.tallyPwned).toBeUndefined(); // no payload ever ran
});

function refusal(source: string): string {
  const r = compileExpression(source);
  expect(r.ok, `expected ${JSON.stringify(source)} to be refused`).toBe(false);
  if (r.ok) return '';
  expect(r.error.message.length).toBeGreaterThan(5);
  expect(r.error.col).toBeGreaterThanOrEqual(1);
  expect(r.error.col).toBeLessThanOrEqual(source.length + 1);
  return r.error.message;
}

describe('the whitelist refuses at compile time', () => {
  it.each([
    ['import({}, {})', /Function import is disabled/],
    ["createUnit('x')", /Function createUnit is disabled/],
    ['evaluate("1")', /Function evaluate is disabled/],
    ['parse("1")', /Function parse is disabled/],
    ['simplify(x)', /Function simplify is disabled/],
    ['derivative(x, x)', /Function derivative is disabled/],
    ['resolve(x)', /Function resolve is disabled/],
    ['compile(x)', /Function compile is disabled/],
    ['reviver(x)', /Function reviver is disabled/],
    ['f(x) = x', /function definitions/],
    ['a.b', /property access/],
    ['a[1]', /property access and indexing/],
    ['[1,2]', /arrays/],
    ['"str"', /strings are not allowed/],
    ["'str'", /strings are not allowed/],
    ['cos(1)', /unknown function "cos"/],
    ['{a: 1}', /objects/],
    ['x = 1', /assignment/],
    ['a ? b : c', /conditional/],
    ['1:3', /ranges/],
    ['a; b', /several statements/],
    ['true', /constant "true"/],
    ['null', /constant "null"/],
    ['NaN', /not allowed/],
    ['Infinity', /not allowed/],
    ['a!', /operator "!"/],
    ["a'", /operator "'"/],
    ['a & b', /operator "&"/],
    ['a xor b', /operator "xor"/],
    ['a to b', /operator "to"/],
    ['a ?? b', /operator "\?\?"/],
    ['a .* b', /operator "\.\*"/],
    ['constructor', /cannot be used as a figure id/],
    ['__proto__', /cannot be used as a figure id/],
    ['toString + 1', /cannot be used as a figure id/],
    ['end', /cannot be used as a figure id/],
    ['evaluate + 1', /Function evaluate is disabled/],
    ['growth.constructor', /property access/],
    ['growth(a, b).constructor', /property access/],
    ['a.b(1)', /only claim functions can be called/],
    ['growth(a, b)(c)', /implicit multiplication/],
  ])('%s', (source, message) => {
    expect(refusal(source)).toMatch(message);
  });

  it('refuses published mathjs exploit strings', () => {
    const payload = "globalThis.tallyPwned = true";
    const exploits = [
      // josdejong/mathjs#821 (2017)
      `["//","a/*\\nreturn process.mainModule.require"]._data.map(cos.constructor)[1]()("child_process").execSync("ps >&2")`,
      `import({matrix:cos.constructor},{override:1});x=["${payload}"];x()`,
      `a=["${payload}"]._data;a.isRange=true;x={subset:cos.constructor}[a];x()`,
      // josdejong/mathjs#822 (2017)
      `{}.constructor.assign(cos.constructor, {binding: cos.bind})\n{}.constructor.assign(cos.constructor, {bind: null})\ncos.constructor.binding()("${payload}")()`,
      // cases from mathjs's own security test suite
      `f=[].map.constructor("${payload}"); f()`,
      `f=sqrt.constructor("${payload}"); f()`,
      `[].constructor()`,
      `f=[].map["constructor"]("${payload}"); f()`,
      `expression.node.ConstantNode.prototype.clone.call({"value":"evaluate"}).evaluate()("${payload}")`,
      `x=parse("cos");x.name = "\\");},\\"evaluate\\": function(a) {return global.eval}};//a"; x.compile().evaluate()("${payload}")`,
      `O = {}.constructor\nd = O.getOwnPropertyDescriptor(O.__proto__, "constructor")\nf = evaluate("value", d)("${payload}")\nf()`,
      `growth.constructor("${payload}")()`,
      `growth["constructor"]("${payload}")()`,
      `cos.constructor("${payload}")(1)`,
    ];
    for (const source of exploits) refusal(source);
  });

  it('a scope cannot inject functions: only the named figures are bound, and only intervals', () => {
    const r = compileExpression('growth(a, b)');
    if (!r.ok) throw new Error(r.error.message);
    const poisoned = new Map<string, unknown>([
      ['a', iv('2')],
      ['b', iv('1')],
      ['growth', () => ((g.tallyPwned = true), iv('0'))],
    ]);
    const v = r.compiled.evaluate(poisoned as never);
    expect(intervals.isInterval(v) && v.lo!.toFraction()).toBe('1');
    const fn = new Map<string, unknown>([
      ['a', () => ((g.tallyPwned = true), iv('0'))],
      ['b', iv('1')],
    ]);
    expect(() => r.compiled.evaluate(fn as never)).toThrow(/figure "a" is not an interval/);
  });
});

describe('the mathjs instance is hardened per its security guide', () => {
  const math = hardenedInstanceForTests();
  it.each(['import', 'createUnit', 'reviver', 'evaluate', 'parse', 'simplify', 'derivative', 'resolve', 'compile'])(
    '%s throws "Function %s is disabled", in the namespace expressions see too',
    (name) => {
      expect(() => (math[name] as () => unknown)()).toThrow(`Function ${name} is disabled`);
      const expression = math.expression as { mathWithTransform: Record<string, unknown> };
      expect(() => (expression.mathWithTransform[name] as () => unknown)()).toThrow(`Function ${name} is disabled`);
    },
  );

  it('is built from the parser only: no Unit, no matrix machinery, no evaluate', () => {
    expect(math.Unit).toBeUndefined();
    expect(math.sqrt).toBeUndefined();
    expect(math.cos).toBeUndefined();
    expect(typeof math.OperatorNode).toBe('function');
  });

  it('mathjs only parses: no claim function or interval operation lives in the instance, the program is our own', () => {
    expect(math.growth).toBeUndefined();
    expect(math.gavg).toBeUndefined();
    const r = compileExpression('growth(a, b) > 0 and sum(a, 1) < b');
    if (!r.ok) throw new Error(r.error.message);
    const kinds = new Set(r.compiled.program.nodes.map((n) => n.kind));
    expect([...kinds].every((k) => ['const', 'figure', 'arith', 'compare', 'logic', 'call', 'guard'].includes(k))).toBe(true);
    expect(Object.isFrozen(r.compiled)).toBe(true);
    expect(scopeOf({}).size).toBe(0);
  });
});
