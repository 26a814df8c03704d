/**
 * From figures to the box a rule is decided over: one variable per figure the expression uses,
 * with its domain, its open ends, its written value (the witness tried first) and the unit of its
 * last written digit (to write witnesses short).
 */
import { intervals as I, type Program } from '../evaluate/index.js';
import type { Figure, Interval } from '../model.js';
import { digitUnit } from '../numbers/index.js';
import type { Variable } from './decide/index.js';

export function variableOf(figure: Figure, domain: Interval | null = figure.interval): Variable {
  // Open ends belong to the figure's own interval; another domain (a looser reading, a value the
  // diagnosis tries) is closed.
  const own = domain === figure.interval;
  const v: Variable = {
    id: figure.id,
    domain,
    openLo: own && (figure.open?.lo ?? false),
    openHi: own && (figure.open?.hi ?? false),
  };
  const w = figure.written;
  if (w && domain && !w.range) {
    const inside = I.contains(domain, w.value) && !(v.openLo && domain.lo?.equals(w.value)) && !(v.openHi && domain.hi?.equals(w.value));
    if (inside) v.written = w.value;
    v.step = digitUnit(w);
  } else if (figure.implied?.style && domain) {
    // Implied values have no written form; a witness is written like the figure they compare with.
    v.step = digitUnit(figure.implied.style);
  }
  return v;
}

/** The variables of a program, by slot; `domains` replaces some figures' domains (a looser reading). */
export function variablesOf(program: Program, figures: ReadonlyMap<string, Figure>, domains?: ReadonlyMap<string, Interval>): Variable[] {
  return program.slots.map((id) => {
    const figure = figures.get(id)!;
    return variableOf(figure, domains?.get(id) ?? figure.interval);
  });
}
