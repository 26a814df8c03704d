import type { Interval } from '../../model.js';
import { abs as absInterval } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** |x|, exact (0 when x spans 0). */
export const abs: ClaimFunction = {
  name: 'abs',
  signature: 'abs(x)',
  description: 'Absolute value, e.g. abs(pp(a, b)) for "a gap of X points" in either direction.',
  arity: { min: 1, max: 1 },
  apply(args: Interval[]): Interval {
    return absInterval(args[0] as Interval);
  },
};
