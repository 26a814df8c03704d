/**
 * Deciding a rule over the box of its figures (DESIGN §3.3): a claim is consistent when some
 * point of the box — each figure anywhere in its interval — gives a value in the stated set.
 * `holds` comes with a witness (a point, evaluated exactly), `fails` with an enclosure of the
 * whole box that misses the set, and a search that runs out of budget first says so (`undecided`),
 * never `holds`.
 */
import Fraction from 'fraction.js';
import { isTruthSet, type Program, type TruthSet } from '../../evaluate/index.js';
import { extend } from '../../evaluate/program.js';
import type { StatedSet } from '../../model.js';
import { Budget } from './budget.js';
import { type Point, type Variable } from './box.js';
import { searchNumeric, type NumericOutcome } from './numeric.js';
import { Probe } from './probe.js';
import { within } from './sets.js';
import { searchTruth, type TruthOutcome } from './truth.js';
import { tidyWitness } from './witness.js';

export { Budget, DEFAULT_BUDGET } from './budget.js';
export type { Point, Variable } from './box.js';
export type { Found, NumericOutcome } from './numeric.js';
export type { TruthOutcome } from './truth.js';
export { meets, within, whollyAbove, whollyBelow } from './sets.js';

export interface ClaimQuestion {
  program: Program;
  variables: readonly Variable[];
  set: StatedSet;
  budget: Budget;
  /** Refine the range shown to within this (null: stop once decided). */
  tolerance: Fraction | null;
}

/** Does some point of the box give a value in the stated set? */
export function decideClaim(q: ClaimQuestion): NumericOutcome {
  const outcome = searchNumeric(q);
  if (outcome.verdict !== 'holds' || outcome.atWritten) return outcome;
  const probe = new Probe(q.program, q.budget, q.variables);
  const holds = (p: Point) => {
    const v = probe.at(p);
    return v !== null && 'lo' in v && within(v, q.set);
  };
  const point = tidyWitness(outcome.witness.point, q.variables, holds);
  if (point === outcome.witness.point) return outcome;
  const value = probe.at(point);
  return value && 'lo' in value ? { ...outcome, witness: { point, value } } : outcome;
}

const ZERO = new Fraction(0);
const FLIP: Record<string, string> = { lt: 'ge', le: 'gt', gt: 'le', ge: 'lt', eq: 'ne', ne: 'eq' };

/** lhs − rhs must lie in this set for the comparison to be true. */
function comparisonSet(op: string): StatedSet | null {
  switch (op) {
    case 'lt':
      return { lo: null, hi: ZERO, loOpen: true, hiOpen: true };
    case 'le':
      return { lo: null, hi: ZERO, loOpen: true, hiOpen: false };
    case 'gt':
      return { lo: ZERO, hi: null, loOpen: true, hiOpen: true };
    case 'ge':
      return { lo: ZERO, hi: null, loOpen: false, hiOpen: true };
    case 'eq':
      return { lo: ZERO, hi: ZERO, loOpen: false, hiOpen: false };
    default:
      return null; // "≠" is two half-lines: the truth search handles it
  }
}

/** An assertion that is one comparison (under any number of `not`s), over known figures: lhs − rhs ∈ set. */
function asDifference(program: Program, variables: readonly Variable[]): { program: Program; set: StatedSet } | null {
  if (variables.some((v) => v.domain === null)) return null;
  let node = program.nodes[program.root]!;
  let negated = false;
  while (node.kind === 'logic' && node.op === 'not') {
    negated = !negated;
    node = program.nodes[node.args[0]!]!;
  }
  if (node.kind !== 'compare') return null;
  const set = comparisonSet(negated ? FLIP[node.op]! : node.op);
  if (!set) return null;
  return { program: extend(program, 'sub', [...node.args]), set };
}

/** Is the assertion true at some point of the box? */
export function decideAssertion(program: Program, variables: readonly Variable[], budget: Budget): TruthOutcome {
  const probe = new Probe(program, budget, variables);
  const whole = probe.enclose(variables.map((v) => v.domain));
  if (!isTruthSet(whole)) throw new TypeError('decideAssertion needs a program that gives a truth');
  const everywhere = whole.t && !whole.f && !whole.u;
  const difference = asDifference(program, variables);
  if (difference) {
    const outcome = decideClaim({ program: difference.program, variables, set: difference.set, budget, tolerance: null });
    if (outcome.verdict === 'holds') return { verdict: 'holds', witness: outcome.witness.point, atWritten: outcome.atWritten, everywhere };
    if (outcome.verdict === 'fails') return { verdict: 'fails' };
    return { verdict: 'undecided', reason: outcome.reason };
  }
  const outcome = searchTruth(program, variables, budget);
  if (outcome.verdict !== 'holds' || outcome.atWritten) return outcome;
  const isTrue = (p: Point) => {
    const v = probe.at(p) as TruthSet | null;
    return v !== null && v.t && !v.f && !v.u;
  };
  return { ...outcome, witness: tidyWitness(outcome.witness, variables, isTrue) };
}
