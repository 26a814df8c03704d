/**
 * A figure as a rule's result lists it: as written and as read; a derived figure with its
 * definition, range and the base figures under it; an implied figure with the values its claims
 * imply; a counted list with its items.
 */
import type Fraction from 'fraction.js';
import type { Figure, ResultFigure } from '../model.js';
import type { JudgeContext } from './context.js';
import { derivedView } from './derived.js';
import { showInterval } from './show.js';
import { flat } from './flat.js';
import { extraDigits } from './witness-text.js';

export function figureEntry(figure: Figure, ctx: JudgeContext): ResultFigure {
  if (!figure.derived && !figure.implied && !figure.items) return plainEntry(figure, ctx);
  const entry: ResultFigure = { id: figure.id };
  if (figure.written) entry.written = figure.written.text;
  if (figure.derived) {
    const view = derivedView(figure.id, ctx.figures, ctx.locale);
    entry.derived = figure.derived.expr;
    entry.restsOn = view.restsOn;
    if (view.range) entry.interval = view.text;
    else entry.unknown = true;
    return entry;
  }
  if (figure.implied) {
    entry.interval = figure.implied.values;
    entry.impliedBy = figure.implied.by;
    if (figure.implied.restsOn.length) entry.restsOn = figure.implied.restsOn;
    return entry;
  }
  entry.items = figure.items!.map((a) => a.quote);
  entry.interval = String(figure.items!.length);
  return entry;
}

/**
 * A figure as read from the document, per locale: made once, and shared by the results of every
 * rule that names it (results are never changed in place; a large audit names each figure in
 * several rules). One literal with all its fields.
 */
const plainEntries = new WeakMap<Figure, { locale: JudgeContext['locale']; entry: ResultFigure }>();

function plainEntry(figure: Figure, ctx: JudgeContext): ResultFigure {
  const known = plainEntries.get(figure);
  if (known?.locale === ctx.locale) return known.entry;
  const { id, written } = figure;
  let entry: ResultFigure;
  if (figure.interval) {
    const interval = writeFigure(figure, ctx);
    entry = written ? { id, written: written.text, interval } : { id, interval };
  } else {
    entry = written ? { id, written: written.text, unknown: true } : { id, unknown: true };
  }
  plainEntries.set(figure, { locale: ctx.locale, entry });
  return entry;
}

/** A figure's interval in its own style, its open ends shown, with the fewest extra digits that write its ends exactly (up to 3). */
function writeFigure(figure: Figure, ctx: JudgeContext): string {
  const x = figure.interval!;
  const ends = [x.lo, x.hi].filter((f): f is Fraction => f !== null);
  const extra = Math.min(3, Math.max(0, ...ends.map((f) => extraDigits(f, figure.written))));
  return flat(showInterval(x, figure.written, ctx.locale, extra, figure.open));
}
