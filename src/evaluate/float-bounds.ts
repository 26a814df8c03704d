/**
 * Float bounds on the exact enclosure: the same interval evaluation as enclose.ts, in IEEE doubles,
 * each end of the exact result bounded from both sides — lo ∈ [loLo, loHi], hi ∈ [hiLo, hiHi] —
 * with every rounding directed outward. A question about the exact enclosure ("does it meet the
 * stated set?", "is its middle above the target?") is then decided by four doubles whenever they
 * leave no doubt, both ways, and by the exact rationals only when they do not: a search that asks
 * hundreds of such questions (the diagnosis) pays for Fractions only near its answers.
 *
 * Bounds are given only where the exact evaluation cannot fail: a divisor that may reach 0, a
 * power of a base that may reach 0 (or, not a written integer power, with an exponent beyond ±1
 * that may be a point), a claim function's argument check that may fail, an unknown or unbounded
 * figure, or a double that overflows make `floatBounds` answer null (ask the exact evaluation).
 * Only numeric programs: an assertion's truth values are left to enclose.ts.
 *
 * Why the bounds hold: each exact end is a fixed rational function of the input ends (interval
 * arithmetic picks which by comparisons, and min/max of bounded quantities are monotone); each
 * double operation, correctly rounded, is off by at most 2⁻⁵³ relative (2⁻¹⁰⁷⁵ absolute below the
 * normal range), and `down`/`up` step at least three times that outward. The exact arithmetic's own
 * outward rounding of oversized bounds (interval.ts `roundBound`, about 2⁻²⁵⁰ relative) is inside
 * that margin too. A power that is not a written integer one is the exception: the exact ends are
 * roots and transcendental powers rounded outward (to about 2⁻⁴⁹ relative, at worst a 2⁻⁵⁹ root
 * raised to the 1 000th power), and `Math.pow` is not correctly rounded; both are inside a margin
 * of 2⁻⁴⁰ (see `powReal`).
 */
import type Fraction from 'fraction.js';
import type { Interval } from '../model.js';
import type { ClaimFunction } from './functions/types.js';
import { MAX_EXPONENT } from './interval.js';
import type { Program } from './program.js';
import { templateOf } from './shapes.js';

/** 2⁻⁵¹: three units of rounding (2⁻⁵³) and a spare, relative. */
const EPS = 2 ** -51;
/** A Fraction's quotient of two rounded BigInts is off by up to three roundings: a wider step. */
const WIDE_EPS = 2 ** -47;
const TINY = Number.MIN_VALUE;

/** A double at or below the exact result x was rounded to (correctly rounded, so within 2⁻⁵³ of it). */
export const down = (x: number): number => x - (Math.abs(x) * EPS + TINY);
/** A double at or above it. */
export const up = (x: number): number => x + (Math.abs(x) * EPS + TINY);

const SAFE = 2n ** 53n;
const LARGE = 2n ** 1000n;

/**
 * Doubles bounding the rational x, written to out[at] (below) and out[at + 1] (above); false when
 * x is beyond what doubles hold comfortably (then nothing is written).
 */
export function fractionBounds(x: Fraction, out: Float64Array, at: number): boolean {
  const n = x.n;
  const d = x.d;
  let lo: number;
  let hi: number;
  if (n <= SAFE && d <= SAFE) {
    // Both exact as doubles: one rounding, the quotient's.
    const q = Number(n) / Number(d);
    lo = down(q);
    hi = up(q);
  } else if (n < LARGE && d < LARGE) {
    const q = Number(n) / Number(d);
    const m = q * WIDE_EPS + TINY;
    lo = q - m;
    hi = q + m;
  } else {
    return false;
  }
  if (x.s < 0n) {
    out[at] = -hi;
    out[at + 1] = -lo;
  } else {
    out[at] = lo;
    out[at + 1] = hi;
  }
  return true;
}

/**
 * The four bounds of an interval into out[at … at + 3]: below and above its low end, below and
 * above its high end; false when it is unbounded or too large.
 */
