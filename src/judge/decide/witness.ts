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
      return roundToStep(x, v.step.div(scale));
    });
    if (candidate.every((x, i) => x === point[i])) return point;
    if (admissible(variables, candidate) && holds(candidate)) return candidate;
  }
  return point;
}
