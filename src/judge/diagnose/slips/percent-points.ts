/**
 * Percent vs percentage points. Between two percentages, "up 1,5%" and "up 1,5 points" are
 * different claims: growth(a, b) = a/b − 1 and pp(a, b) = a − b. The slip is tested by
 * evaluating the other one over the same figures: a stated growth that equals the difference in
 * points, a stated difference in points that equals the relative change (a/b − 1, or 1 − b/a
 * when the text speaks of a fall from a to b), or a stated decline that equals the drop in points.
 * Which swaps apply is said by each function (its `mistakenFor`).
 */
import type { Slip } from '../../../model.js';
import { detectMistake } from './mistaken.js';
import type { SlipDetector } from './types.js';

export const percentVsPointsSlip: SlipDetector = {
  kind: 'percent-vs-points',
  detect: (c): Slip | null => detectMistake(c, 'percent-vs-points', (m, expr, value, computed) =>
    `percent vs percentage points: the stated ${c.rule.kind === 'claim' ? c.rule.stated.text : ''} is ${m.stated} (${expr} = ${value}), not ${m.computed} (${c.rule.expr} = ${computed})`,
  ),
};
