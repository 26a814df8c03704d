import type { Interval } from '../../model.js';
import { EvaluationError, div, isPoint, point, root, sub } from '../interval.js';
import type { ClaimFunction } from './types.js';

/**
 * (end/start)^(1/years) − 1. end/start is exact (independent inputs) and the root is monotone,
 * rounded outward by about 2⁻⁶⁰ relative, exact when the ratio is a perfect power.
 */
export const cagr: ClaimFunction = {
  name: 'cagr',
  signature: 'cagr(end, start, years)',
  description:
    'Compound annual growth rate as a fraction: (end / start)^(1 / years) − 1, years a whole number. "tăng bình quân X%/năm giai đoạn", "grew X% a year".',
  arity: { min: 3, max: 3 },
  apply(args: Interval[]): Interval {
    const [end, start, years] = args as [Interval, Interval, Interval];
    if (!isPoint(years) || years.lo.d !== 1n || years.lo.lte(0)) {
      throw new EvaluationError(`years must be an exact whole number ≥ 1, got [${years.lo.toString()}, ${years.hi.toString()}]`);
    }
    const ratio = div(end, start);
    if (ratio.lo.lt(0)) throw new EvaluationError('end / start can be negative: a compound growth rate is undefined');
    return sub(root(ratio, years.lo.n), point(1));
  },
};
