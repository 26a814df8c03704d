import type { Interval } from '../../model.js';
import { div } from '../interval.js';
import type { ClaimFunction } from './types.js';

/**
 * part/whole over independent intervals. (When the part is also inside the whole the true range
 * is narrower; the rule then states the figures independently, as the report does.)
 */
export const share: ClaimFunction = {
  name: 'share',
  signature: 'share(part, whole)',
  description: 'The share of a part in a whole as a fraction: part / whole (0.34 is 34 %). "chiếm X%", "X% of the total".',
  arity: { min: 2, max: 2 },
  apply(args: Interval[]): Interval {
    const [part, whole] = args as [Interval, Interval];
    return div(part, whole);
  },
};
