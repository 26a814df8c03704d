/**
 * Is some value of a numeric expression over the box in the stated set? Decided by branch and
 * bound on the range of the expression.
 *
 * The expression is continuous on the box (its enclosure over the whole box did not fail), and the
 * box is connected, so its range is an interval R. The search keeps two things about R:
 *
 * - an outer bound [L, U] ⊇ R: the hull of the enclosures of the cells the box is cut into. If
 *   it misses the stated set, no point of the box can give a stated value: `fails`, and [L, U] is
 *   the proof;
 * - an inner bound [a, b] ⊆ R: a point pLow with f(pLow) ≤ a and a point pHigh with f(pHigh) ≥ b
 *   were evaluated exactly, so (intermediate values, along the segment between them) every value
 *   of [a, b] is taken. If it meets the stated set, the segment is searched for a point whose
 *   exact value lies in the set: that point is the witness, and the verdict `holds`.
 *
 * In between, the cell that holds the outer bound on the side the stated set lies on is split in
 * two, along the figure that moves the value most (its width times its derivative's size). A cell
 * on which the gradient enclosure proves the expression monotone in every figure has its exact
 * range at two corners — evaluated, it is never split again. So the dependency problem of
 * interval arithmetic (a figure named twice) costs a few cells, not a wrong verdict.
 *
 * Every evaluation is charged to the rule's budget; when it runs out first, `undecided`.
 */
import Fraction from 'fraction.js';
import { intervals as I, isNumber, monotoneSign, type Program } from '../../evaluate/index.js';
import type { Interval, StatedSet } from '../../model.js';
import type { Budget } from './budget.js';
import { admissible, along, corner, inward, middle, relativeWidth, rootCell, split, writtenPoint, type Cell, type Point, type Variable } from './box.js';
import { Heap } from './heap.js';
import { Probe } from './probe.js';
import { meets, whollyAbove, whollyBelow, within } from './sets.js';

export interface NumericSearch {
  program: Program;
  variables: readonly Variable[];
  set: StatedSet;
  budget: Budget;
  /**
   * Keep refining the outer bound until each end is within this of the inner one (for a range
   * worth showing); null: stop as soon as the verdict is proven.
   */
  tolerance: Fraction | null;
}

export interface Found {
  point: Point;
  /** The value there: exact, or a tight enclosure where a root rounds. */
  value: Interval;
}

export type NumericOutcome =
  | { verdict: 'holds'; witness: Found; atWritten: boolean; range: Interval }
  | { verdict: 'fails'; range: Interval }
  | { verdict: 'undecided'; range: Interval; reason: string };

interface Leaf {
  cell: Cell;
  enc: Interval;
  grad: readonly Interval[] | null;
  /** The enclosure is the exact range of the cell (monotone in every figure, corners evaluated). */
  exact: boolean;
  alive: boolean;
}

const lowerLo = (a: Leaf, b: Leaf): boolean => a.enc.lo === null || (b.enc.lo !== null && a.enc.lo.lt(b.enc.lo));
const higherHi = (a: Leaf, b: Leaf): boolean => a.enc.hi === null || (b.enc.hi !== null && a.enc.hi.gt(b.enc.hi));

/** The most steps a segment search takes (each halves the segment, or jumps by interpolation). */
const SEGMENT_STEPS = 200;

class NumericSearcher {
  private readonly probe: Probe;
  private readonly lows = new Heap<Leaf>(lowerLo);
  private readonly highs = new Heap<Leaf>(higherHi);
  /** The point of smallest known value (by its enclosure's high end) and of largest (by its low end). */
  private low: Found | undefined;
  private high: Found | undefined;
  /** A point whose value lies in the stated set. */
  private hit: Found | undefined;
  private readonly dims: number;

  constructor(private readonly s: NumericSearch) {
    this.probe = new Probe(s.program, s.budget, s.variables);
    this.dims = s.variables.length;
  }

