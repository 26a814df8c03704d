/**
 * The function-swap slips (ratio vs change, percent vs points) try another function over a failing
 * claim's arguments without compiling it first (evaluate/swap-call.ts, diagnose/context.ts
 * `holdsWithSwap`). The laws, for random claims over random argument expressions and every
 * function that could be swapped in, either way round: the cost charged is what compiling the
 * swapped source gives; the float bounds from the claim's own arguments enclose the ends of the
 * swapped source's exact enclosure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floatBounds, floatPlanOf, intervalBounds } from '../../../src/evaluate/float-bounds.js';
import { claimFunctions, compileExpression, intervals as I, type CompiledExpression } from '../../../src/evaluate/index.js';
import { costOf } from '../../../src/evaluate/cost.js';
import { callAlonePlan, swappedCallCost } from '../../../src/evaluate/swap-call.js';
import { topCall } from '../../../src/judge/diagnose/context.js';
import { linkedExpression } from '../../../src/judge/linker.js';
import type { Figure, Interval } from '../../../src/model.js';
import { exprArb, render, VARS } from '../../evaluate/expressions.js';
import { exactly, intervalArb } from '../../evaluate/helpers.js';

const PAIRS = ['growth', 'decline', 'ratio', 'times', 'share', 'pp'];
const SWAPPABLE = claimFunctions.filter((f) => f.arity.min <= 2 && (f.arity.max ?? Infinity) >= 2);

function compiled(source: string): CompiledExpression | null {
  const r = compileExpression(source);
  return r.ok ? r.compiled : null;
}

/** x2 and x3 are derived figures (x3 through x2): the diagnosis judges linked programs. */
const DERIVED = new Map<string, Figure>([
  ['x2', { id: 'x2', interval: null, exact: false, declared: { file: 't', line: 1, col: 1 }, derived: { expr: 'x0 * 2 + x1' } } as Figure],
  ['x3', { id: 'x3', interval: null, exact: false, declared: { file: 't', line: 1, col: 1 }, derived: { expr: 'x2 ^ 2 - x0' } } as Figure],
]);

function linked(source: string): CompiledExpression | null {
  const r = linkedExpression(source, DERIVED);
  return r.ok ? r.compiled : null;
}

const claimArb = fc.tuple(fc.constantFrom(...PAIRS), exprArb, exprArb).map(([outer, a, b]) => `${outer}(${render(a)}, ${render(b)})`);

describe('a swapped top call (property)', () => {
  it('costs what compiling its source costs, derived figures linked or not', () => {
    let compared = 0;
    fc.assert(
      fc.property(claimArb, fc.boolean(), (source, link) => {
        const compile = link ? linked : compiled;
        const claim = compile(source);
        const call = claim && topCall(claim);
        if (!claim || !call) return;
        for (const fn of SWAPPABLE) {
          for (const args of [call.args, [...call.args].reverse()]) {
            const swapped = compile(`${fn.name}(${args.join(', ')})`);
            if (!swapped) continue;
            compared++;
            expect(swappedCallCost(claim.program, fn), `${fn.name} for ${source}`).toBe(costOf(swapped.program));
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it('has float bounds, from the claim’s arguments, around its exact enclosure', () => {
    let answered = 0;
    fc.assert(
      fc.property(claimArb, fc.array(intervalArb(1000n, 20n), { minLength: VARS, maxLength: VARS }), fc.constantFrom(...SWAPPABLE), fc.boolean(), (source, xs, fn, reversed) => {
        const claim = compiled(source);
        const call = claim && topCall(claim);
        const plan = claim && floatPlanOf(claim.program);
        const alone = callAlonePlan(fn, 2);
        if (!claim || !call || !plan || !alone) return;
        const args = reversed ? [...call.args].reverse() : call.args;
        const argNodes = reversed ? [...call.argNodes].reverse() : call.argNodes;
        const swapped = compiled(`${fn.name}(${args.join(', ')})`);
        if (!swapped) return;
        const scope = new Map<string, Interval | null>(xs.map((x, i) => [`x${i}`, x]));
        const box = new Float64Array(4 * plan.slots);
        if (!claim.program.slots.every((id, s) => intervalBounds(scope.get(id)!, box, 4 * s)) || !floatBounds(plan, box)) return;
        const argBox = new Float64Array(8);
        argNodes.forEach((node, i) => argBox.set(plan.values.subarray(4 * node, 4 * node + 4), 4 * i));
        if (!floatBounds(alone, argBox)) return;
        let exact;
        try {
          exact = swapped.evaluate(scope);
        } catch {
          throw new Error(`floats answered where ${fn.name}(${args.join(', ')}) cannot be evaluated`);
        }
        if (!I.isInterval(exact) || !I.isBounded(exact)) throw new Error('not a bounded number');
        answered++;
        const [loLo, loHi, hiLo, hiHi] = [0, 1, 2, 3].map((i) => exactly(alone.values[alone.at + i]!));
        expect(loLo!.lte(exact.lo) && exact.lo.lte(loHi!) && hiLo!.lte(exact.hi) && exact.hi.lte(hiHi!), `${fn.name}(${args.join(', ')})`).toBe(true);
      }),
      { numRuns: 600 },
    );
    expect(answered).toBeGreaterThan(100);
  });
});
