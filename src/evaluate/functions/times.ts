import type { ClaimFunction } from './types.js';

/** a/b, stated as a multiple rather than a percentage. */
export const times: ClaimFunction = {
  name: 'times',
  signature: 'times(a, b)',
  description: 'How many times a is of b: a / b (2.5 is "2,5 times"). "gấp N lần", "N times".',
  arity: { min: 2, max: 2 },
  expand: ([a, c], b) => b.arith('div', a!, c!),
  monotone: ['up', 'down'],
  meaning: 'multiple',
  unit: 'ratio',
  argumentUnits: 'same',
  mistakenFor: [{ kind: 'ratio-vs-change', fn: 'growth', stated: 'a change (“tăng / up X%”)', computed: 'a multiple (“gấp / X times”)' }],
};
