/**
 * Verdicts. A claim holds when the computed interval (every value the figures allow within
 * their written precision) meets the stated set (every true value the written claim admits
 * under its reading). All comparisons are exact rationals, so a verdict at a rounding boundary
 * agrees with exact decimal arithmetic.
 */
import type Fraction from 'fraction.js';
import type { Interval, Reading, StatedSet, WrittenNumber } from '../model.js';
import { statedSet } from '../numbers/index.js';

export type ClaimVerdict =
  | { verdict: 'pass' }
  | { verdict: 'warn'; heldUnder: Reading }
  | { verdict: 'fail' };

/** Does the closed interval meet the stated set? */
export function meets(computed: Interval, set: StatedSet): boolean {
  const aboveLow = set.lo === null || (set.loOpen ? computed.hi.gt(set.lo) : computed.hi.gte(set.lo));
  const belowHigh = set.hi === null || (set.hiOpen ? computed.lo.lt(set.hi) : computed.lo.lte(set.hi));
  return aboveLow && belowHigh;
}

/**
 * Looser readings tried, in order, when the claim fails under its own reading: a report that
 * truncates instead of rounding is a common, harmless habit, worth a `warn` rather than a `fail`.
 */
const LOOSER: Partial<Record<Reading, Reading[]>> = {
  round: ['truncate'],
};

export function judgeClaim(computed: Interval, stated: WrittenNumber, reading: Reading, tolerance: Fraction): ClaimVerdict {
  if (meets(computed, statedSet(stated, reading, tolerance))) return { verdict: 'pass' };
  for (const looser of LOOSER[reading] ?? []) {
    if (meets(computed, statedSet(stated, looser, tolerance))) return { verdict: 'warn', heldUnder: looser };
  }
  return { verdict: 'fail' };
}

/**
 * Signed distance from the stated set to the computed interval: positive when the figures give
 * more than stated, negative when less, zero when they meet.
 */
export function gapBetween(computed: Interval, set: StatedSet): Fraction {
  if (set.hi !== null && computed.lo.gte(set.hi) && !meets(computed, set)) return computed.lo.sub(set.hi);
  if (set.lo !== null && computed.hi.lte(set.lo) && !meets(computed, set)) return computed.hi.sub(set.lo);
  return computed.lo.sub(computed.lo);
}
