/**
 * Implied values: for a claim (or assertion) that does not hold, the values one input figure
 * would need for it to hold, every other figure as read. Found by search, not algebra: the expression is evaluated
 * (exactly, over intervals) with the figure at a point, and bisection on exact rationals finds
 * where the computed interval starts and stops meeting the stated set. The expressions are
 * monotone in each input in practice, but nothing here relies on it:
 *
 * 1. a seed — a value that makes the claim hold — is sought outward from the figure's written
 *    value, on both sides, at distances growing geometrically; where the computed value crosses
 *    the stated target between two probes, bisection narrows down on the crossing;
 * 2. from the seed, each edge of the set of values that hold is bracketed (steps doubling) and
 *    bisected down to one step of a grid a thousand times finer than the figure's last written
 *    digit (for an exact count, the integers); when the values that hold fall between two
 *    points of that grid, the search starts again there on a grid a thousand times finer;
 * 3. the value reported is the one that gives exactly the stated value with every figure at its
 *    written value ("≈ 8.056"), rounded to the figure's written decimals, and kept only after
 *    checking that it makes the claim hold.
 *
 * When the set that holds is not connected, the part nearest the written value is reported.
 */
import Fraction from 'fraction.js';
import { down, up } from '../../evaluate/float-bounds.js';
import type { Figure, ImpliedValue, Interval, StatedSet } from '../../model.js';
import { digitUnit, halfUnit } from '../../numbers/index.js';
import { factorSuffix, roundLike, showInterval, showValue } from '../show.js';
import { intervals as I, isNumber, type Value } from '../../evaluate/index.js';
import { evaluationCost, exactValue, holdsWith, isClaim, mayHold, setWith, withPoint, type ClaimContext, type DiagnoseContext } from './context.js';
import { GridBounds } from './grid-bounds.js';
import { meetsWithin, setBounds, sideWithin, targetBounds } from './quick.js';

/** Probes of the seed search: distances 2^j · max(|value|, 1000 steps), j from −12 to 40. */
const SCAN_FROM = -12;
const SCAN_TO = 40;

interface Grid {
  origin: Fraction;
  step: Fraction;
}

/** How many times a grid is made a thousand times finer when the values that hold fall between its points. */
const REFINEMENTS = 3;

/** Grid points up to this are numbers exactly. */
const SAFE_STEPS = BigInt(Number.MAX_SAFE_INTEGER);
const MINUS_SAFE_STEPS = -SAFE_STEPS;

const at = (grid: Grid, n: bigint): Fraction => grid.origin.add(grid.step.mul(new Fraction(n, 1n)));
const absBig = (n: bigint) => (n < 0n ? -n : n);

/** The search grid: a thousandth of the figure's last written digit, or its own digit if exact. */
function gridOf(figure: Figure, interval: Interval): Grid {
  const w = figure.written;
  const origin = w && !w.range && I.contains(interval, w.value) ? w.value : I.midpoint(interval);
  if (w) {
    const digit = digitUnit(w);
    return { origin, step: figure.exact ? digit : digit.div(1000) };
  }
  const width = I.width(interval);
  if (width && width.gt(0)) return { origin, step: width.div(1000) };
  const magnitude = origin.abs();
  return { origin, step: magnitude.gt(0) ? magnitude.div(1_000_000_000) : new Fraction(1, 1_000_000_000) };
}

/** The target of a claim's own stated set, once per claim (each figure's search aims at it). */
const targets = new WeakMap<StatedSet, Fraction>();

function targetOf(set: StatedSet, c: ClaimContext): Fraction {
  let target = targets.get(set);
  if (!target) targets.set(set, (target = targetIn(set, c)));
  return target;
}

/** The value aimed at: the middle of the stated set, or just inside a one-sided bound. */
function targetIn(set: StatedSet, c: ClaimContext): Fraction {
  if (set.lo && set.hi) return set.lo.add(set.hi).div(2);
  const h = halfUnit(c.rule.stated);
  if (set.lo) return set.lo.add(h);
  if (set.hi) return set.hi.sub(h);
  return c.rule.stated.value;
}

function sign(x: Fraction): -1 | 0 | 1 {
  return x.n === 0n ? 0 : x.s < 0n ? -1 : 1;
}

