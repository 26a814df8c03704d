/**
 * One figure, from a YAML declaration or a CSV row: its source checked (exactly one of quote,
 * value, unknown, expr or count), its number anchored in the document or read from the cited
 * value, and its interval (written precision, exact, or an explicit precision). Derived figures
 * and counted lists are built by figure-derived.ts.
 */
import type { Diagnostic, Figure, Interval, Position, WrittenNumber } from '../model.js';
import Fraction from 'fraction.js';
import { findHedge, statedSet, writtenInterval } from '../numbers/index.js';
import { findQuote } from './find-quote.js';
import { buildCounted, buildDerived } from './figure-derived.js';
import { selectNumber } from './select-number.js';
import { makeDiagnostic } from './diagnostics.js';
import type { FigureContext, FigureInput } from './figure-input.js';
import { halfWidthOf, readValue } from './figure-values.js';
import { str } from './plain.js';

/** How far "khoảng" / "about" widens a figure, and how far below "gần" / "nearly" reaches, without an explicit precision (as for claims). */
const DEFAULT_ABOUT_TOLERANCE = new Fraction(1, 20);

export const FIGURE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type { FigureContext, FigureInput } from './figure-input.js';

type BuildResult = { figure: Figure; diagnostics: Diagnostic[] } | { diagnostics: Diagnostic[] };

