/**
 * Interval forward-mode differentiation of a numeric program over a box: for each node, an
 * enclosure of its value and of its partial derivative in every figure, over the whole box.
 *
 * The judge uses it to see where the expression is monotone: a partial derivative whose enclosure
 * does not straddle 0 means the value moves one way with that figure across the box, so the
 * extremes sit at known corners and can be computed exactly (the dependency problem disappears
 * on that box). min, max and abs are not differentiable where their arguments meet or cross 0;
 * there the enclosure is the hull of the one-sided derivatives (Clarke's generalised gradient),
 * which keeps the monotonicity argument sound. A derivative that cannot be enclosed (a root's at
 * 0) is the whole line: "not known to be monotone", never a wrong sign.
 */

import type { Interval } from '../model.js';
import * as I from './interval.js';
import { lnBounds } from './transcendental.js';
import type { Program, ProgramNode } from './program.js';

export interface Dual {
  v: Interval;
  /** ∂v/∂figure, per slot. */
  g: Interval[];
}

const ZERO = I.point(0);
const ONE = I.point(1);
const WHOLE_LINE: Interval = { lo: null, hi: null };

/** A derivative computation that may fail (÷ 0): the whole line, then. */
function safe(f: () => Interval): Interval {
  try {
    return f();
  } catch {
    return WHOLE_LINE;
  }
}

function lnInterval(x: Interval): Interval {
  if (x.lo === null || x.hi === null || !I.positive(x.lo)) return WHOLE_LINE;
  return { lo: lnBounds(x.lo).lo, hi: lnBounds(x.hi).hi };
}

function pow(a: Dual, b: Dual): Dual {
  const v = I.pow(a.v, b.v);
  const exponentIsConstant = b.g.every((g) => I.isPoint(g) && g.lo.n === 0n);
  // d(x^y) = y·x^(y−1)·dx + x^y·ln(x)·dy
  const dx = safe(() => I.mul(b.v, I.pow(a.v, I.sub(b.v, ONE))));
  const dy = exponentIsConstant ? ZERO : safe(() => I.mul(v, lnInterval(a.v)));
  return {
    v,
    g: a.g.map((ga, i) => safe(() => I.add(I.mul(dx, ga), exponentIsConstant ? ZERO : I.mul(dy, b.g[i]!)))),
  };
}

/** min or max of two duals: the one that is surely smaller (larger), else the hull of both gradients. */
function extreme(a: Dual, b: Dual, op: 'min' | 'max'): Dual {
  const aBelow = a.v.hi !== null && b.v.lo !== null && a.v.hi.lt(b.v.lo);
  const bBelow = b.v.hi !== null && a.v.lo !== null && b.v.hi.lt(a.v.lo);
  if (op === 'min' ? aBelow : bBelow) return a;
  if (op === 'min' ? bBelow : aBelow) return b;
  return { v: op === 'min' ? I.min(a.v, b.v) : I.max(a.v, b.v), g: a.g.map((ga, i) => I.hull(ga, b.g[i]!)) };
}

function absDual(a: Dual): Dual {
  if (a.v.lo !== null && !I.negative(a.v.lo)) return a;
  if (a.v.hi !== null && !I.positive(a.v.hi)) return { v: I.neg(a.v), g: a.g.map(I.neg) };
  return { v: I.abs(a.v), g: a.g.map((g) => I.hull(g, I.neg(g))) };
}

function arith(node: Extract<ProgramNode, { kind: 'arith' }>, d: readonly Dual[]): Dual {
  const [a, b] = node.args.map((i) => d[i]!) as [Dual, Dual];
  switch (node.op) {
    case 'add':
      return { v: I.add(a.v, b.v), g: a.g.map((g, i) => I.add(g, b.g[i]!)) };
    case 'sub':
      return { v: I.sub(a.v, b.v), g: a.g.map((g, i) => I.sub(g, b.g[i]!)) };
    case 'neg':
      return { v: I.neg(a.v), g: a.g.map(I.neg) };
    case 'mul':
      return { v: I.mul(a.v, b.v), g: a.g.map((g, i) => safe(() => I.add(I.mul(g, b.v), I.mul(a.v, b.g[i]!)))) };
    case 'div': {
      const v = I.div(a.v, b.v);
      // d(a/b) = (da − (a/b)·db) / b
      return { v, g: a.g.map((g, i) => safe(() => I.div(I.sub(g, I.mul(v, b.g[i]!)), b.v))) };
    }
    case 'pow':
      return pow(a, b);
    case 'abs':
      return absDual(a);
    case 'min':
    case 'max':
      return node.args.map((i) => d[i]!).reduce((x, y) => extreme(x, y, node.op as 'min' | 'max'));
  }
}

/**
 * The value and gradient of a numeric program over a box whose figures are all known. Throws
 * EvaluationError where interval evaluation would.
 */
export function gradient(program: Program, box: readonly Interval[]): Dual {
  const dims = program.slots.length;
  const zeros = new Array<Interval>(dims).fill(ZERO);
  const d: Dual[] = new Array<Dual>(program.nodes.length);
  for (let i = 0; i <= program.root; i++) {
    const node = program.nodes[i]!;
    switch (node.kind) {
      case 'const':
        d[i] = { v: I.point(node.value), g: zeros };
        break;
      case 'figure': {
        const g = zeros.slice();
        g[node.slot] = ONE;
        d[i] = { v: box[node.slot]!, g };
        break;
      }
      case 'arith':
        d[i] = arith(node, d);
        break;
      case 'call':
      case 'derived':
        d[i] = d[node.body]!;
        break;
      case 'guard':
        d[i] = { v: ZERO, g: zeros };
        break;
      default:
        // A comparison or a connective: no numeric node uses one (a program extended with
        // lhs − rhs keeps its comparison below the new root), so there is nothing to differentiate.
        if (i === program.root) throw new TypeError(`gradient of a ${node.kind} node: only numeric programs have one`);
    }
  }
  return d[program.root]!;
}

/** The sign a partial derivative enclosure proves: 1 (non-decreasing), −1 (non-increasing), 0 (constant), null (unknown). */
export function monotoneSign(g: Interval): 1 | -1 | 0 | null {
  const lo = g.lo;
  const hi = g.hi;
  if (lo !== null && hi !== null && lo.n === 0n && hi.n === 0n) return 0;
  if (lo !== null && !I.negative(lo)) return 1;
  if (hi !== null && !I.positive(hi)) return -1;
  return null;
}

