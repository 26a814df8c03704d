/**
 * Random rule expressions for property tests, and the tests' own exact reference: point
 * arithmetic with Fraction, written independently of the engine (no intervals, no programs).
 */
import Fraction from 'fraction.js';
import fc from 'fast-check';

export type Expr =
  | { t: 'var'; i: number }
  | { t: 'const'; text: string }
  | { t: 'bin'; op: '+' | '-' | '*' | '/'; a: Expr; b: Expr }
  | { t: 'neg'; a: Expr }
  | { t: 'pow'; a: Expr; n: number }
  | { t: 'call'; fn: string; args: Expr[] };

export const VARS = 4;
const PAIR_FUNCTIONS = ['growth', 'decline', 'ratio', 'times', 'share', 'pp'];
const LIST_FUNCTIONS = ['sum', 'avg', 'min', 'max'];

const constArb = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 3 }))
  .map(([i, f, places]) => ({ t: 'const' as const, text: places === 0 ? `${i}` : `${i}.${String(f).padStart(3, '0').slice(0, places)}` }));

/** An expression over x0 … x(vars−1); with few variables, figures are named again and again. */
export const exprArbOver = (vars: number): fc.Arbitrary<Expr> => fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: vars - 1 }).map((i) => ({ t: 'var' as const, i })) },
    { weight: 1, arbitrary: constArb },
    {
      weight: 3,
      arbitrary: fc.record({ t: fc.constant('bin' as const), op: fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<'+' | '-' | '*' | '/'>, a: tie('e'), b: tie('e') }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('neg' as const), a: tie('e') }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('pow' as const), a: tie('e'), n: fc.integer({ min: -2, max: 3 }) }) },
    {
      weight: 2,
      arbitrary: fc.record({ t: fc.constant('call' as const), fn: fc.constantFrom(...PAIR_FUNCTIONS), args: fc.tuple(tie('e'), tie('e')).map((x) => [...x]) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ t: fc.constant('call' as const), fn: fc.constantFrom(...LIST_FUNCTIONS), args: fc.array(tie('e'), { minLength: 1, maxLength: 3 }) }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('call' as const), fn: fc.constant('abs'), args: tie('e').map((x) => [x]) }) },
  ),
})).e;

export const exprArb: fc.Arbitrary<Expr> = exprArbOver(VARS);

export function render(e: Expr): string {
  switch (e.t) {
    case 'var':
      return `x${e.i}`;
    case 'const':
      return e.text;
    case 'bin':
      return `(${render(e.a)} ${e.op} ${render(e.b)})`;
    case 'neg':
      return `(-${render(e.a)})`;
    case 'pow':
      return `(${render(e.a)} ^ ${e.n < 0 ? `(${e.n})` : e.n})`;
    case 'call':
      return `${e.fn}(${e.args.map(render).join(', ')})`;
  }
}

export class DivisionByZero extends Error {}

/** The test's own reference: exact point arithmetic with Fraction, written independently. */
export function reference(e: Expr, x: Fraction[]): Fraction {
  const div = (a: Fraction, b: Fraction) => {
    if (b.equals(0)) throw new DivisionByZero();
    return a.div(b);
  };
  const r = (s: Expr) => reference(s, x);
  switch (e.t) {
    case 'var':
      return x[e.i]!;
    case 'const':
      return new Fraction(e.text);
    case 'bin': {
      const a = r(e.a);
      const b = r(e.b);
      return e.op === '+' ? a.add(b) : e.op === '-' ? a.sub(b) : e.op === '*' ? a.mul(b) : div(a, b);
    }
    case 'neg':
      return r(e.a).neg();
    case 'pow': {
      const a = r(e.a);
      let p = new Fraction(1);
      for (let k = 0; k < Math.abs(e.n); k++) p = p.mul(a);
      return e.n < 0 ? div(new Fraction(1), p) : p;
    }
    case 'call': {
      const v = e.args.map(r);
      const [a, b] = v as [Fraction, Fraction];
      switch (e.fn) {
        case 'growth':
          return div(a, b).sub(1);
        case 'decline':
          return new Fraction(1).sub(div(a, b));
        case 'ratio':
        case 'times':
        case 'share':
          return div(a, b);
        case 'pp':
          return a.sub(b);
        case 'sum':
          return v.reduce((s, y) => s.add(y), new Fraction(0));
        case 'avg':
          return v.reduce((s, y) => s.add(y), new Fraction(0)).div(v.length);
        case 'min':
          return v.reduce((m, y) => (y.lt(m) ? y : m));
        case 'max':
          return v.reduce((m, y) => (y.gt(m) ? y : m));
        case 'abs':
          return a.abs();
      }
      throw new Error(`no reference for ${e.fn}`);
    }
  }
}

