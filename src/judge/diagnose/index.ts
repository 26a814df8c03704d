/**
 * Diagnosis of a finding, for reviewers: which value of each figure would make the claim hold
 * (implied values), which slip explains the stated value (tested, not guessed), and whether the
 * discrepancy changes the conclusion (materiality). Computed in the judge stage, for every claim
 * that fails or holds only under a looser reading, and for every failing assertion.
 */
import type { CompiledExpression } from '../../evaluate/index.js';
import type { Diagnosis, Interval, LoadedRule } from '../../model.js';
import type { JudgeContext } from '../context.js';
import { judgeClaim } from '../verdict.js';
import type { ClaimContext, DiagnoseContext } from './context.js';
import { impliedValues } from './implied.js';
import { assertionMateriality, claimMateriality } from './materiality.js';
import { findSlips } from './slips/index.js';

export type { ClaimContext, DiagnoseContext } from './context.js';
export { impliedValues, solveFor, type NeededValues } from './implied.js';
export { claimMateriality, assertionMateriality } from './materiality.js';
export { findSlips, slipDetectors, type SlipDetector } from './slips/index.js';

/**
 * The diagnosis of one rule, or undefined when there is nothing to diagnose (the rule holds).
 * `scope` holds the intervals of the figures the expression uses, all known.
 */
export function diagnose(
  rule: LoadedRule,
  compiled: CompiledExpression,
  scope: ReadonlyMap<string, Interval>,
  ctx: JudgeContext,
): Diagnosis | undefined {
  const value = compiled.evaluate(scope);
  if (rule.kind === 'assert') {
    if ('lo' in value || value.possible) return undefined;
    const c: DiagnoseContext = { rule, compiled, scope, figures: ctx.figures, locale: ctx.locale };
    return { implied: impliedValues(c), slips: findSlips(c), materiality: assertionMateriality(rule) };
  }
  if (!('lo' in value)) return undefined;
  const judged = judgeClaim(value, rule.stated, rule.reading, rule.tolerance);
  if (judged.verdict === 'pass') return undefined;
  const c: ClaimContext = { rule, compiled, scope, figures: ctx.figures, locale: ctx.locale, computed: value, judged };
  return { implied: impliedValues(c), slips: findSlips(c), materiality: claimMateriality(c) };
}
