/**
 * The evaluate stage: rule expressions (hardened mathjs) over figure intervals (exact rationals).
 *
 * compile.ts is the way in; it parses with the hardened instance (instance.ts, operators.ts),
 * places nodes in the source (tokens.ts, positions.ts), checks and rebuilds the tree
 * (whitelist.ts, literals.ts). interval.ts is the arithmetic, functions/ the claim functions.
 */
export {
  compileExpression,
  traceExpression,
  type CompiledExpression,
  type CompileResult,
  type ExpressionError,
  type TraceStep,
  type Value,
} from './compile.js';
export { parseDecimalLiteral } from './literals.js';
export { didYouMean } from '../suggest.js';
export { EvaluationError, isInterval, isTruth, type Truth } from './interval.js';
export * as intervals from './interval.js';
export { claimFunctions, functionRegistry, type ClaimFunction } from './functions/index.js';
