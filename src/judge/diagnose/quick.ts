/**
 * Quick answers to the questions the diagnosis asks of an enclosure — does it meet the stated set,
 * is its middle above or below the target — from the float bounds of its ends
 * (evaluate/float-bounds.ts) when they decide, else from the exact enclosure. The answer is the
 * exact one either way: floats only spare the Fractions when the doubles leave no doubt, which is
 * nearly always away from the edge of the set. The callers charge every evaluation to the budget
 * as before, so a search takes the same steps and stops at the same place.
 */
import type Fraction from 'fraction.js';
import { down, fractionBounds, intervalBounds, up } from '../../evaluate/float-bounds.js';
import type { Interval, StatedSet } from '../../model.js';

/** Bounds of intervals already asked about: figures' intervals are asked about again and again. */
const intervalCache = new WeakMap<Interval, Float64Array | null>();

/** An interval's four bounds (float-bounds.ts `intervalBounds`); null when unbounded, empty or beyond doubles. */
export function boundsOfInterval(x: Interval): Float64Array | null {
  let b = intervalCache.get(x);
  if (b === undefined) {
    b = new Float64Array(4);
    // An empty interval is refused by the exact evaluation: floats answer only for lo ≤ hi.
    if (!intervalBounds(x, b, 0) || (b[1]! > b[2]! && x.lo!.gt(x.hi!))) b = null;
    intervalCache.set(x, b);
  }
  return b;
}

/**
 * The float box of a scope for a program's slots, into `box`; false when a figure is unknown,
 * unbounded, missing or too large (the exact evaluation decides those). The figure `skip`, if
 * named, is left for the caller to write.
 */
export function fillBox(slots: readonly string[], scope: ReadonlyMap<string, Interval | null>, box: Float64Array, skip?: string): boolean {
  for (let s = 0; s < slots.length; s++) {
    if (slots[s] === skip) continue;
    const x = scope.get(slots[s]!);
    if (!x) return false;
    const b = boundsOfInterval(x);
    if (!b) return false;
    box[4 * s] = b[0]!;
    box[4 * s + 1] = b[1]!;
    box[4 * s + 2] = b[2]!;
    box[4 * s + 3] = b[3]!;
  }
  return true;
}

/** A stated set's ends as bounds: [lo below, lo above, hi below, hi above]; NaN for an open-ended side. */
const setCache = new WeakMap<StatedSet, Float64Array | null>();

/** Float bounds of a stated set's ends (cached per set), or null when too large for doubles. */
export function setBounds(s: StatedSet): Float64Array | null {
  let b = setCache.get(s);
  if (b === undefined) {
    b = new Float64Array(4).fill(NaN);
    if ((s.lo !== null && !fractionBounds(s.lo, b, 0)) || (s.hi !== null && !fractionBounds(s.hi, b, 2))) b = null;
    setCache.set(s, b);
  }
  return b;
}

/**
 * Does the enclosure whose ends the bounds hold (x[o] to x[o + 3], as float-bounds.ts writes them)
 * meet the set (sets.ts `meets`)? null when the doubles cannot tell.
 */
export function quickMeets(x: Float64Array, s: StatedSet, o = 0): boolean | null {
  const sb = setBounds(s);
  return sb && meetsWithin(x, o, s, sb);
}

/** `quickMeets` with the set's bounds at hand. */
export function meetsWithin(x: Float64Array, o: number, s: StatedSet, sb: Float64Array): boolean | null {
  let sure = true;
  if (s.lo !== null) {
    // x.hi ≥ s.lo (> when the set is open there): x.hi is in [x[o + 2], x[o + 3]], s.lo in [sb[0], sb[1]].
    if (s.loOpen ? x[o + 3]! <= sb[0]! : x[o + 3]! < sb[0]!) return false;
    if (!(s.loOpen ? x[o + 2]! > sb[1]! : x[o + 2]! >= sb[1]!)) sure = false;
  }
  if (s.hi !== null) {
    // x.lo ≤ s.hi (< when open): x.lo is in [x[o], x[o + 1]], s.hi in [sb[2], sb[3]].
    if (s.hiOpen ? x[o]! >= sb[3]! : x[o]! > sb[3]!) return false;
    if (!(s.hiOpen ? x[o + 1]! < sb[2]! : x[o + 1]! <= sb[2]!)) sure = false;
  }
  return sure ? true : null;
}

/** Bounds of a target value, once per target. */
const targetCache = new WeakMap<Fraction, Float64Array | null>();

/** Float bounds of a target value (cached per target), or null when too large for doubles. */
export function targetBounds(target: Fraction): Float64Array | null {
  let t = targetCache.get(target);
  if (t === undefined) {
    t = new Float64Array(2);
    if (!fractionBounds(target, t, 0)) t = null;
    targetCache.set(target, t);
  }
  return t;
}

/**
 * Which side of the target the enclosure's middle is on (−1 below, 1 above); null when the
 * doubles cannot tell (the middle may be the target itself).
 */
export function quickSide(x: Float64Array, target: Fraction, o = 0): -1 | 1 | null {
  const t = targetBounds(target);
  return t && sideWithin(x, o, t);
}

/** `quickSide` with the target's bounds at hand. */
export function sideWithin(x: Float64Array, o: number, t: Float64Array): -1 | 1 | null {
  // (lo + hi) / 2: the sum rounds once (the halving only below the normal range), then a step outward.
  const below = down((x[o]! + x[o + 2]!) / 2);
  const above = up((x[o + 1]! + x[o + 3]!) / 2);
  if (below > t[1]!) return 1;
  if (above < t[0]!) return -1;
  return null;
}
