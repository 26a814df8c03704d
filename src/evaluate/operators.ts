/**
 * What the operators and claim functions of a rule expression do: our interval operations,
 * wrapped so that a wrong kind of operand ("a number" where a comparison is needed, or the
 * reverse) is an EvaluationError naming the operator, never a mathjs type error. The hardened
 * instance imports these under the mathjs names its compiled OperatorNodes call (`add`,
 * `smaller`, `and` …), so `node.compile()` evaluates exactly over `Interval`s and `Truth`s.
 */
import type { Interval } from '../model.js';
import type { ClaimFunction } from './functions/index.js';
import * as I from './interval.js';
import { EvaluationError, type Truth } from './interval.js';

/** What an expression yields: a number (as an interval) or a truth (of a comparison). */
export type Value = Interval | Truth;

/** What a sub-expression yields, known before it is evaluated. */
export type Kind = 'interval' | 'truth';

interface OperatorSpec {
  /** As written, for messages. */
  symbol: string;
  takes: Kind;
  gives: Kind;
  impl: (...args: unknown[]) => Value;
}

/** An operand as messages name it. */
export function describe(v: unknown): string {
  if (I.isTruth(v)) return 'a truth value (a comparison)';
  if (I.isInterval(v)) return 'a number';
  return `a value of type ${typeof v}`;
}

function needInterval(v: unknown, where: string): Interval {
  if (I.isInterval(v)) return v;
  throw new EvaluationError(`${where} needs a number, got ${describe(v)}`);
}

function needTruth(v: unknown, where: string): Truth {
  if (I.isTruth(v)) return v;
  throw new EvaluationError(`${where} needs a comparison, got ${describe(v)}`);
}

function numeric1(symbol: string, f: (a: Interval) => Value) {
  return (a: unknown) => f(needInterval(a, `"${symbol}"`));
}
function numeric2(symbol: string, f: (a: Interval, b: Interval) => Value) {
  return (a: unknown, b: unknown) => f(needInterval(a, `"${symbol}"`), needInterval(b, `"${symbol}"`));
}
function logical1(symbol: string, f: (a: Truth) => Truth) {
  return (a: unknown) => f(needTruth(a, `"${symbol}"`));
}
function logical2(symbol: string, f: (a: Truth, b: Truth) => Truth) {
  return (a: unknown, b: unknown) => f(needTruth(a, `"${symbol}"`), needTruth(b, `"${symbol}"`));
}

/** Keyed by the mathjs function name an OperatorNode calls. */
export const OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  add: { symbol: '+', takes: 'interval', gives: 'interval', impl: numeric2('+', I.add) },
  subtract: { symbol: '-', takes: 'interval', gives: 'interval', impl: numeric2('-', I.sub) },
  multiply: { symbol: '*', takes: 'interval', gives: 'interval', impl: numeric2('*', I.mul) },
  divide: { symbol: '/', takes: 'interval', gives: 'interval', impl: numeric2('/', I.div) },
  pow: { symbol: '^', takes: 'interval', gives: 'interval', impl: numeric2('^', I.pow) },
  unaryMinus: { symbol: '-', takes: 'interval', gives: 'interval', impl: numeric1('-', I.neg) },
  unaryPlus: { symbol: '+', takes: 'interval', gives: 'interval', impl: numeric1('+', (a) => a) },
  smaller: { symbol: '<', takes: 'interval', gives: 'truth', impl: numeric2('<', I.lt) },
  smallerEq: { symbol: '<=', takes: 'interval', gives: 'truth', impl: numeric2('<=', I.le) },
  larger: { symbol: '>', takes: 'interval', gives: 'truth', impl: numeric2('>', I.gt) },
  largerEq: { symbol: '>=', takes: 'interval', gives: 'truth', impl: numeric2('>=', I.ge) },
  equal: { symbol: '==', takes: 'interval', gives: 'truth', impl: numeric2('==', I.eq) },
  unequal: { symbol: '!=', takes: 'interval', gives: 'truth', impl: numeric2('!=', I.ne) },
  and: { symbol: 'and', takes: 'truth', gives: 'truth', impl: logical2('and', I.and) },
  or: { symbol: 'or', takes: 'truth', gives: 'truth', impl: logical2('or', I.or) },
  not: { symbol: 'not', takes: 'truth', gives: 'truth', impl: logical1('not', I.not) },
};
export const ALLOWED_OPERATORS = '+ - * / ^ < <= > >= == != and or not';

export function arityText(fn: ClaimFunction): string {
  const { min, max } = fn.arity;
  if (max === undefined) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  if (max === min) return `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

export function arityOk(fn: ClaimFunction, n: number): boolean {
  return n >= fn.arity.min && (fn.arity.max === undefined || n <= fn.arity.max);
}

/** A claim function as mathjs calls it: checked arguments, errors named after the function. */
export function callable(fn: ClaimFunction) {
  return (...args: unknown[]): Interval => {
    if (!arityOk(fn, args.length)) {
      throw new EvaluationError(`${fn.signature} takes ${arityText(fn)}, got ${args.length}`);
    }
    const xs = args.map((a, i) => needInterval(a, `argument ${i + 1} of ${fn.name}`));
    try {
      return fn.apply(xs);
    } catch (e) {
      if (e instanceof EvaluationError) throw new EvaluationError(`${fn.name}: ${e.message}`, { cause: e });
      throw e;
    }
  };
}
