/**
 * The box a rule is judged over: one variable per figure the expression uses, each anywhere in
 * its domain — the interval its written precision allows, possibly open at an end (a figure
 * quoted "hơn 176,63 triệu USD" is above 176,63 million, never equal to it) or unbounded.
 *
 * Sub-boxes of the search are plain closed intervals (sound enclosures of the open ones); only a
 * witness must respect the open ends, so `admissible` checks points against the domains.
 */
import Fraction from 'fraction.js';
import { intervals as I } from '../../evaluate/index.js';
import type { Interval } from '../../model.js';

export interface Variable {
  id: string;
  /** The closed hull of the domain; null for an unknown figure. */
  domain: Interval | null;
  openLo: boolean;
  openHi: boolean;
  /** The value as written, when it lies in the domain: the witness tried first. */
  written?: Fraction;
  /** One unit of the last written digit (0,1 tỷ for "7.126,1 tỷ"): witnesses are rounded to it, or a tenth of it … */
  step?: Fraction;
}

export type Point = readonly (Fraction | null)[];
export type Cell = readonly (Interval | null)[];

const TWO = new Fraction(2);

export function rootCell(variables: readonly Variable[]): Cell {
  return variables.map((v) => v.domain);
}

/** Is the point inside every variable's domain, open ends excluded? */
export function admissible(variables: readonly Variable[], p: Point): boolean {
  return variables.every((v, i) => {
    const x = p[i];
    if (!v.domain || x === null || x === undefined) return v.domain === null;
    const { lo, hi } = v.domain;
    if (lo !== null && (v.openLo ? x.lte(lo) : x.lt(lo))) return false;
    if (hi !== null && (v.openHi ? x.gte(hi) : x.gt(hi))) return false;
    return true;
  });
}

/** The point cell of a point (unknown figures stay unknown). */
export function pointCell(p: Point): Cell {
  return p.map((x) => (x === null ? null : I.point(x)));
}

/** The written values, where every known variable has one inside its domain. */
export function writtenPoint(variables: readonly Variable[]): Point | null {
  const p = variables.map((v) => (v.domain ? (v.written ?? null) : null));
  if (variables.some((v, i) => v.domain && p[i] === null)) return null;
  return admissible(variables, p) ? p : null;
}

/** The middle of a cell (of a half-line, a point inside it). */
export function middle(cell: Cell): Point {
  return cell.map((x) => (x ? I.midpoint(x) : null));
}

/**
 * A point of the cell at one end per variable: `ends[i]` −1 for the low end, +1 for the high end,
 * 0 for the middle. An unbounded end is replaced by a finite point far out on it.
 */
export function corner(cell: Cell, ends: readonly (-1 | 0 | 1)[]): Point {
  return cell.map((x, i) => {
    if (!x) return null;
    const e = ends[i] ?? 0;
    if (e === 0 || (x.lo !== null && x.hi !== null && x.lo.equals(x.hi))) return I.midpoint(x);
    const end = e < 0 ? x.lo : x.hi;
    if (end !== null) return end;
    const other = e < 0 ? x.hi : x.lo;
    const from = other ?? new Fraction(0);
    const far = from.abs().add(1).mul(1024);
    return e < 0 ? from.sub(far) : from.add(far);
  });
}

/** Moves a point's coordinates that sit on an open end a little inside the domain. */
export function inward(variables: readonly Variable[], cell: Cell, p: Point): Point {
  return p.map((x, i) => {
    const v = variables[i]!;
    const c = cell[i];
    if (x === null || !v.domain || !c) return x;
    const span = c.lo !== null && c.hi !== null && c.hi.gt(c.lo) ? c.hi.sub(c.lo) : x.abs().add(1);
    const nudge = span.div(1 << 20);
    if (v.openLo && v.domain.lo !== null && x.lte(v.domain.lo)) return v.domain.lo.add(nudge);
    if (v.openHi && v.domain.hi !== null && x.gte(v.domain.hi)) return v.domain.hi.sub(nudge);
    return x;
  });
}

/** The two halves of a cell split along variable `i` (at its middle). */
export function split(cell: Cell, i: number): [Cell, Cell] {
  const x = cell[i]!;
  const m = I.midpoint(x);
  const left = cell.slice();
  const right = cell.slice();
  left[i] = { lo: x.lo, hi: m };
  right[i] = { lo: m, hi: x.hi };
  return [left, right];
}

/** How wide variable i is in the cell, relative to its whole domain (unbounded: 1). */
export function relativeWidth(cell: Cell, variables: readonly Variable[], i: number): number {
  const x = cell[i];
  const d = variables[i]!.domain;
  if (!x || !d) return 0;
  const w = I.width(x);
  const dw = I.width(d);
  if (w === null || dw === null) return 1;
  if (dw.n === 0n) return 0;
  return I.fractionToNumber(w.div(dw));
}

/** The point a + t·(b − a). */
export function along(a: Point, b: Point, t: Fraction): Point {
  return a.map((x, i) => (x === null ? null : x.add(b[i]!.sub(x).mul(t))));
}

export const HALF = new Fraction(1, 2);
export { TWO };
