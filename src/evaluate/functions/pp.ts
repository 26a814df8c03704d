import type { ClaimFunction } from './types.js';

/** a − b, for two percentages. */
export const pp: ClaimFunction = {
  name: 'pp',
  signature: 'pp(a, b)',
  description:
    'Difference of two fractions in percentage points: a − b (0.017 is 1,7 points). "tăng / cao hơn X điểm phần trăm", "X points".',
  arity: { min: 2, max: 2 },
  expand: ([a, c], b) => b.arith('sub', a!, c!),
  monotone: ['up', 'down'],
  meaning: 'points',
  unit: 'same',
  argumentUnits: 'rates',
  mistakenFor: [
    { kind: 'percent-vs-points', fn: 'growth', percentArguments: true, stated: 'the relative change', computed: 'a difference in percentage points' },
    { kind: 'percent-vs-points', fn: 'decline', reversed: true, percentArguments: true, stated: 'the relative fall', computed: 'a difference in percentage points' },
  ],
};
