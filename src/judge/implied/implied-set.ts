/**
 * The values a claim implies for an unknown figure: every x such that, with the figure at x and
 * the other figures anywhere within their precision, the claim holds ("đạt 131% dự toán" with the
 * revenue's precision gives an interval of plans).
 *
 * Found the way verdicts are, so each end is proven: constraint propagation (project.ts) gives a
 * first outer bound; the claim decided over it gives a witness (a value surely implied) or proves
 * that none is; then each end is bisected — the claim decided over [outer end, middle] either
 * fails (no implied value there: the outer bound moves in) or holds (its witness moves the inner
 * bound out) — until the two are within the tolerance. Every question is charged to the budget.
 *
 * `outer` ⊇ implied values ⊇ the witnesses, whose hull is `inner`. The hull is what is shown; a
 * claim whose implied values are not one interval (x² ∈ [4; 9]) is shown by its hull.
 */
import type Fraction from 'fraction.js';
import { intervals as I, type Program } from '../../evaluate/index.js';
import type { Interval, StatedSet } from '../../model.js';
import { decideClaim, type Budget, type NumericOutcome, type Variable } from '../decide/index.js';
import { project } from './project.js';

export interface ImpliedSet {
  /** Every implied value lies in it; null when there is none (the claim cannot hold for any value). */
  outer: Interval | null;
  /** The hull of values proven implied (each end a witness); null when no witness was found. */
  inner: Interval | null;
}

export interface ImpliedQuestion {
  program: Program;
  /** The claim's variables; the implied figure's slot is free (its domain is ignored). */
  variables: readonly Variable[];
  slot: number;
  set: StatedSet;
  budget: Budget;
  /** Stop refining an end once outer and inner are this close; null: a millionth of the first outer bound. */
  tolerance: Fraction | null;
  /** Look only here (an agreement check narrows to what other claims allow). */
  within?: Interval;
}

/**
 * A kept question asked with a budget (and how finely to answer): one literal with every field.
 * `{ ...question, budget }` would do the same, but V8 11 gives a literal that spreads an object and
 * adds keys a hidden class of its own each time, and every read of the question would then go
 * through the megamorphic path.
 */
export function asked(
  q: Pick<ImpliedQuestion, 'program' | 'variables' | 'slot' | 'set'>,
  budget: Budget,
  tolerance: Fraction | null = null,
  within?: Interval,
): ImpliedQuestion {
  return { program: q.program, variables: q.variables, slot: q.slot, set: q.set, budget, tolerance, within };
}

/** Most bisection steps per end. */
const MAX_STEPS = 80;
/** One question of the search may spend at most this share of the budget. */
const QUESTION_SHARE = 1 / 40;

export function impliedSet(q: ImpliedQuestion): ImpliedSet {
  const box = q.variables.map((v, i) => (i === q.slot ? null : v.domain));
  const projected = project(q.program, box, q.slot, { lo: q.set.lo, hi: q.set.hi });
  const outer0 = projected && q.within ? I.intersect(projected, q.within) : projected;
  if (!outer0) return { outer: null, inner: null };
  if (outer0.lo === null && outer0.hi === null) return { outer: outer0, inner: null };
  const first = decideWithin(q, outer0);
  if (first?.verdict === 'fails') return { outer: null, inner: null };
  if (first?.verdict !== 'holds') return { outer: outer0, inner: null };
  const x = first.witness.point[q.slot]!;
  const width = I.width(outer0);
  const tolerance = q.tolerance ?? (width ? width.div(1_000_000) : null);
  let { lo: outerLo, hi: outerHi } = outer0;
  let innerLo = x;
  let innerHi = x;
  if (outerLo !== null && tolerance) [outerLo, innerLo] = refine(q, outerLo, innerLo, tolerance, 'low');
  if (outerHi !== null && tolerance) [outerHi, innerHi] = refine(q, outerHi, innerHi, tolerance, 'high');
  return { outer: { lo: outerLo, hi: outerHi }, inner: { lo: innerLo, hi: innerHi } };
}

/** Bisect between an outer end and an inner one: [outer, inner] as far as the tolerance and the budget allow. */
function refine(q: ImpliedQuestion, outer: Fraction, inner: Fraction, tolerance: Fraction, side: 'low' | 'high'): [Fraction, Fraction] {
  // The projection's bound is often the end itself (it is exact when each figure is named once):
  // one question about the tolerance next to it settles the end without a bisection.
  const near = side === 'low' ? outer.add(tolerance) : outer.sub(tolerance);
  if (inner.sub(outer).abs().gt(tolerance) && !q.budget.exhausted) {
    const r = decideWithin(q, side === 'low' ? { lo: outer, hi: near } : { lo: near, hi: outer });
    if (r?.verdict === 'holds') return [outer, r.witness.point[q.slot]!];
    if (r?.verdict === 'fails') outer = near;
  }
  for (let step = 0; step < MAX_STEPS && inner.sub(outer).abs().gt(tolerance) && !q.budget.exhausted; step++) {
    const middle = outer.add(inner).div(2);
    const r = decideWithin(q, side === 'low' ? { lo: outer, hi: middle } : { lo: middle, hi: outer });
    if (r?.verdict === 'fails') outer = middle;
    else if (r?.verdict === 'holds') inner = r.witness.point[q.slot]!;
    else break;
  }
  return [outer, inner];
}

/** Decide the claim with the implied figure anywhere in `domain` (null when it cannot be evaluated there). */
export function decideWithin(q: Pick<ImpliedQuestion, 'program' | 'variables' | 'slot' | 'set' | 'budget'>, domain: Interval): NumericOutcome | null {
  const variables = q.variables.map((v, i) => (i === q.slot ? { id: v.id, domain, openLo: false, openHi: false } : v));
  try {
    return decideClaim({ program: q.program, variables, set: q.set, budget: q.budget.child(QUESTION_SHARE), tolerance: null });
  } catch {
    return null;
  }
}

/** Does the claim hold with the implied figure at x (for some values of the others)? */
export function impliesValue(q: Pick<ImpliedQuestion, 'program' | 'variables' | 'slot' | 'set' | 'budget'>, x: Fraction): boolean {
  return decideWithin(q, { lo: x, hi: x })?.verdict === 'holds';
}
