/**
 * Wrong base: one input replaced by another figure of the same rule set, of the same kind
 * (both percentages, or the same unit) — the 2022 revenue used where the 2020 one was meant.
 * Figures the expression already uses are not tried in place of each other (growth(a, a) is 0).
 *
 * Claims only, and only when few figures do it: a replacement is an explanation when it is
 * specific. When more than MAX_ALTERNATIVES figures would make the claim hold, the claim is too
 * loose for a replacement to say anything (and an assertion, one-sided, nearly always is), so
 * the candidates stop being re-judged at the first replacement beyond MAX_ALTERNATIVES.
 *
 * Candidates are found through an index, not by trying every figure: the implied values already
 * say which values the input would need (implied.ts), so only figures of the same kind whose
 * interval meets that set are tried — a range query on the figures sorted by value. A rule set of
 * 20 000 figures costs a failing claim a binary search, not 20 000 re-judgements.
 */
import type { Slip } from '../../../model.js';
import { holdsWith, holdsWithFigure, orList, type DiagnoseContext } from '../context.js';
import { neededFor } from '../implied.js';
import { boundsOfEntry, indexOf, meeting } from './figure-index.js';
import type { SlipDetector } from './types.js';

export const MAX_ALTERNATIVES = 3;

/** A candidate's float bounds, copied into the box before the next is written. */
const bounds = new Float64Array(4);

export function detectWrongBase(c: DiagnoseContext): Slip | null {
  if (c.rule.kind !== 'claim' || holdsWith(c)) return null;
  const used = new Set(c.compiled.symbols);
  const index = indexOf(c.figures);
  const found: string[] = [];
  let total = 0;
  for (const id of c.compiled.symbols) {
    const figure = c.figures.get(id);
    // A figure with no written form has no kind to compare (figure-index.ts `kindKey`).
    if (!figure?.written || !c.scope.get(id)) continue;
    const needed = neededFor(c, id);
    if (!needed) continue;
    const candidates = meeting(index, figure, needed.lo, needed.hi).filter((f) => !used.has(f.id));
    // More candidates than could be reported: the claim is too loose for a replacement to explain it.
    if (candidates.length > MAX_ALTERNATIVES * 4) return null;
    const instead: string[] = [];
    for (const other of candidates) {
      if (!holdsWithFigure(c, id, boundsOfEntry(other, bounds), () => other.figure.interval!)) continue;
      instead.push(`${other.id} (“${other.figure.written!.text}”)`);
      // One replacement too many, and none is reported: the rest need not be re-judged.
      if (++total > MAX_ALTERNATIVES) return null;
    }
    if (instead.length) found.push(`${orList(instead)} in place of ${id} (“${figure.written!.text}”)`);
  }
  if (total === 0) return null;
  return { kind: 'wrong-base', message: `wrong base: the claim holds with ${orList(found)}` };
}

export const wrongBaseSlip: SlipDetector = { kind: 'wrong-base', detect: detectWrongBase };
