/**
 * Is an assertion true for some point of the box? Decided on the whole boolean expression, never
 * conjunct by conjunct: "x < 3.6 and x > 4.4" is false for every x, though each part alone is true
 * for some.
 *
 * Branch and bound on truth sets (values.ts): a cell on which the expression cannot be true is
 * dropped; a cell on which it is true everywhere gives its middle as the witness; other cells are
 * tried at their middle and corners, then split along their widest figure. Unknown figures follow
 * Kleene's logic: "false and unknown" is false, "true or unknown" true, and a cell whose truth
 * depends on an unknown figure is remembered — if no witness turns up, the verdict is `unknown`
 * (unverifiable) rather than `fails`.
 */
import { isTruthSet, type Program, type TruthSet, type Value } from '../../evaluate/index.js';
import type { Budget } from './budget.js';
import { admissible, corner, inward, middle, relativeWidth, rootCell, split, writtenPoint, type Cell, type Point, type Variable } from './box.js';
import { Probe } from './probe.js';

export type TruthOutcome =
  | { verdict: 'holds'; witness: Point; atWritten: boolean; everywhere: boolean }
  | { verdict: 'fails' }
  | { verdict: 'unknown' }
  | { verdict: 'undecided'; reason: string };

/** Corners tried per cell while there are at most this many figures (2^n corners). */
const MAX_CORNER_DIMS = 3;

const surelyTrue = (v: Value | null): boolean => v !== null && isTruthSet(v) && v.t && !v.f && !v.u;

export function searchTruth(program: Program, variables: readonly Variable[], budget: Budget): TruthOutcome {
  const probe = new Probe(program, budget, variables);
  const root = rootCell(variables);
  const whole = probe.enclose(root) as TruthSet;
  if (!whole.t) return whole.u ? { verdict: 'unknown' } : { verdict: 'fails' };
  const everywhere = !whole.f && !whole.u;
  const written = writtenPoint(variables);
  const tryPoint = (p: Point | null): boolean => p !== null && admissible(variables, p) && surelyTrue(probe.at(p));
  if (tryPoint(written)) return { verdict: 'holds', witness: written!, atWritten: true, everywhere };

  const queue: Cell[] = [root];
  let dependsOnUnknown = false;
  let stuck = false;
  for (let next = 0; next < queue.length; next++) {
    if (budget.exhausted) {
      return {
        verdict: 'undecided',
        reason: `the search stopped after ${budget.spent} evaluations (budget ${budget.limit}) without a point where the assertion holds or a proof that there is none`,
      };
    }
    const cell = queue[next]!;
    const set = next === 0 ? whole : (probe.enclose(cell) as TruthSet);
    if (!set.t) {
      dependsOnUnknown ||= set.u;
      continue;
    }
    const candidates: Point[] = [inward(variables, cell, middle(cell))];
    const known = cell.map((x, i) => (x ? i : -1)).filter((i) => i >= 0);
    if (known.length <= MAX_CORNER_DIMS) {
      for (let mask = 0; mask < 1 << known.length; mask++) {
        const ends = cell.map((_, i) => (known.includes(i) ? ((mask >> known.indexOf(i)) & 1 ? 1 : -1) : 0) as -1 | 0 | 1);
        candidates.push(inward(variables, cell, corner(cell, ends)));
      }
    }
    for (const p of candidates) {
      if (tryPoint(p)) return { verdict: 'holds', witness: p, atWritten: false, everywhere };
    }
    let widest = -1;
    let width = 0;
    for (const i of known) {
      const w = relativeWidth(cell, variables, i);
      if (w > width) {
        widest = i;
        width = w;
      }
    }
    if (widest < 0) {
      stuck = true; // a point where the truth cannot be told apart (a rounded root on a boundary)
      continue;
    }
    queue.push(...split(cell, widest));
    queue[next] = []; // let the cell go: the queue only grows
  }
  if (stuck) return { verdict: 'undecided', reason: 'the assertion sits on a boundary its rounding cannot resolve' };
  return dependsOnUnknown ? { verdict: 'unknown' } : { verdict: 'fails' };
}
