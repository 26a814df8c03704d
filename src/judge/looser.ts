/**
 * Looser readings of a rule that does not hold as written, each a `warn` when it makes the rule
 * hold (DESIGN §3.4): the stated value truncated instead of rounded ("30,3 %" for 30,37 %), and
 * trailing zeros read as rounding rather than as written digits ("6.600 tỷ" rounded to hundreds,
 * "18,000" to thousands). Both are common and harmless habits of report writers; a reviewer still
 * wants to know, so they never pass silently.
 */
import Fraction from 'fraction.js';
import type { Figure, Interval, LoadedClaimRule, StatedSet, WrittenNumber } from '../model.js';
import { halfUnit, statedSet, writtenInterval } from '../numbers/index.js';

export interface LooserReading {
  kind: 'truncation' | 'trailing-zeros';
  /** The stated set under this reading (claims). */
  set?: StatedSet;
  /** Figures read with a wider interval. */
  domains?: Map<string, Interval>;
  /** "holds only if …" */
  message: string;
}

/**
 * Trailing zeros of an integer numeral that may be rounding ("6.600" → 2, "18,000" → 3); 0 for
 * decimals, percentages, ranges, and numbers with a single significant digit ("1.000", "2.000
 * tỷ", "50"): read as rounded to that digit they would be ±50 % to ±5 % wide, a reading under which
 * almost any claim holds — two significant digits keep it within ±5 %.
 */
export function trailingZeros(w: WrittenNumber): number {
  if (w.decimals !== 0 || w.percent || w.range) return 0;
  const digits = w.numeral.replace(/[^0-9]/g, '').replace(/^0+/, '');
  const m = /0+$/.exec(digits);
  return m && digits.length - m[0].length >= 2 ? m[0].length : 0;
}

const PLACES = ['tens', 'hundreds', 'thousands', 'tens of thousands', 'hundreds of thousands', 'millions'];

function roundedTo(w: WrittenNumber, zeros: number): string {
  return `“${w.text}” is rounded to ${PLACES[zeros - 1] ?? `10^${zeros}`}`;
}

/** ½ unit of the digit the trailing zeros round to. */
function looseHalf(w: WrittenNumber, zeros: number): Fraction {
  return halfUnit(w).mul(new Fraction(10n ** BigInt(zeros), 1n));
}

/** The figure's interval if its trailing zeros were rounding, when they could be. */
function looseDomain(figure: Figure): Interval | null {
  const w = figure.written;
  if (!w || figure.exact || figure.precisionFrom !== 'written') return null;
  const zeros = trailingZeros(w);
  return zeros > 0 ? writtenInterval(w, { halfWidth: looseHalf(w, zeros) }) : null;
}

/** The looser readings to try, in order, for a rule that fails as written. */
export function looserReadings(rule: { kind: 'claim' | 'assert' } & Partial<Pick<LoadedClaimRule, 'stated' | 'reading' | 'tolerance'>>, figures: readonly Figure[]): LooserReading[] {
  const out: LooserReading[] = [];
  const claim = rule.kind === 'claim' && rule.stated && rule.reading && rule.tolerance ? { stated: rule.stated, reading: rule.reading, tolerance: rule.tolerance } : null;
  if (claim && claim.reading === 'round' && !claim.stated.range) {
    out.push({
      kind: 'truncation',
      set: statedSet(claim.stated, 'truncate', claim.tolerance),
      message: `holds only if “${claim.stated.text}” is the value truncated, not rounded`,
    });
  }
  const domains = new Map<string, Interval>();
  const rounded: string[] = [];
  for (const f of figures) {
    const d = looseDomain(f);
    if (d) {
      domains.set(f.id, d);
      rounded.push(roundedTo(f.written!, trailingZeros(f.written!)));
    }
  }
  let set: StatedSet | undefined;
  if (claim && (claim.reading === 'round' || claim.reading === 'truncate')) {
    const zeros = trailingZeros(claim.stated);
    if (zeros > 0) {
      set = statedSet(claim.stated, claim.reading, claim.tolerance, looseHalf(claim.stated, zeros));
      rounded.unshift(roundedTo(claim.stated, zeros));
    }
  }
  if (rounded.length > 0) {
    out.push({
      kind: 'trailing-zeros',
      ...(set ? { set } : {}),
      ...(domains.size ? { domains } : {}),
      message: `holds only if ${rounded.join(" and ")} (trailing zeros read as rounding, not as written digits)`,
    });
  }
  return out;
}
