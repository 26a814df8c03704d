/**
 * The AST whitelist, checked before anything is compiled (the third layer of the hardening, after
 * the two of instance.ts): numbers, figure ids, parentheses, the arithmetic, comparison and
 * logical operators, and calls of registered claim functions. Every other construct (property
 * access, assignment, function definition, objects, arrays, strings, ranges, blocks,
 * conditionals …) is refused with its column in the source. The checked tree becomes a
 * Program (program.ts): nothing from the parse output survives but names and operators; number
 * literals become exact Fractions (literals.ts), claim functions their expansions.
 */
import Fraction from 'fraction.js';
import type { MathNode } from 'mathjs';
import { didYouMean } from '../suggest.js';
import { functionRegistry } from './functions/index.js';
import { DISABLED_SET } from './instance.js';
import { parseDecimalLiteral } from './literals.js';
import { ALLOWED_OPERATORS, OPERATORS, arityOk, arityText, type Kind } from './operators.js';
import { columnOf, startOf, type AnyNode, type Positions } from './positions.js';
import { ProgramBuilder, type Program, type Source } from './program.js';

/** A construct the whitelist refuses, with its column in the source. */
export class Refused extends Error {
  constructor(
    message: string,
    readonly col: number,
    readonly suggestions: string[] = [],
  ) {
    super(message);
  }
}

interface Built {
  node: number;
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
export function textOf(node: MathNode, pos: Positions): string {
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

/** Check the parsed tree against the whitelist and build its program; throws Refused. */
export function compileTree(root: MathNode, pos: Positions): { program: Program; functions: string[] } {
  const b = new ProgramBuilder();
  const functions: string[] = [];
  const colOf = (n: MathNode) => columnOf(n, pos);
  // The text of a node is written only when a trace or a message asks for it: compiling stays linear.
  const sourceOf = (n: MathNode): Source => {
    let text: string | undefined;
    return {
      col: colOf(n),
      get text() {
        return (text ??= textOf(n, pos));
      },
    };
  };

  const build = (original: MathNode): Built => {
    const node = original as AnyNode;
    switch (node.type) {
      case 'ParenthesisNode':
        return build(node.content);
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
        return { node: b.constant(exact, { text, col: colOf(node) }), kind: 'interval' };
      }
      case 'SymbolNode': {
        const name = node.name as string;
        const fn = functionRegistry.get(name);
        if (fn) throw new Refused(`"${name}" is a function: call it, as in ${fn.signature}`, colOf(node));
        if (DISABLED_SET.has(name)) throw new Refused(`Function ${name} is disabled`, colOf(node));
        if (FORBIDDEN_FIGURE_IDS.has(name) || name in Object.prototype || name.startsWith('__')) {
          throw new Refused(`"${name}" cannot be used as a figure id`, colOf(node));
        }
        return { node: b.figure(name), kind: 'interval' };
      }
      case 'OperatorNode': {
        const args = node.args as MathNode[];
        if (node.isPercentage) {
          // "30%" is 30 / 100, exactly.
          const inner = build(args[0]!);
          if (inner.kind !== 'interval') throw new Refused(`"%" needs a number, got a comparison`, colOf(node));
          const hundred = b.constant(new Fraction(100));
          return { node: b.arithFrom('div', [inner.node, hundred], sourceOf(node)), kind: 'interval' };
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
        built.forEach((x) => {
          if (x.kind !== spec.takes) {
            throw new Refused(`"${spec.symbol}" needs ${kindWord(spec.takes)} on each side, got ${kindWord(x.kind)}`, colOf(node));
          }
        });
        const ids = built.map((x) => x.node);
        const op = spec.operation;
        const source = sourceOf(node);
        if ('identity' in op) return { node: ids[0]!, kind: spec.gives };
        if ('arith' in op) return { node: b.arithFrom(op.arith, ids, source), kind: spec.gives };
        if ('compare' in op) return { node: b.compare(op.compare, ids[0]!, ids[1]!, source), kind: spec.gives };
        return { node: b.logic(op.logic, ids, source), kind: spec.gives };
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
          // One suggestion, carried apart from the message: whoever prints it says it once.
          const suggestions = didYouMean(name, functionRegistry.keys(), 1);
          throw new Refused(
            `unknown function "${name}" (functions: ${[...functionRegistry.keys()].join(', ')})`,
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
        built.forEach((x, i) => {
          if (x.kind !== 'interval') {
            throw new Refused(`argument ${i + 1} of ${fn.signature} is a comparison; a number is needed`, startOf(args[i]!, pos));
          }
        });
        return { node: b.call(fn, built.map((x) => x.node), sourceOf(node)), kind: 'interval' };
      }
      default: {
        const message = NOT_ALLOWED[node.type] ?? `"${node.type}" is not allowed`;
        throw new Refused(message, colOf(node));
      }
    }
  };

  const top = build(root);
  return { program: b.finish(top.node, top.kind === 'truth' ? 'truth' : 'number'), functions };
}
