import Fraction from 'fraction.js';
import type { Interval } from '../../model.js';
import { EvaluationError } from '../errors.js';
import type { ClaimFunction } from './types.js';

/** (Π(1 + rᵢ))^(1/n) − 1: each rate once; the root is monotone and rounded outward by about 2⁻⁶⁰ relative. */
export const gavg: ClaimFunction = {
  name: 'gavg',
  signature: 'gavg(r1, r2, …)',
  description:
    'Geometric mean of growth rates given as fractions: (Π(1 + rᵢ))^(1/n) − 1. "tăng bình quân X%/năm" when yearly rates are given.',
  arity: { min: 1 },
  check(args: readonly Interval[]): void {
    args.forEach((rate, i) => {
      if (rate.lo === null || rate.lo.lte(-1)) {
        throw new EvaluationError(`rate ${i + 1} can be −100 % or less (from ${rate.lo === null ? '−∞' : rate.lo.toString()}); gavg needs rates above −100 %`);
      }
    });
  },
  surelyPasses: (lows) => lows.every((low) => low > -1),
  expand(args, b) {
    b.guard(gavg, args);
    const one = b.constant(new Fraction(1));
    const product = args.map((r) => b.arith('add', one, r)).reduce((p, f) => b.arith('mul', p, f));
    return b.arith('sub', b.arith('pow', product, b.constant(new Fraction(1, args.length))), one);
  },
  monotone: ['up'],
  meaning: 'change',
  unit: 'ratio',
  argumentUnits: 'rates',
};
