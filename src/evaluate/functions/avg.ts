import type { Interval } from '../../model.js';
import { div, point } from '../interval.js';
import type { ClaimFunction } from './types.js';
import { sum } from './sum.js';

/** (Σ xs)/n: the sum is exact and dividing by the exact count is too. */
export const avg: ClaimFunction = {
  name: 'avg',
  signature: 'avg(x1, x2, …)',
  description: 'Arithmetic mean of its arguments. "bình quân", "trung bình", "on average".',
  arity: { min: 1 },
  apply(args: Interval[]): Interval {
    return div(sum.apply(args), point(args.length));
  },
};
