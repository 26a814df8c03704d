import type { Interval } from '../../model.js';
import { div, point, sub } from '../interval.js';
import type { ClaimFunction } from './types.js';

/**
 * current/base − 1. Each input is used once and the quotient is monotone in each, so interval
 * division (corner quotients) then subtracting the exact 1 gives the exact range.
 */
export const growth: ClaimFunction = {
  name: 'growth',
  signature: 'growth(current, base)',
  description:
    'Relative change from base to current as a fraction: current / base − 1 (0.303 is +30,3 %). "tăng X% so với", "up X% on", "vượt X% kế hoạch".',
  arity: { min: 2, max: 2 },
  apply(args: Interval[]): Interval {
    const [current, base] = args as [Interval, Interval];
    return sub(div(current, base), point(1));
  },
};
