/**
 * Linking: a rule's expression is compiled on its own (compileExpression caches it by source
 * text, whatever rule set it is used in), so its program names figures without knowing what they
 * are. Some are derived figures — names for expressions over other figures (`plan_2024:
 * { expr: revenue_2024 / 131% }`). Linking replaces each of them by its own program, inlined,
 * until only base figures (stated, cited, unknown, counted) are left.
 *
 * A derived figure is never an independent interval: after linking, the box is the base
 * figures' box, and a derived figure named twice (`d * d`, or `growth(revenue, plan)` where plan
 * is `revenue / 131%`) makes the base figures under it reach the result along two paths — the
 * repeated-figure case the decision procedure searches exactly (`repeated` is recomputed here).
 *
 * Each derived figure is inlined once per linked program, behind one `derived` node that every
 * mention shares, so linking is linear in the size of the definitions however they nest.
 */
import { boxOf, compileExpression, type CompiledExpression } from './compile.js';
import { encloseAll } from './enclose.js';
import type { Interval } from '../model.js';
import { isExact, repeatedSlots, type Program, type ProgramNode } from './program.js';
import type { Value } from './values.js';

/** The program a derived figure stands for (undefined: a base figure). */
export type DefinitionOf = (name: string) => Program | undefined;

/**
 * The definitions of a rule set's figures: a derived figure's program (its `expr`, compiled and
 * cached like any expression); undefined for a base figure, or an expression that does not compile
 * (that figure was reported broken when it was loaded).
 */
export function definitionsOf(figures: ReadonlyMap<string, { derived?: { expr: string } }>): DefinitionOf {
  return (name) => {
    const expr = figures.get(name)?.derived?.expr;
    if (expr === undefined) return undefined;
    const r = compileExpression(expr);
    return r.ok ? r.compiled.program : undefined;
  };
}

/** A derived figure that is defined through itself: `cycle` is the chain, ending where it starts. */
export class CycleError extends Error {
  constructor(readonly cycle: readonly string[]) {
    super(`derived figures refer to each other in a cycle: ${cycle.join(' → ')}`);
    this.name = 'CycleError';
  }
}

/** A program with its derived figures inlined, and which derived figures it went through. */
export interface Linked {
  program: Program;
  /** Derived figures inlined, in order of first mention (nested ones after the one naming them). */
  derived: string[];
}

/**
 * Link a program: every figure node whose figure `definitionOf` defines is replaced by a
 * `derived` node over that definition's program, itself linked. Nodes of the original program
 * keep their source; inlined nodes lose it (their columns refer to the definition's text).
 * Throws CycleError.
 */
export function linkProgram(program: Program, definitionOf: DefinitionOf): Linked {
  if (!program.slots.some((s) => definitionOf(s) !== undefined)) return { program, derived: [] };
  const out: ProgramNode[] = [];
  const slots: string[] = [];
  const slotNodes: number[] = [];
  const slotOf = new Map<string, number>();
  const derivedNode = new Map<string, number>();
  const derived: string[] = [];
  const inlining: string[] = [];

  const baseFigure = (name: string): number => {
    const known = slotOf.get(name);
    if (known !== undefined) return slotNodes[known]!;
    const slot = slots.length;
    const id = out.length;
    out.push({ kind: 'figure', name, slot, id });
    slotOf.set(name, slot);
    slots.push(name);
    slotNodes.push(id);
    return id;
  };

  const figureNode = (name: string): number => {
    const definition = definitionOf(name);
    if (!definition) return baseFigure(name);
    const known = derivedNode.get(name);
    if (known !== undefined) return known;
    const at = inlining.indexOf(name);
    if (at >= 0) throw new CycleError([...inlining.slice(at), name]);
    inlining.push(name);
    derived.push(name);
    const body = copy(definition, false);
    inlining.pop();
    const id = out.length;
    out.push({ kind: 'derived', name, body, id });
    derivedNode.set(name, id);
    return id;
  };

  /** Append a program's nodes (figures resolved), returning the id of its root. */
  const copy = (p: Program, keepSources: boolean): number => {
    const map = new Array<number>(p.root + 1);
    const owned: [number, number][] = [];
    for (let i = 0; i <= p.root; i++) {
      const node = p.nodes[i]!;
      if (node.kind === 'figure') {
        map[i] = figureNode(node.name);
        continue;
      }
      const id = out.length;
      const { owner, source, ...rest } = node;
      const moved = { ...rest, id, ...(keepSources && source ? { source } : {}) } as ProgramNode;
      if ('args' in moved) moved.args = moved.args.map((a) => map[a]!) as typeof moved.args;
      if (moved.kind === 'call' || moved.kind === 'derived') moved.body = map[moved.body]!;
      out.push(moved);
      map[i] = id;
      // An owner (the call a node's expansion belongs to) comes after its body: fixed below.
      if (owner !== undefined) owned.push([id, owner]);
    }
    for (const [id, owner] of owned) out[id] = { ...out[id]!, owner: map[owner]! };
    return map[p.root]!;
  };

  const root = copy(program, true);
  return {
    program: (() => {
      const repeated = repeatedSlots(out, root, slotNodes);
      return { nodes: out, root, slots, slotNodes, repeated, exact: isExact(out, repeated), result: program.result };
    })(),
    derived,
  };
}

/** A compiled expression linked against a rule set: its program and symbols are over base figures only. */
export interface LinkedExpression extends CompiledExpression {
  /** The figure ids the expression itself names (derived ones included), in order of first use. */
  readonly named: string[];
  /** Derived figures it goes through, in order of first mention. */
  readonly derived: string[];
}

/** Link a compiled expression (see linkProgram). Throws CycleError. */
export function linkExpression(compiled: CompiledExpression, definitionOf: DefinitionOf): LinkedExpression {
  const { program, derived } = linkProgram(compiled.program, definitionOf);
  return Object.freeze({
    source: compiled.source,
    symbols: Object.freeze([...program.slots]) as string[],
    named: compiled.symbols,
    derived: Object.freeze(derived) as string[],
    functions: compiled.functions,
    result: compiled.result,
    program,
    evaluate(scope: ReadonlyMap<string, Interval | null>): Value {
      return encloseAll(program, boxOf(program, scope))[program.root]!;
    },
  });
}