  /** Evaluate an admissible point, remember it as an extreme or a hit. */
  private consider(p: Point | null): Found | undefined {
    if (!p || !admissible(this.s.variables, p)) return undefined;
    const v = this.probe.at(p);
    if (!v || !isNumber(v) || v.lo === null || v.hi === null) return undefined;
    const found: Found = { point: p, value: v };
    if (!this.low || v.hi.lt(this.low.value.hi!)) this.low = found;
    if (!this.high || v.lo.gt(this.high.value.lo!)) this.high = found;
    if (!this.hit && within(v, this.s.set)) this.hit = found;
    return found;
  }

  private leaf(cell: Cell, known?: Interval): Leaf {
    const d = this.probe.gradient(cell);
    let enc: Interval = d ? d.v : (known ?? (this.probe.enclose(cell) as Interval));
    if (known && d) enc = I.intersect(enc, known) ?? enc;
    const mid = inward(this.s.variables, cell, middle(cell));
    const atMid = this.consider(mid);
    let exact = false;
    if (d) {
      const signs = d.g.map((g, i) => (isDegenerate(cell[i]) ? 0 : monotoneSign(g)));
      if (signs.every((x) => x !== null)) {
        const toMin = signs.map((x) => (x! > 0 ? -1 : x! < 0 ? 1 : 0));
        const toMax = signs.map((x) => (x! > 0 ? 1 : x! < 0 ? -1 : 0));
        const lo = this.cornerValue(cell, toMin);
        const hi = this.cornerValue(cell, toMax);
        const bounded = (ends: readonly (-1 | 0 | 1)[]) => ends.every((e, i) => e === 0 || (e < 0 ? cell[i]!.lo : cell[i]!.hi) !== null);
        if (lo && hi && bounded(toMin) && bounded(toMax)) {
          enc = I.intersect(enc, { lo: lo.value.lo, hi: hi.value.hi }) ?? enc;
          // The range is known exactly; it is also reached only if neither corner sat on an open
          // end (a figure "above 12" never is 12): then splitting the cell cannot tell more.
          exact = lo.admissible && hi.admissible;
        }
      } else if (atMid && cell.every((x) => x && I.isBounded(x))) {
        enc = I.intersect(enc, meanValueForm(atMid, cell, d.g)) ?? enc;
      }
    }
    return { cell, enc, grad: d?.g ?? null, exact, alive: true };
  }

  /**
   * The value at a corner (for the bound), after considering it or, when it sits on an open end,
   * the nearest admissible point inside (then `admissible` is false: the bound is approached, not
   * reached, and a finer cell gets nearer).
   */
  private cornerValue(cell: Cell, ends: readonly (-1 | 0 | 1)[]): { value: Interval; admissible: boolean } | null {
    const p = corner(cell, ends);
    const v = this.probe.at(p);
    const q = inward(this.s.variables, cell, p);
    const moved = q.some((x, i) => x !== p[i]);
    if (moved) this.consider(q);
    else if (v && isNumber(v) && v.lo !== null && v.hi !== null && admissible(this.s.variables, p)) this.considerKnown(p, v);
    return v && isNumber(v) ? { value: v, admissible: !moved } : null;
  }

  private considerKnown(p: Point, v: Interval): void {
    const found: Found = { point: p, value: v };
    if (!this.low || v.hi!.lt(this.low.value.hi!)) this.low = found;
    if (!this.high || v.lo!.gt(this.high.value.lo!)) this.high = found;
    if (!this.hit && within(v, this.s.set)) this.hit = found;
  }

  private add(leaf: Leaf): void {
    this.lows.push(leaf);
    this.highs.push(leaf);
  }

  private top(heap: Heap<Leaf>): Leaf | undefined {
    while (heap.size > 0 && !heap.peek()!.alive) heap.pop();
    return heap.peek();
  }

  private outer(): Interval {
    return { lo: this.top(this.lows)?.enc.lo ?? null, hi: this.top(this.highs)?.enc.hi ?? null };
  }

  /** Every value in it is taken at some point of the box (null: not known yet). */
  private inner(): Interval | null {
    if (!this.low || !this.high) return null;
    const a = this.low.value.hi!;
    const b = this.high.value.lo!;
    return a.lte(b) ? { lo: a, hi: b } : null;
  }

