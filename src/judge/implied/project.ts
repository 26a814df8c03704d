/**
 * Where can one figure be, for a claim to hold? An outer bound of the values of a free slot (an
 * unknown figure, anywhere on the line) at the points of the box where the program's value lies in
 * a target interval — by interval constraint propagation (HC4-revise): a forward pass encloses
 * every node over the box, a backward pass narrows each node's arguments from what its value may
 * be (a + b ∈ R gives a ∈ R − b; a / b ∈ R gives b ∈ a / R where R excludes 0; …), and the two
 * repeat until the slot stops moving.
 *
 * Every narrowing keeps every point that satisfies the constraint, so the result is sound (a
 * superset); it is the exact hull when the free figure is named once along invertible operations,
 * as in "đạt 131% dự toán" (ratio(revenue, plan)), and the caller refines it with witnesses
 * anyway. An operation that cannot be inverted soundly here (min of an unknown, a power with a
 * figure as exponent) narrows nothing.
 */
import { intervals as I, type Program, type ProgramNode } from '../../evaluate/index.js';
import type { Interval } from '../../model.js';

const WHOLE: Interval = { lo: null, hi: null };
const NON_NEGATIVE: Interval = { lo: I.point(0).lo, hi: null };
const ROUNDS = 8;

/** An operation that may throw (÷ an interval containing 0, an even root below 0): the whole line then. */
function attempt(f: () => Interval): Interval {
  try {
    return f();
  } catch {
    return WHOLE;
  }
}

const containsZero = (x: Interval) => (x.lo === null || !I.positive(x.lo)) && (x.hi === null || !I.negative(x.hi));

function forward(node: ProgramNode, v: readonly Interval[], box: readonly Interval[]): Interval {
  switch (node.kind) {
    case 'const':
      return I.point(node.value);
    case 'figure':
      return box[node.slot]!;
    case 'call':
    case 'derived':
      return v[node.body]!;
    case 'arith': {
      const xs = node.args.map((a) => v[a]!);
      const [a, b] = xs as [Interval, Interval];
      switch (node.op) {
        case 'add':
          return I.add(a, b);
        case 'sub':
          return I.sub(a, b);
        case 'mul':
          return I.mul(a, b);
        case 'div':
          return attempt(() => I.div(a, b));
        case 'pow':
          return attempt(() => I.pow(a, b));
        case 'neg':
          return I.neg(a);
        case 'abs':
          return I.abs(a);
        case 'min':
          return xs.reduce(I.min);
        case 'max':
          return xs.reduce(I.max);
      }
    }
    // Guards check arguments, comparisons and connectives are not numbers: they bound nothing here.
    default:
      return WHOLE;
  }
}

/** What the arguments of a node may be, given that its value is in `r` (null: the node cannot be in r). */
function backward(node: ProgramNode, r: Interval, v: readonly Interval[]): (Interval | null)[] | null {
  switch (node.kind) {
    case 'const':
      return I.contains(r, node.value) ? [] : null;
    case 'call':
    case 'derived':
      return [r];
    case 'arith':
      return arithBackward(node, r, v);
    default:
      return [];
  }
}

function arithBackward(node: Extract<ProgramNode, { kind: 'arith' }>, r: Interval, v: readonly Interval[]): (Interval | null)[] {
  const a = v[node.args[0]!]!;
  const b = node.args.length > 1 ? v[node.args[1]!]! : WHOLE;
  switch (node.op) {
    case 'add':
      return [I.sub(r, b), I.sub(r, a)];
    case 'sub':
      return [I.add(r, b), I.sub(a, r)];
    case 'mul':
      return [containsZero(b) ? WHOLE : attempt(() => I.div(r, b)), containsZero(a) ? WHOLE : attempt(() => I.div(r, a))];
    case 'div':
      // a / b ∈ r: a ∈ r · b; b ∈ a / r, where r keeps away from 0.
      return [attempt(() => I.mul(r, b)), containsZero(r) ? WHOLE : attempt(() => I.div(a, r))];
    case 'neg':
      return [I.neg(r)];
    case 'abs': {
      const rr = I.intersect(r, NON_NEGATIVE);
      return [rr ? I.hull(rr, I.neg(rr)) : null];
    }
    case 'min':
      // min(…) ≥ r.lo means every argument is.
      return node.args.map(() => ({ lo: r.lo, hi: null }));
    case 'max':
      return node.args.map(() => ({ lo: null, hi: r.hi }));
    case 'pow':
      return [powBase(a, b, r), WHOLE];
  }
}

/**
 * x^e ∈ r for a constant exponent e and x ≥ 0: x ∈ r^(1/e) (x^e is monotone there, so its
 * inverse image is the image of r under the inverse power). Otherwise nothing is narrowed.
 */
function powBase(a: Interval, e: Interval, r: Interval): Interval {
  if (!I.isPoint(e) || e.lo.n === 0n || a.lo === null || I.negative(a.lo)) return WHOLE;
  const rr = I.intersect(r, NON_NEGATIVE);
  if (!rr) return WHOLE;
  if (I.negative(e.lo) && (rr.lo === null || !I.positive(rr.lo))) return WHOLE;
  return attempt(() => I.pow(rr, I.point(e.lo.inverse())));
}

/**
 * An outer bound of `slot` over the points of the box (the slot itself free: the whole line)
 * whose value lies in `target`; null when there is none.
 */
export function project(program: Program, box: readonly (Interval | null)[], slot: number, target: Interval): Interval | null {
  const cells: Interval[] = box.map((x, i) => (i === slot || x === null ? WHOLE : x));
  const n = program.root + 1;
  for (let round = 0; round < ROUNDS; round++) {
    const v: Interval[] = new Array<Interval>(n);
    for (let i = 0; i < n; i++) v[i] = forward(program.nodes[i]!, v, cells);
    const narrowed: Interval[] = v.slice();
    const root = I.intersect(narrowed[program.root]!, target);
    if (!root) return null;
    narrowed[program.root] = root;
    for (let i = program.root; i >= 0; i--) {
      const node = program.nodes[i]!;
      const args = backward(node, narrowed[i]!, narrowed);
      if (args === null) return null;
      const inputs = node.kind === 'call' || node.kind === 'derived' ? [node.body] : node.kind === 'arith' ? node.args : [];
      for (let k = 0; k < args.length && k < inputs.length; k++) {
        const arg = args[k];
        if (arg === null || arg === undefined) return null;
        const next = I.intersect(narrowed[inputs[k]!]!, arg);
        if (!next) return null;
        narrowed[inputs[k]!] = next;
      }
      if (node.kind === 'figure') {
        const next = I.intersect(cells[node.slot]!, narrowed[i]!);
        if (!next) return null;
        cells[node.slot] = next;
      }
    }
    const before = v[program.slotNodes[slot]!]!;
    const after = cells[slot]!;
    if (same(before, after)) break;
  }
  return cells[slot]!;
}

const same = (a: Interval, b: Interval) =>
  (a.lo === null ? b.lo === null : b.lo !== null && a.lo.equals(b.lo)) && (a.hi === null ? b.hi === null : b.hi !== null && a.hi.equals(b.hi));
