/**
 * Witnesses as reports write them: each figure's value in the figure's own style ("45.480,6 tỷ
 * đồng"), with the fewest extra digits that write it exactly, and in words for messages.
 */
import type Fraction from 'fraction.js';
import type { WrittenNumber } from '../model.js';
import { decimalsToWhole, digitUnit } from '../numbers/index.js';
import type { JudgeContext } from './context.js';
import type { Point } from './decide/index.js';
import { showValue } from './show.js';

/** The witness, each figure written like the figure (with the fewest extra digits that write it exactly). */
export function witnessText(point: Point, slots: readonly string[], ctx: JudgeContext): Record<string, string> {
  // Keyed by figure ids, so each has a hidden class of its own; a prototype-free dictionary would
  // not, but a worker's results come back with Object.prototype and must equal the in-process ones.
  const out: Record<string, string> = {};
  point.forEach((x, i) => {
    if (x === null) return;
    const figure = ctx.figures.get(slots[i]!);
    // An implied figure has no written form: its values are written like the figure it is compared with.
    const like = figure?.written ?? figure?.implied?.style;
    // Most witnesses are the figures as written: that text is written once per figure.
    out[slots[i]!] = like && like === figure?.written && x.equals(like.value) ? asWritten(like, ctx) : showValue(x, like, ctx.locale, extraDigits(x, like));
  });
  return out;
}

const writtenTexts = new WeakMap<WrittenNumber, { locale: JudgeContext['locale']; text: string }>();

/** A written number's own value, shown as a witness shows it (cached per number and locale). */
function asWritten(w: WrittenNumber, ctx: JudgeContext): string {
  const known = writtenTexts.get(w);
  if (known?.locale === ctx.locale) return known.text;
  const text = showValue(w.value, w, ctx.locale, extraDigits(w.value, w));
  writtenTexts.set(w, { locale: ctx.locale, text });
  return text;
}

/** Fewest extra decimals (up to 8) that write x exactly in w's style. */
export function extraDigits(x: Fraction, w: WrittenNumber | undefined): number {
  if (!w) return 0;
  return decimalsToWhole(x.div(digitUnit(w)), 8);
}

/** "grdp_2023 = 45.480,6 and grdp_2020 = 34.887,4" */
export function witnessWords(witness: Record<string, string>): string {
  const parts = Object.entries(witness).map(([id, v]) => `${id} = ${v}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
