/**
 * A compiled expression as the engine evaluates it: a flat list of nodes in evaluation order
 * (every node's arguments come before it), over a few primitive operations. Claim functions are
 * expanded into primitives when the expression is compiled (growth(a, b) is a / b − 1), so every
 * way of evaluating — an interval enclosure over a box of figures, an exact value at a point, the
 * enclosure of the gradient — is written once, for the primitives.
 *
 * Each figure is one node however often the expression names it, and an expanded function shares
 * its argument nodes: the list is a DAG. `repeated` says which figures reach the result along more
 * than one path — exactly when interval evaluation may overestimate (the dependency problem), and
 * the judge has to search the box instead of trusting the enclosure.
 */
import type Fraction from 'fraction.js';
import type { Interval } from '../model.js';
import type { ClaimFunction } from './functions/types.js';
import { BIG_BITS, bitLength } from './interval.js';

export type Arithmetic = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'neg' | 'min' | 'max' | 'abs';
export type Comparison = 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';
export type Connective = 'and' | 'or' | 'not';

/** Where a node comes from: its text in the rule's expression, when it is written there. */
export interface Source {
  /** The sub-expression as written ("growth(a, b)"). */
  text: string;
  /** 1-based column of its operator, name or literal in the expression. */
  col: number;
}

interface Base {
  /** The node's index in `Program.nodes`. */
  id: number;
  /** Set for nodes written in the source; unset for nodes a function expanded into. */
  source?: Source;
  /** The innermost claim function call this node belongs to (its expansion or the call itself). */
  owner?: number;
}

export type ProgramNode =
  | (Base & { kind: 'const'; value: Fraction })
  | (Base & { kind: 'figure'; name: string; slot: number })
  | (Base & { kind: 'arith'; op: Arithmetic; args: number[] })
  | (Base & { kind: 'compare'; op: Comparison; args: [number, number] })
  | (Base & { kind: 'logic'; op: Connective; args: number[] })
  /** A check on a function's arguments before its value is used (gavg: rates above −100 %). */
  | (Base & { kind: 'guard'; fn: ClaimFunction; args: number[] })
  /** A claim function call: its value is its expansion's (`body`). */
  | (Base & { kind: 'call'; fn: ClaimFunction; args: number[]; body: number })
  /**
   * A derived figure, inlined by the linker (link.ts): its value is its definition's (`body`), a
   * sub-program over base figures. It keeps the figure's name so reports and the diagnosis can
   * still say "plan_2024" where the rule says it.
   */
  | (Base & { kind: 'derived'; name: string; body: number });

/** A node before it is given its id. */
type NewNode = ProgramNode extends infer N ? (N extends ProgramNode ? Omit<N, 'id'> : never) : never;

export interface Program {
  readonly nodes: readonly ProgramNode[];
  readonly root: number;
  /** Figure ids, by slot (order of first use). */
  readonly slots: readonly string[];
  /** The figure node of each slot. */
  readonly slotNodes: readonly number[];
  /** Per slot: the figure reaches the result along more than one path. */
  readonly repeated: readonly boolean[];
  /**
   * Interval evaluation of this program is the exact range over any box of bounded figures: no
   * figure repeated, and no operation that rounds (a root or a power with a non-integer exponent).
   */
  readonly exact: boolean;
  readonly result: 'number' | 'truth';
}

/** What a claim function's expansion builds with. */
export interface Builder {
  constant(value: Fraction): number;
  arith(op: Arithmetic, ...args: number[]): number;
  guard(fn: ClaimFunction, args: readonly number[]): number;
}

/** Builds a program node by node; nodes are appended, so arguments always precede their users. */
export class ProgramBuilder implements Builder {
  readonly nodes: ProgramNode[] = [];
  private readonly slotOf = new Map<string, number>();
  readonly slots: string[] = [];
  readonly slotNodes: number[] = [];
  /** The call being expanded, if any: nodes created now belong to it. */
  private owner: number | undefined;

  private push(node: NewNode): number {
    const id = this.nodes.length;
    const withOwner = this.owner !== undefined && node.owner === undefined ? { ...node, owner: this.owner } : node;
    this.nodes.push({ ...withOwner, id } as ProgramNode);
    return id;
  }

  constant(value: Fraction, source?: Source): number {
    return this.push({ kind: 'const', value, ...(source ? { source } : {}) });
  }

