/**
 * Expressions of one shape compile once. A report's rules repeat a few shapes with other figures
 * — `growth(revenue_2024, revenue_2023)`, `growth(exports_2024, exports_2023)` — and parsing
 * with mathjs is most of what compiling costs, so the program of the first expression of a shape
 * is reused for the others with the figure names (and the columns they shift) replaced.
 *
 * The shape of an expression is its source with every figure name replaced by its order of first
 * use: same tokens, same spacing, same pattern of repeated names. Only names whose compilation
 * depends on nothing but their identity take part (not a function, a constant of the parser, a
 * disabled or forbidden name): for those the compiler does the same thing whatever they are
 * called, so renaming a compiled program is compiling the renamed source (a property test holds
 * it to that). An expression that does not compile is never a template: its message may name it.
 */
import { DISABLED_SET } from './instance.js';
import { functionRegistry } from './functions/index.js';
import type { Program, ProgramNode, Source } from './program.js';
import { tokenize } from './tokens.js';

/** Names the parser or the compiler treat by what they are, not as figures. */
const RESERVED = new Set(['true', 'false', 'null', 'undefined', 'uninitialized', 'NaN', 'Infinity', 'end', 'mod', 'to', 'in', 'and', 'xor', 'or', 'not']);
const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const isFigureName = (name: string) =>
  PLAIN_NAME.test(name) && !name.startsWith('__') && !RESERVED.has(name) && !functionRegistry.has(name) && !DISABLED_SET.has(name) && !(name in Object.prototype);

export interface Shape {
  key: string;
  /** The figure names, in order of first use. */
  names: string[];
  /** The column of every token, in order (what a node's column is, in this source). */
  cols: number[];
}

/** The shape of an expression, or null when it has none worth sharing (strings, no figure). */
export function shapeOf(source: string): Shape | null {
  const tokens = tokenize(source);
  const names: string[] = [];
  const index = new Map<string, number>();
  const parts: string[] = [];
  let end = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.key === '#str') return null;
    // What lies between tokens (spaces, comments) is part of the shape: it moves the columns.
    parts.push(source.slice(end, t.col - 1));
    end = t.col - 1 + t.text.length;
    const called = tokens[k + 1]?.key === '(';
    if (!called && isFigureName(t.text)) {
      let i = index.get(t.text);
      if (i === undefined) {
        i = names.length;
        index.set(t.text, i);
        names.push(t.text);
      }
      parts.push(`\u0000${i}`);
    } else {
      parts.push(`\u0001${t.text}`);
    }
  }
  parts.push(source.slice(end));
  if (names.length === 0) return null;
  return { key: parts.join(''), names, cols: tokens.map((t) => t.col) };
}

/**
 * `program`, compiled from a source of shape `from`, as compiling a source of the same key with
 * shape `to` gives it: figure names replaced, columns moved token for token, texts renamed when
 * asked for. Null when a node's column is not a token's (then compile the source itself).
 */
export function renameProgram(program: Program, from: Shape, to: Shape): Program | null {
  const rename = new Map(from.names.map((n, i) => [n, to.names[i]!]));
  const colOf = new Map(from.cols.map((c, i) => [c, to.cols[i]!]));
  // A name is never glued to a digit or a dot before it (the e5 of 1e5 is not a figure).
  const renameText = (text: string) => text.replace(/(?<![A-Za-z0-9_.$])[A-Za-z_][A-Za-z0-9_]*/g, (w) => rename.get(w) ?? w);
  const moved = (source: Source): Source | null => {
    const col = colOf.get(source.col);
    if (col === undefined) return null;
    let text: string | undefined;
    return {
      col,
      get text() {
        return (text ??= renameText(source.text));
      },
    };
  };
  const nodes: ProgramNode[] = [];
  for (const node of program.nodes) {
    let next: ProgramNode = node;
    if (node.kind === 'figure') next = { ...node, name: rename.get(node.name) ?? node.name };
    if (node.source) {
      const source = moved(node.source);
      if (!source) return null;
      next = { ...next, source };
    }
    nodes.push(next);
  }
  const renamed = { ...program, nodes, slots: program.slots.map((s) => rename.get(s) ?? s) };
  templates.set(renamed, templateOf(program));
  return renamed;
}

/** The program each renamed program was made from. */
const templates = new WeakMap<Program, Program>();

/**
 * The program `program` was renamed from, or itself: programs of one shape differ in their figures'
 * names only, so what depends on nodes, constants and slots alone (a float plan) is made once per shape.
 */
export function templateOf(program: Program): Program {
  return templates.get(program) ?? program;
}
