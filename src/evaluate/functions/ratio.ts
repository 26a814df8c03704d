import type { Interval } from '../../model.js';
import { div } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** a/b: interval division is exact for independent a and b. */
export const ratio: ClaimFunction = {
  name: 'ratio',
  signature: 'ratio(actual, reference)',
  description:
    'Actual as a fraction of a reference such as a plan or estimate: actual / reference (1.31 is 131 %). "đạt / bằng X% dự toán, kế hoạch", "X% of".',
  arity: { min: 2, max: 2 },
  apply(args: Interval[]): Interval {
    const [a, b] = args as [Interval, Interval];
    return div(a, b);
  },
};
