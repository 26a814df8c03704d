/**
 * The operators of the rule language, keyed by the mathjs function name an OperatorNode carries
 * (`add`, `smaller`, `and` …): what each takes and gives, and the program operation it becomes.
 */
import type { Arithmetic, Comparison, Connective } from './program.js';
import type { ClaimFunction } from './functions/index.js';

/** What a sub-expression yields, known before it is evaluated. */
export type Kind = 'interval' | 'truth';

type Operation = { arith: Arithmetic } | { compare: Comparison } | { logic: Connective } | { identity: true };

interface OperatorSpec {
  /** As written, for messages. */
  symbol: string;
  takes: Kind;
  gives: Kind;
  operation: Operation;
}

export const OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  add: { symbol: '+', takes: 'interval', gives: 'interval', operation: { arith: 'add' } },
  subtract: { symbol: '-', takes: 'interval', gives: 'interval', operation: { arith: 'sub' } },
  multiply: { symbol: '*', takes: 'interval', gives: 'interval', operation: { arith: 'mul' } },
  divide: { symbol: '/', takes: 'interval', gives: 'interval', operation: { arith: 'div' } },
  pow: { symbol: '^', takes: 'interval', gives: 'interval', operation: { arith: 'pow' } },
  unaryMinus: { symbol: '-', takes: 'interval', gives: 'interval', operation: { arith: 'neg' } },
  unaryPlus: { symbol: '+', takes: 'interval', gives: 'interval', operation: { identity: true } },
  smaller: { symbol: '<', takes: 'interval', gives: 'truth', operation: { compare: 'lt' } },
  smallerEq: { symbol: '<=', takes: 'interval', gives: 'truth', operation: { compare: 'le' } },
  larger: { symbol: '>', takes: 'interval', gives: 'truth', operation: { compare: 'gt' } },
  largerEq: { symbol: '>=', takes: 'interval', gives: 'truth', operation: { compare: 'ge' } },
  equal: { symbol: '==', takes: 'interval', gives: 'truth', operation: { compare: 'eq' } },
  unequal: { symbol: '!=', takes: 'interval', gives: 'truth', operation: { compare: 'ne' } },
  and: { symbol: 'and', takes: 'truth', gives: 'truth', operation: { logic: 'and' } },
  or: { symbol: 'or', takes: 'truth', gives: 'truth', operation: { logic: 'or' } },
  not: { symbol: 'not', takes: 'truth', gives: 'truth', operation: { logic: 'not' } },
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
