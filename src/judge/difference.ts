/**
 * The size of a discrepancy, said the way a reviewer wants it: the distance between what the
 * figures give and what the text states (percentage points for percentages), relative to the
 * stated value, and how much of it lies beyond what rounding can explain.
 */
import Fraction from 'fraction.js';
import type { Difference, Interval, Locale, StatedSet, WrittenNumber } from '../model.js';
import { formatLike, formatNumber } from '../numbers/index.js';
import { gapBetween } from './verdict.js';

export function midpoint(interval: Interval): Fraction {
  return interval.lo.add(interval.hi).div(2);
}

function signed(text: string, value: Fraction): string {
  return value.s < 0n || text.startsWith('-') ? text : `+${text}`;
}

export function describeDifference(computed: Interval, stated: WrittenNumber, set: StatedSet, locale: Locale): Difference {
  const absolute = midpoint(computed).sub(stated.value);
  const relative = stated.value.equals(0) ? new Fraction(0) : absolute.div(stated.value.abs());
  const gap = gapBetween(computed, set);
  const percent = stated.percent;
  const absoluteText = percent
    ? `${formatNumber(absolute.mul(100), locale, { decimals: Math.max(stated.decimals, 1) + 1 })} pp`
    : formatLike(absolute, stated, locale, 1);
  const relativeText = formatNumber(relative, locale, { decimals: 1, percent: true });
  return {
    absolute: absolute.valueOf(),
    relative: relative.valueOf(),
    unit: percent ? 'pp' : 'value',
    gap: gap.valueOf(),
    text: `${signed(absoluteText, absolute)} (${signed(relativeText, relative)} relative)`,
  };
}
