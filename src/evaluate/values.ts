/**
 * What evaluating a program yields at a node: a number (as an interval), an unknown number (a
 * figure the rule set declares unknown), or a truth set — which of true, false and unknown the
 * node can take over the box (Kleene's three-valued logic, lifted to sets so that it stays sound
 * over intervals).
 */
import type Fraction from 'fraction.js';
import type { Interval } from '../model.js';

export interface TruthSet {
  kind: 'truth';
  /** True for some point of the box (whatever the unknown figures are). */
  t: boolean;
  /** False for some point (whatever the unknown figures are). */
  f: boolean;
  /** For some point, the truth depends on an unknown figure. */
  u: boolean;
}

export const UNKNOWN = Object.freeze({ kind: 'unknown' as const });
export type Unknown = typeof UNKNOWN;

export type Value = Interval | TruthSet | Unknown;

export const isTruthSet = (v: Value): v is TruthSet => 'kind' in v && v.kind === 'truth';
export const isUnknown = (v: Value): v is Unknown => 'kind' in v && v.kind === 'unknown';
export const isNumber = (v: Value): v is Interval => 'lo' in v;

export const truthSet = (t: boolean, f: boolean, u = false): TruthSet => ({ kind: 'truth', t, f, u });
export const ONLY_UNKNOWN = truthSet(false, false, true);

export function not(a: TruthSet): TruthSet {
  return truthSet(a.f, a.t, a.u);
}

/** Kleene's and, over every pair of possible values: F ∧ x = F, T ∧ U = U ∧ U = U. */
export function and(a: TruthSet, b: TruthSet): TruthSet {
  return truthSet(a.t && b.t, a.f || b.f, (a.u && (b.t || b.u)) || (b.u && (a.t || a.u)));
}

/** Kleene's or: T ∨ x = T, F ∨ U = U ∨ U = U. */
export function or(a: TruthSet, b: TruthSet): TruthSet {
  return truthSet(a.t || b.t, a.f && b.f, (a.u && (b.f || b.u)) || (b.u && (a.f || a.u)));
}

/** lo of a < hi of b, with null as −∞ (lo) and +∞ (hi). */
function below(lo: Fraction | null, hi: Fraction | null, strict: boolean): boolean {
  if (lo === null || hi === null) return true;
  return strict ? lo.lt(hi) : lo.lte(hi);
}

/** a < b (strict) or a ≤ b: true somewhere when a's low end is below b's high end; false somewhere unless a is wholly below b. */
export function less(a: Interval, b: Interval, strict: boolean): TruthSet {
  const somewhere = below(a.lo, b.hi, strict);
  const everywhere = a.hi !== null && b.lo !== null && (strict ? a.hi.lt(b.lo) : a.hi.lte(b.lo));
  return truthSet(somewhere, !everywhere);
}

/** a = b: true somewhere when they overlap, false somewhere unless both are the same point. */
export function equal(a: Interval, b: Interval): TruthSet {
  const overlap = below(a.lo, b.hi, false) && below(b.lo, a.hi, false);
  const samePoint = a.lo !== null && a.hi !== null && b.lo !== null && b.hi !== null && a.lo.equals(a.hi) && b.lo.equals(b.hi) && a.lo.equals(b.lo);
  return truthSet(overlap, !samePoint);
}
