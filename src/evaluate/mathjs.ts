/**
 * Rule expressions: parsed by a hardened mathjs instance, evaluated over intervals.
 *
 * Expressions come from rule files, which can come from contributors' pull requests: they are
 * untrusted. Three layers keep them to arithmetic over figures:
 *
 * 1. A minimal instance: `create(...)` from the factories `parseDependencies` requires (see
 *    `parseFactories`), not all of mathjs: the parser and the node classes, whose `compile()` needs
 *    nothing more. It also starts fast (~10 ms to build), which is what users of the CLI feel.
 * 2. The mathjs security guide: `import`, `createUnit`, `reviver`, `evaluate`, `parse`, `simplify`,
 *    `derivative`, `resolve` and `compile` are replaced by functions that throw.
 * 3. An AST whitelist, checked before anything is compiled: numbers, figure ids, parentheses, the
 *    arithmetic, comparison and logical operators, and calls of registered claim functions. Every
 *    other construct (property access, assignment, function definition, objects, arrays, strings,
 *    ranges, blocks, conditionals …) is refused with its column in the source. The checked tree is
 *    rebuilt from fresh nodes, so nothing from the parse output survives but names and operators.
 *
 * The operators that compiled OperatorNodes call (`add`, `smaller`, `and` …) are imported as our
 * interval operations, so `node.compile()` evaluates exactly over `Interval`s and `Truth`s.
 * Number literals become exact Fraction points parsed from their text in the source, never from
 * the float mathjs made of them.
 */
import Fraction from 'fraction.js';
import { create, factory, parseDependencies, type FactoryFunction, type FactoryFunctionMap, type MathNode } from 'mathjs';
import type { Interval } from '../model.js';
import { functionRegistry, type ClaimFunction } from './functions/index.js';
import * as I from './interval.js';
import { EvaluationError, type Truth } from './interval.js';

export type Value = Interval | Truth;

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

// ---------------------------------------------------------------------------------------------
// The mathjs instance

/** Disabled per mathjs's security guide (docs/expressions/security.md). */
const DISABLED = [
  'import',
  'createUnit',
  'reviver',
  'evaluate',
  'parse',
  'simplify',
  'derivative',
  'resolve',
  'compile',
] as const;
const DISABLED_SET: ReadonlySet<string> = new Set(DISABLED);

type Kind = 'interval' | 'truth';

interface OperatorSpec {
  /** As written, for messages. */
  symbol: string;
  takes: Kind;
  gives: Kind;
  impl: (...args: unknown[]) => Value;
}

function describe(v: unknown): string {
  if (I.isTruth(v)) return 'a truth value (a comparison)';
  if (I.isInterval(v)) return 'a number';
  return `a value of type ${typeof v}`;
}

function needInterval(v: unknown, where: string): Interval {
  if (I.isInterval(v)) return v;
  throw new EvaluationError(`${where} needs a number, got ${describe(v)}`);
}

function needTruth(v: unknown, where: string): Truth {
  if (I.isTruth(v)) return v;
  throw new EvaluationError(`${where} needs a comparison, got ${describe(v)}`);
}

function numeric1(symbol: string, f: (a: Interval) => Value) {
  return (a: unknown) => f(needInterval(a, `"${symbol}"`));
}
function numeric2(symbol: string, f: (a: Interval, b: Interval) => Value) {
  return (a: unknown, b: unknown) => f(needInterval(a, `"${symbol}"`), needInterval(b, `"${symbol}"`));
}
function logical1(symbol: string, f: (a: Truth) => Truth) {
  return (a: unknown) => f(needTruth(a, `"${symbol}"`));
}
function logical2(symbol: string, f: (a: Truth, b: Truth) => Truth) {
  return (a: unknown, b: unknown) => f(needTruth(a, `"${symbol}"`), needTruth(b, `"${symbol}"`));
}

