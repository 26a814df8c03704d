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
import { down, fractionBounds, up } from '../../../evaluate/float-bounds.js';
import { boundsOfInterval } from '../quick.js';
import { holdsWith, holdsWithFigure, missesWidely, orList, type DiagnoseContext, scaled } from '../context.js';
import type { SlipDetector } from './types.js';

const EXPONENTS = [3, -3, 6, -6] as const;
const FACTOR: Record<number, string> = { 3: '×10³', [-3]: '÷10³', 6: '×10⁶', [-6]: '÷10⁶' };

const pow10 = (k: number) => (k >= 0 ? new Fraction(10n ** BigInt(k)) : new Fraction(1n, 10n ** BigInt(-k)));

/** Each rescaling's factor, exactly and as float bounds [below, above], made once. */
const FACTORS = new Map<number, { exact: Fraction; bounds: Float64Array }>(
  EXPONENTS.map((k) => {
    const exact = pow10(k);
    const bounds = new Float64Array(2);
    if (!fractionBounds(exact, bounds, 0)) throw new Error(`10^${k} has no float bounds`);
    return [k, { exact, bounds }] as const;
  }),
);

/** `w` rescaled by 10^k, written with the scale word it would then carry ("7.126,1 nghìn tỷ đồng"). */
export function rescaled(w: WrittenNumber, k: number, locale: 'vi-VN' | 'en'): { text: string; number: WrittenNumber } {
  const { number, word } = rescaling(w, k, locale);
  const style = styleOf(w);
  if (word !== undefined) return { text: formatNumber(number.value, locale, { ...style, scaleExponent: number.scaleExponent, scaleWord: word }), number };
  return { text: formatNumber(number.value, locale, { ...style, decimals: Math.max(0, w.decimals - k) }), number };
}

/** The number of `rescaled` and the scale word it takes, if any — not its text, written only when the slip is reported. */
function rescaling(w: WrittenNumber, k: number, locale: 'vi-VN' | 'en'): { number: WrittenNumber; word?: string } {
  const exponent = w.scaleExponent + k;
  const value = w.value.mul(FACTORS.get(k)?.exact ?? pow10(k));
  const word = LOCALES[locale].defaultScale[exponent];
  // Same numeral, another scale word: the precision scales with it. Object.assign rather than
  // `{ ...w, scaleWord }`: a number written without a scale word would gain one, and V8 11 gives a
  // literal that spreads and adds keys a hidden class of its own each time.
  if (exponent > 0 && word !== undefined) return { number: Object.assign({}, w, { value, scaleExponent: exponent, scaleWord: word }), word };
  // No word for the new scale: the numeral itself moves by k digits; precision as written.
  return { number: { ...w, value, decimals: w.decimals - k >= 0 ? w.decimals - k : 0 } };
}

function scaleInterval(x: Interval, k: number): Interval {
  return scaled(x, FACTORS.get(k)?.exact ?? pow10(k));
}

/** A rescaled figure's bounds, copied into the claim's box before the next is written. */
const rescaledBounds = new Float64Array(4);

/**
 * Float bounds of x · 10^k (x's own bounds, quick.ts), or null (unbounded, empty, or beyond
 * doubles): what the claim is first tried on.
 */
function scaledBounds(x: Interval, k: number): Float64Array | null {
  const b = boundsOfInterval(x);
  if (!b) return null;
  // Both factors' bounds, the power positive: each end's product bounded by its corner products.
  const f = FACTORS.get(k)!.bounds;
  const f0 = f[0]!;
  const f1 = f[1]!;
  const out = rescaledBounds;
  for (let i = 0; i < 4; i += 2) {
    out[i] = down(Math.min(b[i]! * f0, b[i]! * f1));
    out[i + 1] = up(Math.max(b[i + 1]! * f0, b[i + 1]! * f1));
  }
  return Number.isFinite(out[0]!) && Number.isFinite(out[1]!) && Number.isFinite(out[2]!) && Number.isFinite(out[3]!) ? out : null;
}

export function detectScaleSlip(c: DiagnoseContext): Slip | null {
  if (holdsWith(c)) return null;
  const found: string[] = [];
  const stated = c.rule.kind === 'claim' ? c.rule.stated : undefined;
  if (stated && !stated.percent && !stated.range) {
    for (const k of EXPONENTS) {
      if (holdsWith(c, { stated: rescaling(stated, k, c.locale).number })) {
        found.push(`the stated “${stated.text}” were ${rescaled(stated, k, c.locale).text} (${FACTOR[k]})`);
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
      if (holdsWithFigure(c, id, scaledBounds(interval, k), () => scaleInterval(interval, k))) {
        found.push(`“${w.text}” (${id}) were ${rescaled(w, k, c.locale).text} (${FACTOR[k]})`);
        break;
      }
    }
  }
  if (found.length === 0) return null;
  return { kind: 'scale', message: `scale slip: the ${c.rule.kind === 'claim' ? 'claim' : 'assertion'} holds if ${orList(found)}` };
}

export const scaleSlip: SlipDetector = { kind: 'scale', detect: detectScaleSlip };
