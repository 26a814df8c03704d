/**
 * Rule expressions linked against their rule set: compiled once by source (compileExpression),
 * then each derived figure replaced by its definition (evaluate/link.ts), so the judge, the
 * diagnosis and `explain` all decide over the base figures' box. Linked expressions are cached
 * per rule set (its figure map) and source, the most recent few thousand.
 */
import { compileExpression, CycleError, definitionsOf, linkExpression, type ExpressionError, type LinkedExpression } from '../evaluate/index.js';
import type { Figure } from '../model.js';

export type LinkResult = { ok: true; compiled: LinkedExpression } | { ok: false; error: ExpressionError };

const cache = new WeakMap<ReadonlyMap<string, Figure>, Map<string, LinkResult>>();
/**
 * Linked expressions kept per rule set: the most recently used. A rule's expression is linked
 * when it is judged and again by its diagnosis and the derived figures it names, close together;
 * keeping every rule's program to the end of a 100 000-rule audit cost hundreds of megabytes.
 */
const KEPT_PER_SET = 4096;

/** The expression compiled and linked against the figures of its rule set. */
export function linkedExpression(source: string, figures: ReadonlyMap<string, Figure>): LinkResult {
  let bySource = cache.get(figures);
  if (!bySource) {
    bySource = new Map();
    cache.set(figures, bySource);
  }
  const hit = bySource.get(source);
  if (hit) {
    bySource.delete(source); // least recently used goes first
    bySource.set(source, hit);
    return hit;
  }
  const result = link(source, figures);
  bySource.set(source, result);
  if (bySource.size > KEPT_PER_SET) bySource.delete(bySource.keys().next().value!);
  return result;
}

function link(source: string, figures: ReadonlyMap<string, Figure>): LinkResult {
  const compiled = compileExpression(source);
  if (!compiled.ok) return compiled;
  try {
    return { ok: true, compiled: linkExpression(compiled.compiled, definitionsOf(figures)) };
  } catch (e) {
    // The loader leaves figures on a cycle out of the set; this is for sets built by hand.
    if (e instanceof CycleError) return { ok: false, error: { message: e.message, col: 1, suggestions: [] } };
    throw e;
  }
}