/** Keyed by the mathjs function name an OperatorNode calls. */
const OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  add: { symbol: '+', takes: 'interval', gives: 'interval', impl: numeric2('+', I.add) },
  subtract: { symbol: '-', takes: 'interval', gives: 'interval', impl: numeric2('-', I.sub) },
  multiply: { symbol: '*', takes: 'interval', gives: 'interval', impl: numeric2('*', I.mul) },
  divide: { symbol: '/', takes: 'interval', gives: 'interval', impl: numeric2('/', I.div) },
  pow: { symbol: '^', takes: 'interval', gives: 'interval', impl: numeric2('^', I.pow) },
  unaryMinus: { symbol: '-', takes: 'interval', gives: 'interval', impl: numeric1('-', I.neg) },
  unaryPlus: { symbol: '+', takes: 'interval', gives: 'interval', impl: numeric1('+', (a) => a) },
  smaller: { symbol: '<', takes: 'interval', gives: 'truth', impl: numeric2('<', I.lt) },
  smallerEq: { symbol: '<=', takes: 'interval', gives: 'truth', impl: numeric2('<=', I.le) },
  larger: { symbol: '>', takes: 'interval', gives: 'truth', impl: numeric2('>', I.gt) },
  largerEq: { symbol: '>=', takes: 'interval', gives: 'truth', impl: numeric2('>=', I.ge) },
  equal: { symbol: '==', takes: 'interval', gives: 'truth', impl: numeric2('==', I.eq) },
  unequal: { symbol: '!=', takes: 'interval', gives: 'truth', impl: numeric2('!=', I.ne) },
  and: { symbol: 'and', takes: 'truth', gives: 'truth', impl: logical2('and', I.and) },
  or: { symbol: 'or', takes: 'truth', gives: 'truth', impl: logical2('or', I.or) },
  not: { symbol: 'not', takes: 'truth', gives: 'truth', impl: logical1('not', I.not) },
};
const ALLOWED_OPERATORS = '+ - * / ^ < <= > >= == != and or not';

function arityText(fn: ClaimFunction): string {
  const { min, max } = fn.arity;
  if (max === undefined) return `at least ${min} argument${min === 1 ? '' : 's'}`;
  if (max === min) return `${min} argument${min === 1 ? '' : 's'}`;
  return `${min} to ${max} arguments`;
}

function arityOk(fn: ClaimFunction, n: number): boolean {
  return n >= fn.arity.min && (fn.arity.max === undefined || n <= fn.arity.max);
}

/** A claim function as mathjs calls it: checked arguments, errors named after the function. */
function callable(fn: ClaimFunction) {
  return (...args: unknown[]): Interval => {
    if (!arityOk(fn, args.length)) {
      throw new EvaluationError(`${fn.signature} takes ${arityText(fn)}, got ${args.length}`);
    }
    const xs = args.map((a, i) => needInterval(a, `argument ${i + 1} of ${fn.name}`));
    try {
      return fn.apply(xs);
    } catch (e) {
      if (e instanceof EvaluationError) throw new EvaluationError(`${fn.name}: ${e.message}`, { cause: e });
      throw e;
    }
  };
}

function disabled(name: string) {
  return () => {
    throw new Error(`Function ${name} is disabled`);
  };
}

type NodeCtor<A extends unknown[]> = new (...args: A) => MathNode;
/** mathjs's own character classes, attached to `parse`: identifiers are tokenised as it does. */
interface ParseStatics {
  isAlpha?: (c: string, prev: string, next: string) => boolean;
}

type Factory = FactoryFunction<unknown> & { fn: string; dependencies: readonly string[] };

/**
 * The factories `parse` needs, taken from mathjs's own `parseDependencies` by following the
 * required dependencies from `parse`. Left out: the optional `Unit` (its construction alone costs
 * ~100 ms of start-up and drags in multiply, pow, det, inv …; SymbolNode works without it). Stubbed:
 * `subset` and `size`, which only compiled AccessorNode / AssignmentNode / IndexNode would call,
 * and the whitelist refuses those nodes before anything is compiled. `node.compile()` needs only the
 * instance itself (`math`, `mathWithTransform`), which `create` provides.
 */
function parseFactories(): FactoryFunctionMap {
  const byName = new Map<string, Factory>();
  const collect = (map: FactoryFunctionMap | undefined): void => {
    for (const v of Object.values(map ?? {})) {
      if (typeof v === 'function') byName.set((v as Factory).fn, v as Factory);
      else collect(v);
    }
  };
  collect(parseDependencies);
  for (const name of ['subset', 'size']) {
    const stub = factory(name, [] as const, () => () => {
      throw new Error(`${name} is not available in rule expressions`);
    });
    byName.set(name, stub as Factory);
  }
  const needed: FactoryFunctionMap = {};
  const visit = (name: string): void => {
    const f = byName.get(name);
    if (!f || needed[name]) return;
    needed[name] = f;
    for (const dep of f.dependencies) if (!dep.startsWith('?')) visit(dep);
  };
  visit('parse');
  return needed;
}

