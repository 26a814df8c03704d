import type { Interval } from '../../model.js';
import { add } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** Σ xs: sums of independent intervals are exact. */
export const sum: ClaimFunction = {
  name: 'sum',
  signature: 'sum(x1, x2, …)',
  description: 'The total of its arguments. "tổng", "cộng", "in total".',
  arity: { min: 1 },
  apply(args: Interval[]): Interval {
    const [first, ...rest] = args as [Interval, ...Interval[]];
    return rest.reduce(add, first);
  },
};
