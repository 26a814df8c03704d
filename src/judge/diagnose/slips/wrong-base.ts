/**
 * Wrong base: one input replaced by another figure of the same rule set, of the same kind
 * (both percentages, or the same unit) — the 2022 revenue used where the 2020 one was meant.
 * Figures the expression already uses are not tried in place of each other (growth(a, a) is 0).
 *
 * Claims only, and only when few figures do it: a replacement is an explanation when it is
 * specific. When more than MAX_ALTERNATIVES figures would make the claim hold, the claim is too
 * loose for a replacement to say anything (and an assertion, one-sided, nearly always is).
 *
 * Candidates are found through an index, not by trying every figure: the implied values already
 * say which values the input would need (implied.ts), so only figures of the same kind whose
 * interval meets that set are tried — a range query on the figures sorted by value. A rule set of
 * 20 000 figures costs a failing claim a binary search, not 20 000 re-judgements.
 */
import type Fraction from 'fraction.js';
import { intervals as I } from '../../../evaluate/index.js';
import type { Figure, Slip } from '../../../model.js';
import { holdsWith, orList, withFigure, type DiagnoseContext } from '../context.js';
import { neededFor } from '../implied.js';
import type { SlipDetector } from './types.js';

function unitOf(f: Figure): string {
  return (f.written?.unit ?? f.unit ?? '').trim().toLowerCase();
}

/** Same kind of quantity: both percentages (or both not), and the same unit word. */
export function sameKind(a: Figure, b: Figure): boolean {
  if (!a.written || !b.written) return false;
  return a.written.percent === b.written.percent && unitOf(a) === unitOf(b);
}

function kindKey(f: Figure): string | null {
  return f.written ? `${f.written.percent ? '%' : ''}|${unitOf(f)}` : null;
}

export const MAX_ALTERNATIVES = 3;

/** The bounded, known figures of one kind, sorted by their low end. */
interface KindIndex {
  figures: { lo: Fraction; hi: Fraction; id: string; figure: Figure }[];
  /** The widest interval of the kind: figures starting this far before a query can still reach it. */
  widest: Fraction;
}

const indexes = new WeakMap<ReadonlyMap<string, Figure>, Map<string, KindIndex>>();

function indexOf(figures: ReadonlyMap<string, Figure>): Map<string, KindIndex> {
  let index = indexes.get(figures);
  if (index) return index;
  index = new Map();
  for (const [id, figure] of figures) {
    const key = kindKey(figure);
    const x = figure.interval;
    if (key === null || !x || !I.isBounded(x)) continue;
    let k = index.get(key);
    if (!k) index.set(key, (k = { figures: [], widest: x.hi.sub(x.lo) }));
    k.figures.push({ lo: x.lo, hi: x.hi, id, figure });
    if (x.hi.sub(x.lo).gt(k.widest)) k.widest = x.hi.sub(x.lo);
  }
  for (const k of index.values()) k.figures.sort((a, b) => a.lo.compare(b.lo) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  indexes.set(figures, index);
  return index;
}

/** Figures of the kind whose interval meets [lo, hi] (null: unbounded). */
function meeting(k: KindIndex, lo: Fraction | null, hi: Fraction | null): KindIndex['figures'] {
  const list = k.figures;
  // First figure whose low end could reach lo: lo − widest.
  let start = 0;
  if (lo !== null) {
    const from = lo.sub(k.widest);
    let a = 0;
    let b = list.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (list[m]!.lo.lt(from)) a = m + 1;
      else b = m;
    }
    start = a;
  }
  const out: KindIndex['figures'] = [];
  for (let i = start; i < list.length; i++) {
    const f = list[i]!;
    if (hi !== null && f.lo.gt(hi)) break;
    if (lo === null || f.hi.gte(lo)) out.push(f);
  }
  return out;
}

export function detectWrongBase(c: DiagnoseContext): Slip | null {
  if (c.rule.kind !== 'claim' || holdsWith(c)) return null;
  const used = new Set(c.compiled.symbols);
  const index = indexOf(c.figures);
  const found: { text: string; count: number }[] = [];
  for (const id of c.compiled.symbols) {
    const figure = c.figures.get(id);
    const key = figure ? kindKey(figure) : null;
    if (!figure || key === null || !c.scope.get(id)) continue;
    const needed = neededFor(c, id);
    const k = index.get(key);
    if (!needed || !k) continue;
    const candidates = meeting(k, needed.lo, needed.hi).filter((f) => !used.has(f.id));
    // More candidates than could be reported: the claim is too loose for a replacement to explain it.
    if (candidates.length > MAX_ALTERNATIVES * 4) return null;
    const instead: string[] = [];
    for (const other of candidates) {
      if (holdsWith(c, { scope: withFigure(c.scope, id, other.figure.interval!) })) instead.push(`${other.id} (“${other.figure.written!.text}”)`);
    }
    if (instead.length) found.push({ text: `${orList(instead)} in place of ${id} (“${figure.written!.text}”)`, count: instead.length });
  }
  const total = found.reduce((n, f) => n + f.count, 0);
  if (total === 0 || total > MAX_ALTERNATIVES) return null;
  return { kind: 'wrong-base', message: `wrong base: the claim holds with ${orList(found.map((f) => f.text))}` };
}

export const wrongBaseSlip: SlipDetector = { kind: 'wrong-base', detect: detectWrongBase };