export function intervalBounds(x: Interval, out: Float64Array, at: number): boolean {
  if (x.lo === null || x.hi === null) return false;
  if (x.lo === x.hi) {
    if (!fractionBounds(x.lo, out, at)) return false;
    out[at + 2] = out[at]!;
    out[at + 3] = out[at + 1]!;
    return true;
  }
  return fractionBounds(x.lo, out, at) && fractionBounds(x.hi, out, at + 2);
}

/** The operations floats are trusted with (numbers, not an enum: a step's code is compared in a hot loop). */
const Op = { Const: 0, Figure: 1, Copy: 2, Add: 3, Sub: 4, Mul: 5, Div: 6, Neg: 7, PowInt: 8, Min: 9, Max: 10, Abs: 11, PowReal: 12, Guard: 13 } as const;
type Op = (typeof Op)[keyof typeof Op];

interface Step {
  op: Op;
  /** Arguments (node ids); Figure: the slot; Copy: the body. */
  args: readonly number[];
  /** PowInt: the exponent. */
  k?: number;
  /** Guard: the claim function whose argument check it is, and room for its arguments' lows. */
  fn?: ClaimFunction;
  lows?: Float64Array;
}

/** A program as float steps, with its constants' bounds and room for every node's four bounds. */
export interface FloatPlan {
  readonly steps: readonly Step[];
  readonly root: number;
  readonly slots: number;
  readonly consts: Float64Array;
  /** Four bounds per node, overwritten by each evaluation: the result is the root's, at `at`. */
  readonly values: Float64Array;
  /** 4 · root. */
  readonly at: number;
}

const plans = new WeakMap<Program, FloatPlan | null>();

let enabled = true;

/**
 * Runs `f` with floats refused everywhere, every question answered exactly: for the law that
 * float bounds change no answer (and for a bug hunt that wants them out of the way).
 */
export function exactOnly<T>(f: () => T): T {
  const was = enabled;
  enabled = false;
  try {
    return f();
  } finally {
    enabled = was;
  }
}

/** False inside `exactOnly`. */
export function floatsEnabled(): boolean {
  return enabled;
}

/** The float plan of a program, or null when it uses something floats are not trusted with. */
export function floatPlanOf(program: Program): FloatPlan | null {
  if (!enabled) return null;
  // One plan per shape: a plan is made of nodes, constants and slots, never names. Its scratch
  // values are then shared by every rule of the shape, as they are by every use of one program:
  // each caller reads them right after its evaluation.
  const template = templateOf(program);
  let plan = plans.get(template);
  if (plan === undefined) {
    plan = makePlan(template);
    plans.set(template, plan);
  }
  return plan;
}

function makePlan(program: Program): FloatPlan | null {
  if (program.result !== 'number') return null;
  const steps: Step[] = [];
  const consts = new Float64Array(4 * (program.root + 1));
  for (let i = 0; i <= program.root; i++) {
    const node = program.nodes[i]!;
    switch (node.kind) {
      case 'const':
        if (!intervalBounds({ lo: node.value, hi: node.value }, consts, 4 * i)) return null;
        steps.push({ op: Op.Const, args: [] });
        break;
      case 'figure':
        steps.push({ op: Op.Figure, args: [node.slot] });
        break;
      case 'call':
      case 'derived':
        steps.push({ op: Op.Copy, args: [node.body] });
        break;
      case 'arith': {
        const step = arithStep(program, node.op, node.args);
        if (!step) return null;
        steps.push(step);
        break;
      }
      // A claim function's argument check: floats answer only where it surely passes (its
      // value is never read). A comparison or a connective gives a truth: not for floats.
      case 'guard':
        if (!node.fn.surelyPasses) return null;
        steps.push({ op: Op.Guard, args: node.args, fn: node.fn, lows: new Float64Array(node.args.length) });
        break;
      default:
        return null;
    }
  }
  return { steps, root: program.root, slots: program.slots.length, consts, values: new Float64Array(4 * (program.root + 1)), at: 4 * program.root };
}

