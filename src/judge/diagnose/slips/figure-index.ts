/**
 * The figures of a rule set by kind (percentage or not, unit word) and by value, for the wrong-base
 * slip: "which figures of this kind have an interval meeting [lo, hi]?" is a binary search and a
 * short scan, not a pass over every figure. Built once per rule set, when its first failing claim
 * asks.
 *
 * Sorting twenty thousand figures by their exact low ends costs a quarter of a million Fraction
 * comparisons; the index sorts by float bounds of the low ends instead and compares exactly only
 * the pairs those bounds cannot order, so the order is the exact one (low end, then id). The
 * search may start a little early (a bound is not the end itself); figures before the true start
 * end below the query and are passed over by the exact test of the scan.
 */
import type Fraction from 'fraction.js';
import { down, fractionBounds, up } from '../../../evaluate/float-bounds.js';
import { intervals as I } from '../../../evaluate/index.js';
import type { Figure } from '../../../model.js';

export interface Indexed {
  lo: Fraction;
  hi: Fraction;
  id: string;
  figure: Figure;
}

/** The bounded, known figures of one kind, in the exact order of their low ends (then ids). */
export interface KindIndex {
  figures: Indexed[];
  /** Per position: the largest float bound above a low end so far (non-decreasing: a binary search can use it). */
  reach: Float64Array;
  /** A float bound above the widest interval of the kind. */
  widest: number;
}

/** The unit word a figure is counted in, compared case-blind. */
function unitOf(f: Figure): string {
  return (f.written?.unit ?? f.unit ?? '').trim().toLowerCase();
}

/** Same kind of quantity: both percentages (or both not), and the same unit word. */
export function sameKind(a: Figure, b: Figure): boolean {
  if (!a.written || !b.written) return false;
  return a.written.percent === b.written.percent && unitOf(a) === unitOf(b);
}

export function kindKey(f: Figure): string | null {
  return f.written ? `${f.written.percent ? '%' : ''}|${unitOf(f)}` : null;
}

interface Entry extends Indexed {
  /** Float bounds of the low end, and one above the high end. */
  loBelow: number;
  loAbove: number;
  hiAbove: number;
}

const indexes = new WeakMap<ReadonlyMap<string, Figure>, Map<string, KindIndex>>();

export function indexOf(figures: ReadonlyMap<string, Figure>): Map<string, KindIndex> {
  let index = indexes.get(figures);
  if (!index) indexes.set(figures, (index = build(figures)));
  return index;
}

function build(figures: ReadonlyMap<string, Figure>): Map<string, KindIndex> {
  const byKind = new Map<string, Entry[]>();
  const bounds = new Float64Array(4);
  for (const [id, figure] of figures) {
    const key = kindKey(figure);
    const x = figure.interval;
    if (key === null || !x || !I.isBounded(x)) continue;
    let list = byKind.get(key);
    if (!list) byKind.set(key, (list = []));
    // A figure beyond what doubles hold gets bounds that order it only exactly.
    const known = fractionBounds(x.lo, bounds, 0) && fractionBounds(x.hi, bounds, 2);
    list.push({ lo: x.lo, hi: x.hi, id, figure, loBelow: known ? bounds[0]! : -Infinity, loAbove: known ? bounds[1]! : Infinity, hiAbove: known ? bounds[3]! : Infinity });
  }
  const index = new Map<string, KindIndex>();
  for (const [key, list] of byKind) {
    list.sort(byLowEnd);
    const reach = new Float64Array(list.length);
    let widest = 0;
    let most = -Infinity;
    list.forEach((e, i) => {
      most = Math.max(most, e.loAbove);
      reach[i] = most;
      widest = Math.max(widest, up(e.hiAbove - e.loBelow));
    });
    index.set(key, { figures: list, reach, widest: Number.isNaN(widest) ? Infinity : widest });
  }
  return index;
}

/** Exact order of low ends, then ids: by the float bounds where they do not overlap. */
function byLowEnd(a: Entry, b: Entry): number {
  if (a.loAbove < b.loBelow) return -1;
  if (b.loAbove < a.loBelow) return 1;
  return a.lo.compare(b.lo) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Figures of the kind whose interval meets [lo, hi] (null: unbounded), in the index's order. */
export function meeting(k: KindIndex, lo: Fraction | null, hi: Fraction | null): Indexed[] {
  const list = k.figures;
  let start = 0;
  if (lo !== null) {
    // The first figure whose low end could reach lo: at or after lo − widest. `reach` is a bound
    // above every low end so far, so all before the first reach ≥ a bound below lo − widest are
    // surely earlier.
    const b = new Float64Array(2);
    const from = fractionBounds(lo, b, 0) ? down(b[0]! - k.widest) : -Infinity;
    let a = 0;
    let z = list.length;
    while (a < z) {
      const m = (a + z) >>> 1;
      if (k.reach[m]! < from) a = m + 1;
      else z = m;
    }
    start = a;
  }
  const out: Indexed[] = [];
  for (let i = start; i < list.length; i++) {
    const f = list[i]!;
    if (hi !== null && f.lo.gt(hi)) break;
    if (lo === null || f.hi.gte(lo)) out.push(f);
  }
  return out;
}
