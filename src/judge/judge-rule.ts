/**
 * Judge one loaded rule against its figures and produce the RuleResult reviewers read.
 *
 * A rule is decided over the box of its figures (decide/): `pass` needs a witness — a point of
 * the box where the rule holds, evaluated exactly —, `fail` an enclosure of the whole box that
 * misses what the text states; a search that runs out of budget first is a `warn` ("could not be
 * decided"), never a `pass`. A rule that fails as written is tried under the looser readings
 * (looser.ts); one that then holds is a `warn` saying which.
 *
 * Nothing thrown by one rule escapes: a broken expression becomes verdict `error`.
 */
import type { CompiledExpression, LinkedExpression } from '../evaluate/index.js';
import { DimensionError, statedMismatch, unitFrom, unitOfFigure, unitsOf } from '../evaluate/dimensions.js';
import type { Diagnosis, Figure, Interval, LoadedAssertionRule, LoadedClaimRule, LoadedRule, Locale, Proof, ResultFigure, RuleResult, WrittenNumber } from '../model.js';
import { describeSet, halfUnit, statedSet } from '../numbers/index.js';
import { didYouMean } from '../suggest.js';
import { budgetOf, type JudgeContext } from './context.js';
import { Budget, decideAssertion, decideClaim, type Point, type TruthOutcome } from './decide/index.js';
import { diagnose, rangeOfResult } from './diagnose/index.js';
import { figureEntry } from './figure-entry.js';
import { flat } from './flat.js';
import { asked, impliesValue } from './implied/implied-set.js';
import { implyingResult } from './implied/results.js';
import { linkedExpression } from './linker.js';
import { describeDifference } from './difference.js';
import { looserReadings } from './looser.js';
import { reportInterval, reportNumber } from './reported.js';
import { showInterval, type OpenEnds } from './show.js';
import { variablesOf } from './variables.js';
import { witnessText, witnessWords } from './witness-text.js';

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

/** An interval in the style of a written number (or plainly), e.g. "[30,36 %; 30,37 %]", "(12.000 tỷ; ∞)". */
export function intervalText(interval: Interval, like: WrittenNumber | undefined, locale: Locale, extraDecimals = 1, open?: OpenEnds): string {
  return showInterval(interval, like, locale, extraDecimals, open);
}

/**
 * The figures the expression uses, as the result lists them — those it names, the derived
 * figures those rest on, then the base figures under them —, and the base figures apart: used,
 * unknown, undeclared.
 */
function gatherFigures(compiled: LinkedExpression, ctx: JudgeContext, result: RuleResult) {
  const missing: string[] = [];
  const undeclared: string[] = [];
  const used: Figure[] = [];
  const listed: ResultFigure[] = [];
  for (const id of new Set([...compiled.named, ...compiled.derived, ...compiled.symbols])) {
    const figure = ctx.figures.get(id);
    if (figure) listed.push(figureEntry(figure, ctx));
  }
  // A copy as long as it is: an array grown by push keeps room for sixteen more.
  result.figures = listed.slice();
  for (const id of compiled.symbols) {
    const figure = ctx.figures.get(id);
    if (!figure) {
      undeclared.push(id);
      continue;
    }
    used.push(figure);
    if (!figure.interval) missing.push(id);
  }
  return { used, missing, undeclared };
}

function undeclaredMessage(undeclared: string[], ctx: JudgeContext): string {
  const known = [...ctx.figures.keys()];
  return undeclared
    .map((id) => {
      const broken = ctx.brokenFigures?.get(id);
      if (broken) return `figure "${id}" could not be read: see the problem reported at ${broken.file}:${broken.line}:${broken.col}`;
      const close = didYouMean(id, known);
      return `unknown figure "${id}"${close.length ? ` (did you mean "${close[0]}"?)` : ''}`;
    })
    .join('; ');
}

export function judgeRule(rule: LoadedRule, ctx: JudgeContext): RuleResult {
  const result = baseResult(rule);
  try {
    const compiledOrError = linkedExpression(rule.expr, ctx.figures);
    if (!compiledOrError.ok) {
      const { message, col, suggestions } = compiledOrError.error;
      const hint = suggestions.length ? ` (did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?)` : '';
      result.message = `expression error at column ${col}: ${message}${hint}`;
      return result;
    }
    const compiled = compiledOrError.compiled;
    const { used, missing, undeclared } = gatherFigures(compiled, ctx, result);
    if (undeclared.length) {
      result.message = undeclaredMessage(undeclared, ctx);
      return result;
    }
    if (rule.kind === 'claim') fillClaimStated(rule, ctx, result);
    const unitProblem = checkUnits(rule, compiled, ctx);
    if (unitProblem) {
      result.message = unitProblem;
      return result;
    }
    const implies = rule.kind === 'claim' && rule.implies !== undefined ? ctx.implied?.(rule.implies) : undefined;
    if (implies) {
      compiled.evaluate(new Map(used.map((f) => [f.id, f.interval]))); // an expression undefined over the box is the rule's error
      return implyingResult(rule as LoadedClaimRule, implies, result);
    }
    if (rule.kind === 'claim' && missing.length) return unverifiable(result, missing, ctx);
    // The enclosure over the whole box first: an expression undefined somewhere in the box (÷ 0)
    // is an error of the rule, whatever a search would find elsewhere.
    compiled.evaluate(new Map(used.map((f) => [f.id, f.interval])));
    const judged = rule.kind === 'claim' ? judgeClaim(rule, compiled, used, ctx, result) : judgeAssertion(rule, compiled, used, missing, ctx, result);
    if (judged.witness) checkImpliedWitness(judged, compiled, ctx);
    if (judged.verdict === 'fail' || judged.verdict === 'warn') {
      attachDiagnosis(judged, () => diagnose(rule, compiled, ctx, judged));
    }
    if (!ctx.keepRanges) rangeOfResult.delete(judged);
    return judged;
  } catch (error) {
    result.verdict = 'error';
    result.message = `evaluation failed: ${error instanceof Error ? error.message : String(error)}`;
    return result;
  }
}

