/**
 * Where an interval lies relative to a stated set (the values a written claim admits): inside it,
 * meeting it, wholly below or wholly above it. Exact comparisons; open ends respected.
 */
import type { Interval, StatedSet } from '../../model.js';

/** Does the closed interval meet the set? */
export function meets(x: Interval, s: StatedSet): boolean {
  const aboveLow = s.lo === null || x.hi === null || (s.loOpen ? x.hi.gt(s.lo) : x.hi.gte(s.lo));
  const belowHigh = s.hi === null || x.lo === null || (s.hiOpen ? x.lo.lt(s.hi) : x.lo.lte(s.hi));
  return aboveLow && belowHigh;
}

/** Is every value of the interval in the set? */
export function within(x: Interval, s: StatedSet): boolean {
  const lowOk = s.lo === null || (x.lo !== null && (s.loOpen ? x.lo.gt(s.lo) : x.lo.gte(s.lo)));
  const highOk = s.hi === null || (x.hi !== null && (s.hiOpen ? x.hi.lt(s.hi) : x.hi.lte(s.hi)));
  return lowOk && highOk;
}

/** Is every value of the interval below the set? */
export function whollyBelow(x: Interval, s: StatedSet): boolean {
  return s.lo !== null && x.hi !== null && (s.loOpen ? x.hi.lte(s.lo) : x.hi.lt(s.lo));
}

/** Is every value of the interval above the set? */
export function whollyAbove(x: Interval, s: StatedSet): boolean {
  return s.hi !== null && x.lo !== null && (s.hiOpen ? x.lo.gte(s.hi) : x.lo.gt(s.hi));
}
