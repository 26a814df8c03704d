import Fraction from 'fraction.js';
import type { Interval } from '../../model.js';
import { EvaluationError } from '../errors.js';
import type { ClaimFunction } from './types.js';

/**
 * (end/start)^(1/years) − 1. With an exact whole number of years the power is an exact root,
 * rounded outward by about 2⁻⁶⁰; with years a figure read with a precision it is a power with an
 * interval exponent, bounded at the corners (interval.ts).
 */
export const cagr: ClaimFunction = {
  name: 'cagr',
  signature: 'cagr(end, start, years)',
  description:
    'Compound annual growth rate as a fraction: (end / start)^(1 / years) − 1. "tăng bình quân X%/năm giai đoạn", "grew X% a year".',
  arity: { min: 3, max: 3 },
  check(args: readonly Interval[]): void {
    const [end, start, years] = args as [Interval, Interval, Interval];
    if (years.lo === null || years.lo.lte(0)) throw new EvaluationError('years must be above 0');
    const negativeEnd = end.lo === null || end.lo.s < 0n;
    const negativeStart = start.lo === null || start.lo.s < 0n;
    if (negativeEnd || negativeStart) throw new EvaluationError('end and start must be above 0: a compound growth rate is undefined otherwise');
  },
  surelyPasses: ([end, start, years]) => end! >= 0 && start! >= 0 && years! > 0,
  expand([end, start, years], b) {
    b.guard(cagr, [end!, start!, years!]);
    const one = b.constant(new Fraction(1));
    return b.arith('sub', b.arith('pow', b.arith('div', end!, start!), b.arith('div', one, years!)), one);
  },
  monotone: ['up', 'down', 'both'],
  meaning: 'change',
  unit: 'ratio',
  argumentUnits: 'first-two',
};
