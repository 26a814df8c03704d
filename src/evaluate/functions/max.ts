import type { ClaimFunction } from './types.js';

export const max: ClaimFunction = {
  name: 'max',
  signature: 'max(x1, x2, …)',
  description: 'The largest of its arguments. "cao nhất", "highest".',
  arity: { min: 1 },
  expand: (args, b) => (args.length === 1 ? args[0]! : b.arith('max', ...args)),
  monotone: ['up'],
  meaning: 'level',
  unit: 'same',
  argumentUnits: 'same',
};
