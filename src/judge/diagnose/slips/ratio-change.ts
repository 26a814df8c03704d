/**
 * Ratio vs change: "đạt 131%" (a ratio, actual/plan) against "tăng 31%" (a change, actual/plan
 * − 1) — the stated value is what the other one gives. Tested by evaluating the other function
 * over the same arguments.
 */
import type { Slip } from '../../../model.js';
import { showInterval } from '../../show.js';
import { computeWith, holdsWith, isClaim, topCall, type DiagnoseContext } from '../context.js';
import type { SlipDetector } from './types.js';

interface Swap {
  from: string;
  to: string;
  /** What the text's number is, and what the rule computes. */
  stated: string;
  computed: string;
}

const SWAPS: Swap[] = [
  { from: 'ratio', to: 'growth', stated: 'a change (“tăng / up X%”)', computed: 'a ratio (“đạt / X% of”)' },
  { from: 'times', to: 'growth', stated: 'a change (“tăng / up X%”)', computed: 'a multiple (“gấp / X times”)' },
  { from: 'growth', to: 'ratio', stated: 'a ratio (“đạt / X% of”)', computed: 'a change (“tăng / up X%”)' },
  { from: 'decline', to: 'ratio', stated: 'a ratio (“bằng / X% of”)', computed: 'a decline (“giảm / down X%”)' },
  { from: 'ratio', to: 'decline', stated: 'a decline (“giảm / down X%”)', computed: 'a ratio (“đạt / X% of”)' },
];

export function detectRatioVsChange(c: DiagnoseContext): Slip | null {
  if (!isClaim(c)) return null;
  if (holdsWith(c)) return null;
  const call = topCall(c.rule.expr);
  if (!call || call.args.length !== 2) return null;
  for (const swap of SWAPS) {
    if (swap.from !== call.name) continue;
    const expr = `${swap.to}(${call.args.join(', ')})`;
    if (!holdsWith(c, { expr })) continue;
    const value = computeWith(c, { expr })!;
    return {
      kind: 'ratio-vs-change',
      message:
        `ratio vs change: the stated ${c.rule.stated.text} is ${swap.stated} — ${expr} = ${showInterval(value, c.rule.stated, c.locale, 2)} — ` +
        `where the rule computes ${swap.computed}: ${c.rule.expr} = ${showInterval(c.computed, c.rule.stated, c.locale, 2)}`,
    };
  }
  return null;
}

export const ratioVsChangeSlip: SlipDetector = { kind: 'ratio-vs-change', detect: detectRatioVsChange };
