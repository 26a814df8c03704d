import Fraction from 'fraction.js';
import type { ClaimFunction } from './types.js';

/** current/base − 1: each argument once, so interval evaluation is exact when they are independent. */
export const growth: ClaimFunction = {
  name: 'growth',
  signature: 'growth(current, base)',
  description:
    'Relative change from base to current as a fraction: current / base − 1 (0.303 is +30,3 %). "tăng X% so với", "up X% on", "vượt X% kế hoạch".',
  arity: { min: 2, max: 2 },
  expand: ([current, base], b) => b.arith('sub', b.arith('div', current!, base!), b.constant(new Fraction(1))),
  monotone: ['up', 'down'],
  meaning: 'change',
  unit: 'ratio',
  argumentUnits: 'same',
  mistakenFor: [
    { kind: 'ratio-vs-change', fn: 'ratio', stated: 'a ratio (“đạt / X% of”)', computed: 'a change (“tăng / up X%”)' },
    { kind: 'percent-vs-points', fn: 'pp', percentArguments: true, stated: 'the difference in percentage points', computed: 'a relative growth' },
  ],
};
