/**
 * Ratio vs change: "đạt 131%" (a ratio, actual/plan) against "tăng 31%" (a change, actual/plan
 * − 1) — the stated value is what the other one gives. Which functions can be confused is said
 * by each function (its `mistakenFor`); the slip is tested by evaluating the other function over
 * the same arguments.
 */
import type { Slip } from '../../../model.js';
import { detectMistake } from './mistaken.js';
import type { SlipDetector } from './types.js';

export const ratioVsChangeSlip: SlipDetector = {
  kind: 'ratio-vs-change',
  detect: (c): Slip | null => detectMistake(c, 'ratio-vs-change', (m, expr, value, computed) =>
    `ratio vs change: the stated ${c.rule.kind === 'claim' ? c.rule.stated.text : ''} is ${m.stated} — ${expr} = ${value} — where the rule computes ${m.computed}: ${c.rule.expr} = ${computed}`,
  ),
};
