/**
 * The size of a discrepancy, said the way a reviewer wants it: the distance between what the
 * figures give and what the text states (percentage points for percentages), relative to the
 * stated value, and how much of it lies beyond what rounding can explain.
 */
import Fraction from 'fraction.js';
import type { Difference, Interval, Locale, StatedSet, WrittenNumber } from '../model.js';
import { formatLike, formatNumber } from '../numbers/index.js';
import { meets } from './decide/index.js';
import { reportNumber } from './reported.js';
import { flat } from './flat.js';

const ZERO = new Fraction(0);

/**
 * Signed distance from the stated set to the computed interval: positive when the figures give
 * more than stated, negative when less, zero when they meet.
 */
export function gapBetween(computed: Interval, set: StatedSet): Fraction {
  if (meets(computed, set)) return ZERO;
  if (set.hi !== null && computed.lo !== null && computed.lo.gte(set.hi)) return computed.lo.sub(set.hi);
  if (set.lo !== null && computed.hi !== null && computed.hi.lte(set.lo)) return computed.hi.sub(set.lo);
  return ZERO;
}

/**
 * The value the figures give, for the difference: the middle of the range, or its finite end when
 * it is unbounded (the figures give "more than 12", and 12 is the nearest they come).
 */
export function representative(interval: Interval): Fraction | null {
  if (interval.lo !== null && interval.hi !== null) return interval.lo.add(interval.hi).div(2);
  return interval.lo ?? interval.hi;
}

function signed(text: string, value: Fraction): string {
  return value.s < 0n || text.startsWith('-') ? text : `+${text}`;
}

export function describeDifference(computed: Interval, stated: WrittenNumber, set: StatedSet, locale: Locale): Difference {
  const gap = gapBetween(computed, set);
  const middle = representative(computed);
  if (middle === null) {
    return { absolute: 0, relative: 0, unit: stated.percent ? 'pp' : 'value', gap: reportNumber(gap), text: 'any value' };
  }
  const absolute = middle.sub(stated.value);
  const relative = stated.value.equals(0) ? ZERO : absolute.div(stated.value.abs());
  const percent = stated.percent;
  const absoluteText = percent
    ? `${formatNumber(absolute.mul(100), locale, { decimals: Math.max(stated.decimals, 1) + 1 })} pp`
    : formatLike(absolute, stated, locale, 1);
  const relativeText = formatNumber(relative, locale, { decimals: 1, percent: true });
  return {
    absolute: reportNumber(absolute),
    relative: reportNumber(relative),
    unit: percent ? 'pp' : 'value',
    gap: reportNumber(gap),
    text: flat(`${signed(absoluteText, absolute)} (${signed(relativeText, relative)} relative)`),
  };
}