interface Probe {
  readonly holds: boolean;
  /** The expression could be evaluated there (false at a pole or outside its domain). */
  readonly defined: boolean;
  /** Which side of the target the computed value's midpoint is on (null: cannot evaluate, or an assertion). */
  readonly side: -1 | 0 | 1 | null;
}

/** The sixteen possible probes, made once: a search of a hundred probes allocates none. */
const PROBES: readonly Probe[] = [false, true].flatMap((holds) =>
  [false, true].flatMap((defined) => ([-1, 0, 1, null] as const).map((side) => Object.freeze({ holds, defined, side }))),
);

function probeOf(holds: boolean, defined: boolean, side: -1 | 0 | 1 | null): Probe {
  return PROBES[(holds ? 8 : 0) + (defined ? 4 : 0) + (side === null ? 3 : side + 1)]!;
}

const NOTHING = probeOf(false, false, null);

class Solver {
  /**
   * One evaluation per grid point, however often the search looks at it. Keyed by the point as a
   * number while it is one exactly (a BigInt key is hashed from its digits on every lookup).
   */
  private readonly probes = new Map<number | bigint, Probe>();
  /** The value a claim aims at; null for an assertion (only "holds or not" guides the search). */
  private readonly target: Fraction | null;
  private readonly set: StatedSet | undefined;
  /** For the point solution, every figure at its written value (shared, never changed). */
  private readonly pointScope: ReadonlyMap<string, Interval | null>;
  /** Figures named twice make the enclosure overestimate: each probe is then decided, not just enclosed. */
  private readonly repeated: boolean;
  /** Float bounds at grid points: most probes are answered by them, the rest exactly. */
  private readonly floats: GridBounds;
  /** The search's radius, max(|value|, 1000 steps), in grid steps. */
  private readonly radius: Fraction;
  /** What one evaluation is charged (context.ts `chargeEvaluation`), asked once. */
  private readonly cost: number;
  /**
   * The first pair of neighbouring grid points between which the computed value crosses the
   * target with neither holding: the set that holds, if any, is narrower than a step there.
   */
  crossing: bigint | null = null;
  /** Float bounds of the stated set and of the target (null: none, or too large for doubles). */
  private readonly setFloats: Float64Array | null;
  private readonly targetFloats: Float64Array | null;

  constructor(
    private readonly c: DiagnoseContext,
    private readonly id: string,
    readonly grid: Grid,
  ) {
    this.set = isClaim(c) ? setWith(c) : undefined;
    this.target = isClaim(c) ? targetOf(this.set!, c) : null;
    this.pointScope = pointScopeOf(c);
    this.repeated = c.compiled.program.repeated.some(Boolean);
    this.floats = new GridBounds(c.compiled, id, grid.origin, grid.step, c.scope, this.pointScope);
    this.radius = maxOf(grid.origin.abs(), grid.step.mul(1000)).div(grid.step);
    this.cost = evaluationCost(c, c.compiled.program);
    this.setFloats = this.set ? setBounds(this.set) : null;
    this.targetFloats = this.target !== null ? targetBounds(this.target) : null;
  }

  private sideOf(v: Interval | null): -1 | 0 | 1 | null {
    return v && this.target !== null && I.isBounded(v) ? sign(v.lo.add(v.hi).div(2).sub(this.target)) : null;
  }

  probe(n: bigint): Probe {
    const key = n >= MINUS_SAFE_STEPS && n <= SAFE_STEPS ? Number(n) : n;
    let p = this.probes.get(key);
    if (!p) {
      if (this.c.budget.exhausted) return NOTHING;
      p = this.evaluateProbe(n);
      this.probes.set(key, p);
    }
    return p;
  }

  /** One evaluation at grid point n, charged as one: floats when they answer both questions, else exact. */
  private evaluateProbe(n: bigint): Probe {
    if (!this.c.budget.charge(this.cost)) return NOTHING;
    if (this.setFloats && this.targetFloats && this.floats.at(n, false)) {
      const possible = meetsWithin(this.floats.values, this.floats.offset, this.set!, this.setFloats);
      const side = sideWithin(this.floats.values, this.floats.offset, this.targetFloats);
      if (possible !== null && side !== null) {
        const holds = possible && (!this.repeated || holdsWith(this.c, { scope: this.scopeAt(n) }));
        return probeOf(holds, true, side);
      }
    }
    const scope = this.scopeAt(n);
    const value = exactValue(this.c.compiled, scope);
    const possible = mayHold(this.c, value, this.set);
    const holds = possible && (!this.repeated || holdsWith(this.c, { scope }));
    return probeOf(holds, value !== null, this.sideOf(value && 'lo' in value ? value : null));
  }