function arithStep(program: Program, op: string, args: readonly number[]): Step | null {
  switch (op) {
    case 'add':
      return { op: Op.Add, args };
    case 'sub':
      return { op: Op.Sub, args };
    case 'mul':
      return { op: Op.Mul, args };
    case 'div':
      return { op: Op.Div, args };
    case 'neg':
      return { op: Op.Neg, args };
    case 'min':
      return { op: Op.Min, args };
    case 'max':
      return { op: Op.Max, args };
    case 'abs':
      return { op: Op.Abs, args };
    case 'pow': {
      // A written integer exponent is multiplied out, as the exact powInt does; one the exact
      // evaluation refuses (interval.ts MAX_EXPONENT) is left to it, to refuse. Any other exponent
      // (a fraction, a figure, 1 / years) is a root or goes through ln and exp: powReal.
      const exponent = program.nodes[args[1]!]!;
      if (exponent.kind !== 'const' || exponent.value.d !== 1n) return { op: Op.PowReal, args };
      if (exponent.value.n > BigInt(MAX_EXPONENT)) return null;
      return { op: Op.PowInt, args: [args[0]!], k: Number(exponent.value.s * exponent.value.n) };
    }
    default:
      return null;
  }
}

/**
 * Evaluate the plan over a box of bounds (four per slot, as `intervalBounds` writes them). True
 * when the exact evaluation cannot fail and the root's four bounds (plan.values from plan.at)
 * enclose its ends; false when floats cannot say (then the values are meaningless).
 */
export function floatBounds(plan: FloatPlan, box: Float64Array): boolean {
  const v = plan.values;
  const steps = plan.steps;
  for (let i = 0; i <= plan.root; i++) {
    const s = steps[i]!;
    const o = 4 * i;
    switch (s.op) {
      case Op.Const:
        copy(plan.consts, o, v, o);
        break;
      case Op.Figure:
        copy(box, 4 * s.args[0]!, v, o);
        break;
      case Op.Copy:
        copy(v, 4 * s.args[0]!, v, o);
        break;
      case Op.Add:
        add(v, o, 4 * s.args[0]!, 4 * s.args[1]!, false);
        break;
      case Op.Sub:
        add(v, o, 4 * s.args[0]!, 4 * s.args[1]!, true);
        break;
      case Op.Neg:
        negate(v, o, 4 * s.args[0]!);
        break;
      case Op.Mul:
        mul(v, o, 4 * s.args[0]!, 4 * s.args[1]!);
        break;
      case Op.Div:
        if (!inverse(v, o, 4 * s.args[1]!)) return false;
        mul(v, o, 4 * s.args[0]!, o);
        break;
      case Op.PowInt:
        if (!powInt(v, o, 4 * s.args[0]!, s.k!)) return false;
        break;
      case Op.PowReal:
        if (!powReal(v, o, 4 * s.args[0]!, 4 * s.args[1]!)) return false;
        break;
      case Op.Guard: {
        const lows = s.lows!;
        for (let j = 0; j < lows.length; j++) lows[j] = v[4 * s.args[j]!]!;
        if (!s.fn!.surelyPasses!(lows)) return false;
        // The check has no value (its node is never an argument): zeros, which are finite.
        v.fill(0, o, o + 4);
        break;
      }
      case Op.Min:
      case Op.Max:
        extreme(v, o, s.args, s.op === Op.Min);
        break;
      case Op.Abs:
        if (!abs(v, o, 4 * s.args[0]!)) return false;
        break;
    }
    // An overflow (or an ∞ − ∞) says nothing sure: the exact evaluation may refuse the magnitude.
    if (!(Number.isFinite(v[o]!) && Number.isFinite(v[o + 1]!) && Number.isFinite(v[o + 2]!) && Number.isFinite(v[o + 3]!))) return false;
  }
  return true;
}

function copy(from: Float64Array, at: number, to: Float64Array, o: number): void {
  to[o] = from[at]!;
  to[o + 1] = from[at + 1]!;
  to[o + 2] = from[at + 2]!;
  to[o + 3] = from[at + 3]!;
}

// Each operation below reads its arguments' bounds at a and b and writes its own at o (o may be a or b).

