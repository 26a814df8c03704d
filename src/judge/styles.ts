/**
 * The written style of every node of a program, for showing its values like the document writes
 * them: a sum of amounts in tỷ đồng is shown in tỷ đồng, a ratio as a plain number. Display only.
 */
import type { Program, ProgramNode } from '../evaluate/index.js';
import type { Figure, WrittenNumber } from '../model.js';

/**
 * The style a node's value is written in: that of its figures when it keeps their unit (sums,
 * differences, averages, min, max, abs of figures written alike; a figure scaled by constants),
 * 'scalar' for constants, null when it is a pure number (a ratio, a growth rate).
 */
export type Style = WrittenNumber | 'scalar' | null;

export function stylesOf(program: Program, figures: ReadonlyMap<string, Figure>): Style[] {
  const nodes = program.nodes;
  const styles: Style[] = new Array<Style>(nodes.length).fill(null);
  const same = (a: Style, b: Style): Style => {
    if (a === 'scalar') return b;
    if (b === 'scalar') return a;
    if (!a || !b) return null;
    return a.percent === b.percent && a.scaleExponent === b.scaleExponent && a.unit === b.unit ? a : null;
  };
  for (const node of nodes) {
    styles[node.id] = styleOf(node, styles, figures, same);
  }
  return styles;
}

function styleOf(node: ProgramNode, styles: Style[], figures: ReadonlyMap<string, Figure>, same: (a: Style, b: Style) => Style): Style {
  switch (node.kind) {
    case 'const':
      return 'scalar';
    case 'figure':
      // An implied figure is written like the figure its claims compare it with.
      return figures.get(node.name)?.written ?? figures.get(node.name)?.implied?.style ?? null;
    case 'derived':
      return styles[node.body] ?? null;
    case 'call':
      return node.fn.unit === 'same' ? node.args.map((a): Style => styles[a]!).reduce(same) : null;
    case 'arith': {
      const args = node.args.map((a): Style => styles[a]!);
      if (['add', 'sub', 'min', 'max'].includes(node.op)) return args.reduce(same);
      if (node.op === 'neg' || node.op === 'abs') return args[0]!;
      // Scaling by a constant or a rate keeps the unit (10 * grdp, grdp / 3, revenue / (1 + growth),
      // revenue * 131%); anything else is a pure number.
      if (node.op === 'mul') return pure(args[0]!) ? args[1]! : pure(args[1]!) ? args[0]! : null;
      if (node.op === 'div') return pure(args[1]!) ? args[0]! : null;
      return args.every((a) => a === 'scalar') ? 'scalar' : null;
    }
    default:
      return null;
  }
}

/** A constant or a percentage: scaling by it keeps the unit of what it scales. */
function pure(style: Style): boolean {
  return style === 'scalar' || (style !== null && style.percent);
}
