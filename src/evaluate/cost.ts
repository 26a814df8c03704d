/**
 * What evaluating a program once costs, in units of one cheap operation (an addition or division
 * of rationals, a few microseconds): budgets count these, so that a rule of costly powers, or of
 * huge exact numbers, runs out as soon, in time, as a rule of many cheap operations.
 */
import type Fraction from 'fraction.js';
import type { Interval } from '../model.js';
import { BIG_BITS, bitLength } from './interval.js';
import type { Program, ProgramNode } from './program.js';

/**
 * The cost of one evaluation whatever the figures. A power with an integer exponent costs by its
 * size (squarings, each rounded when huge); a root of a high degree, or a power with a non-integer
 * exponent, goes through ln and exp at 50 digits and costs hundreds.
 */
export function costOf(program: Program): number {
  let cost = costs.get(program);
  if (cost !== undefined) return cost;
  cost = 0;
  for (let i = 0; i <= program.root; i++) cost += nodeCost(program, program.nodes[i]!);
  costs.set(program, cost);
  return cost;
}

const costs = new WeakMap<Program, number>();

/** What one node costs (see costOf). */
export function nodeCost(program: Program, node: ProgramNode): number {
  if (node.kind !== 'arith' || node.op !== 'pow') return 1;
  const exponent = program.nodes[node.args[1]!]!;
  if (exponent.kind !== 'const') return 400;
  const e = exponent.value;
  if (e.d === 1n) return e.n <= 16n ? 2 : 300;
  return e.d <= 32n ? 20 + (e.n <= 16n ? 0 : 300) : 400;
}

/** Numbers up to this many bits (numerator and denominator together) cost an operation its base cost. */
const SIZE_FREE_BITS = 512;

/**
 * costOf over these figures' intervals (one per slot; null: unknown): an operation whose exact
 * numbers outgrow SIZE_FREE_BITS costs more, by the square of their size in SIZE_FREE_BITS (a
 * product and its greatest common divisor are quadratic in the digits). A search charges this
 * for every evaluation whether floats or the exact evaluation answer it, so the charge is
 * estimated before, from the figures' own sizes, and no size grows past where interval.ts rounds
 * a bound:
 * - a product, a quotient or a power adds its arguments' sizes up;
 * - a sum adds their magnitudes, over the larger denominator (decimal figures share powers of
 *   ten): the size of a sum of n like terms grows by log2(n) bits, not by n, so a total of a
 *   thousand line items costs what its thousand additions cost.
 * The figures of a report, a few dozen bits each, cost exactly costOf in an expression that
 * multiplies up to ten of them together (test/evaluate/cost.test.ts); a product of seventy-five
 * quotients of them costs many times more.
 */
export function costOver(program: Program, domains: readonly (Interval | null)[]): number {
  const base = costOf(program);
  const cap = 2 * BIG_BITS;
  const bits = new Float64Array(program.root + 1);
  let extra = 0;
  for (let i = 0; i <= program.root; i++) {
    const node = program.nodes[i]!;
    let b: number;
    switch (node.kind) {
      case 'const':
        b = fractionBits(node.value);
        break;
      case 'figure': {
        const x = domains[node.slot];
        b = x ? Math.max(x.lo ? fractionBits(x.lo) : 0, x.hi ? fractionBits(x.hi) : 0) : 0;
        break;
      }
      case 'call':
      case 'derived':
        b = bits[node.body]!;
        break;
      case 'arith':
        if (node.op === 'mul' || node.op === 'div') b = bits[node.args[0]!]! + bits[node.args[1]!]!;
        else if (node.op === 'pow') b = powerBits(program, node.args, bits[node.args[0]!]!);
        else if (node.op === 'add' || node.op === 'sub') b = sumBits(node.args, bits);
        else b = largest(node.args, bits);
        break;
      default:
        b = largest(node.args, bits);
    }
    bits[i] = Math.min(b, cap);
    extra += nodeCost(program, node) * Math.floor((bits[i]! / SIZE_FREE_BITS) ** 2);
  }
  return base + extra;
}

function largest(args: readonly number[], bits: Float64Array): number {
  let b = 0;
  for (const a of args) b = Math.max(b, bits[a]!);
  return b;
}

/** log2(Σ 2^bits): at most one bit over the larger of two terms, log2(n) bits over n like ones. */
function sumBits(args: readonly number[], bits: Float64Array): number {
  const top = largest(args, bits);
  let scaled = 0;
  for (const a of args) scaled += 2 ** (bits[a]! - top);
  return top + Math.log2(scaled);
}

/** Bits of a fraction's numerator and denominator: every claim's search asks this of its figures, so small ones are counted without writing them out. */
function fractionBits(x: Fraction): number {
  return bitsOf(x.n) + bitsOf(x.d);
}

const SMALL = 1n << 32n;

function bitsOf(n: bigint): number {
  return n >= 0n && n < SMALL ? 32 - Math.clz32(Number(n)) : bitLength(n);
}

/**
 * A power's size: the base's times a written integer exponent (either sign); any other power is
 * taken through ln and exp at 50 significant digits, whose bounds are about 170 bits over 170.
 */
function powerBits(program: Program, args: readonly number[], base: number): number {
  let exponent = program.nodes[args[1]!]!;
  if (exponent.kind === 'arith' && exponent.op === 'neg') exponent = program.nodes[exponent.args[0]!]!;
  if (exponent.kind !== 'const' || exponent.value.d !== 1n) return TRANSCENDENTAL_BITS;
  return base * Number(exponent.value.n > 1000n ? 1000n : exponent.value.n);
}

const TRANSCENDENTAL_BITS = 340;
