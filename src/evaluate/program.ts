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
import type { ClaimFunction } from './functions/types.js';

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
