/**
 * What every diagnosis step works from: the rule, its compiled expression, the figures as read,
 * and one way to ask "would the rule hold if …" — decided exactly as the verdict was (a witness in
 * the changed box, under the rule's own reading), so nothing is reported that was not tested.
 */
import Fraction from 'fraction.js';
import { intervals as I, isNumber, isTruthSet, type CompiledExpression, type ProgramNode, type Value } from '../../evaluate/index.js';
import type { Figure, Interval, LoadedClaimRule, LoadedRule, Locale, MaterialityThresholds, Reading, StatedSet, WrittenNumber } from '../../model.js';
import { inputsOf } from '../../evaluate/program.js';
import { statedSet } from '../../numbers/index.js';
import { Budget, decideAssertion, decideClaim, meets } from '../decide/index.js';
import { linkedExpression } from '../linker.js';
import { costOf, costOver } from '../../evaluate/cost.js';
import type { Program } from '../../evaluate/program.js';
import { floatBounds, floatPlanOf, type FloatPlan } from '../../evaluate/float-bounds.js';
import { callAlonePlan, swappedCallCost } from '../../evaluate/swap-call.js';
import type { ClaimFunction } from '../../evaluate/functions/types.js';
import { fillBox, quickMeets } from './quick.js';
import { variableOf } from '../variables.js';
import type { NeededValues } from './implied.js';

export interface DiagnoseContext {
  rule: LoadedRule;
  compiled: CompiledExpression;
  /** The intervals of the figures the expression uses, as read (null: unknown). */
  scope: ReadonlyMap<string, Interval | null>;
  /** Every figure of the rule set (the wrong-base search looks beyond the expression's own). */
  figures: ReadonlyMap<string, Figure>;
  locale: Locale;
  /** Shared by every step of the diagnosis: when it runs out, the diagnosis stops and says so. */
  budget: Budget;
  thresholds: MaterialityThresholds;
  /** The values each figure would need, once solved (implied.ts `neededFor`). */
  needed?: Map<string, NeededValues | null>;
}

/** A claim being diagnosed: what the figures give and its verdict (`fail` or `warn`). */
export interface ClaimContext extends DiagnoseContext {
  rule: LoadedClaimRule;
  computed: Interval;
  verdict: 'fail' | 'warn';
}

export function isClaim(c: DiagnoseContext): c is ClaimContext {
  return c.rule.kind === 'claim';
}

/** One change to try: other figure intervals, another stated number, expression or reading. */
export interface Change {
  scope?: ReadonlyMap<string, Interval | null>;
  stated?: WrittenNumber;
  /** Another expression over the same figures (a source string, compiled, linked and cached). */
  expr?: string;
  reading?: Reading;
}

function compiledFor(c: DiagnoseContext, change: Change): CompiledExpression | null {
  if (change.expr === undefined) return c.compiled;
  const r = linkedExpression(change.expr, c.figures);
  return r.ok ? r.compiled : null;
}

/**
 * Charge one evaluation of the (changed) expression to the budget: false when there is nothing to
 * evaluate or the budget is spent (then the evaluation gives nothing, as `evaluateWith` says).
 */
export function chargeEvaluation(c: DiagnoseContext, compiled: CompiledExpression | null): compiled is CompiledExpression {
  return compiled !== null && c.budget.charge(evaluationCost(c, compiled.program));
}

/** What one evaluation of a program costs in this diagnosis, asked once per program. */
const evaluationCosts = new WeakMap<DiagnoseContext, Map<Program, number>>();

/**
 * What one evaluation of `program` is charged in the diagnosis: cost.ts `costOver` the figures
 * as read, whatever scope a step evaluates it over (a grid point, another figure's interval), so
 * that floats and the exact evaluation are charged alike.
 */
export function evaluationCost(c: DiagnoseContext, program: Program): number {
  let costs = evaluationCosts.get(c);
  if (!costs) evaluationCosts.set(c, (costs = new Map()));
  let cost = costs.get(program);
  if (cost === undefined) {
    cost = costOver(program, program.slots.map((id) => asRead(c, id)));
    costs.set(program, cost);
  }
  return cost;
}

/** A figure's interval as the diagnosis reads it: the scope's, else the rule set's (null: unknown). */
function asRead(c: DiagnoseContext, id: string): Interval | null {
  return (c.scope.has(id) ? c.scope.get(id) : c.figures.get(id)?.interval) ?? null;
}

/** Is every evaluation in this diagnosis charged its base cost (cost.ts `costOf`)? */
export function chargedAtBaseCost(c: DiagnoseContext, program: Program): boolean {
  return evaluationCost(c, program) === costOf(program);
}