/** a + b, or a − b (= a + (−b): the low end takes b's high end). */
function add(v: Float64Array, o: number, a: number, b: number, subtract: boolean): void {
  const bLoLo = subtract ? -v[b + 3]! : v[b]!;
  const bLoHi = subtract ? -v[b + 2]! : v[b + 1]!;
  const bHiLo = subtract ? -v[b + 1]! : v[b + 2]!;
  const bHiHi = subtract ? -v[b]! : v[b + 3]!;
  const loLo = down(v[a]! + bLoLo);
  const loHi = up(v[a + 1]! + bLoHi);
  const hiLo = down(v[a + 2]! + bHiLo);
  const hiHi = up(v[a + 3]! + bHiHi);
  v[o] = loLo;
  v[o + 1] = loHi;
  v[o + 2] = hiLo;
  v[o + 3] = hiHi;
}

function negate(v: Float64Array, o: number, a: number): void {
  const loLo = -v[a + 3]!;
  const loHi = -v[a + 2]!;
  const hiLo = -v[a + 1]!;
  const hiHi = -v[a]!;
  v[o] = loLo;
  v[o + 1] = loHi;
  v[o + 2] = hiLo;
  v[o + 3] = hiHi;
}

/** Bounds on x·y for x ∈ [x0, x1], y ∈ [y0, y1]: [below, above]. */
function productBounds(x0: number, x1: number, y0: number, y1: number): [number, number] {
  if (x0 >= 0 && y0 >= 0) return [down(x0 * y0), up(x1 * y1)];
  const p = x0 * y0;
  const q = x0 * y1;
  const r = x1 * y0;
  const s = x1 * y1;
  return [down(Math.min(p, q, r, s)), up(Math.max(p, q, r, s))];
}

/**
 * a · b (both read before anything is written: either may be the output). The exact product's ends
 * are the least and the greatest of the four products of ends; each product of ends is bounded,
 * and min and max are monotone. The operands go by index, not by value: floatBounds is too large
 * for V8 to inline this into, and doubles passed to a call that is not inlined are boxed (26 of
 * the 363 MB the diagnosis of 3 000 failing growth rates allocated).
 */
function mul(v: Float64Array, o: number, a: number, b: number): void {
  const aLoLo = v[a]!;
  const aLoHi = v[a + 1]!;
  const aHiLo = v[a + 2]!;
  const aHiHi = v[a + 3]!;
  const bLoLo = v[b]!;
  const bLoHi = v[b + 1]!;
  const bHiLo = v[b + 2]!;
  const bHiHi = v[b + 3]!;
  if (aLoLo >= 0 && bLoLo >= 0) {
    // Both non-negative (the usual levels and counts): lo·lo and hi·hi.
    v[o] = down(aLoLo * bLoLo);
    v[o + 1] = up(aLoHi * bLoHi);
    v[o + 2] = down(aHiLo * bHiLo);
    v[o + 3] = up(aHiHi * bHiHi);
    return;
  }
  const [p0, p1] = productBounds(aLoLo, aLoHi, bLoLo, bLoHi);
  const [q0, q1] = productBounds(aLoLo, aLoHi, bHiLo, bHiHi);
  const [r0, r1] = productBounds(aHiLo, aHiHi, bLoLo, bLoHi);
  const [s0, s1] = productBounds(aHiLo, aHiHi, bHiLo, bHiHi);
  v[o] = Math.min(p0, q0, r0, s0);
  v[o + 1] = Math.min(p1, q1, r1, s1);
  v[o + 2] = Math.max(p0, q0, r0, s0);
  v[o + 3] = Math.max(p1, q1, r1, s1);
}

/** 1 / b into o, only when b surely misses 0 (the exact division refuses a divisor that may reach it). */
function inverse(v: Float64Array, o: number, b: number): boolean {
  const loLo = v[b]!;
  const loHi = v[b + 1]!;
  const hiLo = v[b + 2]!;
  const hiHi = v[b + 3]!;
  if (!(loLo > 0 || hiHi < 0)) return false;
  // 1/x falls on each side of 0: the new low end is 1/hi, the new high end 1/lo.
  v[o] = down(1 / hiHi);
  v[o + 1] = up(1 / hiLo);
  v[o + 2] = down(1 / loHi);
  v[o + 3] = up(1 / loLo);
  return true;
}

