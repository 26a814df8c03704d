import type { ClaimFunction } from './types.js';

/**
 * part/whole. When the whole is written as a sum that includes the part (share(a, a + b)), the
 * part is a repeated figure and the judge searches the box: the verdict is exact either way.
 */
export const share: ClaimFunction = {
  name: 'share',
  signature: 'share(part, whole)',
  description: 'The share of a part in a whole as a fraction: part / whole (0.34 is 34 %). "chiếm X%", "X% of the total".',
  arity: { min: 2, max: 2 },
  expand: ([part, whole], b) => b.arith('div', part!, whole!),
  monotone: ['up', 'down'],
  meaning: 'share',
  unit: 'ratio',
  argumentUnits: 'same',
};
