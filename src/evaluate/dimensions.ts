/**
 * Dimensions of an expression, checked before it is evaluated: adding USD to đồng, comparing a
 * percentage with a count of enterprises, or taking the growth of tonnes on hectares is a broken
 * rule, not a finding. Currencies convert only through a figure whose unit says so ("đồng/USD").
 *
 * A unit is a product of base units with exponents ({VND: 1}, {t: 1, ha: −1}), or dimensionless:
 * a rate (a percentage), a difference of rates (percentage points), or a pure number (a ratio).
 * A constant is a scalar (10 * grdp is đồng); a figure whose unit is not known is `any`, and goes
 * with anything. Checks are what an error is certain to mean; anything uncertain stays quiet.
 */
import type { Figure, Locale, UnitInfo } from '../model.js';
import { unitOfLabel } from '../numbers/index.js';
import type { Program, ProgramNode } from './program.js';

export type Unit =
  /** A figure whose unit is not known: it goes with anything, and so does what it makes. */
  | { kind: 'any' }
  /** A constant: a pure multiplier, that goes with anything in a sum and keeps a unit in a product. */
  | { kind: 'scalar' }
  | { kind: 'unit'; bases: Readonly<Record<string, number>>; flavor?: 'rate' | 'points'; duration?: true };

export const ANY: Unit = { kind: 'any' };
const SCALAR: Unit = { kind: 'scalar' };
const PURE: Unit = { kind: 'unit', bases: {} };
const RATE: Unit = { kind: 'unit', bases: {}, flavor: 'rate' };
const POINTS: Unit = { kind: 'unit', bases: {}, flavor: 'points' };

/** The unit a figure carries: as written in the text, or as its `unit:` says. */
export function unitOfFigure(figure: Figure | undefined, locale: Locale): Unit {
  if (!figure) return ANY;
  const info = figure.written?.unitInfo ?? (figure.unit !== undefined ? unitOfLabel(figure.unit, locale) : undefined);
  return unitFrom(info, figure.written?.percent ?? false);
}

/** The unit a figure or a stated number carries, from the reader's unit info. */
export function unitFrom(info: UnitInfo | undefined, percent = false): Unit {
  if (info?.dimension === 'pp') return POINTS;
  if (percent || info?.dimension === 'percent') return RATE;
  if (!info) return ANY;
  // A number of years multiplies a yearly value the text gives without its "per year" (3 năm ×
  // GRDP): in a product it is a count; in a sum or a comparison it stays a duration.
  if (info.dimension === 'time') return { kind: 'unit', bases: { [info.code]: 1 }, duration: true };
  const parts = info.code.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: 'unit', bases: { [parts[0]]: 1, [parts[1]]: -1 } };
  return { kind: 'unit', bases: { [info.code]: 1 } };
}

const isDimensionless = (u: Unit) => u.kind === 'unit' && Object.keys(u.bases).length === 0;

/** "VND", "t/ha", "a percentage", "a pure number" */
export function describeUnit(u: Unit): string {
  if (u.kind === 'any') return 'any unit';
  if (u.kind === 'scalar') return 'a number';
  if (isDimensionless(u)) return u.flavor === 'rate' ? 'a percentage' : u.flavor === 'points' ? 'percentage points' : 'a pure number';
  const up = Object.entries(u.bases).filter(([, e]) => e > 0);
  const down = Object.entries(u.bases).filter(([, e]) => e < 0);
  const write = (xs: [string, number][]) => xs.map(([b, e]) => (Math.abs(e) === 1 ? b : `${b}^${Math.abs(e)}`)).join('·');
  return down.length ? `${write(up) || '1'}/${write(down)}` : write(up);
}

function sameBases(a: Unit, b: Unit): boolean {
  if (a.kind !== 'unit' || b.kind !== 'unit') return true;
  const keys = new Set([...Object.keys(a.bases), ...Object.keys(b.bases)]);
  for (const k of keys) if ((a.bases[k] ?? 0) !== (b.bases[k] ?? 0)) return false;
  return true;
}