  private scopeAt(n: bigint): Map<string, Interval | null> {
    return withPoint(this.c.scope, this.id, at(this.grid, n));
  }

  /** ⌊2^j · radius⌋ in grid steps, the radius max(|value|, 1000 steps): where the search looks. */
  private stepsAt(j: number): bigint {
    const r = this.radius;
    return j >= 0 ? (r.n << BigInt(j)) / r.d : r.n / (r.d << BigInt(-j));
  }

  /** Does the rule hold with the figure at grid point n? */
  holds(n: bigint): boolean {
    return this.probe(n).holds;
  }

  holdsAt(x: Fraction): boolean {
    return holdsWith(this.c, { scope: withPoint(this.c.scope, this.id, x) });
  }

  /** The side of grid point n, with the other figures as read or (points) at their written values. */
  side(n: bigint, points = false): -1 | 0 | 1 | null {
    if (!points) return this.probe(n).side;
    if (!this.c.budget.charge(this.cost)) return null;
    const quick = this.targetFloats && this.floats.at(n, true) ? sideWithin(this.floats.values, this.floats.offset, this.targetFloats) : null;
    if (quick) return quick;
    return this.sideOf(numberOrNull(this.pointValue(n)));
  }

  /** The exact value at grid point n, every other figure at its written value (not charged: the caller was). */
  private pointValue(n: bigint): Value | null {
    return exactValue(this.c.compiled, withPoint(this.pointScope, this.id, at(this.grid, n)));
  }

  /** Bisect [a, b] (sides differ, a on side sa) for a point that holds. */
  private bisectSides(a: bigint, b: bigint, sa: -1 | 0 | 1): bigint | null {
    let lo = a;
    let hi = b;
    while (absBig(hi - lo) > 1n) {
      const m = (lo + hi) / 2n;
      if (this.holds(m)) return m;
      const sm = this.side(m);
      if (sm === null) return null; // a pole or a hole between the probes: look further
      if (sm === sa) lo = m;
      else hi = m;
    }
    if (this.holds(lo)) return lo;
    if (this.holds(hi)) return hi;
    if (this.crossing === null && this.side(hi) !== sa) this.crossing = lo < hi ? lo : hi;
    return null;
  }

  /**
   * From a defined probe `from` (on side `s`) toward an undefined one `to`: probes closing in on
   * `to` geometrically, for a point that holds or a change of side to bisect.
   */
  private approach(from: bigint, to: bigint, s: -1 | 0 | 1): bigint | null {
    let last = from;
    let hole = to;
    for (let i = 0; i < 200 && absBig(hole - last) > 1n && !this.c.budget.exhausted; i++) {
      const m = hole - (hole - last) / 2n;
      if (m === last || m === hole) break;
      if (this.holds(m)) return m;
      if (!this.probe(m).defined) {
        hole = m;
        continue;
      }
      const sm = this.side(m);
      if (sm !== null && sm !== s) return this.bisectSides(last, m, s);
      last = m;
    }
    return null;
  }

  /** A grid point where the claim holds, nearest the written value first. */
  seed(): bigint | null {
    // By direction (1 or −1).
    const prev = new Map<number, { n: bigint; s: -1 | 0 | 1 }>();
    const s0 = this.side(0n);
    if (s0 !== null) {
      prev.set(1, { n: 0n, s: s0 });
      prev.set(-1, { n: 0n, s: s0 });
    }
    const holes = new Map<number, bigint>();
    let last = 0n;
    for (let j = SCAN_FROM; j <= SCAN_TO && !this.c.budget.exhausted; j++) {
      let k = this.stepsAt(j);
      if (k <= last) k = last + 1n;
      last = k;
      for (const dir of [1n, -1n]) {
        const n = dir * k;
        if (this.holds(n)) return n;
        const p = prev.get(Number(dir));
        if (!this.probe(n).defined) {
          // A pole or the edge of the domain (÷ 0) between the probes: the claim may hold just
          // before it (growth(a, b) for b → 0 grows without bound), so close in on it — from
          // this side now, from the far side at the next defined probe.
          if (p) {
            const found = this.approach(p.n, n, p.s);
            if (found !== null) return found;
          }
          holes.set(Number(dir), n);
          continue;
        }
        const s = this.side(n);
        const hole = holes.get(Number(dir));
        if (hole !== undefined && s !== null) {
          holes.delete(Number(dir));
          const found = this.approach(n, hole, s);
          if (found !== null) return found;
        }
        if (s === null) continue;
        if (p && s !== p.s) {
          const found = this.bisectSides(p.n, n, p.s);
          if (found !== null) return found;
        }
        prev.set(Number(dir), { n, s });
      }
    }
    return null;
  }

