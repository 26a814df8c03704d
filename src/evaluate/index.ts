/**
 * The evaluate stage: rule expressions (parsed by a hardened mathjs) compiled into programs of
 * interval operations over exact rationals.
 *
 * compile.ts is the way in; it parses with the hardened instance (instance.ts), places nodes in the
 * source (tokens.ts, positions.ts), checks the tree and builds its program (whitelist.ts,
 * program.ts, literals.ts). interval.ts is the arithmetic, enclose.ts evaluates a program over a
 * box, gradient.ts its derivatives, link.ts inlines derived figures into a program, values.ts the
 * three-valued truths, functions/ the claim functions.
 */
export {
  boxOf,
  compileExpression,
  namesOf,
  traceExpression,
  type CompiledExpression,
  type CompileResult,
  type ExpressionError,
  type TraceStep,
} from './compile.js';
export { enclose, encloseAll, type Box } from './enclose.js';
export { CycleError, definitionsOf, linkExpression, linkProgram, type DefinitionOf, type Linked, type LinkedExpression } from './link.js';
export { gradient, monotoneSign, type Dual } from './gradient.js';
export { parseDecimalLiteral } from './literals.js';
export { didYouMean } from '../suggest.js';
export { EvaluationError } from './errors.js';
export { isInterval } from './interval.js';
export * as intervals from './interval.js';
export { isNumber, isTruthSet, isUnknown, type TruthSet, type Value } from './values.js';
export type { Program, ProgramNode } from './program.js';
export { claimFunctions, functionRegistry, type ClaimFunction, type Meaning, type Mistake } from './functions/index.js';