function combine(a: Unit, b: Unit, sign: 1 | -1): Unit {
  if (a.kind === 'any' || b.kind === 'any') return ANY;
  if (a.kind === 'unit' && a.duration && b.kind === 'unit' && !b.duration) return b;
  if (b.kind === 'unit' && b.duration && a.kind === 'unit' && !a.duration) return a;
  if (a.kind === 'scalar') return sign === 1 || b.kind === 'scalar' ? b : { kind: 'unit', bases: scale(b.bases, -1) };
  if (b.kind === 'scalar') return a;
  const bases: Record<string, number> = { ...a.bases };
  for (const [k, e] of Object.entries(b.bases)) {
    const v = (bases[k] ?? 0) + sign * e;
    if (v === 0) delete bases[k];
    else bases[k] = v;
  }
  const dimensionless = Object.keys(bases).length === 0;
  // a share of a total keeps the total's unit; a rate times a rate is still a rate-like number
  return { kind: 'unit', bases, ...(dimensionless && sign === 1 && (a.flavor ?? b.flavor) ? { flavor: (a.flavor ?? b.flavor)! } : {}) };
}

function scale(bases: Readonly<Record<string, number>>, by: number): Record<string, number> {
  return Object.fromEntries(Object.entries(bases).map(([k, e]) => [k, e * by]));
}

export class DimensionError extends Error {
  constructor(
    message: string,
    /** 1-based column of the offending operator or call in the expression, when known. */
    readonly col: number | undefined,
  ) {
    super(message);
    this.name = 'DimensionError';
  }
}

/** The unit of every node; throws DimensionError at the first node whose operands cannot go together. */
export function unitsOf(program: Program, slotUnit: (slot: number) => Unit): Unit[] {
  const u: Unit[] = new Array<Unit>(program.nodes.length);
  const checked = new Set<number>();
  for (let i = 0; i <= program.root; i++) {
    const node = program.nodes[i]!;
    // A call's arguments are checked before its expansion is: "gavg takes rates", not an error
    // from inside gavg's formula.
    const owner = node.owner !== undefined ? program.nodes[node.owner] : undefined;
    if (owner?.kind === 'call' && !checked.has(owner.id)) {
      checked.add(owner.id);
      checkCall(program, owner, u);
    }
    u[i] = unitOfNode(program, node, u, slotUnit, checked);
  }
  return u;
}

const where = (program: Program, node: ProgramNode): { col: number | undefined; text: string } => {
  const owner = node.source ? node : node.owner !== undefined ? program.nodes[node.owner] : undefined;
  return { col: owner?.source?.col, text: owner?.source?.text ?? '' };
};

function failAt(program: Program, node: ProgramNode, message: string): never {
  const at = where(program, node);
  throw new DimensionError(at.text ? `${at.text}: ${message}` : message, at.col);
}

