/**
 * What a claim function is: a name the rule language exposes, its documentation (shown in
 * errors, editors and the docs), how many arguments it takes, and its interval semantics.
 */
import type { Interval } from '../../model.js';

export interface ClaimFunction {
  name: string;
  /** How it is called, with argument names, e.g. "growth(current, base)". */
  signature: string;
  /** One or two sentences: what it computes and which wording of a report it encodes. */
  description: string;
  /** Accepted number of arguments; `max` absent means any number from `min` on. */
  arity: { min: number; max?: number };
  /**
   * A sound enclosure of the function over the argument intervals. Called only with an accepted
   * number of arguments, all of them intervals; may throw `EvaluationError`.
   */
  apply(args: Interval[]): Interval;
}
