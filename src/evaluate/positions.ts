/**
 * Source positions. mathjs nodes carry none, so the source is tokenised the way mathjs does it
 * (tokens.ts) and each node is matched, in source order, to the token that stands for it (its
 * name, its operator, its literal, its bracket). Used for error columns and for the exact text of
 * number literals.
 */
import type { MathNode } from 'mathjs';
import type { Token } from './tokens.js';

/** mathjs nodes are read structurally here: their typings do not cover every field used. */
export type AnyNode = MathNode & Record<string, any>;

const RELATIONAL_SYMBOLS: Readonly<Record<string, string>> = {
  smaller: '<',
  smallerEq: '<=',
  larger: '>',
  largerEq: '>=',
  equal: '==',
  unequal: '!=',
};

/** Column of each node, and the source text of each number literal. */
export interface Positions {
  col: Map<MathNode, number>;
  literal: Map<MathNode, string>;
}

export function locate(root: MathNode, tokens: Token[]): Positions {
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
export function columnOf(node: MathNode, pos: Positions): number {
  const own = pos.col.get(node);
  return own !== undefined ? own : startOf(node, pos);
}

/** The column where a node's text starts (as far as its tokens tell), else 1. */
export function startOf(node: MathNode, pos: Positions): number {
  let first = Infinity;
  node.traverse((n) => {
    const c = pos.col.get(n);
    if (c !== undefined && c < first) first = c;
  });
  return Number.isFinite(first) ? first : 1;
}