  /** The last grid point from `seed` in direction `dir` where the claim still holds; null if it never stops. */
  edge(seed: bigint, dir: 1n | -1n): bigint | null {
    const maxStep = this.stepsAt(SCAN_TO + 2) + 1n;
    let inside = seed;
    let outside = seed;
    // Start near the scale the seed was found at (the needed set is seldom much narrower), so the
    // doubling and the bisection after it take few steps; a narrower set only costs the bisection.
    const start = absBig(seed) / 16n > 1n ? absBig(seed) / 16n : 1n;
    for (let step = start; ; step *= 2n) {
      if (this.c.budget.exhausted) return null;
      const n = seed + dir * step;
      if (!this.holds(n)) {
        outside = n;
        break;
      }
      inside = n;
      if (step > maxStep) return null;
    }
    while (absBig(outside - inside) > 1n) {
      const m: bigint = (inside + outside) / 2n;
      if (this.holds(m)) inside = m;
      else outside = m;
    }
    return inside;
  }

  /**
   * The value that gives the target with every other figure at its written value (the midpoint
   * of its interval), between grid points lo and hi where it is bracketed; null if it is not.
   */
  pointSolution(lo: bigint, hi: bigint): Fraction | null {
    const sLo = this.side(lo, true);
    const sHi = this.side(hi, true);
    if (sLo === null || sHi === null) return null;
    if (sLo === 0) return at(this.grid, lo);
    if (sHi === 0) return at(this.grid, hi);
    if (sLo === sHi) return null;
    let a = lo;
    let b = hi;
    while (b - a > 1n) {
      const m = (a + b) / 2n;
      const s = this.side(m, true);
      if (s === null) return null;
      if (s === 0) return at(this.grid, m);
      if (s === sLo) a = m;
      else b = m;
    }
    // Of the two grid points around the solution, the one giving the value nearer the target.
    const ga = this.gapAt(a);
    const gb = this.gapAt(b);
    const aNearer = ga && gb ? quickNearer(ga, gb) : null;
    if (aNearer !== null) return aNearer ? at(this.grid, a) : at(this.grid, b);
    const ea = ga && this.exactGap(a);
    const eb = gb && this.exactGap(b);
    if (!ea || !eb) return at(this.grid, a).add(at(this.grid, b)).div(2);
    return ea.abs().lte(eb.abs()) ? at(this.grid, a) : at(this.grid, b);
  }

  /**
   * The gap (computed midpoint − target) at grid point n, every other figure at its written value,
   * charged as one evaluation: its float bounds, or `true` when only the exact gap can say (null:
   * no target, or the budget is spent).
   */
  private gapAt(n: bigint): [number, number] | true | null {
    if (this.target === null || !this.c.budget.charge(this.cost)) return null;
    const t = this.floats.at(n, true) ? gapBounds(this.floats.values, this.floats.offset, this.target) : null;
    return t ?? true;
  }

  /** The exact gap at grid point n (not charged: `gapAt` was); null where it cannot be computed. */
  private exactGap(n: bigint): Fraction | null {
    const v = numberOrNull(this.pointValue(n));
    return v && I.isBounded(v) ? v.lo.add(v.hi).div(2).sub(this.target!) : null;
  }
}

function numberOrNull(v: Value | null): Interval | null {
  return v && isNumber(v) ? v : null;
}

