/**
 * Interval evaluation of a program over a box: each figure anywhere in its interval (or unknown),
 * every node's value a sound enclosure of what it takes over the box. At a point box (every
 * figure a point) it is the exact value, except where a root or a transcendental power rounds
 * (then a tight enclosure of it). The walk is iterative, in the program's order: no recursion, so
 * deep expressions cannot exhaust the stack.
 */
import type { Interval } from '../model.js';
import { EvaluationError } from './errors.js';
import * as I from './interval.js';
import type { Program, ProgramNode } from './program.js';
import { UNKNOWN, and, equal, isNumber, less, not, ONLY_UNKNOWN, or, type TruthSet, type Value } from './values.js';

/** A box: per slot, the figure's interval, or null for an unknown figure. */
export type Box = readonly (Interval | null)[];

function arith(node: Extract<ProgramNode, { kind: 'arith' }>, v: readonly Value[]): Value {
  const xs = node.args.map((a) => v[a]!);
  if (!xs.every(isNumber)) return UNKNOWN;
  const [a, b] = xs as [Interval, Interval];
  switch (node.op) {
    case 'add':
      return I.add(a, b);
    case 'sub':
      return I.sub(a, b);
    case 'mul':
      return I.mul(a, b);
    case 'div':
      return I.div(a, b);
    case 'pow':
      return I.pow(a, b);
    case 'neg':
      return I.neg(a);
    case 'abs':
      return I.abs(a);
    case 'min':
      return (xs as Interval[]).reduce(I.min);
    case 'max':
      return (xs as Interval[]).reduce(I.max);
  }
}

function compare(node: Extract<ProgramNode, { kind: 'compare' }>, v: readonly Value[]): TruthSet {
  const a = v[node.args[0]]!;
  const b = v[node.args[1]]!;
  if (!isNumber(a) || !isNumber(b)) return ONLY_UNKNOWN;
  switch (node.op) {
    case 'lt':
      return less(a, b, true);
    case 'le':
      return less(a, b, false);
    case 'gt':
      return less(b, a, true);
    case 'ge':
      return less(b, a, false);
    case 'eq':
      return equal(a, b);
    case 'ne':
      return not(equal(a, b));
  }
}

function logic(node: Extract<ProgramNode, { kind: 'logic' }>, v: readonly Value[]): TruthSet {
  const xs = node.args.map((a) => v[a] as TruthSet);
  if (node.op === 'not') return not(xs[0]!);
  return xs.reduce(node.op === 'and' ? and : or);
}

function step(node: ProgramNode, v: readonly Value[], box: Box): Value {
  switch (node.kind) {
    case 'const':
      return I.point(node.value);
    case 'figure':
      return box[node.slot] ?? UNKNOWN;
    case 'arith':
      return arith(node, v);
    case 'compare':
      return compare(node, v);
    case 'logic':
      return logic(node, v);
    case 'guard': {
      const xs = node.args.map((a) => v[a]!);
      if (xs.every(isNumber)) node.fn.check?.(xs as Interval[]);
      return UNKNOWN;
    }
    case 'call':
    case 'derived':
      return v[node.body]!;
  }
}

/** An evaluation error named after the claim function it happened in ("gavg: …"). */
export function inFunction(program: Program, node: ProgramNode, error: unknown): EvaluationError {
  const message = error instanceof Error ? error.message : String(error);
  const owner = node.kind === 'call' || node.kind === 'guard' ? node : node.owner !== undefined ? program.nodes[node.owner] : undefined;
  const name = owner && (owner.kind === 'call' || owner.kind === 'guard') ? owner.fn.name : undefined;
  if (error instanceof EvaluationError && !name) return error;
  return new EvaluationError(name ? `${name}: ${message}` : `evaluation failed: ${message}`, { cause: error });
}

/** Every node's value over the box, in program order. Throws EvaluationError. */
export function encloseAll(program: Program, box: Box): Value[] {
  const v: Value[] = new Array<Value>(program.nodes.length);
  for (let i = 0; i <= program.root; i++) {
    const node = program.nodes[i]!;
    try {
      v[i] = step(node, v, box);
    } catch (error) {
      if (error instanceof RangeError && /call stack|too deep/i.test(error.message)) {
        throw new EvaluationError('the expression is too deeply nested to evaluate', { cause: error });
      }
      throw inFunction(program, node, error);
    }
  }
  return v;
}

/** The value of the whole program over the box. */
export function enclose(program: Program, box: Box): Value {
  return encloseAll(program, box)[program.root]!;
}