/** Bounds on x^k (k ≥ 1) for x ∈ [x0, x1], by products rounded outward: [below, above]. */
function powerBounds(x0: number, x1: number, k: number): [number, number] {
  // By squaring (about 2·log₂ k products, each rounded outward), as the exact powInt does: a
  // power of 999 is nineteen products, not 998, so floats answer it too.
  let lo = 1;
  let hi = 1;
  let b0 = x0;
  let b1 = x1;
  for (let e = k; ; ) {
    if (e & 1) [lo, hi] = productBounds(lo, hi, b0, b1);
    e >>>= 1;
    if (e === 0) return [lo, hi];
    [b0, b1] = squareBounds(b0, b1);
  }
}

/** Bounds of x² for x in [x0, x1]: not a product of two independent factors (it is never negative). */
function squareBounds(x0: number, x1: number): [number, number] {
  if (x0 >= 0) return [down(x0 * x0), up(x1 * x1)];
  if (x1 <= 0) return [down(x1 * x1), up(x0 * x0)];
  return [0, up(Math.max(x0 * x0, x1 * x1))];
}

/**
 * x^k for a written integer k, following interval.ts `powInt`: which formula applies depends on
 * the signs of x's ends, so it must be sure of them.
 */
function powInt(v: Float64Array, o: number, a: number, k: number): boolean {
  if (k === 0) {
    v.fill(1, o, o + 4);
    return true;
  }
  const loLo = v[a]!;
  const loHi = v[a + 1]!;
  const hiLo = v[a + 2]!;
  const hiHi = v[a + 3]!;
  const n = Math.abs(k);
  const loNonNegative = loLo >= 0 ? true : loHi < 0 ? false : null;
  const hiNonPositive = hiHi <= 0 ? true : hiLo > 0 ? false : null;
  if (n % 2 === 1 || loNonNegative === true) {
    // Increasing: the ends' powers.
    const [p0, p1] = powerBounds(loLo, loHi, n);
    const [q0, q1] = powerBounds(hiLo, hiHi, n);
    v[o] = p0;
    v[o + 1] = p1;
    v[o + 2] = q0;
    v[o + 3] = q1;
  } else if (loNonNegative === null || hiNonPositive === null) {
    return false;
  } else if (hiNonPositive) {
    // An even power of x ≤ 0: decreasing, the ends swap.
    const [p0, p1] = powerBounds(hiLo, hiHi, n);
    const [q0, q1] = powerBounds(loLo, loHi, n);
    v[o] = p0;
    v[o + 1] = p1;
    v[o + 2] = q0;
    v[o + 3] = q1;
  } else {
    // An even power over 0: from 0 to the larger end's power.
    const [p0, p1] = powerBounds(loLo, loHi, n);
    const [q0, q1] = powerBounds(hiLo, hiHi, n);
    v[o] = 0;
    v[o + 1] = 0;
    v[o + 2] = Math.max(p0, q0);
    v[o + 3] = Math.max(p1, q1);
  }
  return k > 0 || inverse(v, o, o);
}

/** 2⁻⁴⁰: the exact ends of a real power are within 2⁻⁴⁹ of the true ones, Math.pow within a few units of 2⁻⁵³. */
const POW_EPS = 2 ** -40;
/** Below this a double's relative precision fades (subnormals): such a power is left to the exact evaluation. */
const POW_TINY = 2 ** -1000;
/** x^y at the sixteen corners of the bounds' box (four bounds of x by four of y), scratch. */
const corners = new Float64Array(16);