/** Bounds of the gap (lo + hi)/2 − target from the enclosure's bounds; null when too large for doubles. */
function gapBounds(x: Float64Array, o: number, target: Fraction): [number, number] | null {
  const t = targetBounds(target);
  if (!t) return null;
  const lo = down(down((x[o]! + x[o + 2]!) / 2) - t[1]!);
  const hi = up(up((x[o + 1]! + x[o + 3]!) / 2) - t[0]!);
  return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

/** Is |a| ≤ |b| for gaps with these bounds (or `true`: known only exactly)? null when the doubles cannot tell. */
function quickNearer(a: [number, number] | true, b: [number, number] | true): boolean | null {
  if (a === true || b === true) return null;
  const [aLo, aHi] = absBounds(a);
  const [bLo, bHi] = absBounds(b);
  if (aHi <= bLo) return true;
  if (aLo > bHi) return false;
  return null;
}

function absBounds([lo, hi]: [number, number]): [number, number] {
  if (lo >= 0) return [lo, hi];
  if (hi <= 0) return [-hi, -lo];
  return [0, Math.max(-lo, hi)];
}

/** Every figure at its written value (the middle of its interval if none is inside it): once per diagnosis. */
const pointScopes = new WeakMap<DiagnoseContext, Map<string, Interval | null>>();

function pointScopeOf(c: DiagnoseContext): Map<string, Interval | null> {
  let scope = pointScopes.get(c);
  if (!scope) {
    scope = new Map();
    for (const [k, x] of c.scope) {
      const written = c.figures.get(k)?.written?.value;
      scope.set(k, x === null ? null : I.point(written && I.contains(x, written) ? written : I.midpoint(x)));
    }
    pointScopes.set(c, scope);
  }
  return scope;
}

function maxOf(a: Fraction, b: Fraction): Fraction {
  return a.gte(b) ? a : b;
}

/**
 * The values `id` would need: null when no value of it alone makes the claim hold, else the
 * bounds (null for a side that does not end) and a checked representative value.
 */
export interface NeededValues {
  lo: Fraction | null;
  hi: Fraction | null;
  /** A value inside, as reported (rounded like the figure), that makes the claim hold. */
  value: Fraction;
  /** Decimals `value` is written with. */
  decimals: number;
  /** Set when `value` is a bound of the needed values rather than a point (assertions). */
  bound?: 'at-most' | 'at-least';
}

/**
 * The values `id` would need (solveFor), computed once per diagnosis: the implied values and the
 * wrong-base slip both use them.
 */
export function neededFor(c: DiagnoseContext, id: string): NeededValues | null {
  const cache = (c.needed ??= new Map());
  if (!cache.has(id)) cache.set(id, solveFor(c, id));
  return cache.get(id)!;
}

export function solveFor(c: DiagnoseContext, id: string): NeededValues | null {
  const figure = c.figures.get(id);
  const interval = c.scope.get(id);
  if (!figure || !interval) return null;
  let solver = new Solver(c, id, gridOf(figure, interval));
  let seed = solver.seed();
  // The values that hold can lie between two grid points (a value needed far below the written
  // one's last digit): close in on the crossing with grids a thousand times finer each. A
  // count stays on the integers.
  for (let i = 0; seed === null && solver.crossing !== null && !figure.exact && i < REFINEMENTS; i++) {
    solver = new Solver(c, id, { origin: at(solver.grid, solver.crossing), step: solver.grid.step.div(1000) });
    seed = solver.seed();
  }
  if (seed === null) return null;
  const loN = solver.edge(seed, -1n);
  const hiN = solver.edge(seed, 1n);
  const lo = loN === null ? null : at(solver.grid, loN);
  const hi = hiN === null ? null : at(solver.grid, hiN);

  const like = figure.written;
  const upward = hiN === null && loN !== null && loN > 0n;
  const downward = loN === null && hiN !== null && hiN < 0n;
  if (!isClaim(c) && like && (upward || downward)) {
    // An assertion that holds for every value beyond a bound on one side of the written value
    // (a ≤ b): that bound, rounded inward, is what the figure would have to respect.
    const edge = upward ? lo : hi;
    if (edge) {
      const first = figure.exact ? like.decimals : like.decimals + 1;
      for (let d = first; d <= like.decimals + 4; d++) {
        const rounded = roundLike(edge, like, d, upward ? 'up' : 'down');
        if (solver.holdsAt(rounded)) return { lo, hi, value: rounded, decimals: d, bound: upward ? 'at-least' : 'at-most' };
      }
    }
  }
  const candidates: Fraction[] = [];
  if (loN !== null && hiN !== null) {
    const p = solver.pointSolution(loN, hiN);
    if (p) candidates.push(p);
    candidates.push(at(solver.grid, (loN + hiN) / 2n));
  }
  candidates.push(at(solver.grid, seed));
  for (const x of candidates) {
    if (!like) {
      if (solver.holdsAt(x)) return { lo, hi, value: x, decimals: 0 };
      continue;
    }
    for (let d = like.decimals; d <= like.decimals + 4; d++) {
      const rounded = roundLike(x, like, d);
      if (solver.holdsAt(rounded)) return { lo, hi, value: rounded, decimals: d };
    }
  }
  // The set is narrower than anything worth writing: report the seed itself, which holds.
  return { lo, hi, value: at(solver.grid, seed), decimals: (like?.decimals ?? 0) + 4 };
}

/**
 * The needed set in words: "[8.026; 8.086] tỷ đồng", "≥ 12,5%", in the figure's style, with the
 * fewest extra decimals that show it, its ends rounded inward (every value written is inside).
 */
function describeNeeded(n: NeededValues, figure: Figure, c: DiagnoseContext): string {
  const like = figure.written;
  const write = (x: Fraction, extra: number) => showValue(x, like, c.locale, extra);
  if (n.lo === null && n.hi === null) return 'any value';
  const oneSided = (x: Fraction, mode: 'up' | 'down') => {
    if (!like) return showValue(x, undefined, c.locale);
    const d = figure.exact ? like.decimals : like.decimals + 1;
    return showValue(roundLike(x, like, d, mode), like, c.locale, d - like.decimals);
  };
  if (n.lo === null) return `≤ ${oneSided(n.hi!, 'down')}`;
  if (n.hi === null) return `≥ ${oneSided(n.lo, 'up')}`;
  if (!like) return showInterval({ lo: n.lo, hi: n.hi }, undefined, c.locale);
  for (let extra = 0; extra <= 4; extra++) {
    const d = like.decimals + extra;
    const lo = roundLike(n.lo, like, d, 'up');
    const hi = roundLike(n.hi, like, d, 'down');
    if (lo.gt(hi)) continue;
    if (lo.equals(hi) && !n.lo.equals(n.hi) && extra < 4 && !figure.exact) continue;
    return lo.equals(hi) ? write(lo, extra) : factorSuffix(write(lo, extra), write(hi, extra));
  }
  return factorSuffix(write(n.lo, 4), write(n.hi, 4));
}

export function impliedValues(c: DiagnoseContext): ImpliedValue[] {
  const out: ImpliedValue[] = [];
  for (const id of c.compiled.symbols) {
    const figure = c.figures.get(id);
    if (!figure || !c.scope.has(id)) continue;
    const written = figure.written?.text;
    const needed = neededFor(c, id);
    if (!needed) {
      out.push({ figure: id, ...(written ? { written } : {}), needed: 'none', message: `no value of ${id} alone makes it hold` });
      continue;
    }
    const counted = figure.items ? countedNeeded(c, id, figure.items.length, needed) : undefined;
    if (counted) {
      out.push(counted);
      continue;
    }
    const value = figure.written
      ? showValue(needed.value, { ...figure.written, decimals: needed.decimals }, c.locale)
      : showValue(needed.value, undefined, c.locale);
    out.push({
      figure: id,
      ...(written ? { written } : {}),
      needed: describeNeeded(needed, figure, c),
      message: `holds if ${id} were ${needed.bound === 'at-most' ? 'at most ' : needed.bound === 'at-least' ? 'at least ' : ''}${value}${written ? ` instead of ${written}` : ''}`,
    });
  }
  return out;
}

/** A counted list holds only for a whole number of items: the nearest one that makes the rule hold. */
function countedNeeded(c: DiagnoseContext, id: string, count: number, needed: NeededValues): ImpliedValue | undefined {
  const k = needed.value.round(0);
  if (k.lt(0) || !holdsWith(c, { scope: withPoint(c.scope, id, k) })) return undefined;
  return { figure: id, needed: k.toString(), message: `holds if the list ${id} had ${k.toString()} items instead of the ${count} quoted` };
}
