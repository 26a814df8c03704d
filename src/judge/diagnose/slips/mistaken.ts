/**
 * A rule that calls the wrong function: the other function its `mistakenFor` names, over the same
 * arguments, makes the claim hold. Shared by the ratio-vs-change and percent-vs-points slips.
 */
import { functionRegistry, type Mistake } from '../../../evaluate/index.js';
import type { Slip } from '../../../model.js';
import { showInterval } from '../../show.js';
import { computeWith, figuresUnder, holdsWith, holdsWithSwap, isClaim, topCall, type DiagnoseContext } from '../context.js';

export function detectMistake(
  c: DiagnoseContext,
  kind: Mistake['kind'],
  say: (m: Mistake, expr: string, value: string, computed: string) => string,
): Slip | null {
  if (!isClaim(c) || holdsWith(c)) return null;
  const call = topCall(c.compiled);
  if (!call || call.args.length !== 2) return null;
  for (const m of call.fn.mistakenFor ?? []) {
    if (m.kind !== kind || !functionRegistry.has(m.fn)) continue;
    if (m.percentArguments) {
      const ids = call.argNodes.flatMap((id) => figuresUnder(c.compiled, id));
      if (ids.length === 0 || !ids.every((id) => c.figures.get(id)?.written?.percent === true)) continue;
    }
    const args = m.reversed ? [...call.args].reverse() : call.args;
    const argNodes = m.reversed ? [...call.argNodes].reverse() : call.argNodes;
    const expr = `${m.fn}(${args.join(', ')})`;
    if (!holdsWithSwap(c, expr, functionRegistry.get(m.fn)!, argNodes)) continue;
    const value = computeWith(c, { expr });
    if (!value) continue;
    const stated = c.rule.stated;
    return { kind, message: say(m, expr, showInterval(value, stated, c.locale, 2), showInterval(c.computed, stated, c.locale, 2)) };
  }
  return null;
}