/** The exact enclosure over the scope, or null where it cannot be evaluated (÷ 0, an even root of a negative). */
export function exactValue(compiled: CompiledExpression, scope: ReadonlyMap<string, Interval | null>): Value | null {
  try {
    return compiled.evaluate(scope);
  } catch {
    // An evaluation error (a division by an interval containing 0, an even root of a negative)
    // means the changed rule does not hold; it is not a problem of the rule.
    return null;
  }
}

/** The enclosure of the (changed) expression, or null when it cannot be evaluated (e.g. ÷ 0) or the budget is spent. */
export function evaluateWith(c: DiagnoseContext, change: Change = {}): Value | null {
  const compiled = compiledFor(c, change);
  if (!chargeEvaluation(c, compiled)) return null;
  return exactValue(compiled, change.scope ?? c.scope);
}

/** The number the (changed) expression gives over the box, or null (not a number, or cannot be evaluated). */
export function computeWith(c: DiagnoseContext, change: Change = {}): Interval | null {
  const value = evaluateWith(c, change);
  return value && isNumber(value) ? value : null;
}

/** The stated set of a claim under the change. */
export function setWith(c: ClaimContext, change: Change = {}): StatedSet {
  if (change.stated === undefined && change.reading === undefined) return ownSet(c.rule);
  return statedSet(change.stated ?? c.rule.stated, change.reading ?? c.rule.reading, c.rule.tolerance);
}

/** A claim's own stated set, once per rule: every slip asks first whether the claim holds as written. */
const ownSets = new WeakMap<LoadedClaimRule, StatedSet>();

function ownSet(rule: LoadedClaimRule): StatedSet {
  let set = ownSets.get(rule);
  if (!set) ownSets.set(rule, (set = statedSet(rule.stated, rule.reading, rule.tolerance)));
  return set;
}

/** One "would it hold?" of the diagnosis may spend at most this share of its budget: a hard question leaves room for the others. */
const QUESTION_SHARE = 1 / 20;

/**
 * Would the rule hold after the change? Decided as the verdict is (a witness in the changed box;
 * a claim under its own reading, not a looser one). This is the one test every implied value and
 * every slip must pass before it is reported.
 */
export function holdsWith(c: DiagnoseContext, change: Change = {}): boolean {
  const compiled = compiledFor(c, change);
  if (!compiled || c.budget.exhausted) return false;
  const scope = change.scope ?? c.scope;
  const unchanged = change.scope === undefined && change.stated === undefined && change.expr === undefined && change.reading === undefined;
  try {
    if (isClaim(c)) {
      const known = unchanged ? asWritten.get(c) : undefined;
      if (known !== undefined) return chargeEvaluation(c, compiled) && known;
      if (compiled.result !== 'interval') return false;
      const domains = domainsOf(c, compiled, scope);
      if (domains.some((d) => d.domain === null)) return false;
      const set = setWith(c, change);
      if (!chargeEvaluation(c, compiled)) return false;
      if (unchanged && !meetsOver(compiled, scope, set)) {
        // Decided without a search, so without the budget: the same answer every time it is asked.
        asWritten.set(c, false);
        return false;
      }
      return claimHoldsOver(c, compiled, scope, set, domains);
    }
    if (compiled.result !== 'truth') return false;
    const variables = domainsOf(c, compiled, scope).map((d) => variableOf(d.figure, d.domain));
    return decideAssertion(compiled.program, variables, c.budget.child(QUESTION_SHARE)).verdict === 'holds';
  } catch {
    return false;
  }
}

/**
 * Whether a claim as written misses its stated set, once per diagnosis: every slip asks it first.
 * Each asking is still charged, as it was.
 */
const asWritten = new WeakMap<DiagnoseContext, boolean>();

/** The rest of `holdsWith` for a claim, its evaluation charged: does the changed box meet the set, and then hold? */
function claimHoldsOver(c: ClaimContext, compiled: CompiledExpression, scope: ReadonlyMap<string, Interval | null>, set: StatedSet, domains: Domain[]): boolean {
  if (!meetsOver(compiled, scope, set)) return false;
  // An exact enclosure over a closed box is the range: meeting the set is holding. (The
  // verdict itself still finds a witness; a diagnosis only needs to know.)
  if (compiled.program.exact && domains.every((d) => !d.open && d.domain && I.isBounded(d.domain))) return true;
  const variables = domains.map((d) => variableOf(d.figure, d.domain));
  return decideClaim({ program: compiled.program, variables, set, budget: c.budget.child(QUESTION_SHARE), tolerance: null }).verdict === 'holds';
}

/**
 * Would the claim hold with figure `id` in another interval, given first by float bounds? When
 * they show it cannot, the interval is never built: the same answer and the same charge as
 * `holdsWith(c, { scope: withFigure(c.scope, id, interval()) })`, which it is otherwise.
 */
