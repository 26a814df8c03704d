/**
 * Materiality: does the discrepancy change what the sentence concludes, whatever its size?
 *
 * - the direction of a change flips: a stated increase where the figures give a decrease or no
 *   change (growth, decline, pp, cagr, gavg), or the reverse;
 * - a plan or target is missed instead of met: a ratio stated at or above 100% where the figures
 *   give less (ratio, times), or the reverse;
 * - an ordering flips: an assertion comparing quantities fails for every value the figures allow.
 *
 * A difference rounding or truncation explains (`warn`) is never material.
 */
import type Fraction from 'fraction.js';
import type { Interval, LoadedAssertionRule, Materiality } from '../../model.js';
import { showInterval } from '../show.js';
import { topCall, type ClaimContext } from './context.js';

const CHANGES = new Set(['growth', 'decline', 'pp', 'cagr', 'gavg']);
const RATIOS = new Set(['ratio', 'times']);

const positive = (x: Fraction) => x.s > 0n && x.n !== 0n;
const negative = (x: Fraction) => x.s < 0n && x.n !== 0n;

function changeWords(fn: string): { up: string; down: string } {
  if (fn === 'decline') return { up: 'a decline', down: 'an increase' };
  if (fn === 'pp') return { up: 'a rise in points', down: 'a fall in points' };
  return { up: 'growth', down: 'a decline' };
}

export function claimMateriality(c: ClaimContext): Materiality {
  if (c.judged.verdict !== 'fail') return { material: false, reasons: [] };
  const reasons: string[] = [];
  const call = topCall(c.rule.expr);
  const fn = call?.name ?? '';
  const stated = c.rule.stated;
  const v = stated.value;
  const computed: Interval = c.computed;
  const gives = showInterval(computed, stated, c.locale, 2);
  if (CHANGES.has(fn)) {
    const { up, down } = changeWords(fn);
    if (positive(v) && !positive(computed.hi)) {
      reasons.push(`direction flips: the text states ${up} (${stated.text}), the figures give ${computed.hi.n === 0n && computed.lo.n === 0n ? 'no change' : down} (${gives})`);
    } else if (negative(v) && !negative(computed.lo)) {
      reasons.push(`direction flips: the text states ${down} (${stated.text}), the figures give ${computed.lo.n === 0n && computed.hi.n === 0n ? 'no change' : up} (${gives})`);
    }
  }
  if (RATIOS.has(fn)) {
    const one = v.sub(v).add(1);
    const threshold = stated.percent ? '100%' : '1';
    if (fn === 'ratio' && v.gte(one) && computed.hi.lt(one)) {
      reasons.push(`plan or target missed instead of met: the text states ${stated.text}, the figures give ${gives}, below ${threshold}`);
    } else if (fn === 'ratio' && v.lt(one) && computed.lo.gte(one)) {
      reasons.push(`plan or target met instead of missed: the text states ${stated.text}, the figures give ${gives}, at or above ${threshold}`);
    } else if (fn === 'times' && v.gt(one) && computed.hi.lte(one)) {
      reasons.push(`ordering flips: the text states ${stated.text} (more), the figures give ${gives}, not more than ${threshold}`);
    } else if (fn === 'times' && v.lt(one) && computed.lo.gte(one)) {
      reasons.push(`ordering flips: the text states ${stated.text} (less), the figures give ${gives}, not less than ${threshold}`);
    }
  }
  return { material: reasons.length > 0, reasons };
}

export function assertionMateriality(rule: LoadedAssertionRule): Materiality {
  return {
    material: true,
    reasons: [`ordering flips: ${rule.expr} is false for every value the figures allow`],
  };
}