  /** The one node of a figure (a second mention reuses it: that is what makes it repeated). */
  figure(name: string): number {
    const slot = this.slotOf.get(name);
    if (slot !== undefined) return this.slotNodes[slot]!;
    const s = this.slots.length;
    this.slotOf.set(name, s);
    this.slots.push(name);
    const id = this.push({ kind: 'figure', name, slot: s });
    this.slotNodes.push(id);
    return id;
  }

  arith(op: Arithmetic, ...args: number[]): number {
    return this.push({ kind: 'arith', op, args });
  }

  arithFrom(op: Arithmetic, args: number[], source: Source): number {
    return this.push({ kind: 'arith', op, args, source });
  }

  compare(op: Comparison, a: number, b: number, source: Source): number {
    return this.push({ kind: 'compare', op, args: [a, b], source });
  }

  logic(op: Connective, args: number[], source: Source): number {
    return this.push({ kind: 'logic', op, args, source });
  }

  guard(fn: ClaimFunction, args: readonly number[]): number {
    return this.push({ kind: 'guard', fn, args: [...args] });
  }

  /** A call: the function's expansion over the argument nodes, then the call node itself. */
  call(fn: ClaimFunction, args: number[], source: Source): number {
    const outer = this.owner;
    // The call's id is known before its body exists: it is the id the call node will get after
    // the body; owner marks use a provisional id fixed up below.
    const marker = -1 - this.nodes.length;
    this.owner = marker;
    const first = this.nodes.length;
    const body = fn.expand(args, this);
    this.owner = outer;
    const id = this.push({ kind: 'call', fn, args, body, source });
    for (let i = first; i < id; i++) {
      const n = this.nodes[i]!;
      if (n.owner === marker) this.nodes[i] = { ...n, owner: id };
    }
    return id;
  }

  finish(root: number, result: 'number' | 'truth'): Program {
    const repeated = repeatedSlots(this.nodes, root, this.slotNodes);
    return { nodes: this.nodes, root, slots: this.slots, slotNodes: this.slotNodes, repeated, exact: isExact(this.nodes, repeated), result };
  }
}

/** No repeated figure and no rounding operation (see Program.exact). */
export function isExact(nodes: readonly ProgramNode[], repeated: readonly boolean[]): boolean {
  if (repeated.some(Boolean)) return false;
  return nodes.every((n) => {
    if (n.kind !== 'arith' || n.op !== 'pow') return true;
    const exponent = nodes[n.args[1]!]!;
    return exponent.kind === 'const' && exponent.value.d === 1n;
  });
}

/** The arguments of a node (a call's value is its body). */
export function inputsOf(node: ProgramNode): readonly number[] {
  switch (node.kind) {
    case 'const':
    case 'figure':
      return [];
    case 'call':
    case 'derived':
      return [node.body];
    default:
      return node.args;
  }
}

/**
 * Which figures reach the root along two or more paths: paths are counted from the root down, in
 * reverse evaluation order (capped at 2: only "more than one" matters).
 */
export function repeatedSlots(nodes: readonly ProgramNode[], root: number, slotNodes: readonly number[]): boolean[] {
  const paths = new Array<number>(nodes.length).fill(0);
  paths[root] = 1;
  for (let i = root; i >= 0; i--) {
    const p = paths[i]!;
    if (p === 0) continue;
    for (const a of inputsOf(nodes[i]!)) paths[a] = Math.min(2, paths[a]! + p);
  }
  return slotNodes.map((id) => paths[id]! > 1);
}

/**
 * The program with one more node on top, over existing nodes (the judge asks "is lhs − rhs in
 * this set?" for an assertion that is one comparison).
 */
export function extend(program: Program, op: Arithmetic, args: number[]): Program {
  const id = program.nodes.length;
  const nodes: ProgramNode[] = [...program.nodes, { kind: 'arith', op, args, id }];
  const repeated = repeatedSlots(nodes, id, program.slotNodes);
  return { ...program, nodes, root: id, repeated, exact: isExact(nodes, repeated), result: 'number' };
}

/**
 * What evaluating a program once costs, in units of one cheap operation (an addition or division
 * of rationals, a few microseconds): a budget counts these, so that a rule of costly powers runs
 * out as soon, in time, as a rule of many cheap operations. A power with an integer exponent
 * costs by its size (squarings, each rounded when huge); a root of a high degree, or a power
 * with a non-integer exponent, goes through ln and exp at 50 digits and costs hundreds.
 */