/** A unit error of the rule (đồng added to USD, a percentage compared with a count), or null. */
function checkUnits(rule: LoadedRule, compiled: CompiledExpression, ctx: JudgeContext): string | null {
  const program = compiled.program;
  try {
    const units = unitsOf(program, (slot) => unitOfFigure(ctx.figures.get(program.slots[slot]!), ctx.locale));
    if (rule.kind !== 'claim') return null;
    const mismatch = statedMismatch(unitFrom(rule.stated.unitInfo, rule.stated.percent), units[program.root]!);
    return mismatch ? `unit error: ${mismatch}` : null;
  } catch (error) {
    if (!(error instanceof DimensionError)) throw error;
    return `unit error${error.col ? ` at column ${error.col}` : ''}: ${error.message}`;
  }
}

function unverifiable(result: RuleResult, missing: string[], ctx: JudgeContext): RuleResult {
  result.verdict = 'unverifiable';
  result.missing = missing;
  result.message = `cannot be checked: ${missing.map((id) => describeMissing(id, ctx)).join('; ')}`;
  return result;
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
  const implied = ctx.figures.get(id)?.implied;
  if (implied) {
    const none = implied.by.length > 1 ? `they imply no value in common (implied-${id})` : 'no value of it makes that claim hold';
    const why = implied.values === 'none' ? none : `the values implied are unbounded (${implied.values})`;
    return `${id} is implied by ${implied.by.join(', ')}, but ${why}`;
  }
  const description = ctx.figures.get(id)?.description;
  return description ? `${id} is unknown (${description})` : `${id} is unknown`;
}

function fillClaimStated(rule: LoadedClaimRule, ctx: JudgeContext, result: RuleResult): void {
  result.reading = rule.reading;
  result.stated = {
    text: rule.stated.text,
    set: flat(describeSet(statedSet(rule.stated, rule.reading, rule.tolerance), rule.stated, ctx.locale)),
    value: reportNumber(rule.stated.value),
    ...(rule.hedge ? { hedge: rule.hedge } : {}),
    start: rule.stated.span.start,
    end: rule.stated.span.end,
    ...(rule.hedgePosition ? { hedgePosition: rule.hedgePosition } : {}),
  };
}

function proofOf(kind: Proof['kind'], budget: Budget, reason?: string): Proof {
  return { kind, evaluations: budget.spent, budget: budget.limit, ...(reason ? { reason } : {}) };
}

/** The witness of a result, as a point (kept off the result, which holds only text). */
const witnessOfResult = new WeakMap<RuleResult, Point>();

function setWitness(result: RuleResult, point: Point, atWritten: boolean, compiled: CompiledExpression, ctx: JudgeContext): void {
  result.witness = witnessText(point, compiled.program.slots, ctx);
  result.witnessAtWritten = atWritten;
  witnessOfResult.set(result, point);
}

/**
 * A rule over implied figures is decided with each one read as its implied values' outer bound:
 * a pass (or a warn under a looser reading) stands only if the witness's value of each is implied
 * by every claim implying it (decided, like any claim); else it could not be decided (the witness
 * sits on an edge).
 */
function checkImpliedWitness(result: RuleResult, compiled: CompiledExpression, ctx: JudgeContext): void {
  const point = witnessOfResult.get(result);
  if (!point) return;
  const budget = new Budget(budgetOf(ctx));
  compiled.program.slots.forEach((id, i) => {
    const entry = ctx.figures.get(id)?.implied ? ctx.implied?.(id) : undefined;
    const x = point[i];
    if (!entry || !x || result.warning?.kind === 'undecided') return;
    const outside = entry.claims.find((c) => !impliesValue(asked(c.question, budget), x));
    if (!outside) return;
    undecided(result, budget, `the value of ${id} where it holds (${result.witness?.[id] ?? x.toString()}) is not proven implied by ${outside.rule.id}`);
  });
}

