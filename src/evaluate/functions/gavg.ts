import type { Interval } from '../../model.js';
import { EvaluationError, add, mul, point, root, sub } from '../interval.js';
import type { ClaimFunction } from './types.js';

/**
 * (Π(1 + rᵢ))^(1/n) − 1. The factors are independent and positive, so their product is exact;
 * the root is monotone and rounded outward by about 2⁻⁶⁰ relative.
 */
export const gavg: ClaimFunction = {
  name: 'gavg',
  signature: 'gavg(r1, r2, …)',
  description:
    'Geometric mean of growth rates given as fractions: (Π(1 + rᵢ))^(1/n) − 1. "tăng bình quân X%/năm" when yearly rates are given.',
  arity: { min: 1 },
  apply(args: Interval[]): Interval {
    const one = point(1);
    let product = one;
    args.forEach((rate, i) => {
      const factor = add(one, rate);
      if (factor.lo.lte(0)) {
        throw new EvaluationError(`rate ${i + 1} can be −100 % or less (from ${rate.lo.toString()}); gavg needs rates above −100 %`);
      }
      product = mul(product, factor);
    });
    return sub(root(product, args.length), one);
  },
};