export function costOf(program: Program): number {
  let cost = costs.get(program);
  if (cost !== undefined) return cost;
  cost = 0;
  for (let i = 0; i <= program.root; i++) cost += nodeCost(program, program.nodes[i]!);
  costs.set(program, cost);
  return cost;
}

const costs = new WeakMap<Program, number>();

/** Numbers up to this many bits (numerator and denominator together) cost an operation its base cost. */
const SIZE_FREE_BITS = 512;

/**
 * costOf over these figures' intervals (one per slot; null: unknown): an operation whose exact
 * numbers outgrow SIZE_FREE_BITS costs more, by the square of their size in SIZE_FREE_BITS (a
 * product and its greatest common divisor are quadratic in the digits). A search charges this
 * for every evaluation whether floats or the exact evaluation answer it, so the charge is
 * estimated before, from the figures' own sizes: a product, a quotient or a power adds its
 * arguments' sizes up, a sum keeps the larger (decimal figures share powers of ten), and no bound
 * grows past where interval.ts rounds it. The figures of a report, a few dozen bits each, cost
 * exactly costOf; a product of seventy-five quotients of them costs many times more.
 */
export function costOver(program: Program, domains: readonly (Interval | null)[]): number {
  const base = costOf(program);
  const cap = 2 * BIG_BITS;
  const bits = new Array<number>(program.root + 1);
  let extra = 0;
  for (let i = 0; i <= program.root; i++) {
    const node = program.nodes[i]!;
    let b: number;
    switch (node.kind) {
      case 'const':
        b = fractionBits(node.value);
        break;
      case 'figure': {
        const x = domains[node.slot];
        b = x ? Math.max(x.lo ? fractionBits(x.lo) : 0, x.hi ? fractionBits(x.hi) : 0) : 0;
        break;
      }
      case 'call':
      case 'derived':
        b = bits[node.body]!;
        break;
      case 'arith':
        if (node.op === 'mul' || node.op === 'div') b = bits[node.args[0]!]! + bits[node.args[1]!]!;
        else if (node.op === 'pow') b = powerBits(program, node.args, bits[node.args[0]!]!);
        else b = Math.max(...node.args.map((a) => bits[a]!)) + (node.op === 'add' || node.op === 'sub' ? 1 : 0);
        break;
      default:
        b = Math.max(0, ...node.args.map((a) => bits[a]!));
    }
    bits[i] = Math.min(b, cap);
    extra += nodeCost(program, node) * Math.floor((bits[i]! / SIZE_FREE_BITS) ** 2);
  }
  return base + extra;
}

/** Bits of a fraction's numerator and denominator: every claim's search asks this of its figures, so small ones are counted without writing them out. */
function fractionBits(x: Fraction): number {
  return bitsOf(x.n) + bitsOf(x.d);
}

const SMALL = 1n << 32n;

function bitsOf(n: bigint): number {
  return n >= 0n && n < SMALL ? 32 - Math.clz32(Number(n)) : bitLength(n);
}

/**
 * A power's size: the base's times a written integer exponent (either sign); any other power is
 * taken through ln and exp at 50 significant digits, whose bounds are about 170 bits over 170.
 */
function powerBits(program: Program, args: readonly number[], base: number): number {
  let exponent = program.nodes[args[1]!]!;
  if (exponent.kind === 'arith' && exponent.op === 'neg') exponent = program.nodes[exponent.args[0]!]!;
  if (exponent.kind !== 'const' || exponent.value.d !== 1n) return TRANSCENDENTAL_BITS;
  return base * Number(exponent.value.n > 1000n ? 1000n : exponent.value.n);
}

const TRANSCENDENTAL_BITS = 340;

/** What one node costs (see costOf). */
export function nodeCost(program: Program, node: ProgramNode): number {
  if (node.kind !== 'arith' || node.op !== 'pow') return 1;
  const exponent = program.nodes[node.args[1]!]!;
  if (exponent.kind !== 'const') return 400;
  const e = exponent.value;
  if (e.d === 1n) return e.n <= 16n ? 2 : 300;
  return e.d <= 32n ? 20 + (e.n <= 16n ? 0 : 300) : 400;
}
