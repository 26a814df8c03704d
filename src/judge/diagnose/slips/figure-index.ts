/**
 * The figures of a rule set by value, for the wrong-base slip: "which figures of this kind
 * (percentage or not, unit word) have an interval meeting [lo, hi]?" is a binary search and a short
 * scan, not a pass over every figure. Built once per rule set, when its first failing claim asks.
 *
 * Built for speed on twenty thousand figures: sorted by a float bound below each low end (the
 * exact order except among near-ties) rather than by exact comparisons, and without the figures'
 * kinds (normalising unit words for every figure costs more than the sort): a query scans from a
 * conservative start to a conservative end, tests the interval of each figure exactly where the
 * bounds cannot tell, then the kind of the few that meet it, and sorts those it keeps by their
 * exact low ends (then ids).
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

/**
 * Same kind of quantity: both percentages (or both not), and the same unit word. The same unit
 * text needs no normalising (a unit word's lower case is not cheap, and most figures of a report
 * share a handful of units).
 */
export function sameKind(a: Figure, b: Figure): boolean {
  if (!a.written || !b.written || a.written.percent !== b.written.percent) return false;
  return (a.written.unit ?? a.unit ?? '') === (b.written.unit ?? b.unit ?? '') || unitOf(a) === unitOf(b);
}

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

/** The bounded, known figures of a rule set, by a float bound below their low ends. */
export interface FigureIndex {
  figures: Entry[];
  /** Per position: the largest float bound above a low end so far (non-decreasing: a binary search can use it). */
  reach: Float64Array;
  /** A float bound above the widest interval. */
  widest: number;
}

const indexes = new WeakMap<ReadonlyMap<string, Figure>, FigureIndex>();

export function indexOf(figures: ReadonlyMap<string, Figure>): FigureIndex {
  let index = indexes.get(figures);
  if (!index) indexes.set(figures, (index = build(figures)));
  return index;
}

function build(figures: ReadonlyMap<string, Figure>): FigureIndex {
  const list: Entry[] = [];
  const bounds = new Float64Array(4);
  figures.forEach((figure, id) => {
    const x = figure.interval;
    if (!figure.written || !x || x.lo === null || x.hi === null) return;
    // A figure beyond what doubles hold gets bounds that say nothing: it is tested exactly.
    const known = fractionBounds(x.lo, bounds, 0) && fractionBounds(x.hi, bounds, 2);
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

/** Bounds of a query's ends (one query at a time); an unknown end is bounded by ±∞. */
const queryBounds = new Float64Array(4);
const UNKNOWN = [-Infinity, Infinity];

/**
 * Figures of the kind of `like` (sameKind) whose interval meets [lo, hi] (null: unbounded), by
 * exact low end, then id.
 */
export function meeting(k: FigureIndex, like: Figure, lo: Fraction | null, hi: Fraction | null): Indexed[] {
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
    if (startsByHi && endsFromLo && sameKind(f.figure, like)) out.push(f);
  }
  return out.sort((x, y) => x.lo.compare(y.lo) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
