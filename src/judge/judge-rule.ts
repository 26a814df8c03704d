/**
 * Judge one loaded rule against its figures and produce the RuleResult reviewers read.
 * Nothing thrown by one rule escapes: a broken expression becomes verdict `error`.
 */
import { compileExpression, type CompiledExpression, type Value } from '../evaluate/index.js';
import { didYouMean } from '../suggest.js';
import type {
  Diagnosis,
  Interval,
  LoadedAssertionRule,
  LoadedClaimRule,
  LoadedRule,
  Locale,
  RuleResult,
  WrittenNumber,
} from '../model.js';
import { describeSet, formatLike, statedSet } from '../numbers/index.js';
import { describeDifference } from './difference.js';
import { diagnose } from './diagnose/index.js';
import type { JudgeContext } from './context.js';
import { judgeClaim } from './verdict.js';

export type { JudgeContext } from './context.js';

function baseResult(rule: LoadedRule): RuleResult {
  return {
    id: rule.id,
    kind: rule.kind,
    severity: rule.severity,
    verdict: 'error',
    message: '',
    declared: rule.declared,
    document: rule.documentPath,
    ...(rule.quote !== undefined ? { quote: rule.quote } : {}),
    ...(rule.anchor
      ? { anchor: { line: rule.anchor.line, col: rule.anchor.col, start: rule.anchor.span.start, end: rule.anchor.span.end } }
      : {}),
    expr: rule.expr,
    figures: [],
    ...(rule.note !== undefined ? { note: rule.note } : {}),
    tags: rule.tags,
  };
}

/** Figures a compiled expression needs: known intervals, or the reason it cannot be evaluated. */
function gatherFigures(compiled: CompiledExpression, ctx: JudgeContext, result: RuleResult) {
  const scope = new Map<string, Interval>();
  const missing: string[] = [];
  const undeclared: string[] = [];
  for (const id of compiled.symbols) {
    const figure = ctx.figures.get(id);
    if (!figure) {
      undeclared.push(id);
      continue;
    }
    result.figures.push({
      id,
      ...(figure.written ? { written: figure.written.text } : {}),
      ...(figure.interval ? { interval: intervalText(figure.interval, figure.written, ctx.locale) } : { unknown: true }),
    });
    if (figure.interval) scope.set(id, figure.interval);
    else missing.push(id);
  }
  return { scope, missing, undeclared };
}

export function intervalText(interval: Interval, like: WrittenNumber | undefined, locale: Locale, extraDecimals = 1): string {
  if (!like) return `[${interval.lo.valueOf()}; ${interval.hi.valueOf()}]`;
  const lo = formatLike(interval.lo, like, locale, extraDecimals);
  if (interval.lo.equals(interval.hi)) return lo;
  return `[${lo}; ${formatLike(interval.hi, like, locale, extraDecimals)}]`;
}

export function judgeRule(rule: LoadedRule, ctx: JudgeContext): RuleResult {
  const result = baseResult(rule);
  try {
    const compiledOrError = compileExpression(rule.expr);
    if (!compiledOrError.ok) {
      const { message, col, suggestions } = compiledOrError.error;
      const hint = suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : '';
      result.message = `expression error at column ${col}: ${message}${hint}`;
      return result;
    }
    const { scope, missing, undeclared } = gatherFigures(compiledOrError.compiled, ctx, result);
    if (undeclared.length) {
      const known = [...ctx.figures.keys()];
      result.message = undeclared
        .map((id) => {
          const broken = ctx.brokenFigures?.get(id);
          if (broken) return `figure "${id}" could not be read: see the problem reported at ${broken.file}:${broken.line}:${broken.col}`;
          const close = didYouMean(id, known);
          return `unknown figure "${id}"${close.length ? ` (did you mean "${close[0]}"?)` : ''}`;
        })
        .join('; ');
      return result;
    }
    if (rule.kind === 'claim') fillClaimStated(rule, ctx, result);
    if (missing.length) {
      result.verdict = 'unverifiable';
      result.missing = missing;
      result.message = `cannot be checked: ${missing.map((id) => describeMissing(id, ctx)).join('; ')}`;
      return result;
    }
    const value = compiledOrError.compiled.evaluate(scope);
    const judged = rule.kind === 'claim' ? finishClaim(rule, value, ctx, result) : finishAssertion(rule, value, result);
    if (judged.verdict === 'fail' || judged.verdict === 'warn') attachDiagnosis(judged, () => diagnose(rule, compiledOrError.compiled, scope, ctx));
    return judged;
  } catch (error) {
    result.verdict = 'error';
    result.message = `evaluation failed: ${error instanceof Error ? error.message : String(error)}`;
    return result;
  }
}

/** A diagnosis never changes the verdict: if it cannot be made, the finding says so and stands. */
function attachDiagnosis(result: RuleResult, make: () => Diagnosis | undefined): void {
  try {
    const diagnosis = make();
    if (diagnosis) result.diagnosis = diagnosis;
  } catch (error) {
    result.message += ` (no diagnosis: ${error instanceof Error ? error.message : String(error)})`;
  }
}

function describeMissing(id: string, ctx: JudgeContext): string {
  const description = ctx.figures.get(id)?.description;
  return description ? `${id} is unknown (${description})` : `${id} is unknown`;
}

function fillClaimStated(rule: LoadedClaimRule, ctx: JudgeContext, result: RuleResult): void {
  result.reading = rule.reading;
  result.stated = {
    text: rule.stated.text,
    set: describeSet(statedSet(rule.stated, rule.reading, rule.tolerance), rule.stated, ctx.locale),
    value: rule.stated.value.valueOf(),
    ...(rule.hedge ? { hedge: rule.hedge } : {}),
    ...(rule.hedgePosition ? { hedgePosition: rule.hedgePosition } : {}),
  };
}

function finishClaim(rule: LoadedClaimRule, value: Value, ctx: JudgeContext, result: RuleResult): RuleResult {
  if (!('lo' in value)) {
    result.message = 'the expression gives true/false, but a claim needs a number (use `assert:` for a check)';
    return result;
  }
  result.computed = {
    lo: value.lo.valueOf(),
    hi: value.hi.valueOf(),
    text: intervalText(value, rule.stated, ctx.locale, 2),
  };
  const set = statedSet(rule.stated, rule.reading, rule.tolerance);
  result.difference = describeDifference(value, rule.stated, set, ctx.locale);
  const judged = judgeClaim(value, rule.stated, rule.reading, rule.tolerance);
  result.verdict = judged.verdict;
  const computedText = result.computed.text;
  if (judged.verdict === 'pass') {
    result.message = `figures give ${computedText}, within the stated ${rule.stated.text}`;
  } else if (judged.verdict === 'warn') {
    result.heldUnder = judged.heldUnder;
    result.message = `figures give ${computedText}: ${rule.stated.text} holds only if the value was truncated, not rounded`;
  } else {
    result.message = `figures give ${computedText}, stated ${rule.stated.text}: off by ${result.difference.text}`;
  }
  return result;
}

function finishAssertion(rule: LoadedAssertionRule, value: Value, result: RuleResult): RuleResult {
  if ('lo' in value) {
    result.message = 'an assertion must give true/false (e.g. `a <= b`), not a number';
    return result;
  }
  if (value.certain) {
    result.verdict = 'pass';
    result.message = `holds: ${rule.expr}`;
  } else if (value.possible) {
    result.verdict = 'pass';
    result.message = `holds within the figures' precision (not for every value they allow): ${rule.expr}`;
  } else {
    result.verdict = 'fail';
    result.message = `does not hold for any value the figures allow: ${rule.expr}`;
  }
  return result;
}
