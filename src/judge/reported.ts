/**
 * Numbers for tools (JSON, SARIF): floats where a float holds them, never null. A bound beyond
 * what a double can hold becomes an exact decimal string, an unbounded end "-Infinity" or
 * "Infinity" (strings: JSON has no infinities, and JSON.stringify would write null).
 */
import type Fraction from 'fraction.js';
import { intervals as I } from '../evaluate/index.js';
import type { Interval, ReportedNumber } from '../model.js';

/** The exact decimal expansion of a rational when it terminates, else 40 significant digits. */
function decimalString(f: Fraction): string {
  const exact = f.toString(40);
  return exact;
}

export function reportNumber(f: Fraction | null, unbounded: '-Infinity' | 'Infinity' = 'Infinity'): ReportedNumber {
  if (f === null) return unbounded;
  const x = I.fractionToNumber(f);
  return Number.isFinite(x) ? x : decimalString(f);
}

export function reportInterval(x: Interval): { lo: ReportedNumber; hi: ReportedNumber } {
  return { lo: reportNumber(x.lo, '-Infinity'), hi: reportNumber(x.hi, 'Infinity') };
}
