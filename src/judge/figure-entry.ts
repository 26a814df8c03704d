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
import { extraDigits } from './witness-text.js';

export function figureEntry(figure: Figure, ctx: JudgeContext): ResultFigure {
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
  if (figure.items) {
    entry.items = figure.items.map((a) => a.quote);
    entry.interval = String(figure.items.length);
    return entry;
  }
  if (figure.interval) entry.interval = figureText(figure, ctx);
  else entry.unknown = true;
  return entry;
}

/** Each figure's text, per locale: a figure named by many rules is written once, and its results share the string. */
const texts = new WeakMap<Figure, { locale: JudgeContext['locale']; text: string }>();

/** A figure's interval in its own style, its open ends shown, with the fewest extra digits that write its ends exactly (up to 3). */
function figureText(figure: Figure, ctx: JudgeContext): string {
  const known = texts.get(figure);
  if (known?.locale === ctx.locale) return known.text;
  const text = writeFigure(figure, ctx);
  texts.set(figure, { locale: ctx.locale, text });
  return text;
}

function writeFigure(figure: Figure, ctx: JudgeContext): string {
  const x = figure.interval!;
  const ends = [x.lo, x.hi].filter((f): f is Fraction => f !== null);
  const extra = Math.min(3, Math.max(0, ...ends.map((f) => extraDigits(f, figure.written))));
  return showInterval(x, figure.written, ctx.locale, extra, figure.open);
}