export function holdsWithFigure(c: DiagnoseContext, id: string, bounds: Float64Array | null, interval: () => Interval): boolean {
  const compiled = c.compiled;
  const plan = floatPlanOf(compiled.program);
  const slot = compiled.program.slots.indexOf(id);
  if (!bounds || !plan || slot < 0 || !isClaim(c) || compiled.result !== 'interval') {
    return holdsWith(c, { scope: withFigure(c.scope, id, interval()) });
  }
  if (c.budget.exhausted) return false;
  try {
    // As holdsWith: every other figure must be known (the new interval is), then the set, the charge.
    for (const other of compiled.program.slots) {
      if (other !== id && asRead(c, other) === null) return false;
    }
    const set = setWith(c);
    if (!chargeEvaluation(c, compiled)) return false;
    const box = boxFor(plan);
    if (fillBox(compiled.program.slots, c.scope, box, id)) {
      box.set(bounds, 4 * slot);
      if (floatBounds(plan, box) && quickMeets(plan.values, set, plan.at) === false) return false;
    }
    const scope = withFigure(c.scope, id, interval());
    return claimHoldsOver(c, compiled, scope, set, domainsOf(c, compiled, scope));
  } catch {
    return false;
  }
}

interface Domain {
  figure: Figure;
  domain: Interval | null;
  open: boolean;
}

/**
 * `holdsWith(c, { expr })` for `expr`, the claim's top call with the function `fn` over the same
 * arguments (argNodes, in the order `expr` names them): first tried on float bounds from the
 * claim's own evaluation (evaluate/swap-call.ts), and only when they cannot rule it out compiled
 * and judged as holdsWith does — charged, either way, what compiling and evaluating `expr` costs.
 */
export function holdsWithSwap(c: ClaimContext, expr: string, fn: ClaimFunction, argNodes: readonly number[]): boolean {
  let cost: number | null = null;
  try {
    if (!c.budget.exhausted) cost = swapRuledOut(c, fn, argNodes);
  } catch {
    // Whatever went wrong, holdsWith meets it again and says what it says.
  }
  if (cost === null) return holdsWith(c, { expr });
  // As holdsWith before its charge: every figure known (the swap names the claim's own), the set.
  try {
    if (c.compiled.symbols.some((id) => asRead(c, id) === null)) return false;
    setWith(c);
    c.budget.charge(cost);
  } catch {
    // Nothing to charge: holdsWith stops at the same place.
  }
  return false;
}

/**
 * The cost of evaluating the swapped call, when float bounds show it misses the stated set; null
 * when they cannot (or cannot be had).
 */
function swapRuledOut(c: ClaimContext, fn: ClaimFunction, argNodes: readonly number[]): number | null {
  const plan = floatPlanOf(c.compiled.program);
  const alone = callAlonePlan(fn, argNodes.length);
  // The swapped call's cost is counted from the claim's nodes at their base cost: for a claim whose
  // numbers are large enough to cost more, holdsWith compiles the swapped call and charges that.
  const cost = chargedAtBaseCost(c, c.compiled.program) ? swappedCallCost(c.compiled.program, fn) : null;
  if (!plan || !alone || cost === null) return null;
  const box = boxFor(plan);
  if (!fillBox(c.compiled.program.slots, c.scope, box) || !floatBounds(plan, box)) return null;
  // The arguments' bounds, as the other function's figures.
  const args = boxFor(alone);
  argNodes.forEach((node, i) => args.set(plan.values.subarray(4 * node, 4 * node + 4), 4 * i));
  if (!floatBounds(alone, args)) return null;
  return quickMeets(alone.values, setWith(c), alone.at) === false ? cost : null;
}

/** Per slot: the figure (or a stand-in for an undeclared one), its domain under the scope, and whether an end is open. */
function domainsOf(c: DiagnoseContext, compiled: CompiledExpression, scope: ReadonlyMap<string, Interval | null>): Domain[] {
  return compiled.program.slots.map((id) => {
    const known = c.figures.get(id);
    const domain = scope.has(id) ? scope.get(id)! : (known?.interval ?? null);
    const figure = known ?? { id, interval: domain, exact: false, declared: c.rule.declared };
    // As variables.ts `variableOf` says: open ends belong to the figure's own interval only.
    const open = domain === figure.interval && ((figure.open?.lo ?? false) || (figure.open?.hi ?? false));
    return { figure, domain, open };
  });
}

/**
 * Does the enclosure of the expression over the scope meet the set? The float bounds answer when
 * they can; else the exact enclosure (nothing that cannot be evaluated meets anything).
 */