/**
 * x^y for an exponent that is not a written integer (interval.ts `pow`), only for x surely above 0
 * and y either surely within [−1, 1] or surely not a point. The exact evaluation then cannot fail:
 * either y is a point p/q with q ≤ 1 000, a root then a power with |p| ≤ q, or it is exp(y · ln x)
 * with x > 0 (whose argument stays far below the exact limit, as every power here is a double above
 * 2⁻¹⁰⁰⁰). Either way each exact end is the true value at a corner of the box [x.lo, x.hi] ×
 * [y.lo, y.hi] (y · ln x is bilinear, so x^y is least and greatest at corners), rounded outward by
 * at most 2⁻⁴⁹ relative.
 *
 * x.lo and y.lo are known only between two doubles each (and so are x.hi and y.hi): the exact low
 * end is at least the least power over the widest box, [xLoLo, xHiHi] × [yLoLo, yHiHi], and at most
 * the least, over the four exact corners, of the greatest power over that corner's own small box
 * of bounds. The high end likewise. All of these are powers at the sixteen corners of the bounds.
 */
function powReal(v: Float64Array, o: number, a: number, b: number): boolean {
  // y.lo < y.hi for sure (not a point: exp and ln, any size), or |y| ≤ 1 (a root, then a power the exact evaluation takes).
  if (!(v[a]! > 0 && (v[b + 1]! < v[b + 2]! || (v[b]! >= -1 && v[b + 3]! <= 1)))) return false;
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const p = Math.pow(v[a + i]!, v[b + j]!);
      if (!(p >= POW_TINY && p < Infinity)) return false;
      corners[4 * i + j] = p;
    }
  }
  // corners[4i + j]: x's bound i (0 loLo, 1 loHi, 2 hiLo, 3 hiHi) to y's bound j.
  const c = corners;
  const wideMin = Math.min(c[0]!, c[3]!, c[12]!, c[15]!);
  const wideMax = Math.max(c[0]!, c[3]!, c[12]!, c[15]!);
  let loAbove = Infinity;
  let hiBelow = -Infinity;
  // The four exact corners: (x.lo or x.hi) × (y.lo or y.hi), each within a small box of bounds.
  for (let x = 0; x <= 2; x += 2) {
    for (let y = 0; y <= 2; y += 2) {
      const k = 4 * x + y;
      loAbove = Math.min(loAbove, Math.max(c[k]!, c[k + 1]!, c[k + 4]!, c[k + 5]!));
      hiBelow = Math.max(hiBelow, Math.min(c[k]!, c[k + 1]!, c[k + 4]!, c[k + 5]!));
    }
  }
  v[o] = wideMin * (1 - POW_EPS);
  v[o + 1] = loAbove * (1 + POW_EPS);
  v[o + 2] = hiBelow * (1 - POW_EPS);
  v[o + 3] = wideMax * (1 + POW_EPS);
  return true;
}

/** min or max of any number of arguments: end by end (min and max are monotone in each). */
function extreme(v: Float64Array, o: number, args: readonly number[], isMin: boolean): void {
  const pick = isMin ? Math.min : Math.max;
  let loLo = v[4 * args[0]!]!;
  let loHi = v[4 * args[0]! + 1]!;
  let hiLo = v[4 * args[0]! + 2]!;
  let hiHi = v[4 * args[0]! + 3]!;
  for (let j = 1; j < args.length; j++) {
    const b = 4 * args[j]!;
    loLo = pick(loLo, v[b]!);
    loHi = pick(loHi, v[b + 1]!);
    hiLo = pick(hiLo, v[b + 2]!);
    hiHi = pick(hiHi, v[b + 3]!);
  }
  v[o] = loLo;
  v[o + 1] = loHi;
  v[o + 2] = hiLo;
  v[o + 3] = hiHi;
}

/** |x|, following interval.ts `abs`: x itself, −x, or from 0 to the larger of −lo and hi. */
function abs(v: Float64Array, o: number, a: number): boolean {
  const loLo = v[a]!;
  const loHi = v[a + 1]!;
  const hiLo = v[a + 2]!;
  const hiHi = v[a + 3]!;
  if (loLo >= 0) {
    copy(v, a, v, o);
    return true;
  }
  if (loHi >= 0) return false; // lo's sign unsure
  if (hiHi <= 0) {
    negate(v, o, a);
    return true;
  }
  if (hiLo <= 0) return false; // hi's sign unsure
  v[o] = 0;
  v[o + 1] = 0;
  v[o + 2] = Math.max(-loHi, hiLo);
  v[o + 3] = Math.max(-loLo, hiHi);
  return true;
}