function judgeClaim(rule: LoadedClaimRule, compiled: CompiledExpression, used: Figure[], ctx: JudgeContext, result: RuleResult): RuleResult {
  if (compiled.result !== 'interval') {
    result.message = 'the expression gives true/false, but a claim needs a number (use `assert:` for a check)';
    return result;
  }
  const budget = new Budget(budgetOf(ctx));
  const set = statedSet(rule.stated, rule.reading, rule.tolerance);
  // The range is refined until it can be shown with two more digits than the stated number.
  const tolerance = halfUnit(rule.stated).div(100);
  const variables = variablesOf(compiled.program, ctx.figures);
  const outcome = decideClaim({ program: compiled.program, variables, set, budget, tolerance });
  fillComputed(result, outcome.range, rule, ctx);
  const computed = result.computed!.text;
  if (outcome.verdict === 'holds') {
    result.verdict = 'pass';
    setWitness(result, outcome.witness.point, outcome.atWritten, compiled, ctx);
    result.proof = proofOf('witness', budget);
    result.message = `figures give ${computed}; the stated ${rule.stated.text} lies within`;
    if (!outcome.atWritten) result.message += `: it holds for ${witnessWords(result.witness!)}`;
    return result;
  }
  if (outcome.verdict === 'undecided') return undecided(result, budget, outcome.reason, computed);
  result.proof = proofOf('enclosure', budget);
  for (const looser of looserReadings(rule, used)) {
    const loose = decideClaim({
      program: compiled.program,
      variables: variablesOf(compiled.program, ctx.figures, looser.domains),
      set: looser.set ?? set,
      budget: new Budget(budgetOf(ctx)),
      tolerance: null,
    });
    if (loose.verdict !== 'holds') continue;
    result.verdict = 'warn';
    result.warning = { kind: looser.kind, message: looser.message };
    setWitness(result, loose.witness.point, loose.atWritten, compiled, ctx);
    result.proof = proofOf('witness', budget);
    result.message = `figures give ${computed}: ${looser.message}`;
    return result;
  }
  result.verdict = 'fail';
  result.message = `figures give ${computed}, stated ${rule.stated.text}: off by ${result.difference!.text}`;
  return result;
}

function fillComputed(result: RuleResult, range: Interval, rule: LoadedClaimRule, ctx: JudgeContext): void {
  rangeOfResult.set(result, range);
  // One literal: `{ ...interval, text }` would give each result a V8 hidden class of its own, and a
  // field added afterwards a second array of fields.
  const { lo, hi } = reportInterval(range);
  result.computed = { lo, hi, text: flat(intervalText(range, rule.stated, ctx.locale, 2)) };
  const set = statedSet(rule.stated, rule.reading, rule.tolerance);
  result.difference = describeDifference(range, rule.stated, set, ctx.locale);
}

function undecided(result: RuleResult, budget: Budget, reason: string, computed?: string): RuleResult {
  result.verdict = 'warn';
  result.proof = proofOf('none', budget, reason);
  result.warning = { kind: 'undecided', message: `could not be decided: ${reason}` };
  result.message = `could not be decided${computed ? ` (figures give ${computed})` : ''}: ${reason}`;
  return result;
}

function judgeAssertion(
  rule: LoadedAssertionRule,
  compiled: CompiledExpression,
  used: Figure[],
  missing: string[],
  ctx: JudgeContext,
  result: RuleResult,
): RuleResult {
  if (compiled.result !== 'truth') {
    result.message = 'an assertion must give true/false (e.g. `a <= b`), not a number';
    return result;
  }
  const budget = new Budget(budgetOf(ctx));
  const variables = variablesOf(compiled.program, ctx.figures);
  const outcome: TruthOutcome = decideAssertion(compiled.program, variables, budget);
  switch (outcome.verdict) {
    case 'holds':
      result.verdict = 'pass';
      setWitness(result, outcome.witness, outcome.atWritten, compiled, ctx);
      result.proof = proofOf('witness', budget);
      result.message = outcome.everywhere
        ? `holds for every value the figures allow: ${rule.expr}`
        : outcome.atWritten
          ? `holds at the figures' written values (not for every value they allow): ${rule.expr}`
          : `holds for ${witnessWords(result.witness!)} (within the figures' precision, not at their written values): ${rule.expr}`;
      return result;
    case 'unknown':
      return unverifiable(result, missing, ctx);
    case 'undecided':
      return undecided(result, budget, outcome.reason);
    case 'fails':
      break;
  }
  result.proof = proofOf('enclosure', budget);
  for (const looser of looserReadings(rule, used)) {
    if (!looser.domains) continue;
    const loose = decideAssertion(compiled.program, variablesOf(compiled.program, ctx.figures, looser.domains), new Budget(budgetOf(ctx)));
    if (loose.verdict !== 'holds') continue;
    result.verdict = 'warn';
    result.warning = { kind: looser.kind, message: looser.message };
    setWitness(result, loose.witness, loose.atWritten, compiled, ctx);
    result.proof = proofOf('witness', budget);
    result.message = `${looser.message}: ${rule.expr}`;
    return result;
  }
  result.verdict = 'fail';
  result.message = `does not hold for any value the figures allow: ${rule.expr}`;
  return result;
}
