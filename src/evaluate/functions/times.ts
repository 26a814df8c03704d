import type { Interval } from '../../model.js';
import { div } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** a/b, stated as a multiple rather than a percentage; exact like ratio. */
export const times: ClaimFunction = {
  name: 'times',
  signature: 'times(a, b)',
  description: 'How many times a is of b: a / b (2.5 is "2,5 times"). "gấp N lần", "N times".',
  arity: { min: 2, max: 2 },
  apply(args: Interval[]): Interval {
    const [a, b] = args as [Interval, Interval];
    return div(a, b);
  },
};