interface Hardened {
  math: Record<string, unknown>;
  parse: (expr: string) => MathNode;
  statics: ParseStatics;
  Nodes: {
    ConstantNode: NodeCtor<[unknown]>;
    SymbolNode: NodeCtor<[string]>;
    ParenthesisNode: NodeCtor<[MathNode]>;
    OperatorNode: NodeCtor<[string, string, MathNode[]]>;
    FunctionNode: NodeCtor<[MathNode, MathNode[]]>;
  };
}

let hardened: Hardened | undefined;

/** Built on first use, so commands that never compile an expression do not pay for it. */
function instance(): Hardened {
  if (hardened) return hardened;
  const math = create(parseFactories());
  // Taken before `parse` is disabled inside expressions: the instance keeps working for us.
  const parse: (expr: string) => MathNode = math.parse;
  math.import(
    {
      ...Object.fromEntries(Object.entries(OPERATORS).map(([name, spec]) => [name, spec.impl])),
      ...Object.fromEntries([...functionRegistry.values()].map((fn) => [fn.name, callable(fn)])),
    },
    { override: true },
  );
  // Last, and `import` itself among them: nothing can change the instance after this.
  math.import(Object.fromEntries(DISABLED.map((name) => [name, disabled(name)])), { override: true });
  hardened = {
    math: math as unknown as Record<string, unknown>,
    parse,
    statics: parse as unknown as ParseStatics,
    Nodes: math as unknown as Hardened['Nodes'],
  };
  return hardened;
}

/** The hardened instance, for tests that check the hardening itself; not part of the public API. */
export function hardenedInstanceForTests(): Readonly<Record<string, unknown>> {
  return instance().math;
}

// ---------------------------------------------------------------------------------------------
// Source positions. mathjs nodes carry none, so the source is tokenised the way mathjs does it and
// each node is matched, in source order, to the token that stands for it (its name, its operator,
// its literal, its bracket). Used for error columns and for the exact text of number literals.

interface Token {
  /** What nodes look the token up by: the text, or '#num' / '#str' for literals. */
  key: string;
  text: string;
  col: number;
}

const DELIMITERS_3 = new Set(['>>>']);
const DELIMITERS_2 = new Set(['.*', './', '.^', '^|', '==', '!=', '<=', '>=', '<<', '>>', '?.', '??']);
const DELIMITERS_1 = new Set(',()[]{};+-*/%^~!&|=:?<>\''.split(''));
const NAMED_DELIMITERS = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not']);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string, prev: string, next: string): boolean =>
  instance().statics.isAlpha?.(c, prev, next) ?? /[\p{L}_$]/u.test(c);
const isDecimalMark = (c: string | undefined, next: string | undefined) =>
  c === '.' && next !== '/' && next !== '*' && next !== '^';

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const at = (k: number) => src.charAt(k);
  /** Whether a quote here closes an operand (transpose) rather than opening a string. */
  const afterOperand = () => {
    const t = tokens[tokens.length - 1];
    if (!t) return false;
    if (t.key === '#num' || t.key === '#str' || t.key === ')' || t.key === ']' || t.key === '}' || t.key === "'") return true;
    return /^[\p{L}_$]/u.test(t.text) && !NAMED_DELIMITERS.has(t.text);
  };
  let i = 0;
  while (i < src.length) {
    const c = at(i);
    const start = i;
    const push = (key: string, end: number) => {
      tokens.push({ key, text: src.slice(start, end), col: start + 1 });
      i = end;
    };
    if (c === '#') {
      while (i < src.length && at(i) !== '\n') i++;
      continue;
    }
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || (c === "'" && !afterOperand())) {
      let j = i + 1;
      while (j < src.length && at(j) !== c) j += at(j) === '\\' ? 2 : 1;
      push('#str', Math.min(j + 1, src.length));
      continue;
    }
    const c3 = src.slice(i, i + 3);
    const c2 = src.slice(i, i + 2);
    if (DELIMITERS_3.has(c3)) {
      push(c3, i + 3);
      continue;
    }
    if (DELIMITERS_2.has(c2) && (c2 !== '?.' || !isDigit(at(i + 2)))) {
      push(c2, i + 2);
      continue;
    }
    if (DELIMITERS_1.has(c)) {
      push(c, i + 1);
      continue;
    }
    if (isDigit(c) || c === '.') {
      let j = i;
      if (c2 === '0b' || c2 === '0o' || c2 === '0x') {
        j += 2;
        while (j < src.length && /[0-9A-Za-z.]/.test(at(j))) j++;
        push('#num', j);
        continue;
      }
      if (c === '.') {
        if (!isDigit(at(i + 1))) {
          push('.', i + 1);
          continue;
        }
        j++;
      } else {
        while (isDigit(at(j))) j++;
        if (isDecimalMark(at(j), at(j + 1))) j++;
      }
      while (isDigit(at(j))) j++;
      if ((at(j) === 'e' || at(j) === 'E') && (isDigit(at(j + 1)) || at(j + 1) === '+' || at(j + 1) === '-')) {
        j += at(j + 1) === '+' || at(j + 1) === '-' ? 2 : 1;
        while (isDigit(at(j))) j++;
      }
      push('#num', j);
      continue;
    }
    if (isAlpha(c, at(i - 1), at(i + 1))) {
      let j = i + 1;
      while (j < src.length && (isAlpha(at(j), at(j - 1), at(j + 1)) || isDigit(at(j)))) j++;
      push(src.slice(i, j), j);
      continue;
    }
    push(c, i + 1);
  }
  return tokens;
}

