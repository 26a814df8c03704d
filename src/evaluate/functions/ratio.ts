import type { ClaimFunction } from './types.js';

/** actual/reference. */
export const ratio: ClaimFunction = {
  name: 'ratio',
  signature: 'ratio(actual, reference)',
  description:
    'Actual as a fraction of a reference such as a plan or estimate: actual / reference (1.31 is 131 %). "đạt / bằng X% dự toán, kế hoạch", "X% of".',
  arity: { min: 2, max: 2 },
  expand: ([actual, reference], b) => b.arith('div', actual!, reference!),
  monotone: ['up', 'down'],
  meaning: 'ratio',
  unit: 'ratio',
  argumentUnits: 'same',
  mistakenFor: [
    { kind: 'ratio-vs-change', fn: 'growth', stated: 'a change (“tăng / up X%”)', computed: 'a ratio (“đạt / X% of”)' },
    { kind: 'ratio-vs-change', fn: 'decline', stated: 'a decline (“giảm / down X%”)', computed: 'a ratio (“đạt / X% of”)' },
  ],
};
