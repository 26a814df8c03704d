/**
 * Percent vs percentage points. Between two percentages, "up 1,5%" and "up 1,5 points" are
 * different claims: growth(a, b) = a/b − 1 and pp(a, b) = a − b. The slip is tested by
 * evaluating the other one over the same figures: a stated growth that equals the difference in
 * points, a stated difference in points that equals the relative change (a/b − 1, or 1 − b/a
 * when the text speaks of a fall from a to b), or a stated decline that equals the drop in points.
 */
import type { Slip } from '../../../model.js';
import { showInterval } from '../../show.js';
import { computeWith, holdsWith, idsIn, topCall, isClaim, type ClaimContext, type DiagnoseContext } from '../context.js';
import type { SlipDetector } from './types.js';

interface Swap {
  from: string;
  /** The other reading of the same call, over the same arguments. */
  to: (args: string[]) => string;
  said: string;
  meant: string;
}

const SWAPS: Swap[] = [
  { from: 'growth', to: ([a, b]) => `pp(${a}, ${b})`, said: 'a relative growth', meant: 'the difference in percentage points' },
  { from: 'decline', to: ([a, b]) => `pp(${b}, ${a})`, said: 'a relative decline', meant: 'the drop in percentage points' },
  { from: 'pp', to: ([a, b]) => `growth(${a}, ${b})`, said: 'a difference in percentage points', meant: 'the relative change' },
  { from: 'pp', to: ([a, b]) => `decline(${b}, ${a})`, said: 'a difference in percentage points', meant: 'the relative fall' },
];

/** Are all figures of these arguments percentages? */
function percentArgs(c: ClaimContext, args: string[]): boolean {
  const ids = args.flatMap(idsIn);
  return ids.length > 0 && ids.every((id) => c.figures.get(id)?.written?.percent === true);
}

export function detectPercentVsPoints(c: DiagnoseContext): Slip | null {
  if (!isClaim(c)) return null;
  if (holdsWith(c)) return null;
  const call = topCall(c.rule.expr);
  if (!call || call.args.length !== 2) return null;
  for (const swap of SWAPS) {
    if (swap.from !== call.name || !percentArgs(c, call.args)) continue;
    const expr = swap.to(call.args);
    if (!holdsWith(c, { expr })) continue;
    const value = computeWith(c, { expr })!;
    return {
      kind: 'percent-vs-points',
      message:
        `percent vs percentage points: the stated ${c.rule.stated.text} is ${swap.meant} (${expr} = ${showInterval(value, c.rule.stated, c.locale, 2)}), ` +
        `not ${swap.said} (${c.rule.expr} = ${showInterval(c.computed, c.rule.stated, c.locale, 2)})`,
    };
  }
  return null;
}

export const percentVsPointsSlip: SlipDetector = { kind: 'percent-vs-points', detect: detectPercentVsPoints };
