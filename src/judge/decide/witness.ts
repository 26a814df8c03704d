/**
 * Witnesses a reviewer can read: a point found by bisection has long binary digits
 * (45.480,6123046875); the same claim usually holds at a value with a digit or two more than the
 * figure is written with (45.480,6). Each coordinate is rounded to the figure's last written digit,
 * then one more, and so on, and the first rounding that still holds (checked exactly) is kept.
 */
import Fraction from 'fraction.js';
import { admissible, type Point, type Variable } from './box.js';

/** The nearest multiple of `step` (half away from zero). */
export function roundToStep(x: Fraction, step: Fraction): Fraction {
  const q = x.div(step);
  const twice = q.n * 2n + q.d;
  const units = twice / (2n * q.d);
  return new Fraction(q.s < 0n ? -units : units, 1n).mul(step);
}

/** Up to this many digits beyond the written ones. */
const MAX_EXTRA_DIGITS = 6;

export function tidyWitness(point: Point, variables: readonly Variable[], holds: (p: Point) => boolean): Point {
  for (let extra = 0; extra <= MAX_EXTRA_DIGITS; extra++) {
    const scale = new Fraction(10n ** BigInt(extra), 1n);
    const candidate = point.map((x, i) => {
      const v = variables[i]!;
      if (x === null || !v.step || (v.written && x.equals(v.written))) return x;
      return inside(roundToStep(x, v.step.div(scale)), v.step.div(scale), v);
    });
    if (candidate.every((x, i) => x === point[i])) return point;
    if (admissible(variables, candidate) && holds(candidate)) return candidate;
  }
  return point;
}

/**
 * A rounded coordinate moved back inside its domain by one step when rounding took it out (a
 * witness in a corner of the box: 2.483,909833 tỷ above a bound of 2.483,90983… rounds up to
 * 2.483,91, not down out of the box).
 */
function inside(x: Fraction, step: Fraction, v: Variable): Fraction {
  const d = v.domain;
  if (!d) return x;
  if (d.lo !== null && (v.openLo ? x.lte(d.lo) : x.lt(d.lo))) return x.add(step);
  if (d.hi !== null && (v.openHi ? x.gte(d.hi) : x.gt(d.hi))) return x.sub(step);
  return x;
}
