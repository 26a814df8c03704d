import Fraction from 'fraction.js';
import type { ClaimFunction } from './types.js';
import { sum } from './sum.js';

/** (Σ xs)/n. */
export const avg: ClaimFunction = {
  name: 'avg',
  signature: 'avg(x1, x2, …)',
  description: 'Arithmetic mean of its arguments. "bình quân", "trung bình", "on average".',
  arity: { min: 1 },
  expand: (args, b) => b.arith('div', sum.expand(args, b), b.constant(new Fraction(args.length))),
  monotone: ['up'],
  meaning: 'level',
  unit: 'same',
  argumentUnits: 'same',
};
