import type { Interval } from '../../model.js';
import { min as min2 } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** Pointwise minimum: [min of lows, min of highs], exact. */
export const min: ClaimFunction = {
  name: 'min',
  signature: 'min(x1, x2, …)',
  description: 'The smallest of its arguments. "thấp nhất", "lowest".',
  arity: { min: 1 },
  apply(args: Interval[]): Interval {
    const [first, ...rest] = args as [Interval, ...Interval[]];
    return rest.reduce(min2, first);
  },
};
