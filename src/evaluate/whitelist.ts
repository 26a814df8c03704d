/**
 * The AST whitelist, checked before anything is compiled (the third layer of the hardening, after
 * the two of instance.ts): numbers, figure ids, parentheses, the arithmetic, comparison and
 * logical operators, and calls of registered claim functions. Every other construct (property
 * access, assignment, function definition, objects, arrays, strings, ranges, blocks,
 * conditionals …) is refused with its column in the source. The checked tree is rebuilt from
 * fresh nodes, so nothing from the parse output survives but names and operators; number
 * literals become exact Fraction points (literals.ts).
 */
import type { MathNode } from 'mathjs';
import type { Interval } from '../model.js';
import { didYouMean } from '../suggest.js';
import { functionRegistry } from './functions/index.js';
import { DISABLED_SET, instance } from './instance.js';
import * as I from './interval.js';
import { parseDecimalLiteral } from './literals.js';
import { ALLOWED_OPERATORS, OPERATORS, arityOk, arityText, type Kind } from './operators.js';
import { columnOf, startOf, type AnyNode, type Positions } from './positions.js';

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

/** A sub-expression to trace: its text and code are made on the first trace, not at compile time. */
export interface Step {
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

/** Check the parsed tree against the whitelist and rebuild it; throws Refused. */
export function compileTree(root: MathNode, pos: Positions) {
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
