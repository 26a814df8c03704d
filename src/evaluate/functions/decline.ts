import type { Interval } from '../../model.js';
import { div, point, sub } from '../interval.js';
import type { ClaimFunction } from './types.js';

/** 1 − current/base: exact for the same reason as growth (single use, monotone). */
export const decline: ClaimFunction = {
  name: 'decline',
  signature: 'decline(current, base)',
  description:
    'Relative fall from base to current as a fraction: 1 − current / base (0.12 is −12 %). "giảm X% so với", "down X% on".',
  arity: { min: 2, max: 2 },
  apply(args: Interval[]): Interval {
    const [current, base] = args as [Interval, Interval];
    return sub(point(1), div(current, base));
  },
};
