/**
 * The figures of a rule set by kind and value, for the wrong-base slip: "which figures of this
 * kind (percentage or not, unit word) have an interval meeting [lo, hi]?" is a lookup of the
 * kind, a binary search and a short scan, not a pass over every figure. Built once per rule set,
 * when its first failing claim asks.
 *
 * Built for speed on twenty thousand figures: each kind's figures are sorted by a float bound below
 * each low end (the exact order except among near-ties) rather than by exact comparisons; a query
 * scans from a conservative start to a conservative end, tests the interval of each figure exactly
 * where the bounds cannot tell, and sorts those it keeps by their exact low ends (then ids). The
 * kind is settled once per figure when the index is built: compared per query, it read each
 * candidate's figure and written number from wherever they lie in the heap, and that was the
 * query's main cost.
 */
import type Fraction from 'fraction.js';
import { down, fractionBounds, up } from '../../../evaluate/float-bounds.js';
import type { Figure } from '../../../model.js';

export interface Indexed {
  lo: Fraction;
  hi: Fraction;
  id: string;
  figure: Figure;
}

/** The unit word a figure is counted in, compared case-blind. */
function unitOf(f: Figure): string {
  return (f.written?.unit ?? f.unit ?? '').trim().toLowerCase();
}

/** A figure's kind: percentage or not, and its unit word case-blind (null: no written form, no kind). */
export function kindKey(f: Figure): string | null {
  return f.written ? `${f.written.percent ? '%' : ''}|${unitOf(f)}` : null;
}

interface Entry extends Indexed {
  /** Float bounds of the low end and of the high end. */
  loBelow: number;
  loAbove: number;
  hiBelow: number;
  hiAbove: number;
}

/** The bounded, known figures of one kind, by a float bound below their low ends. */
interface KindList {
  figures: Entry[];
  /** Per position: the largest float bound above a low end so far (non-decreasing: a binary search can use it). */
  reach: Float64Array;
  /** A float bound above the widest interval. */
  widest: number;
}

/** The bounded, known figures of a rule set, by kind (`kindKey`). */
export type FigureIndex = ReadonlyMap<string, KindList>;

const indexes = new WeakMap<ReadonlyMap<string, Figure>, FigureIndex>();

export function indexOf(figures: ReadonlyMap<string, Figure>): FigureIndex {
  let index = indexes.get(figures);
  if (!index) indexes.set(figures, (index = build(figures)));
  return index;
}

function build(figures: ReadonlyMap<string, Figure>): FigureIndex {
  const byKind = new Map<string, Entry[]>();
  const bounds = new Float64Array(4);
  figures.forEach((figure, id) => {
    const x = figure.interval;
    const kind = kindKey(figure);
    if (kind === null || !x || x.lo === null || x.hi === null) return;
    // A figure beyond what doubles hold gets bounds that say nothing: it is tested exactly.
    const known = fractionBounds(x.lo, bounds, 0) && fractionBounds(x.hi, bounds, 2);
    let list = byKind.get(kind);
    if (!list) byKind.set(kind, (list = []));
    list.push({
      lo: x.lo,
      hi: x.hi,
      id,
      figure,
      loBelow: known ? bounds[0]! : -Infinity,
      loAbove: known ? bounds[1]! : Infinity,
      hiBelow: known ? bounds[2]! : -Infinity,
      hiAbove: known ? bounds[3]! : Infinity,
    });
  });
  const index = new Map<string, KindList>();
  for (const [kind, list] of byKind) index.set(kind, sortedList(list));
  return index;
}

function sortedList(list: Entry[]): KindList {
  // By loBelow, in place (the exact order is restored on the few a query keeps).
  list.sort((a, b) => (a.loBelow < b.loBelow ? -1 : a.loBelow > b.loBelow ? 1 : 0));
  const reach = new Float64Array(list.length);
  let widest = 0;
  let most = -Infinity;
  list.forEach((e, i) => {
    most = Math.max(most, e.loAbove);
    reach[i] = most;
    widest = Math.max(widest, up(e.hiAbove - e.loBelow));
  });
  return { figures: list, reach, widest: Number.isNaN(widest) ? Infinity : widest };
}

/**
 * The float bounds of a figure the index found (quick.ts `boundsOfInterval`), written into `out`
 * from what the entry holds: no lookup, and no trip to the figure's interval; null when they say
 * nothing (beyond doubles) or the interval is empty.
 */
export function boundsOfEntry(found: Indexed, out: Float64Array): Float64Array | null {
  const e = found as Entry;
  if (e.loBelow === -Infinity || (e.loAbove > e.hiBelow && e.lo.gt(e.hi))) return null;
  out[0] = e.loBelow;
  out[1] = e.loAbove;
  out[2] = e.hiBelow;
  out[3] = e.hiAbove;
  return out;
}

/** Bounds of a query's ends (one query at a time); an unknown end is bounded by ±∞. */
const queryBounds = new Float64Array(4);
const UNKNOWN = [-Infinity, Infinity];

/**
 * Figures of the kind of `like` (`kindKey`) whose interval meets [lo, hi] (null: unbounded), by
 * exact low end, then id.
 */
export function meeting(index: FigureIndex, like: Figure, lo: Fraction | null, hi: Fraction | null): Indexed[] {
  const kind = kindKey(like);
  const k = kind === null ? undefined : index.get(kind);
  if (!k) return [];
  const list = k.figures;
  const b = queryBounds;
  if (lo === null || !fractionBounds(lo, b, 0)) b.set(UNKNOWN, 0);
  if (hi === null || !fractionBounds(hi, b, 2)) b.set(UNKNOWN, 2);
  const [loBelow, loAbove, hiBelow, hiAbove] = [b[0]!, b[1]!, b[2]!, b[3]!];
  let start = 0;
  if (lo !== null) {
    // A figure reaches lo only if its low end is at or after lo − widest. `reach` is a bound
    // above every low end so far, so all figures before the first reach ≥ a bound below
    // lo − widest end before lo.
    const from = down(loBelow - k.widest);
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
    // Sorted by loBelow: once it is above hi, every low end from here on is.
    if (hi !== null && f.loBelow > hiAbove) break;
    const startsByHi = hi === null || (f.loAbove <= hiBelow ? true : f.loBelow > hiAbove ? false : f.lo.lte(hi));
    const endsFromLo = lo === null || (f.hiBelow >= loAbove ? true : f.hiAbove < loBelow ? false : f.hi.gte(lo));
    if (startsByHi && endsFromLo) out.push(f);
  }
  return out.sort((x, y) => x.lo.compare(y.lo) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