/** mathjs nodes are read structurally here: their typings do not cover every field used. */
type AnyNode = MathNode & Record<string, any>;

const RELATIONAL_SYMBOLS: Readonly<Record<string, string>> = {
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
};

/** Column of each node, and the source text of each number literal. */
interface Positions {
  col: Map<MathNode, number>;
  literal: Map<MathNode, string>;
}

function locate(root: MathNode, tokens: Token[]): Positions {
  const byKey = new Map<string, Token[]>();
  for (const t of tokens) {
    const list = byKey.get(t.key);
    if (list) list.push(t);
    else byKey.set(t.key, [t]);
  }
  const used = new Map<string, number>();
  const take = (key: string): Token | undefined => {
    const k = used.get(key) ?? 0;
    used.set(key, k + 1);
    return byKey.get(key)?.[k];
  };
  const peek = (key: string): Token | undefined => byKey.get(key)?.[used.get(key) ?? 0];
  const col = new Map<MathNode, number>();
  const literal = new Map<MathNode, string>();
  const mark = (node: MathNode, t: Token | undefined) => {
    if (t && !col.has(node)) col.set(node, t.col);
  };

  const walk = (node: AnyNode): void => {
    switch (node.type) {
      case 'ConstantNode': {
        const v: unknown = node.value;
        if (typeof v === 'number' || typeof v === 'bigint') {
          // NaN / Infinity are written as names; a huge literal like 1e999 is also Infinity.
          const num = peek('#num');
          const useName = typeof v === 'number' && !Number.isFinite(v) && !(num && !Number.isFinite(Number(num.text)));
          const t = useName ? take(Number.isNaN(v) ? 'NaN' : 'Infinity') : take('#num');
          mark(node, t);
          if (t && !useName) literal.set(node, t.text);
        } else if (typeof v === 'string') {
          mark(node, take('#str'));
        } else {
          mark(node, take(String(v)));
        }
        return;
      }
      case 'SymbolNode':
        mark(node, take(node.name));
        return;
      case 'ParenthesisNode':
        mark(node, take('('));
        walk(node.content);
        return;
      case 'FunctionNode': {
        const fn = node.fn as AnyNode;
        if (fn.type === 'SymbolNode') {
          const t = take(fn.name);
          mark(fn, t);
          mark(node, t);
        } else {
          walk(fn);
          const c = col.get(fn);
          if (c !== undefined) col.set(node, c);
        }
        take('(');
        for (const a of node.args) walk(a);
        return;
      }
      case 'OperatorNode': {
        const args = node.args as AnyNode[];
        if (node.isPercentage) {
          walk(args[0]!); // args[1] is the constant 100 the parser added: not in the source
          mark(node, take('%'));
        } else if (node.implicit) {
          walk(args[0]!);
          walk(args[1]!);
        } else if (args.length === 1) {
          const postfix = node.fn === 'factorial' || node.fn === 'ctranspose' || node.fn === 'transpose';
          if (postfix) {
            walk(args[0]!);
            mark(node, take(node.op));
          } else {
            mark(node, take(node.op));
            walk(args[0]!);
          }
        } else if (args.length === 2) {
          walk(args[0]!);
          mark(node, take(node.op));
          walk(args[1]!);
        } else {
          for (const a of args) walk(a);
        }
        return;
      }
      case 'RelationalNode': {
        const params = node.params as AnyNode[];
        walk(params[0]!);
        // Pointed at the second comparison: that is where the chain begins to be a problem.
        (node.conditionals as string[]).forEach((fn, i) => {
          const t = take(RELATIONAL_SYMBOLS[fn] ?? fn);
          if (i === 1) mark(node, t);
          walk(params[i + 1]!);
        });
        return;
      }
      case 'AccessorNode': {
        // Pointed at the start of the object: "a.b" is refused as a whole.
        walk(node.object);
        col.set(node, columnOf(node.object, { col, literal }));
        const index = node.index as AnyNode;
        const optional = node.optionalChaining === true;
        if (index.dotNotation) {
          mark(node, take(optional ? '?.' : '.'));
          const prop = index.dimensions[0] as AnyNode | undefined;
          if (prop && typeof prop.value === 'string') take(prop.value);
        } else {
          mark(node, take(optional ? '?.' : '['));
          if (optional) take('[');
          for (const d of index.dimensions) walk(d);
        }
        return;
      }
      case 'IndexNode':
        mark(node, take('['));
        for (const d of node.dimensions) walk(d);
        return;
      case 'ArrayNode':
        mark(node, take('['));
        for (const item of node.items) walk(item);
        return;
      case 'ObjectNode':
        mark(node, take('{'));
        for (const v of Object.values(node.properties as Record<string, AnyNode>)) walk(v);
        return;
      case 'AssignmentNode':
        walk(node.object);
        col.set(node, columnOf(node.object, { col, literal }));
        if (node.index) walk(node.index);
        take('=');
        walk(node.value);
        return;
      case 'FunctionAssignmentNode':
        mark(node, take(node.name));
        take('(');
        for (const p of node.params as string[]) take(p);
        take('=');
        walk(node.expr);
        return;
      case 'ConditionalNode':
        walk(node.condition);
        mark(node, take('?'));
        walk(node.trueExpr);
        take(':');
        walk(node.falseExpr);
        return;
      case 'RangeNode':
        walk(node.start);
        mark(node, take(':'));
        if (node.step) {
          walk(node.step);
          take(':');
        }
        walk(node.end);
        return;
      case 'BlockNode': {
        // Pointed at the second statement: the first alone would have been fine.
        const blocks = node.blocks as { node: AnyNode }[];
        for (const b of blocks) walk(b.node);
        if (blocks[1]) col.set(node, columnOf(blocks[1].node, { col, literal }));
        return;
      }
      default:
        node.forEach((child: MathNode) => walk(child as AnyNode));
    }
  };
  walk(root as AnyNode);
  return { col, literal };
}

