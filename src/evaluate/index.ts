/**
 * The evaluate stage: rule expressions (hardened mathjs) over figure intervals (exact rationals).
 */
export {
  compileExpression,
  traceExpression,
  didYouMean,
  parseDecimalLiteral,
  type CompiledExpression,
  type CompileResult,
  type ExpressionError,
  type TraceStep,
  type Value,
} from './mathjs.js';
export { EvaluationError, isInterval, isTruth, type Truth } from './interval.js';
export * as intervals from './interval.js';
export { claimFunctions, functionRegistry, type ClaimFunction } from './functions/index.js';
