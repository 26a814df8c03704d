/**
 * What a claim function is, all in one place: the name the rule language exposes, its
 * documentation (shown in errors, editors and the docs), how many arguments it takes, its value as
 * an expansion into primitive operations (so that every evaluator — enclosure, exact point,
 * gradient — and the dependency analysis see through it), the checks its arguments must pass,
 * how it moves with each argument, what its value means for materiality and for display, and
 * which other functions a writer may have meant instead (the slips the diagnosis tries).
 */
import type { Interval } from '../../model.js';
import type { Builder } from '../program.js';

/** How the value moves when one argument grows, the others fixed (for positive arguments). */
export type Direction = 'up' | 'down' | 'both';

/**
 * What the value says, for materiality and reports: a relative change (its sign is a direction),
 * a ratio to a reference such as a plan (≥ 100 % is "met"), a multiple (> 1 is "more"), a share,
 * a difference in percentage points (its sign is a direction), or a level in the arguments' unit.
 */
export type Meaning = 'change' | 'ratio' | 'multiple' | 'share' | 'points' | 'level';

/** Another function over the same arguments that a writer may have meant instead. */
export interface Mistake {
  kind: 'ratio-vs-change' | 'percent-vs-points';
  /** The function meant instead. */
  fn: string;
  /** Its arguments are this call's, in reverse order (decline(b, a) for pp(a, b)). */
  reversed?: boolean;
  /** Only between percentages (percent vs points). */
  percentArguments?: boolean;
  /** What the text's number would then be, and what the rule computes, in words. */
  stated: string;
  computed: string;
}

export interface ClaimFunction {
  name: string;
  /** How it is called, with argument names, e.g. "growth(current, base)". */
  signature: string;
  /** One or two sentences: what it computes and which wording of a report it encodes. */
  description: string;
  /** Accepted number of arguments; `max` absent means any number from `min` on. */
  arity: { min: number; max?: number };
  /**
   * Its value built from primitive operations over the argument nodes (called with an accepted
   * number of arguments). Each argument should be used once where possible: an argument used
   * twice makes its figures "repeated", which the judge then has to search.
   */
  expand(args: readonly number[], b: Builder): number;
  /** Checks on the argument intervals, before the value is used; throws EvaluationError. */
  check?(args: readonly Interval[]): void;
  /**
   * Whether `check` surely passes, given for each argument a double at or below its low end
   * (float-bounds.ts): true only when it cannot throw. Without it, floats leave every evaluation
   * of the function to the exact arithmetic.
   */
  surelyPasses?(lows: Float64Array): boolean;
  /** Per argument (the last entry repeats for variadic functions), for positive arguments. */
  monotone: readonly Direction[];
  meaning: Meaning;
  /** Does the value keep its arguments' unit (a sum of đồng is đồng) or is it a pure number? */
  unit: 'same' | 'ratio';
  /**
   * What its arguments' units must be (dimensions.ts): all the same (a growth of đồng on USD is an
   * error), the first two the same (cagr's end and start, not its years), rates (percentages), or anything.
   */
  argumentUnits: 'same' | 'first-two' | 'rates' | 'any';
  mistakenFor?: readonly Mistake[];
}
