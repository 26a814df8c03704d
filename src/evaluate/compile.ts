/**
 * Rule expressions: parsed by a hardened mathjs instance, checked, and compiled into a program
 * of primitive interval operations.
 *
 * The way through: parse with the hardened instance (instance.ts) → find each node's place in the
 * source (tokens.ts, positions.ts) → check the tree against the whitelist and build its program
 * (whitelist.ts, program.ts). A refusal at any step is an ExpressionError with its column; nothing
 * the source says is evaluated unchecked, and mathjs never evaluates anything.
 */
import type { MathNode } from 'mathjs';
import type { Interval } from '../model.js';
import { encloseAll, type Box } from './enclose.js';
import { EvaluationError } from './errors.js';
import { instance } from './instance.js';
import * as I from './interval.js';
import { locate } from './positions.js';
import type { Program } from './program.js';
import { tokenize } from './tokens.js';
import type { Value } from './values.js';
import { renameProgram, shapeOf, type Shape } from './shapes.js';
import { Refused, compileTree } from './whitelist.js';

export type { Value } from './values.js';

export interface CompiledExpression {
  readonly source: string;
  /** Figure ids the expression uses, in order of first use (function names excluded). */
  readonly symbols: string[];
  /** Claim functions the expression calls, in order of first use. */
  readonly functions: string[];
  /** What the expression yields, known statically: a number (a claim) or a truth (an assertion). */
  readonly result: 'interval' | 'truth';
  readonly program: Program;
  /**
   * The enclosure of the expression over the figures' intervals (null: an unknown figure), every
   * figure anywhere in its interval independently of its other mentions. Throws EvaluationError.
   */
  evaluate(scope: ReadonlyMap<string, Interval | null>): Value;
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

const MAX_SOURCE_LENGTH = 10_000;
const CACHE_LIMIT = 4096;
const cache = new Map<string, CompileResult>();

function failure(message: string, col: number, suggestions: string[] = []): CompileResult {
  return Object.freeze({ ok: false, error: Object.freeze({ message, col, suggestions: Object.freeze(suggestions) as string[] }) });
}

/** The box of a scope: per slot, the figure's interval (null: unknown). */
export function boxOf(program: Program, scope: ReadonlyMap<string, Interval | null>): Box {
  return program.slots.map((id) => {
    const v: unknown = scope.get(id);
    if (v === undefined) throw new EvaluationError(`unknown figure "${id}"`);
    if (v === null) return null;
    if (!I.isInterval(v)) throw new EvaluationError(`figure "${id}" is not an interval`);
    if (v.lo !== null && v.hi !== null && v.lo.gt(v.hi)) throw new EvaluationError(`figure "${id}" is an empty interval`);
    return v;
  });
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

  let built: ReturnType<typeof compileTree>;
  try {
    built = compileTree(root, locate(root, tokenize(source)));
  } catch (e) {
    if (e instanceof Refused) return failure(e.message, e.col, e.suggestions);
    if (e instanceof RangeError) return failure('expression is too deeply nested', 1);
    throw e;
  }
  return compiledResult(source, built.program, built.functions);
}

function compiledResult(source: string, program: Program, functions: readonly string[]): CompileResult {
  const compiled: CompiledExpression = Object.freeze({
    source,
    symbols: Object.freeze([...program.slots]) as string[],
    functions: Object.freeze([...functions]) as string[],
    result: program.result === 'truth' ? 'truth' : 'interval',
    program,
    evaluate(scope: ReadonlyMap<string, Interval | null>): Value {
      return encloseAll(program, boxOf(program, scope))[program.root]!;
    },
  });
  return Object.freeze({ ok: true, compiled });
}

/** The first expression compiled of each shape (shapes.ts), with its shape. */
const templates = new Map<string, { shape: Shape; compiled: CompiledExpression }>();

/** Compile through the expression's shape: rename a template's program, or compile and keep it as one. */
function compileByShape(source: string): CompileResult {
  if (typeof source !== 'string' || source.length > MAX_SOURCE_LENGTH) return compileUncached(source);
  const shape = shapeOf(source);
  const template = shape ? templates.get(shape.key) : undefined;
  if (shape && template) {
    const program = renameProgram(template.compiled.program, template.shape, shape);
    if (program) return compiledResult(source, program, template.compiled.functions);
  }
  const result = compileUncached(source);
  if (shape && !template && result.ok) {
    templates.set(shape.key, { shape, compiled: result.compiled });
    if (templates.size > CACHE_LIMIT) templates.delete(templates.keys().next().value!);
  }
  return result;
}

/**
 * The figures an expression names (what its compilation's `symbols` would be), or why it does not
 * compile. When a template of its shape is known they are the template's, renamed, and no program
 * is built: the load stage checks the names of every rule, and the judge compiles each rule once.
 */
export function namesOf(source: string): { ok: true; symbols: string[] } | { ok: false; error: ExpressionError } {
  if (typeof source === 'string' && source.length <= MAX_SOURCE_LENGTH) {
    const shape = shapeOf(source);
    const template = shape ? templates.get(shape.key) : undefined;
    if (shape && template) {
      const rename = new Map(template.shape.names.map((name, i) => [name, shape.names[i]!]));
      return { ok: true, symbols: template.compiled.symbols.map((s) => rename.get(s) ?? s) };
    }
  }
  const compiled = compileExpression(source);
  return compiled.ok ? { ok: true, symbols: compiled.compiled.symbols } : compiled;
}

/** Compile without the shape cache (for the law that the cache changes nothing). */
export function compileAlone(source: string): CompileResult {
  return compileUncached(source);
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
  const result = compileByShape(source);
  cache.set(source, result);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return result;
}

/**
 * The value of every operator and function call written in the expression, innermost first,
 * ending with the whole expression: for discrepancy reports ("growth(a, b) = [0.3036; 0.3037]").
 * `box` defaults to the scope's; the judge passes the box it decided on. Throws EvaluationError.
 */
export function traceExpression(compiled: CompiledExpression, scope: ReadonlyMap<string, Interval | null>): TraceStep[] {
  const program = compiled.program;
  const values = encloseAll(program, boxOf(program, scope));
  const steps: TraceStep[] = [];
  for (const node of program.nodes) {
    if (!node.source || node.kind === 'const' || node.kind === 'figure') continue;
    steps.push({ text: node.source.text, value: values[node.id]! });
  }
  return steps;
}
