/**
 * Diagnosis of a finding, for reviewers: which value of each figure would make the claim hold
 * (implied values), which slip explains the stated value (tested, not guessed), and whether the
 * discrepancy matters (materiality). Computed in the judge stage, for every claim that fails or
 * holds only under a looser reading, and for every failing assertion. Every step is charged to one
 * budget per rule (a count of evaluations, like the verdict's): when it runs out, the diagnosis
 * says it was cut short.
 */
import type { CompiledExpression } from '../../evaluate/index.js';
import type { Diagnosis, Interval, LoadedRule, RuleResult } from '../../model.js';
import { budgetOf, type JudgeContext } from '../context.js';
import { flat } from '../flat.js';
import { Budget } from '../decide/index.js';
import type { ClaimContext, DiagnoseContext } from './context.js';
import { impliedValues } from './implied.js';
import { assertionMateriality, claimMateriality, thresholdsOf } from './materiality.js';
import { findSlips } from './slips/index.js';

export type { ClaimContext, DiagnoseContext } from './context.js';
export { impliedValues, solveFor, type NeededValues } from './implied.js';
export { claimMateriality, assertionMateriality, thresholdsOf } from './materiality.js';
export { findSlips, slipDetectors, type SlipDetector } from './slips/index.js';

/** The diagnosis of a rule judged `fail` or `warn`, or undefined when there is nothing to diagnose. */
export function diagnose(rule: LoadedRule, compiled: CompiledExpression, ctx: JudgeContext, judged: RuleResult): Diagnosis | undefined {
  if (judged.verdict !== 'fail' && judged.verdict !== 'warn') return undefined;
  if (judged.warning?.kind === 'undecided') return undefined;
  const scope = new Map<string, Interval | null>(compiled.symbols.map((id) => [id, ctx.figures.get(id)?.interval ?? null]));
  const budget = new Budget(budgetOf(ctx));
  const thresholds = thresholdsOf(ctx.judging);
  // Each context is one literal with every field, never `{ ...base, computed }`: V8 11 gives a
  // literal that spreads and adds keys a hidden class of its own each time, and every read of the
  // context in the diagnosis would then go through the megamorphic path.
  let diagnosis: Diagnosis;
  if (rule.kind === 'assert') {
    const a: DiagnoseContext = { rule, compiled, scope, figures: ctx.figures, locale: ctx.locale, budget, thresholds, needed: undefined };
    diagnosis = { implied: impliedValues(a), slips: findSlips(a), materiality: assertionMateriality(rule) };
  } else {
    const computed = judgedRange(judged);
    if (!computed) return undefined;
    const c: ClaimContext = { rule, compiled, scope, figures: ctx.figures, locale: ctx.locale, budget, thresholds, needed: undefined, computed, verdict: judged.verdict };
    diagnosis = { implied: impliedValues(c), slips: findSlips(c), materiality: claimMateriality(c) };
  }
  if (budget.exhausted) {
    diagnosis.cutShort = `the diagnosis stopped after ${budget.spent} evaluations (budget ${budget.limit}); what it lists was tested, but it may not list everything`;
  }
  return compact(diagnosis);
}

/**
 * The diagnosis as a result keeps it until the reports are written: its texts flat (flat.ts; they
 * were built as ropes of many pieces) and its lists of their own length (an array that was pushed
 * to keeps room for 17). A third of 10 000 claims failing kept 15 MB more than none did.
 */
function compact(d: Diagnosis): Diagnosis {
  for (const v of d.implied) {
    flat(v.needed);
    flat(v.message);
  }
  for (const slip of d.slips) flat(slip.message);
  for (const reason of d.materiality.reasons) flat(reason);
  d.implied = d.implied.slice();
  d.slips = d.slips.slice();
  d.materiality.reasons = d.materiality.reasons.slice();
  d.materiality.tests = d.materiality.tests.slice();
  return d;
}

/** The range the verdict was decided on, as the judge computed it (kept exact on the result). */
function judgedRange(judged: RuleResult): Interval | undefined {
  return rangeOfResult.get(judged);
}

/** The judge hands the exact range of a claim to its diagnosis without putting Fractions on the result. */
export const rangeOfResult = new WeakMap<RuleResult, Interval>();
