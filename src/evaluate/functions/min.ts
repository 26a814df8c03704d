import type { ClaimFunction } from './types.js';

export const min: ClaimFunction = {
  name: 'min',
  signature: 'min(x1, x2, …)',
  description: 'The smallest of its arguments. "thấp nhất", "lowest".',
  arity: { min: 1 },
  expand: (args, b) => (args.length === 1 ? args[0]! : b.arith('min', ...args)),
  monotone: ['up'],
  meaning: 'level',
  unit: 'same',
  argumentUnits: 'same',
};
