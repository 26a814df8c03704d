/**
 * The two figures that are not one written number: a derived figure (`expr:`), a name for an
 * expression over other figures, and a counted list (`count:`), the number of items the
 * document names, each quoted.
 *
 * A derived figure's expression is compiled here, so a syntax error is reported at its line and
 * column in the file; whether the names it uses exist, and whether it is defined through
 * itself, depends on the rule set it is used in (derived-check.ts).
 */
import Fraction from 'fraction.js';
import { compileExpression } from '../evaluate/index.js';
import type { Anchor, DerivedDefinition, Figure, Position } from '../model.js';
import type { FigureContext, FigureInput } from './figure-input.js';
import { findQuote } from './find-quote.js';
import { isObject } from './plain.js';

type Report = (code: string, message: string, position: Position, suggestions?: string[]) => void;

/** Where column `col` (1-based) of a derived figure's expression is in its file. */
export function placeInExpression(d: DerivedDefinition, col: number): Position {
  return d.inline ? { ...d.at, col: d.at.col + col - 1 } : d.at;
}

/**
 * Where an expression written as a YAML scalar starts: one past the opening quote of a quoted
 * scalar; columns inside it can be offset only when it is on one line (escapes aside).
 */
export function definitionAt(expr: string, at: Position, literal: string | undefined): DerivedDefinition {
  if (literal === undefined || literal.includes('\n') || /^[|>]/.test(literal)) return { expr, at, inline: false };
  const quoted = literal.startsWith('"') || literal.startsWith("'");
  return { expr, at: quoted ? { ...at, col: at.col + 1 } : at, inline: true };
}

/** A derived figure, its expression compiled (a syntax error is reported inside it). */
export function buildDerived(input: FigureInput, base: Omit<Figure, 'interval' | 'exact'>, report: Report): Figure | null {
  const expr = String(input.fields.expr);
  const definition = definitionAt(expr, input.at('expr'), input.literal?.('expr'));
  const compiled = compileExpression(expr);
  if (!compiled.ok) {
    const { message, col, suggestions } = compiled.error;
    report('invalid-expression', `derived figure "${input.id}": ${message}`, placeInExpression(definition, col), suggestions);
    return null;
  }
  if (compiled.compiled.result === 'truth') {
    report('invalid-expression', `derived figure "${input.id}" must give a number, but its expression is a comparison (true/false)`, definition.at);
    return null;
  }
  return { ...base, interval: null, exact: false, derived: definition };
}

/** A counted list: every item anchored in the document, none twice; the figure is their number. */
export function buildCounted(
  input: FigureInput,
  base: Omit<Figure, 'interval' | 'exact'>,
  ctx: FigureContext,
  report: Report,
): Figure | null {
  const doc = ctx.document;
  if (!doc) {
    if (!ctx.documentMissing) report('no-document', `figure "${input.id}" counts items quoted from the document, but no document is named (set "document:")`, input.at('count'));
    return null;
  }
  const items = Array.isArray(input.fields.count) ? input.fields.count : [];
  const anchors: Anchor[] = [];
  const seen = new Map<number, number>();
  let ok = true;
  items.forEach((item: unknown, i) => {
    const at = input.atPath?.(['count', i]) ?? input.at('count');
    const quote = isObject(item) ? String(item.quote) : String(item);
    const occurrence = isObject(item) && typeof item.occurrence === 'number' ? item.occurrence : undefined;
    const found = findQuote(doc, quote, occurrence);
    if (!found.ok) {
      report(found.code, `figure "${input.id}", item ${i + 1} of the count: ${found.message}`, at);
      ok = false;
      return;
    }
    const earlier = seen.get(found.anchor.span.start);
    if (earlier !== undefined) {
      report('duplicate-item', `figure "${input.id}": item ${i + 1} is item ${earlier + 1} again (the same place in the document); each item is counted once`, at);
      ok = false;
      return;
    }
    seen.set(found.anchor.span.start, i);
    anchors.push(found.anchor);
  });
  if (!ok) return null;
  const n = new Fraction(anchors.length);
  return { ...base, interval: { lo: n, hi: n }, exact: true, items: anchors };
}
