import type { Interval } from '../../model.js';
import { sub } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** a − b: interval subtraction is exact for independent a and b. */
export const pp: ClaimFunction = {
  name: 'pp',
  signature: 'pp(a, b)',
  description:
    'Difference of two fractions in percentage points: a − b (0.017 is 1,7 points). "tăng / cao hơn X điểm phần trăm", "X points".',
  arity: { min: 2, max: 2 },
  apply(args: Interval[]): Interval {
    const [a, b] = args as [Interval, Interval];
    return sub(a, b);
  },
};
