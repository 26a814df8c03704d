/**
 * The numbers a figure file writes itself: a cited value (read in the file's locale, exact as
 * written) and an explicit precision (as a half-width in base units).
 */
import Fraction from 'fraction.js';
import type { Locale, Position, WrittenNumber } from '../model.js';
import { readNumber } from '../numbers/index.js';
import type { FigureInput } from './figure-input.js';

/** A JS number as plain decimal text (no exponent): 1e6 → "1000000", 0.1 → "0.1". */
export function plainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** A plain decimal ("1905.50", "-3") as the locale writes it ("1905,50"). */
function toLocaleDecimal(decimal: string, locale: Locale): string {
  return locale === 'vi-VN' ? decimal.replace('.', ',') : decimal;
}

const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * A cited value as written. A string is read in the locale ("5,05%", "45.481 tỷ"). A YAML number
 * is exact as its decimal text (as written in the file when it is a plain decimal, so "1905.50"
 * keeps two decimals). When the value carries neither scale, percent nor unit, the figure's
 * `unit` is read with it, so `value: 45481` with `unit: tỷ đồng` is 45 481 tỷ đồng.
 */
export function readValue(
  value: unknown,
  input: FigureInput,
  locale: Locale,
  unit: string | undefined,
): { written: WrittenNumber } | { error: string; position: Position } {
  let text: string;
  let literalOffset = 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: 'not a finite number', position: input.at('value') };
    const lit = input.literal?.('value');
    text = toLocaleDecimal(lit && PLAIN_DECIMAL.test(lit) ? lit.replace(/^\+/, '') : plainDecimal(value), locale);
  } else {
    text = String(value);
    const lit = input.literal?.('value');
    if (lit && /^["']/.test(lit)) literalOffset = 1;
  }
  let written: WrittenNumber;
  try {
    written = readNumber(text, locale);
  } catch (e) {
    const offset = (e as { offset?: unknown }).offset;
    const p = input.at('value');
    const position =
      typeof value === 'string' && typeof offset === 'number' && !text.slice(0, offset).includes('\n')
        ? { ...p, col: p.col + literalOffset + offset }
        : p;
    return { error: (e as Error).message, position };
  }
  if (unit && !written.percent && written.scaleExponent === 0 && written.unit === undefined) {
    try {
      const withUnit = readNumber(`${text} ${unit}`, locale);
      if (withUnit.numeral === written.numeral && withUnit.value !== undefined) written = withUnit;
    } catch {
      // the unit is a plain label ("doanh nghiệp"): keep the number alone
    }
  }
  return { written };
}

/** 10^scaleExponent, over 100 for a percentage: what one written unit is in base units. */
function writtenUnit(w: WrittenNumber): Fraction {
  let f = new Fraction(10).pow(w.scaleExponent);
  if (w.percent) f = f.div(100);
  return f;
}

/**
 * An explicit precision as a half-width in base units. A number, or a string without scale or
 * percent, is in the written unit of the figure (0.5 of "45.481 tỷ" is 0,5 tỷ; 0.05 of "5,05%"
 * is 0,05 %); a string with its own scale or percent ("0,05%", "0,5 tỷ") says its unit itself.
 */
export function halfWidthOf(
  precision: unknown,
  written: WrittenNumber,
  locale: Locale,
  literal?: string,
): { halfWidth: Fraction } | { error: string } {
  let h: Fraction;
  if (typeof precision === 'number') {
    if (!(precision > 0) || !Number.isFinite(precision)) return { error: 'must be greater than 0' };
    const dec = literal && PLAIN_DECIMAL.test(literal) ? literal : plainDecimal(precision);
    h = new Fraction(dec).mul(writtenUnit(written));
  } else if (typeof precision === 'string') {
    let p: WrittenNumber;
    try {
      p = readNumber(precision.trim().replace(/^±\s*/u, ''), locale);
    } catch (e) {
      return { error: (e as Error).message };
    }
    h = p.percent || p.scaleExponent !== 0 ? p.value : p.value.mul(writtenUnit(written));
  } else {
    return { error: 'must be a number or a string' };
  }
  if (h.compare(0) <= 0) return { error: 'must be greater than 0' };
  return { halfWidth: h };
}
