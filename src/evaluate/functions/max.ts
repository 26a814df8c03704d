import type { Interval } from '../../model.js';
import { max as max2 } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** Pointwise maximum: [max of lows, max of highs], exact. */
export const max: ClaimFunction = {
  name: 'max',
  signature: 'max(x1, x2, …)',
  description: 'The largest of its arguments. "cao nhất", "highest".',
  arity: { min: 1 },
  apply(args: Interval[]): Interval {
    const [first, ...rest] = args as [Interval, ...Interval[]];
    return rest.reduce(max2, first);
  },
};
