/**
 * A program whose whole is a claim function call, with another function called over the same
 * arguments instead — `ratio(a, b)` for `growth(a, b)`, the slip the diagnosis tries on every
 * failing claim (judge/diagnose/slips/mistaken.ts). Without compiling the other call's source:
 * what evaluating it costs (the budget's count, costOf of the program compiling it would give),
 * and a float plan of the other function alone, to run over the float bounds of the arguments the
 * claim's own float evaluation has already computed. Interval evaluation is compositional, so
 * those bounds are bounds of the other call's enclosure.
 *
 * Compiling `f(a1, a2)` from the arguments' source text gives the arguments' nodes as the claim's
 * program has them (the same text compiles the same way, derived figures linked the same way),
 * then f's expansion and the call: the claim's program without its own call's expansion and call,
 * plus f's. A property test holds the cost to the compiled program's.
 */
import type { FloatPlan } from './float-bounds.js';
import { floatPlanOf } from './float-bounds.js';
import type { ClaimFunction } from './functions/types.js';
import { costOf, nodeCost } from './cost.js';
import { ProgramBuilder, type Program } from './program.js';

/** The cost of evaluating `program` with its top call's function replaced by `fn` (the same arguments). */
export function swappedCallCost(program: Program, fn: ClaimFunction): number | null {
  const root = program.nodes[program.root]!;
  if (root.kind !== 'call') return null;
  let cost = 0;
  for (let i = 0; i < program.root; i++) {
    const node = program.nodes[i]!;
    // The nodes the top call's expansion made belong to it; everything else is its arguments'.
    if (node.owner !== program.root) cost += nodeCost(program, node);
  }
  const alone = callAlone(fn, root.args.length);
  return alone ? cost + costOf(alone) - root.args.length : null;
}

/** `fn` called on as many figures as it has arguments, x0, x1, …: the call with nothing under it. */
const alone = new Map<ClaimFunction, Map<number, Program | null>>();

function callAlone(fn: ClaimFunction, arity: number): Program | null {
  let byArity = alone.get(fn);
  if (!byArity) alone.set(fn, (byArity = new Map()));
  let program = byArity.get(arity);
  if (program === undefined) {
    program = null;
    if (arity >= fn.arity.min && arity <= (fn.arity.max ?? Infinity)) {
      const b = new ProgramBuilder();
      const args = Array.from({ length: arity }, (_, i) => b.figure(`x${i}`));
      program = b.finish(b.call(fn, args, { text: `${fn.name}(…)`, col: 1 }), 'number');
    }
    byArity.set(arity, program);
  }
  return program;
}

/** The float plan of `fn` alone (its slots are its arguments, in order); null where floats are not trusted. */
export function callAlonePlan(fn: ClaimFunction, arity: number): FloatPlan | null {
  const program = callAlone(fn, arity);
  return program && floatPlanOf(program);
}
