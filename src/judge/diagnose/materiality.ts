/**
 * Materiality: does the discrepancy matter? Two kinds of test, and the result says which made it
 * material:
 *
 * - it changes what the sentence concludes, whatever its size: the direction of a change flips
 *   (a stated increase where the figures give a decrease or no change, or the reverse); a plan or
 *   target is missed instead of met (a ratio stated at or above 100 % where the figures give less,
 *   or the reverse); an ordering flips (a multiple, or an assertion comparing quantities that is
 *   false for every value the figures allow);
 * - its size passes a threshold: the gap rounding cannot explain is at least `points` percentage
 *   points for a rate (a percentage), or at least `relative` of the stated value for anything else
 *   (defaults 1 point and 5 %, set per rule file under `materiality:`).
 *
 * What the claim means comes from its function (functions/*.ts, `meaning`). A difference that a
 * looser reading explains (`warn`) is never material.
 */
import Fraction from 'fraction.js';
import type { Interval, JudgingSettings, LoadedAssertionRule, Materiality, MaterialityTest, MaterialityThresholds } from '../../model.js';
import { formatNumber } from '../../numbers/index.js';
import { gapBetween } from '../difference.js';
import { showInterval } from '../show.js';
import { setWith, topCall, type ClaimContext } from './context.js';

export const DEFAULT_THRESHOLDS: MaterialityThresholds = { relative: new Fraction(1, 20), points: new Fraction(1) };

export function thresholdsOf(judging: JudgingSettings | undefined): MaterialityThresholds {
  const set = judging?.materiality;
  return { relative: set?.relative ?? DEFAULT_THRESHOLDS.relative, points: set?.points ?? DEFAULT_THRESHOLDS.points };
}

const positive = (x: Fraction | null) => x === null || (x.s > 0n && x.n !== 0n);
const negative = (x: Fraction | null) => x === null || (x.s < 0n && x.n !== 0n);
const isZero = (x: Interval) => x.lo !== null && x.hi !== null && x.lo.n === 0n && x.hi.n === 0n;

function changeWords(fn: string): { up: string; down: string } {
  if (fn === 'decline') return { up: 'a decline', down: 'an increase' };
  if (fn === 'pp') return { up: 'a rise in points', down: 'a fall in points' };
  return { up: 'growth', down: 'a decline' };
}

export function claimMateriality(c: ClaimContext): Materiality {
  const out: Materiality = { material: false, reasons: [], tests: [] };
  if (c.verdict !== 'fail') return out;
  const add = (test: MaterialityTest, reason: string) => {
    out.tests.push(test);
    out.reasons.push(reason);
  };
  const call = topCall(c.compiled);
  const meaning = call?.fn.meaning;
  const name = call?.fn.name ?? '';
  const stated = c.rule.stated;
  const v = stated.value;
  const computed = c.computed;
  const gives = showInterval(computed, stated, c.locale, 2);
  if (meaning === 'change' || meaning === 'points') {
    const { up, down } = changeWords(name);
    if (positive(v) && !positive(computed.hi)) {
      add('direction', `direction flips: the text states ${up} (${stated.text}), the figures give ${isZero(computed) ? 'no change' : down} (${gives})`);
    } else if (negative(v) && !negative(computed.lo)) {
      add('direction', `direction flips: the text states ${down} (${stated.text}), the figures give ${isZero(computed) ? 'no change' : up} (${gives})`);
    }
  }
  const one = new Fraction(1);
  const threshold = stated.percent ? '100%' : '1';
  if (meaning === 'ratio') {
    if (v.gte(one) && computed.hi !== null && computed.hi.lt(one)) {
      add('target', `plan or target missed instead of met: the text states ${stated.text}, the figures give ${gives}, below ${threshold}`);
    } else if (v.lt(one) && computed.lo !== null && computed.lo.gte(one)) {
      add('target', `plan or target met instead of missed: the text states ${stated.text}, the figures give ${gives}, at or above ${threshold}`);
    }
  }
  if (meaning === 'multiple') {
    if (v.gt(one) && computed.hi !== null && computed.hi.lte(one)) {
      add('ordering', `ordering flips: the text states ${stated.text} (more), the figures give ${gives}, not more than ${threshold}`);
    } else if (v.lt(one) && computed.lo !== null && computed.lo.gte(one)) {
      add('ordering', `ordering flips: the text states ${stated.text} (less), the figures give ${gives}, not less than ${threshold}`);
    }
  }
  sizeTests(c, add);
  out.material = out.tests.length > 0;
  return out;
}

/** The gap rounding cannot explain, against the thresholds. */
function sizeTests(c: ClaimContext, add: (test: MaterialityTest, reason: string) => void): void {
  const stated = c.rule.stated;
  const gap = gapBetween(c.computed, setWith(c)).abs();
  if (gap.n === 0n) return;
  const { relative, points } = c.thresholds;
  if (stated.percent) {
    // A rate is measured in points: 0,4 points on a 6,5 % rate is small, though 6 % of it.
    const inPoints = gap.mul(100);
    if (inPoints.gte(points)) {
      add('point-size', `size: beyond rounding it is off by ${formatNumber(inPoints, c.locale, { decimals: 2 })} pp, at least the ${formatNumber(points, c.locale, { decimals: decimalsOf(points) })} pp threshold`);
    }
    return;
  }
  if (stated.value.n !== 0n && gap.div(stated.value.abs()).gte(relative)) {
    add(
      'relative-size',
      `size: beyond rounding it is off by ${formatNumber(gap.div(stated.value.abs()), c.locale, { decimals: 1, percent: true })} of the stated ${stated.text}, at least the ${formatNumber(relative, c.locale, { decimals: decimalsOf(relative.mul(100)), percent: true })} threshold`,
    );
  }
}

function decimalsOf(x: Fraction): number {
  for (let d = 0; d < 6; d++) if (x.mul(10 ** d).d === 1n) return d;
  return 6;
}

export function assertionMateriality(rule: LoadedAssertionRule): Materiality {
  return {
    material: true,
    reasons: [`ordering flips: ${rule.expr} is false for every value the figures allow`],
    tests: ['ordering'],
  };
}
