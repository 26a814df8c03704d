/**
 * Scale slip: a figure or the stated value off by 10³ or 10⁶ — tỷ for nghìn tỷ, triệu for tỷ,
 * million for billion. Each candidate rescales one number and re-judges the rule; for each number
 * only the smallest rescaling that makes it hold is reported (×10³ before ×10⁶). For an assertion,
 * only figures it misses by more than a factor 3 are tried (see `missesWidely`).
 */
import Fraction from 'fraction.js';
import type { Interval, Slip, WrittenNumber } from '../../../model.js';
import { formatNumber, LOCALES } from '../../../numbers/index.js';
import { styleOf } from '../../../numbers/format.js';
import { holdsWith, missesWidely, orList, withFigure, type DiagnoseContext, scaled } from '../context.js';
import type { SlipDetector } from './types.js';

const EXPONENTS = [3, -3, 6, -6] as const;
const FACTOR: Record<number, string> = { 3: '×10³', [-3]: '÷10³', 6: '×10⁶', [-6]: '÷10⁶' };

const pow10 = (k: number) => (k >= 0 ? new Fraction(10n ** BigInt(k)) : new Fraction(1n, 10n ** BigInt(-k)));

/** `w` rescaled by 10^k, written with the scale word it would then carry ("7.126,1 nghìn tỷ đồng"). */
export function rescaled(w: WrittenNumber, k: number, locale: 'vi-VN' | 'en'): { text: string; number: WrittenNumber } {
  const exponent = w.scaleExponent + k;
  const value = w.value.mul(pow10(k));
  const word = LOCALES[locale].defaultScale[exponent];
  const style = styleOf(w);
  let number: WrittenNumber;
  if (exponent > 0 && word !== undefined) {
    // Same numeral, another scale word: the precision scales with it.
    number = { ...w, value, scaleExponent: exponent, scaleWord: word };
    return { text: formatNumber(value, locale, { ...style, scaleExponent: exponent, scaleWord: word }), number };
  }
  // No word for the new scale: the numeral itself moves by k digits; precision as written.
  const decimals = Math.max(0, w.decimals - k);
  number = { ...w, value, decimals: w.decimals - k >= 0 ? w.decimals - k : 0 };
  const text = formatNumber(value, locale, { ...style, decimals });
  return { text, number };
}

function scaleInterval(x: Interval, k: number): Interval {
  return scaled(x, pow10(k));
}

export function detectScaleSlip(c: DiagnoseContext): Slip | null {
  if (holdsWith(c)) return null;
  const found: string[] = [];
  const stated = c.rule.kind === 'claim' ? c.rule.stated : undefined;
  if (stated && !stated.percent && !stated.range) {
    for (const k of EXPONENTS) {
      const r = rescaled(stated, k, c.locale);
      if (holdsWith(c, { stated: r.number })) {
        found.push(`the stated “${stated.text}” were ${r.text} (${FACTOR[k]})`);
        break; // the smallest rescaling that explains it
      }
    }
  }
  for (const id of c.compiled.symbols) {
    const figure = c.figures.get(id);
    const interval = c.scope.get(id);
    const w = figure?.written;
    if (!figure || !interval || !w || w.percent || w.range || !missesWidely(c, id)) continue;
    for (const k of EXPONENTS) {
      if (holdsWith(c, { scope: withFigure(c.scope, id, scaleInterval(interval, k)) })) {
        found.push(`“${w.text}” (${id}) were ${rescaled(w, k, c.locale).text} (${FACTOR[k]})`);
        break;
      }
    }
  }
  if (found.length === 0) return null;
  return { kind: 'scale', message: `scale slip: the ${c.rule.kind === 'claim' ? 'claim' : 'assertion'} holds if ${orList(found)}` };
}

export const scaleSlip: SlipDetector = { kind: 'scale', detect: detectScaleSlip };
