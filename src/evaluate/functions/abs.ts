import type { ClaimFunction } from './types.js';

export const abs: ClaimFunction = {
  name: 'abs',
  signature: 'abs(x)',
  description: 'Absolute value, e.g. abs(pp(a, b)) for "a gap of X points" in either direction.',
  arity: { min: 1, max: 1 },
  expand: ([x], b) => b.arith('abs', x!),
  monotone: ['both'],
  meaning: 'level',
  unit: 'same',
  argumentUnits: 'any',
};
