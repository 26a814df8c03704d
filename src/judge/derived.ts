/**
 * A derived figure as reports show it: its definition, the base figures it rests on, and its
 * range — the values its expression takes over the base figures' box, decided as a claim's range
 * is (an enclosure refined by branch and bound where a figure is named twice, so `revenue /
 * (revenue + x)` is shown exact, not overestimated). Display only: rules never use this range,
 * they are linked to the expression itself.
 */
import Fraction from 'fraction.js';
import type { Figure, Interval, Locale, WrittenNumber } from '../model.js';
import { Budget, DEFAULT_BUDGET, decideClaim } from './decide/index.js';
import { linkedExpression } from './linker.js';
import { showEnclosure, showInterval } from './show.js';
import { stylesOf } from './styles.js';
import { digitUnit } from '../numbers/index.js';
import { variablesOf } from './variables.js';

export interface DerivedView {
  id: string;
  definition: string;
  /** The base figures it rests on, in order of first use. */
  restsOn: string[];
  /** Its range over the base figures' box; null when it rests on an unknown figure or cannot be computed. */
  range: Interval | null;
  /** How the values are written: like the figures it keeps the unit of, when there are such. */
  style?: WrittenNumber;
  /** The range in words, or why there is none. */
  text: string;
}

const WHOLE_LINE = { lo: null, hi: null, loOpen: true, hiOpen: true };
const cache = new WeakMap<ReadonlyMap<string, Figure>, Map<string, DerivedView>>();

/** The view of a derived figure of a rule set (cached per set). */
export function derivedView(id: string, figures: ReadonlyMap<string, Figure>, locale: Locale): DerivedView {
  let byId = cache.get(figures);
  if (!byId) {
    byId = new Map();
    cache.set(figures, byId);
  }
  const hit = byId.get(id);
  if (hit) return hit;
  const view = computeView(id, figures, locale);
  byId.set(id, view);
  return view;
}

function computeView(id: string, figures: ReadonlyMap<string, Figure>, locale: Locale): DerivedView {
  const definition = figures.get(id)?.derived?.expr ?? '';
  const linked = linkedExpression(definition, figures);
  if (!linked.ok) return { id, definition, restsOn: [], range: null, text: `cannot be computed: ${linked.error.message}` };
  const { program, symbols } = linked.compiled;
  const restsOn = [...symbols];
  const missing = restsOn.filter((s) => !figures.get(s)?.interval);
  if (missing.length) {
    const text = `unknown: rests on ${missing.map((s) => (figures.has(s) ? s : `${s} (undeclared)`)).join(', ')}`;
    return { id, definition, restsOn, range: null, text };
  }
  const style = stylesOf(program, figures)[program.root];
  const like = style && style !== 'scalar' ? style : undefined;
  try {
    const variables = variablesOf(program, figures);
    const rough = linked.compiled.evaluate(new Map(restsOn.map((s) => [s, figures.get(s)!.interval])));
    const outcome = decideClaim({ program, variables, set: WHOLE_LINE, budget: new Budget(DEFAULT_BUDGET), tolerance: toleranceFor(like, rough) });
    const range = outcome.range;
    const text = like ? showEnclosure(range, like, locale) : showInterval(range, undefined, locale);
    return { id, definition, restsOn, range, ...(like ? { style: like } : {}), text };
  } catch (error) {
    return { id, definition, restsOn, range: null, text: `cannot be computed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** Refine the range to a hundredth of the style's last digit, or a millionth of its rough width. */
function toleranceFor(like: WrittenNumber | undefined, rough: unknown): Fraction | null {
  if (like) return digitUnit(like).div(100);
  const r = rough as Interval;
  if (!r || !('lo' in r) || r.lo === null || r.hi === null || r.hi.equals(r.lo)) return null;
  return r.hi.sub(r.lo).div(1_000_000);
}