export function buildFigure(input: FigureInput, ctx: FigureContext): BuildResult {
  const { id, fields: f } = input;
  const diags: Diagnostic[] = [];
  const diag = (code: string, message: string, position: Position, suggestions?: string[]) =>
    diags.push(makeDiagnostic({ code, message, position, source: input.source, suggestions }));
  const fail = (): BuildResult => ({ diagnostics: diags });

  if (!FIGURE_ID.test(id)) {
    diag(
      'invalid-id',
      `invalid figure id "${id}": ids are used in expressions, so they are letters, digits and underscores, not starting with a digit`,
      input.declared,
    );
    return fail();
  }

  const hasQuote = f.quote !== undefined;
  const hasValue = f.value !== undefined;
  const isUnknown = f.unknown === true;
  const hasExpr = f.expr !== undefined;
  const hasCount = f.count !== undefined;
  const sources = [hasQuote && 'quote', hasValue && 'value', isUnknown && 'unknown: true', hasExpr && 'expr', hasCount && 'count'].filter(
    Boolean,
  ) as string[];
  if (sources.length !== 1) {
    diag(
      'figure-source',
      sources.length === 0
        ? `figure "${id}" needs one of "quote" (taken from the document), "value" (cited), "unknown: true", "expr" (derived from other figures) or "count" (quoted items)`
        : `figure "${id}" has ${sources.map((s) => `"${s}"`).join(' and ')}; give exactly one of quote, value, unknown: true, expr or count`,
      input.declared,
    );
    return fail();
  }
  if ((hasExpr || hasCount) && (f.exact !== undefined || f.precision !== undefined || f.cite !== undefined)) {
    const field = f.exact !== undefined ? 'exact' : f.precision !== undefined ? 'precision' : 'cite';
    const why = hasExpr ? 'a derived figure takes its precision from the figures of its expression' : 'a count is exact';
    diag('invalid-figure', `"${field}" has no meaning here: ${why}`, input.at(field));
    return fail();
  }
  if (!hasQuote && (f.number !== undefined || f.occurrence !== undefined)) {
    const field = f.number !== undefined ? 'number' : 'occurrence';
    diag('invalid-figure', `"${field}" only applies to a figure with a "quote"`, input.at(field));
    return fail();
  }
  if (f.exact === true && f.precision !== undefined) {
    diag('invalid-figure', `figure "${id}" is both "exact" and given a "precision"; keep one`, input.at('precision'));
    return fail();
  }
  if (isUnknown && (f.exact !== undefined || f.precision !== undefined)) {
    const field = f.exact !== undefined ? 'exact' : 'precision';
    diag('invalid-figure', `"${field}" has no meaning for an unknown figure`, input.at(field));
    return fail();
  }

  const base: Omit<Figure, 'interval' | 'exact'> = { id, declared: input.declared };
  if (str(f.unit) !== undefined) base.unit = str(f.unit);
  if (str(f.description) !== undefined) base.description = str(f.description);
  if (str(f.cite) !== undefined) base.cite = str(f.cite);

  if (isUnknown) return { figure: Object.assign(base, { interval: null, exact: false }), diagnostics: diags };
  if (hasExpr || hasCount) {
    const figure = hasExpr ? buildDerived(input, base, diag) : buildCounted(input, base, ctx, diag);
    return figure ? { figure, diagnostics: diags } : fail();
  }

  let written: WrittenNumber;
  if (hasQuote) {
    const doc = ctx.document;
    if (!doc) {
      if (!ctx.documentMissing) {
        diag(
          'no-document',
          `figure "${id}" is quoted from the document, but no document is named (set "document:" in the figure or rule file)`,
          input.at('quote'),
        );
      }
      return fail();
    }
    const occurrence = typeof f.occurrence === 'number' ? f.occurrence : undefined;
    const found = findQuote(doc, String(f.quote), occurrence);
    if (!found.ok) {
      diag(found.code, `figure "${id}": ${found.message}`, input.at('quote'));
      return fail();
    }
    const sel = selectNumber(doc, found.anchor, str(f.number));
    if (!sel.ok) {
      diag(sel.code, `figure "${id}": ${sel.message}`, input.at(f.number !== undefined ? 'number' : 'quote'));
      return fail();
    }
    written = sel.number;
    base.anchor = found.anchor;
  } else {
    const r = readValue(f.value, input, ctx.locale, str(f.unit));
    if ('error' in r) {
      diag('invalid-number', `figure "${id}": cannot read value ${JSON.stringify(f.value)}: ${r.error}`, r.position);
      return fail();
    }
    written = r.written;
  }

  const exact = f.exact === true;
  let interval: Interval;
  let precisionFrom: Figure['precisionFrom'] = 'written';
  const open = { lo: false, hi: false };
  const hedge = base.anchor && ctx.document && !written.range ? findHedge(ctx.document.text, written, ctx.locale) : undefined;
  // A rounding reading is no hedge: "round" and "truncate" come from defaults, never from words.
  const hedged = hedge && hedge.reading !== 'round' && hedge.reading !== 'truncate' && hedge.reading !== 'range' ? hedge : undefined;
  try {
    if (exact) {
      interval = writtenInterval(written, { exact: true });
    } else if (f.precision !== undefined) {
      precisionFrom = 'explicit';
      const h = halfWidthOf(f.precision, written, ctx.locale, input.literal?.('precision'));
      if ('error' in h) {
        diag('invalid-precision', `figure "${id}": invalid precision ${JSON.stringify(f.precision)}: ${h.error}`, input.at('precision'));
        return fail();
      }
      interval = writtenInterval(written, { halfWidth: h.halfWidth });
    } else if (hedged) {
      // "khoảng 55.500 tỷ", "hơn 176,63 triệu USD": a hedged figure is what its hedge says — a
      // bound, or a width around the value — not as precise as its digits.
      const set = statedSet(written, hedged.reading, DEFAULT_ABOUT_TOLERANCE);
      interval = { lo: set.lo, hi: set.hi };
      if (set.lo !== null && set.loOpen) open.lo = true;
      if (set.hi !== null && set.hiOpen) open.hi = true;
      precisionFrom = 'hedge';
    } else {
      interval = writtenInterval(written);
    }
  } catch (e) {
    diag('invalid-number', `figure "${id}": ${(e as Error).message}`, input.declared);
    return fail();
  }

  // The figure is `base` completed in place: `{ ...base, interval }` would give every figure a V8
  // hidden class of its own (Node 20), a large share of a big audit's memory.
  const figure = base as Figure;
  figure.interval = interval;
  figure.written = written;
  figure.exact = exact;
  if (!exact) figure.precisionFrom = precisionFrom;
  if (open.lo || open.hi) figure.open = open;
  if (precisionFrom === 'hedge' && hedged) figure.hedge = hedged.word;
  if (figure.unit === undefined) {
    const u = written.unit ?? (written.percent ? '%' : undefined);
    if (u !== undefined) figure.unit = u;
  }
  return { figure, diagnostics: diags };
}