/** The column of a node: its own token, else the first located token inside it, else 1. */
function columnOf(node: MathNode, pos: Positions): number {
  const own = pos.col.get(node);
  return own !== undefined ? own : startOf(node, pos);
}

/** The column where a node's text starts (as far as its tokens tell), else 1. */
function startOf(node: MathNode, pos: Positions): number {
  let first = Infinity;
  node.traverse((n) => {
    const c = pos.col.get(n);
    if (c !== undefined && c < first) first = c;
  });
  return Number.isFinite(first) ? first : 1;
}

// ---------------------------------------------------------------------------------------------
// Number literals, exactly

const DECIMAL_LITERAL = /^(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const MAX_LITERAL_DIGITS = 400;
const MAX_LITERAL_EXPONENT = 400;

/**
 * The exact rational a decimal literal denotes ("45481", "0.303", "1.5e-3"), or a reason it is
 * refused. Hex, binary and octal literals are refused: no report writes numbers that way.
 */
export function parseDecimalLiteral(text: string): Fraction | string {
  const m = DECIMAL_LITERAL.exec(text);
  if (!m || (m[1] === '' && (m[2] ?? '') === '')) return `"${text}" is not a decimal number`;
  const intPart = m[1] ?? '';
  const fracPart = m[2] ?? '';
  const exponent = m[3] === undefined ? 0 : Number(m[3]);
  const digits = (intPart + fracPart).replace(/^0+(?=\d)/, '');
  if (digits.length > MAX_LITERAL_DIGITS || Math.abs(exponent) > MAX_LITERAL_EXPONENT) {
    return `number "${text}" is out of range`;
  }
  const scale = exponent - fracPart.length;
  const mantissa = BigInt(digits === '' ? '0' : digits);
  return scale >= 0 ? new Fraction(mantissa * 10n ** BigInt(scale), 1n) : new Fraction(mantissa, 10n ** BigInt(-scale));
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions ("grwoth"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** Up to `limit` candidates close to `name` (case-insensitive), best first. */
export function didYouMean(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const lower = name.toLowerCase();
  const threshold = lower.length <= 3 ? 1 : lower.length <= 6 ? 2 : 3;
  const scored: [number, string][] = [];
  for (const c of candidates) {
    if (c === name) continue;
    const dist = editDistance(lower, c.toLowerCase());
    if (dist <= threshold) scored.push([dist, c]);
  }
  scored.sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  return scored.slice(0, limit).map(([, c]) => c);
}

// ---------------------------------------------------------------------------------------------
// Whitelist and rebuild

class Refused extends Error {
  constructor(
    message: string,
    readonly col: number,
    readonly suggestions: string[] = [],
  ) {
    super(message);
  }
}

/** A sub-expression to trace: its text and code are made on the first trace, not at compile time. */
interface Step {
  original: MathNode;
  node: MathNode;
  text?: string;
  code?: { evaluate(scope: Map<string, Interval>): unknown };
}

interface Built {
  node: MathNode;
  kind: Kind;
}

const NOT_ALLOWED: Readonly<Record<string, string>> = {
  AccessorNode: 'property access and indexing ("a.b", "a[1]") are not allowed',
  ArrayNode: 'arrays and matrices ("[1, 2]") are not allowed',
  AssignmentNode: 'assignment ("x = …") is not allowed: an expression only computes a value',
  BlockNode: 'several statements (separated by ";" or a new line) are not allowed',
  ConditionalNode: 'conditional expressions ("a ? b : c") are not allowed',
  FunctionAssignmentNode: 'function definitions ("f(x) = …") are not allowed',
  IndexNode: 'indexing ("[…]") is not allowed',
  ObjectNode: 'objects ("{a: 1}") are not allowed',
  RangeNode: 'ranges ("a:b") are not allowed',
  RelationalNode: 'chained comparisons ("a < b < c") are not allowed: write "a < b and b < c"',
};

const FORBIDDEN_FIGURE_IDS = new Set(['end']);

function kindWord(kind: Kind): string {
  return kind === 'truth' ? 'a comparison' : 'a number';
}

/** mathjs's own printing of a node, except that literals and percentages print as written. */
function textOf(node: MathNode, pos: Positions): string {
  const options = {
    parenthesis: 'keep',
    implicit: 'show',
    handler: (inner: AnyNode, opts: object): string | undefined => {
      if (inner.type === 'ConstantNode') return pos.literal.get(inner);
      if (inner.type === 'OperatorNode' && inner.isPercentage) return `${(inner.args[0] as MathNode).toString(opts)}%`;
      return undefined;
    },
  };
  return node.toString(options as object);
}

function compileTree(root: MathNode, pos: Positions) {
  const { Nodes } = instance();
  const symbols: string[] = [];
  const functions: string[] = [];
  const steps: Step[] = [];
  const colOf = (n: MathNode) => columnOf(n, pos);

  const build = (original: MathNode): Built => {
    const node = original as AnyNode;
    switch (node.type) {
      case 'ParenthesisNode': {
        const inner = build(node.content);
        return { node: new Nodes.ParenthesisNode(inner.node), kind: inner.kind };
      }
      case 'ConstantNode': {
        const v: unknown = node.value;
        if (typeof v === 'string') throw new Refused('strings are not allowed', colOf(node));
        if (typeof v !== 'number' && typeof v !== 'bigint') {
          throw new Refused(`the constant "${String(v)}" is not allowed`, colOf(node));
        }
        const text = pos.literal.get(node);
        if (text === undefined) throw new Refused(`the number ${String(v)} is not allowed`, colOf(node));
        const exact = parseDecimalLiteral(text);
        if (typeof exact === 'string') throw new Refused(exact, colOf(node));
        // Safety net for the token matching: the literal found must be the one mathjs parsed.
        if (Number(text) !== Number(v)) {
          throw new Refused(`internal error: number literal "${text}" does not match its parse`, colOf(node));
        }
        return { node: new Nodes.ConstantNode(I.point(exact)), kind: 'interval' };
      }
      case 'SymbolNode': {
        const name = node.name as string;
        const fn = functionRegistry.get(name);
        if (fn) throw new Refused(`"${name}" is a function: call it, as in ${fn.signature}`, colOf(node));
        if (DISABLED_SET.has(name)) throw new Refused(`Function ${name} is disabled`, colOf(node));
        if (FORBIDDEN_FIGURE_IDS.has(name) || name in Object.prototype || name.startsWith('__')) {
          throw new Refused(`"${name}" cannot be used as a figure id`, colOf(node));
        }
        if (!symbols.includes(name)) symbols.push(name);
        return { node: new Nodes.SymbolNode(name), kind: 'interval' };
      }
      case 'OperatorNode': {
        const args = node.args as MathNode[];
        if (node.isPercentage) {
          // "30%" is 30 / 100, exactly.
          const inner = build(args[0]!);
          if (inner.kind !== 'interval') throw new Refused(`"%" needs a number, got a comparison`, colOf(node));
          const built = new Nodes.OperatorNode('/', 'divide', [inner.node, new Nodes.ConstantNode(I.point(100))]);
          steps.push({ original: node, node: built });
          return { node: built, kind: 'interval' };
        }
        if (node.implicit) {
          throw new Refused(
            `missing operator before "${textOf(args[1]!, pos)}" (implicit multiplication is not allowed: write "*")`,
            colOf(args[1]!),
          );
        }
        if (node.fn === 'mod' && node.op === '%') {
          // mathjs reads "%" as modulo when a term follows, even "30% + x" (30 mod +x).
          throw new Refused(
            '"%" followed by a term is read as modulo, which is not allowed: write 0.3 for 30%, or put the percentage in parentheses, as in (30%)',
            colOf(node),
          );
        }
        const spec = OPERATORS[node.fn as string];
        if (!spec || (args.length === 1) !== (node.fn === 'unaryMinus' || node.fn === 'unaryPlus' || node.fn === 'not')) {
          throw new Refused(`operator "${node.op}" is not allowed (allowed: ${ALLOWED_OPERATORS})`, colOf(node));
        }
        const built = args.map(build);
        built.forEach((b) => {
          if (b.kind !== spec.takes) {
            throw new Refused(`"${spec.symbol}" needs ${kindWord(spec.takes)} on each side, got ${kindWord(b.kind)}`, colOf(node));
          }
        });
        const out = new Nodes.OperatorNode(node.op as string, node.fn as string, built.map((b) => b.node));
        steps.push({ original: node, node: out });
        return { node: out, kind: spec.gives };
      }
      case 'FunctionNode': {
        const fnNode = node.fn as AnyNode;
        if (fnNode.type !== 'SymbolNode') {
          throw new Refused('only claim functions can be called, by name', colOf(node));
        }
        const name = fnNode.name as string;
        const fn = functionRegistry.get(name);
        if (!fn) {
          if (DISABLED_SET.has(name)) throw new Refused(`Function ${name} is disabled`, colOf(node));
          const suggestions = didYouMean(name, functionRegistry.keys());
          const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(' or ')}?` : '';
          throw new Refused(
            `unknown function "${name}"${hint} (functions: ${[...functionRegistry.keys()].join(', ')})`,
            colOf(node),
            suggestions,
          );
        }
        const args = node.args as MathNode[];
        if (!arityOk(fn, args.length)) {
          throw new Refused(`${fn.signature} takes ${arityText(fn)}, got ${args.length}`, colOf(node));
        }
        if (!functions.includes(name)) functions.push(name);
        const built = args.map(build);
        built.forEach((b, i) => {
          if (b.kind !== 'interval') {
            throw new Refused(`argument ${i + 1} of ${fn.signature} is a comparison; a number is needed`, startOf(args[i]!, pos));
          }
        });
        const out = new Nodes.FunctionNode(new Nodes.SymbolNode(name), built.map((b) => b.node));
        steps.push({ original: node, node: out });
        return { node: out, kind: 'interval' };
      }
      default: {
        const message = NOT_ALLOWED[node.type] ?? `"${node.type}" is not allowed`;
        throw new Refused(message, colOf(node));
      }
    }
  };

  const top = build(root);
  return { top, symbols, functions, steps };
}

// ---------------------------------------------------------------------------------------------
// Compile, evaluate, trace

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
