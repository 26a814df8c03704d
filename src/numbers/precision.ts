/**
 * What a written number means: the interval its precision allows, and the set of true values
 * for which it is right under a reading (DESIGN §3.2, §3.4). All bounds are exact rationals.
 */
import Fraction from 'fraction.js';
import type { BoundedInterval, Locale, Reading, StatedSet, WrittenNumber } from '../model.js';
import { formatLike, styleOf, toDisplayUnits } from './format.js';

/**
 * A value written in words, as a fraction, a multiple or a ratio ("một nửa", "two thirds",
 * "gấp đôi", "1:3", "five") is exact as written: it has no last digit that was rounded.
 */
export function isExactForm(n: WrittenNumber): boolean {
  return n.form !== undefined && n.form !== 'numeral';
}

/**
 * The half unit and the unit of the last written digit by precision (decimals, scale exponent,
 * percent), each made once (Fractions are immutable): a report asks for them with every value it shows.
 */
const UNIT_LIMIT = 1024;
const units = new Map<number, { half: Fraction; digit: Fraction }>();

function unitsOf(n: WrittenNumber): { half: Fraction; digit: Fraction } {
  const decimals = n.form === 'fraction' || n.form === 'multiple' || n.form === 'ratio' ? Math.max(n.decimals, 2) : n.decimals;
  const cacheable = decimals < UNIT_LIMIT && n.scaleExponent >= 0 && n.scaleExponent < UNIT_LIMIT;
  const key = (decimals * UNIT_LIMIT + n.scaleExponent) * 2 + (n.percent ? 1 : 0);
  let known = cacheable ? units.get(key) : undefined;
  if (!known) {
    const half = new Fraction(10n ** BigInt(n.scaleExponent), (n.percent ? 200n : 2n) * 10n ** BigInt(decimals));
    known = { half, digit: half.mul(2) };
    if (cacheable) units.set(key, known);
  }
  return known;
}

/**
 * ½ unit of the last written digit, in base units: 7.126,1 → 0.05; 34% → 0.005; 45.481 tỷ → 0.5e9.
 * A fraction, multiple or ratio is shown with two decimals (0,50 for "một nửa"), so its unit is
 * that of the second decimal; a number in words counts in units ("five" → 0.5). Never 0: callers
 * step and divide by it. Exactness is said by writtenInterval and statedSet, not by this.
 */
export function halfUnit(n: WrittenNumber): Fraction {
  return unitsOf(n).half;
}

/** One unit of the last written digit, in base units (0,1 tỷ for "7.126,1 tỷ"). */
export function digitUnit(n: WrittenNumber): Fraction {
  return unitsOf(n).digit;
}

/**
 * The closed interval the written form allows: [v − h, v + h], or [v, v] when the figure is
 * exact or written in words, as a fraction, a multiple or a ratio, or ± an explicit half-width.
 * A range is the hull of both ends' intervals.
 */
export function writtenInterval(n: WrittenNumber, opts: { exact?: boolean; halfWidth?: Fraction } = {}): BoundedInterval {
  if (n.range) {
    const [lo, hi] = n.range.map((end) => writtenInterval(end, opts)) as [BoundedInterval, BoundedInterval];
    return { lo: lo.lo, hi: hi.hi };
  }
  if (opts.exact || (isExactForm(n) && !opts.halfWidth)) return { lo: n.value, hi: n.value };
  const h = opts.halfWidth ?? halfUnit(n);
  return { lo: n.value.sub(h), hi: n.value.add(h) };
}

const set = (lo: Fraction | null, loOpen: boolean, hi: Fraction | null, hiOpen: boolean): StatedSet => ({ lo, hi, loOpen, hiOpen });

/**
 * The set of true values for which the written form is right.
 *
 * round — half away from zero: [v−h, v+h) for v > 0, (v−h, v+h] for v < 0, and (−h, h) for
 *   v = 0 (±h itself rounds away from zero, to ±1 unit, so neither end belongs).
 * truncate — toward zero: [v, v+2h) for v > 0, (v−2h, v] for v < 0, (−2h, 2h) for v = 0.
 *   A value exact as written (h = 0: "một nửa", "1:3") admits itself only, [v, v], under both.
 * about — closed [v − m, v + m] with m = max(h, |v|·tolerance): a hedge never admits less
 *   than rounding does. On a range it widens both ends the same way.
 * nearly — just below: [v − m, v] ("gần 195", "nearly 40%"), with m as for `about`.
 * more-than, less-than, at-least, at-most — a bound on the written value itself.
 * range — [lo−h_lo, hi+h_hi), each end read as rounded (so an end at or below 0 is open).
 *
 * `half` is ½ unit of the last written digit unless a looser reading says otherwise (trailing
 * zeros read as rounding: "6.600" to hundreds has ½ unit 50).
 */
