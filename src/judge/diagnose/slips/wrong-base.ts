/**
 * Wrong base: one input replaced by another figure of the same rule set, of the same kind
 * (both percentages, or the same unit) — the 2022 revenue used where the 2020 one was meant.
 * Figures the expression already uses are not tried in place of each other (growth(a, a) is 0).
 *
 * Claims only, and only when few figures do it: a replacement is an explanation when it is
 * specific. When more than MAX_ALTERNATIVES figures would make the claim hold, the claim is too
 * loose for a replacement to say anything (and an assertion, one-sided, nearly always is).
 */
import type { Figure, Slip } from '../../../model.js';
import { holdsWith, orList, withFigure, type DiagnoseContext } from '../context.js';
import type { SlipDetector } from './types.js';

function unitOf(f: Figure): string {
  return (f.written?.unit ?? f.unit ?? '').trim().toLowerCase();
}

/** Same kind of quantity: both percentages (or both not), and the same unit word. */
export function sameKind(a: Figure, b: Figure): boolean {
  if (!a.written || !b.written) return false;
  return a.written.percent === b.written.percent && unitOf(a) === unitOf(b);
}

export const MAX_ALTERNATIVES = 3;

export function detectWrongBase(c: DiagnoseContext): Slip | null {
  if (c.rule.kind !== 'claim' || holdsWith(c)) return null;
  const used = new Set(c.compiled.symbols);
  const found: { text: string; count: number }[] = [];
  for (const id of c.compiled.symbols) {
    const figure = c.figures.get(id);
    if (!figure || !c.scope.has(id)) continue;
    const instead: string[] = [];
    for (const [otherId, other] of c.figures) {
      if (used.has(otherId) || !other.interval || !sameKind(figure, other)) continue;
      if (holdsWith(c, { scope: withFigure(c.scope, id, other.interval) })) {
        instead.push(`${otherId} (“${other.written!.text}”)`);
      }
    }
    if (instead.length) found.push({ text: `${orList(instead)} in place of ${id} (“${figure.written!.text}”)`, count: instead.length });
  }
  const total = found.reduce((n, f) => n + f.count, 0);
  if (total === 0 || total > MAX_ALTERNATIVES) return null;
  return { kind: 'wrong-base', message: `wrong base: the ${c.rule.kind === 'claim' ? 'claim' : 'assertion'} holds with ${orList(found.map((f) => f.text))}` };
}

export const wrongBaseSlip: SlipDetector = { kind: 'wrong-base', detect: detectWrongBase };
