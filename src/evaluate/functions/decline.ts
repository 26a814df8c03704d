import Fraction from 'fraction.js';
import type { ClaimFunction } from './types.js';

/** 1 − current/base: each argument once, like growth. */
export const decline: ClaimFunction = {
  name: 'decline',
  signature: 'decline(current, base)',
  description:
    'Relative fall from base to current as a fraction: 1 − current / base (0.12 is −12 %). "giảm X% so với", "down X% on".',
  arity: { min: 2, max: 2 },
  expand: ([current, base], b) => b.arith('sub', b.constant(new Fraction(1)), b.arith('div', current!, base!)),
  monotone: ['down', 'up'],
  meaning: 'change',
  unit: 'ratio',
  argumentUnits: 'same',
  mistakenFor: [
    { kind: 'ratio-vs-change', fn: 'ratio', stated: 'a ratio (“bằng / X% of”)', computed: 'a decline (“giảm / down X%”)' },
    { kind: 'percent-vs-points', fn: 'pp', reversed: true, percentArguments: true, stated: 'the drop in percentage points', computed: 'a relative decline' },
  ],
};