export function statedSet(n: WrittenNumber, reading: Reading, tolerance: Fraction, half?: Fraction): StatedSet {
  if (half !== undefined) return setOf(n, reading, tolerance, half);
  // A rule asks for its stated set several times (verdict, texts, diagnosis): the last one is kept
  // per number, frozen (it is shared).
  const last = lastSets.get(n);
  if (last && last.reading === reading && (last.tolerance === tolerance || last.tolerance.equals(tolerance))) return last.set;
  const set = Object.freeze(setOf(n, reading, tolerance, halfUnit(n)));
  lastSets.set(n, { reading, tolerance, set });
  return set;
}

const lastSets = new WeakMap<WrittenNumber, { reading: Reading; tolerance: Fraction; set: StatedSet }>();

function setOf(n: WrittenNumber, reading: Reading, tolerance: Fraction, half: Fraction): StatedSet {
  const v = n.value;
  if (reading === 'range' || (n.range && reading === 'about')) {
    if (!n.range || (reading === 'range' && n.kind !== 'range'))
      throw new Error(`reading 'range' needs a written range such as "8-9%", got "${n.text}" (${n.kind})`);
    const [lo, hi] = n.range;
    if (reading === 'about') {
      const widen = (e: WrittenNumber): Fraction => max(halfUnit(e), e.value.abs().mul(tolerance));
      return set(lo.value.sub(widen(lo)), false, hi.value.add(widen(hi)), false);
    }
    return set(lo.value.sub(halfUnit(lo)), !lo.value.gt(0), hi.value.add(halfUnit(hi)), hi.value.gte(0));
  }
  if (n.range) throw new Error(`reading '${reading}' does not apply to the range "${n.text}"; use 'range' or 'about'`);
  const h = half;
  const sign = v.n === 0n ? 0 : v.s < 0n ? -1 : 1;
  if (isExactForm(n) && (reading === 'round' || reading === 'truncate')) return set(v, false, v, false);
  switch (reading) {
    case 'round':
      return sign > 0 ? set(v.sub(h), false, v.add(h), true) : sign < 0 ? set(v.sub(h), true, v.add(h), false) : set(h.neg(), true, h, true);
    case 'truncate': {
      const u = h.mul(2);
      return sign > 0 ? set(v, false, v.add(u), true) : sign < 0 ? set(v.sub(u), true, v, false) : set(u.neg(), true, u, true);
    }
    case 'about': {
      const m = max(h, v.abs().mul(tolerance));
      return set(v.sub(m), false, v.add(m), false);
    }
    case 'nearly': {
      const m = max(h, v.abs().mul(tolerance));
      return set(v.sub(m), false, v, false);
    }
    case 'more-than':
      return set(v, true, null, true);
    case 'at-least':
      return set(v, false, null, true);
    case 'less-than':
      return set(null, true, v, true);
    case 'at-most':
      return set(null, true, v, false);
  }
}

function max(a: Fraction, b: Fraction): Fraction {
  return a.gte(b) ? a : b;
}

export function contains(s: StatedSet, x: Fraction): boolean {
  const aboveLo = s.lo === null || (s.loOpen ? x.gt(s.lo) : x.gte(s.lo));
  const belowHi = s.hi === null || (s.hiOpen ? x.lt(s.hi) : x.lte(s.hi));
  return aboveLo && belowHi;
}

/** Fewest extra digits (0 to 3) that write `x` exactly in `like`'s units; 3 when none do. */
function extraDigitsFor(x: Fraction, like: WrittenNumber): number {
  const display = toDisplayUnits(x, like.scaleExponent, like.percent);
  const base = styleOf(like).decimals;
  return Math.min(Math.max(0, decimalsToWhole(display, base + 3) - base), 3);
}

/**
 * The fewest decimals that write x exactly (the least k with x × 10^k whole), or `max` when
 * more are needed or none would do (1/3). Read off x's reduced denominator — k is the larger of
 * its powers of 2 and 5 — with no fraction arithmetic: reports ask this of every value they show.
 */
export function decimalsToWhole(x: Fraction, max: number): number {
  let d = x.d;
  let twos = 0;
  let fives = 0;
  while (twos < max && d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (fives < max && d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : max;
}

/**
 * The set in words, written like the stated number, e.g. "[30,25 %; 30,35 %)" or
 * "(12.000 nghìn tỷ đồng; ∞)". Bounds are separated by "; " in both locales: a comma would
 * read as a decimal mark in vi-VN and as a group mark in en.
 */
export function describeSet(s: StatedSet, like: WrittenNumber, locale: Locale): string {
  const write = (x: Fraction): string => formatLike(x, like, locale, extraDigitsFor(x, like));
  const lo = s.lo === null ? '(-∞' : `${s.loOpen ? '(' : '['}${write(s.lo)}`;
  const hi = s.hi === null ? '∞)' : `${write(s.hi)}${s.hiOpen ? ')' : ']'}`;
  return `${lo}; ${hi}`;
}