function meetsOver(compiled: CompiledExpression, scope: ReadonlyMap<string, Interval | null>, set: StatedSet): boolean {
  const plan = floatPlanOf(compiled.program);
  if (plan) {
    const box = boxFor(plan);
    if (fillBox(compiled.program.slots, scope, box) && floatBounds(plan, box)) {
      const quick = quickMeets(plan.values, set, plan.at);
      if (quick !== null) return quick;
    }
  }
  const whole = exactValue(compiled, scope);
  return whole !== null && isNumber(whole) && meets(whole, set);
}

/** One float box per plan, rewritten by each question (questions are not asked inside one another). */
const boxes = new WeakMap<FloatPlan, Float64Array>();

function boxFor(plan: FloatPlan): Float64Array {
  let box = boxes.get(plan);
  if (!box) boxes.set(plan, (box = new Float64Array(4 * plan.slots)));
  return box;
}

/** Does a value the (changed) rule gives over the box possibly make it hold (a fast necessary test)? */
export function mayHold(c: DiagnoseContext, value: Value | null, set?: StatedSet): boolean {
  if (!value) return false;
  if (c.rule.kind === 'assert') return isTruthSet(value) && value.t;
  if (!isNumber(value)) return false;
  return meets(value, set ?? setWith(c as ClaimContext));
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
    if (holdsWith(c, { scope: withFigure(c.scope, id, scaled(x, f)) })) return false;
  }
  return true;
}

/** x × f for f > 0 (unbounded ends stay unbounded). */
export function scaled(x: Interval, f: Fraction): Interval {
  return { lo: x.lo === null ? null : x.lo.mul(f), hi: x.hi === null ? null : x.hi.mul(f) };
}

/** The scope with one figure replaced. */
export function withFigure(scope: ReadonlyMap<string, Interval | null>, id: string, interval: Interval): Map<string, Interval | null> {
  const out = new Map(scope);
  out.set(id, interval);
  return out;
}

/** The scope with one figure at a point. */
export function withPoint(scope: ReadonlyMap<string, Interval | null>, id: string, x: Fraction): Map<string, Interval | null> {
  return withFigure(scope, id, { lo: x, hi: x });
}

/** A figure named the way a reviewer finds it in the document: “7.126,1 tỷ đồng” (revenue_2020). */
export function nameOf(c: DiagnoseContext, id: string): string {
  const written = c.figures.get(id)?.written?.text;
  return written ? `“${written}” (${id})` : id;
}

type TopCall = { fn: Extract<ProgramNode, { kind: 'call' }>['fn']; args: string[]; argNodes: readonly number[] };

/** Asked by two slips and by materiality for every failing claim: once per expression. */
const topCalls = new WeakMap<CompiledExpression, TopCall | null>();

/** The claim function the whole expression is a call of, with its arguments' source text; null otherwise. */
export function topCall(compiled: CompiledExpression): TopCall | null {
  let call = topCalls.get(compiled);
  if (call === undefined) topCalls.set(compiled, (call = findTopCall(compiled)));
  return call;
}

function findTopCall(compiled: CompiledExpression): TopCall | null {
  const root = compiled.program.nodes[compiled.program.root]!;
  if (root.kind !== 'call') return null;
  const args = root.args.map((id) => sourceText(compiled, id));
  if (args.some((a) => a === null)) return null;
  return { fn: root.fn, args: args as string[], argNodes: root.args };
}

/** The source text of a node: its own, or a figure's name. */
function sourceText(compiled: CompiledExpression, id: number): string | null {
  const node = compiled.program.nodes[id]!;
  if (node.kind === 'figure' || node.kind === 'derived') return node.name;
  return node.source?.text ?? null;
}

/** The figure ids a node depends on (a shared list: not to be changed). */
export function figuresUnder(compiled: CompiledExpression, id: number): string[] {
  let byNode = under.get(compiled);
  if (!byNode) under.set(compiled, (byNode = new Map()));
  let ids = byNode.get(id);
  if (!ids) byNode.set(id, (ids = collectFigures(compiled, id)));
  return ids;
}

/** The figures under a node, once per expression and node (the percent-vs-points slip asks on every failing claim). */
const under = new WeakMap<CompiledExpression, Map<number, string[]>>();

function collectFigures(compiled: CompiledExpression, id: number): string[] {
  const out = new Set<string>();
  const stack = [id];
  const seen = new Set<number>();
  while (stack.length) {
    const n = compiled.program.nodes[stack.pop()!]!;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    if (n.kind === 'figure') out.add(n.name);
    else if (n.kind !== 'const') stack.push(...inputsOf(n));
  }
  return [...out];
}

/** "a", "a or b", "a, b or c" — the first `max` items and how many more. */
export function orList(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  const head = shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
  return more > 0 ? `${head} (and ${more} more)` : head;
}
