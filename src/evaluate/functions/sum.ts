import type { ClaimFunction } from './types.js';

/** Σ xs. */
export const sum: ClaimFunction = {
  name: 'sum',
  signature: 'sum(x1, x2, …)',
  description: 'The total of its arguments. "tổng", "cộng", "in total".',
  arity: { min: 1 },
  expand: (args, b) => args.slice(1).reduce((total, x) => b.arith('add', total, x), args[0]!),
  monotone: ['up'],
  meaning: 'level',
  unit: 'same',
  argumentUnits: 'same',
};