  /** A point of the segment from the low point to the high point whose value is in the set. */
  private alongSegment(): Found | undefined {
    const from = this.low!;
    const to = this.high!;
    if (within(from.value, this.s.set)) return from;
    if (within(to.value, this.s.set)) return to;
    const target = targetOf(this.s.set, from.value, to.value);
    let t0 = new Fraction(0);
    let t1 = new Fraction(1);
    let f0 = I.midpoint(from.value);
    let f1 = I.midpoint(to.value);
    for (let k = 0; k < SEGMENT_STEPS && !this.s.budget.exhausted; k++) {
      // Interpolate first (exact for an expression affine along the segment), then halve.
      const tries: Fraction[] = [];
      if (!f1.equals(f0)) {
        const t = t0.add(target.sub(f0).div(f1.sub(f0)).mul(t1.sub(t0)));
        if (t.gt(t0) && t.lt(t1)) tries.push(roundDyadic(t, t0, t1));
      }
      tries.push(t0.add(t1).div(2));
      let moved = false;
      for (const t of tries) {
        const p = along(from.point, to.point, t);
        const v = this.probe.at(p);
        if (!v || !isNumber(v) || v.lo === null || v.hi === null) return undefined;
        if (within(v, this.s.set)) return { point: p, value: v };
        if (whollyBelow(v, this.s.set)) {
          t0 = t;
          f0 = I.midpoint(v);
          moved = true;
        } else if (whollyAbove(v, this.s.set)) {
          t1 = t;
          f1 = I.midpoint(v);
          moved = true;
        }
      }
      if (!moved) return undefined; // the value straddles an end of the set within its rounding
    }
    return undefined;
  }