function unitOfNode(program: Program, node: ProgramNode, u: Unit[], slotUnit: (slot: number) => Unit, checked: Set<number>): Unit {
  const fail = (message: string): never => failAt(program, node, message);
  const same = (a: Unit, b: Unit, what: string): Unit => {
    if (!sameBases(a, b)) fail(`${what} ${describeUnit(a)} and ${describeUnit(b)}`);
    return a.kind !== 'unit' ? (b.kind === 'unit' ? b : a.kind === 'any' || b.kind === 'any' ? ANY : SCALAR) : a;
  };
  switch (node.kind) {
    case 'const':
      return SCALAR;
    case 'guard':
      return ANY;
    case 'figure':
      return slotUnit(node.slot);
    case 'call':
      if (!checked.has(node.id)) checkCall(program, node, u);
      return u[node.body]!;
    case 'derived':
      return u[node.body]!;
    case 'compare': {
      same(u[node.args[0]]!, u[node.args[1]]!, 'compares');
      return ANY;
    }
    case 'logic':
      return ANY;
    case 'arith': {
      const [a, b] = node.args.map((k) => u[k]!) as [Unit, Unit];
      switch (node.op) {
        case 'add':
        case 'min':
        case 'max':
          return node.args.map((k) => u[k]!).reduce((x, y) => same(x, y, node.op === 'add' ? 'adds' : `takes the ${node.op} of`));
        case 'sub': {
          const r = same(a, b, 'subtracts');
          // a rate less a rate is a difference in points
          return a.kind === 'unit' && b.kind === 'unit' && a.flavor === 'rate' && b.flavor === 'rate' ? POINTS : r;
        }
        case 'neg':
        case 'abs':
          return a;
        case 'mul':
          return combine(a, b, 1);
        case 'div': {
          const r = combine(a, b, -1);
          return r.kind === 'unit' && isDimensionless(r) && a.kind === 'unit' && b.kind === 'unit' ? PURE : r;
        }
        case 'pow': {
          const exponent = program.nodes[node.args[1]!]!;
          if (b.kind === 'unit' && !isDimensionless(b)) fail(`raises to a power in ${describeUnit(b)}: an exponent is a pure number`);
          if (exponent.kind === 'const' && exponent.value.d === 1n && a.kind === 'unit') {
            return { kind: 'unit', bases: scale(a.bases, Number(exponent.value.s * exponent.value.n)) };
          }
          if (a.kind === 'unit' && !isDimensionless(a)) fail(`raises ${describeUnit(a)} to a power that is not a whole number`);
          return a.kind === 'unit' ? PURE : a;
        }
      }
    }
  }
}

/** What a claim function asks of its arguments' units (functions/*.ts, `units`). */
function checkCall(program: Program, node: Extract<ProgramNode, { kind: 'call' }>, u: Unit[]): void {
  const fail = (message: string): never => failAt(program, node, message);
  const args = node.args.map((k) => u[k]!);
  const name = node.fn.name;
  switch (node.fn.argumentUnits) {
    case 'same':
      for (const x of args.slice(1)) {
        if (!sameBases(args[0]!, x)) fail(`${name} compares ${describeUnit(args[0]!)} with ${describeUnit(x)}${currencyHint(args[0]!, x)}`);
      }
      return;
    case 'first-two':
      if (!sameBases(args[0]!, args[1]!)) fail(`${name} compares ${describeUnit(args[0]!)} with ${describeUnit(args[1]!)}${currencyHint(args[0]!, args[1]!)}`);
      return;
    case 'rates':
      for (const x of args) {
        if (x.kind === 'unit' && !isDimensionless(x)) fail(`${name} takes rates (percentages), got ${describeUnit(x)}`);
      }
      return;
    case 'any':
      return;
  }
}

function currencyHint(a: Unit, b: Unit): string {
  const money = (x: Unit) => x.kind === 'unit' && Object.keys(x.bases).some((k) => /^[A-Z]{3}$/.test(k));
  return money(a) && money(b) ? ': convert through a figure whose unit is the exchange rate (e.g. unit: "VND/USD")' : '';
}

/** Does a claim's stated unit go with what the expression gives? An error message, or null. */
export function statedMismatch(stated: Unit, computed: Unit): string | null {
  if (stated.kind !== 'unit' || computed.kind !== 'unit') return null;
  if (isDimensionless(stated) && isDimensionless(computed)) {
    // "tăng 1,5 điểm phần trăm" against growth(rate, rate): a relative change where points are stated
    if (stated.flavor === 'points' && computed.flavor === undefined) {
      return 'the text states percentage points, but the expression gives a relative change (a ratio): use pp(a, b) for a difference of two rates';
    }
    return null;
  }
  if (sameBases(stated, computed)) return null;
  return `the text states ${describeUnit(stated)}, but the expression gives ${describeUnit(computed)}`;
}
