/**
 * Rule expressions: parsed by a hardened mathjs instance, evaluated over intervals.
 *
 * The way through: parse with the hardened instance (instance.ts) → find each node's place in the
 * source (tokens.ts, positions.ts) → check the tree against the whitelist and rebuild it from
 * fresh nodes (whitelist.ts) → `compile()`. A refusal at any step is an ExpressionError with its
 * column; nothing the source says reaches `compile()` unchecked.
 */
import type { MathNode } from 'mathjs';
import type { Interval } from '../model.js';
import { instance } from './instance.js';
import * as I from './interval.js';
import { EvaluationError } from './interval.js';
import { describe, type Value } from './operators.js';
import { locate, type Positions } from './positions.js';
import { tokenize } from './tokens.js';
import { Refused, compileTree, textOf, type Step } from './whitelist.js';

export type { Value } from './operators.js';

export interface CompiledExpression {
  readonly source: string;
  /** Figure ids the expression uses, in order of first use (function names excluded). */
  readonly symbols: string[];
  /** Claim functions the expression calls, in order of first use. */
  readonly functions: string[];
  /** What the expression yields, known statically: a number (a claim) or a truth (an assertion). */
  readonly result: 'interval' | 'truth';
  evaluate(scope: ReadonlyMap<string, Interval>): Value;
}

export interface ExpressionError {
  message: string;
  /** 1-based column (UTF-16 code units) within the expression string. */
  col: number;
  /** "did you mean" candidates, best first. */
  suggestions: string[];
}

export type CompileResult = { ok: true; compiled: CompiledExpression } | { ok: false; error: ExpressionError };

/** One sub-expression (operator or function call) and its value, innermost first. */
export interface TraceStep {
  text: string;
  value: Value;
}

/** What traceExpression needs of a compiled expression, kept off the frozen public object. */
interface Internals {
  steps: Step[];
  symbols: string[];
  pos: Positions;
}
const internals = new WeakMap<CompiledExpression, Internals>();

const MAX_SOURCE_LENGTH = 10_000;
const CACHE_LIMIT = 4096;
const cache = new Map<string, CompileResult>();

function failure(message: string, col: number, suggestions: string[] = []): CompileResult {
  return Object.freeze({ ok: false, error: Object.freeze({ message, col, suggestions: Object.freeze(suggestions) as string[] }) });
}

function toEvaluationError(e: unknown): EvaluationError {
  if (e instanceof EvaluationError) return e;
  if (e instanceof RangeError) return new EvaluationError('the expression is too deeply nested to evaluate', { cause: e });
  return new EvaluationError(`evaluation failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
}

/** The scope mathjs sees: only the figures the expression names, each checked to be an interval. */
function bind(symbols: readonly string[], scope: ReadonlyMap<string, Interval>): Map<string, Interval> {
  const s = new Map<string, Interval>();
  for (const id of symbols) {
    const v: unknown = scope.get(id);
    if (v === undefined) throw new EvaluationError(`unknown figure "${id}"`);
    if (!I.isInterval(v)) throw new EvaluationError(`figure "${id}" is not an interval`);
    if (v.lo.gt(v.hi)) throw new EvaluationError(`figure "${id}" is an empty interval`);
    s.set(id, v);
  }
  return s;
}

function run(code: { evaluate(scope: Map<string, Interval>): unknown }, scope: Map<string, Interval>): Value {
  let out: unknown;
  try {
    out = code.evaluate(scope);
  } catch (e) {
    throw toEvaluationError(e);
  }
  if (I.isInterval(out) || I.isTruth(out)) return out;
  throw new EvaluationError(`the expression gave ${describe(out)}, not a number or a comparison`);
}

function compileUncached(source: string): CompileResult {
  if (typeof source !== 'string') return failure('an expression must be a string', 1);
  if (source.length > MAX_SOURCE_LENGTH) return failure(`expression is too long (over ${MAX_SOURCE_LENGTH} characters)`, 1);
  if (source.trim() === '') return failure('empty expression', 1);

  let root: MathNode;
  try {
    root = instance().parse(source);
  } catch (e) {
    if (e instanceof RangeError) return failure('expression is too deeply nested', 1);
    const err = e as { message?: unknown; char?: unknown };
    const message = String(err.message ?? e).replace(/\s*\(char \d+\)\s*$/, '');
    const col = typeof err.char === 'number' && err.char >= 1 ? err.char : 1;
    return failure(message, col);
  }

  let tree: ReturnType<typeof compileTree>;
  let pos: Positions;
  try {
    pos = locate(root, tokenize(source));
    tree = compileTree(root, pos);
  } catch (e) {
    if (e instanceof Refused) return failure(e.message, e.col, e.suggestions);
    if (e instanceof RangeError) return failure('expression is too deeply nested', 1);
    throw e;
  }

  let code: { evaluate(scope: Map<string, Interval>): unknown };
  try {
    code = tree.top.node.compile() as typeof code;
  } catch (e) {
    if (e instanceof RangeError) return failure('expression is too deeply nested', 1);
    throw e;
  }
  const symbols = Object.freeze([...tree.symbols]) as string[];
  const compiled: CompiledExpression = Object.freeze({
    source,
    symbols,
    functions: Object.freeze([...tree.functions]) as string[],
    result: tree.top.kind,
    evaluate(scope: ReadonlyMap<string, Interval>): Value {
      return run(code, bind(symbols, scope));
    },
  });
  internals.set(compiled, { steps: tree.steps, symbols, pos });
  return Object.freeze({ ok: true, compiled });
}

/**
 * Parse, check and compile an expression. Results (including refusals) are cached by source:
 * the same rule text compiles once however many documents it is evaluated against.
 */
export function compileExpression(source: string): CompileResult {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source); // least recently used goes first
    cache.set(source, hit);
    return hit;
  }
  const result = compileUncached(source);
  cache.set(source, result);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return result;
}

/**
 * The value of every operator and function call of the expression, innermost first, ending with
 * the whole expression: for discrepancy reports ("growth(a, b) = [0.3036; 0.3037]").
 * Throws EvaluationError as `evaluate` does.
 */
export function traceExpression(compiled: CompiledExpression, scope: ReadonlyMap<string, Interval>): TraceStep[] {
  const inside = internals.get(compiled);
  if (!inside) throw new TypeError('traceExpression needs an expression returned by compileExpression');
  const s = bind(inside.symbols, scope);
  return inside.steps.map((step) => {
    step.code ??= step.node.compile() as { evaluate(scope: Map<string, Interval>): unknown };
    step.text ??= textOf(step.original, inside.pos);
    return { text: step.text, value: run(step.code, s) };
  });
}