  /** The figure to split: the one moving the value most, among those not proven monotone. */
  private splitVariable(leaf: Leaf): number {
    let best = -1;
    let bestScore = -1;
    for (let i = 0; i < this.dims; i++) {
      if (isDegenerate(leaf.cell[i])) continue;
      const g = leaf.grad?.[i];
      const monotone = g ? monotoneSign(g) !== null : false;
      const size = g ? magnitude(g) : 1;
      const score = relativeWidth(leaf.cell, this.s.variables, i) * (Number.isFinite(size) ? Math.max(size, 1e-300) : 1e300) * (monotone ? 1e-6 : 1);
      if (score > bestScore) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  }

  private refine(leaf: Leaf): boolean {
    const i = this.splitVariable(leaf);
    if (i < 0) return false;
    leaf.alive = false;
    for (const half of split(leaf.cell, i)) this.add(this.leaf(half));
    return true;
  }

  run(): NumericOutcome {
    const { s } = this;
    const repeated = s.program.repeated.some(Boolean);
    const root = rootCell(s.variables);
    const e0 = this.probe.enclose(root) as Interval;
    if (!meets(e0, s.set) && !repeated) return { verdict: 'fails', range: e0 };
    const written = writtenPoint(s.variables);
    const atWritten = this.consider(written);
    const writtenHolds = atWritten !== undefined && within(atWritten.value, s.set);
    if (writtenHolds && !repeated) return { verdict: 'holds', witness: atWritten, atWritten: true, range: e0 };
    this.add(this.leaf(root, e0));
    const tolerance = repeated ? s.tolerance : null;
    let verdict: 'holds' | 'fails' | undefined;
    let witness: Found | undefined = writtenHolds ? atWritten : undefined;
    for (;;) {
      const range = this.outer();
      if (!verdict && !meets(range, s.set)) verdict = 'fails';
      if (!verdict) {
        const inner = this.inner();
        if (!witness && this.hit) witness = this.hit;
        if (!witness && inner && meets(inner, s.set)) witness = this.alongSegment();
        if (witness) verdict = 'holds';
      }
      const gaps = this.gaps(range);
      const tight = tolerance !== null && gaps.low !== null && gaps.high !== null && gaps.low.lte(tolerance) && gaps.high.lte(tolerance);
      if (verdict && (tolerance === null || tight || s.budget.exhausted)) return this.finish(verdict, witness, written, range);
      if (s.budget.exhausted) return this.undecided(range);
      const side = verdict ? this.displaySide(gaps) : this.decisionSide();
      const leaf = this.top(side === 'low' ? this.lows : this.highs);
      if (!leaf || leaf.exact || !this.refine(leaf)) {
        // Nothing left to split on that side: the bound there is as good as it gets.
        if (verdict) return this.finish(verdict, witness, written, range);
        const other = this.top(side === 'low' ? this.highs : this.lows);
        if (!other || other.exact || !this.refine(other)) return this.undecided(range);
      }
    }
  }

  private finish(verdict: 'holds' | 'fails', witness: Found | undefined, written: Point | null, range: Interval): NumericOutcome {
    if (verdict === 'fails') return { verdict, range };
    const w = witness!;
    return { verdict, witness: w, atWritten: written !== null && w.point === written, range };
  }

  private undecided(range: Interval): NumericOutcome {
    return {
      verdict: 'undecided',
      range,
      reason: `the search stopped after ${this.s.budget.spent} evaluations (budget ${this.s.budget.limit}) without a value in the stated set or a proof that none exists`,
    };
  }

  /** How far the outer bound still lies beyond the inner one, per side (null: unbounded or no inner yet). */
  private gaps(range: Interval): { low: Fraction | null; high: Fraction | null } {
    const low = this.low && range.lo !== null ? this.low.value.hi!.sub(range.lo) : null;
    const high = this.high && range.hi !== null ? range.hi.sub(this.high.value.lo!) : null;
    return { low, high };
  }

  /** Which end of the range to refine for the display: the one with the wider gap. */
  private displaySide(g: { low: Fraction | null; high: Fraction | null }): 'low' | 'high' {
    if (g.low === null) return 'low';
    if (g.high === null) return 'high';
    return g.low.gte(g.high) ? 'low' : 'high';
  }

  /** Which end to refine to decide: the side of the inner bound the stated set lies on. */
  private decisionSide(): 'low' | 'high' {
    const inner = this.inner();
    const s = this.s.set;
    if (!inner) return this.low && s.hi !== null && this.low.value.hi!.gte(s.hi) ? 'low' : 'high';
    return whollyAbove(inner, s) ? 'low' : 'high';
  }
}

function isDegenerate(x: Interval | null | undefined): boolean {
  return !x || (x.lo !== null && x.hi !== null && x.lo.equals(x.hi));
}

/** |g| as a float, for ranking only. */
function magnitude(g: Interval): number {
  const { lo, hi } = I.toNumbers(g);
  return Math.max(Math.abs(lo), Math.abs(hi));
}

/** f(m) + Σ gᵢ·(Xᵢ − mᵢ): an enclosure that tightens quadratically as cells shrink. */
function meanValueForm(atMid: Found, cell: Cell, g: readonly Interval[]): Interval {
  let sum = atMid.value;
  cell.forEach((x, i) => {
    const m = atMid.point[i]!;
    sum = I.add(sum, I.mul(g[i]!, I.sub(x!, I.point(m))));
  });
  return sum;
}

/** The value aimed at along a segment: the middle of the set, or just inside a one-sided bound. */
function targetOf(s: StatedSet, a: Interval, b: Interval): Fraction {
  if (s.lo !== null && s.hi !== null) return s.lo.add(s.hi).div(2);
  const spread = I.midpoint(b).sub(I.midpoint(a)).abs().div(64);
  if (s.lo !== null) return s.lo.add(spread);
  if (s.hi !== null) return s.hi.sub(spread);
  return I.midpoint(a);
}

/** t rounded to a dyadic rational strictly between t0 and t1: interpolation must not grow the digits without bound. */
function roundDyadic(t: Fraction, t0: Fraction, t1: Fraction): Fraction {
  for (let bits = 8n; bits <= 256n; bits *= 2n) {
    const scale = 1n << bits;
    const r = new Fraction((t.n * scale) / t.d, scale);
    if (r.gt(t0) && r.lt(t1)) return r;
  }
  return t;
}

export function searchNumeric(search: NumericSearch): NumericOutcome {
  return new NumericSearcher(search).run();
}
