/**
 * What every diagnosis step works from: the rule, its compiled expression, the figures as read,
 * and one way to ask "would the claim hold if …" — re-judged exactly as the verdict was (exact
 * rationals, the rule's own reading), so nothing is reported that was not tested.
 */
import Fraction from 'fraction.js';
import { compileExpression, type CompiledExpression, type Value } from '../../evaluate/index.js';
import type { Figure, Interval, LoadedClaimRule, LoadedRule, Locale, Reading, StatedSet, WrittenNumber } from '../../model.js';
import { statedSet } from '../../numbers/index.js';
import { meets, type ClaimVerdict } from '../verdict.js';

export interface DiagnoseContext {
  rule: LoadedRule;
  compiled: CompiledExpression;
  /** The intervals of the figures the expression uses, as read. */
  scope: ReadonlyMap<string, Interval>;
  /** Every figure of the rule set (the wrong-base search looks beyond the expression's own). */
  figures: ReadonlyMap<string, Figure>;
  locale: Locale;
}

/** A claim being diagnosed: what the figures give and its verdict (`fail` or `warn`). */
export interface ClaimContext extends DiagnoseContext {
  rule: LoadedClaimRule;
  computed: Interval;
  judged: ClaimVerdict;
}

export function isClaim(c: DiagnoseContext): c is ClaimContext {
  return c.rule.kind === 'claim';
}

/** One change to try: other figure intervals, another stated number, expression or reading. */
export interface Change {
  scope?: ReadonlyMap<string, Interval>;
  stated?: WrittenNumber;
  /** Another expression over the same figures (a source string, compiled and cached). */
  expr?: string;
  reading?: Reading;
}

/** The value of the (changed) expression, or null when it cannot be evaluated (e.g. ÷ 0). */
export function evaluateWith(c: DiagnoseContext, change: Change = {}): Value | null {
  let compiled = c.compiled;
  if (change.expr !== undefined) {
    const r = compileExpression(change.expr);
    if (!r.ok) return null;
    compiled = r.compiled;
  }
  try {
    return compiled.evaluate(change.scope ?? c.scope);
  } catch {
    // An evaluation error (a division by an interval containing 0, an even root of a negative)
    // means the changed rule does not hold; it is not a problem of the rule.
    return null;
  }
}

/** The number the (changed) expression gives, or null (not a number, or cannot be evaluated). */
export function computeWith(c: DiagnoseContext, change: Change = {}): Interval | null {
  const value = evaluateWith(c, change);
  return value && 'lo' in value ? value : null;
}

/**
 * Would the rule hold after the change? A claim: verdict `pass` under the reading (not a looser
 * one); an assertion: true for some value the figures allow (its `pass`). This is the one test
 * every implied value and every slip must pass before it is reported.
 */
export function holdsWith(c: DiagnoseContext, change: Change = {}): boolean {
  const value = evaluateWith(c, change);
  if (!value || c.rule.kind === 'assert') return holdsFor(c, value);
  const stated = change.stated ?? c.rule.stated;
  return holdsFor(c, value, statedSet(stated, change.reading ?? c.rule.reading, c.rule.tolerance));
}

/** Does a value the (changed) rule gives make it hold? `set`: the claim's stated set, if not its own. */
export function holdsFor(c: DiagnoseContext, value: Value | null, set?: StatedSet): boolean {
  if (!value) return false;
  if (c.rule.kind === 'assert') return !('lo' in value) && value.possible;
  if (!('lo' in value)) return false;
  return meets(value, set ?? statedSet(c.rule.stated, c.rule.reading, c.rule.tolerance));
}

/**
 * For an assertion: does it fail by a wide margin in this figure — still false with the figure
 * three times larger and three times smaller? A one-sided check (a ≤ b) holds for every value
 * beyond its bound, so a slip that changes one figure a lot (×/÷ 10³, a digit more or less) is
 * evidence only when a moderate change is not enough. Claims are two-sided: always true.
 */
export function missesWidely(c: DiagnoseContext, id: string): boolean {
  if (c.rule.kind === 'claim') return true;
  const x = c.scope.get(id);
  if (!x) return false;
  for (const f of [new Fraction(3), new Fraction(1, 3)]) {
    if (holdsWith(c, { scope: withFigure(c.scope, id, { lo: x.lo.mul(f), hi: x.hi.mul(f) }) })) return false;
  }
  return true;
}

/** The scope with one figure replaced. */
export function withFigure(scope: ReadonlyMap<string, Interval>, id: string, interval: Interval): Map<string, Interval> {
  const out = new Map(scope);
  out.set(id, interval);
  return out;
}

/** The scope with one figure at a point. */
export function withPoint(scope: ReadonlyMap<string, Interval>, id: string, x: Fraction): Map<string, Interval> {
  return withFigure(scope, id, { lo: x, hi: x });
}

/** A figure named the way a reviewer finds it in the document: “7.126,1 tỷ đồng” (revenue_2020). */
export function nameOf(c: DiagnoseContext, id: string): string {
  const written = c.figures.get(id)?.written?.text;
  return written ? `“${written}” (${id})` : id;
}

/**
 * The outermost call of an expression, when the whole expression is one call:
 * "growth(a, b)" → { name: "growth", args: ["a", "b"] }; "growth(a, b) * 2" → null.
 */
export function topCall(expr: string): { name: string; args: string[] } | null {
  const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*\(/.exec(expr);
  if (!m) return null;
  const open = m[0].length - 1;
  let depth = 0;
  const args: string[] = [];
  let start = open + 1;
  for (let i = open; i < expr.length; i++) {
    const ch = expr[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      depth--;
      if (depth === 0) {
        if (expr.slice(i + 1).trim() !== '') return null;
        const last = expr.slice(start, i).trim();
        if (last !== '' || args.length > 0) args.push(last);
        return { name: m[1]!, args };
      }
    } else if (ch === ',' && depth === 1) {
      args.push(expr.slice(start, i).trim());
      start = i + 1;
    }
  }
  return null;
}

/** Figure ids used in an expression fragment (identifiers not followed by "("). */
export function idsIn(fragment: string): string[] {
  const out: string[] = [];
  for (const m of fragment.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()/g)) {
    const id = m[0];
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/** "a", "a or b", "a, b or c" — the first `max` items and how many more. */
export function orList(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const head = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  return more > 0 ? `${head} (and ${more} more)` : head;
}
