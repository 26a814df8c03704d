/** Shared by the diagnosis tests: the synthetic fixtures, judged, and contexts built from them. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../../../src/audit.js';
import { compileExpression } from '../../../src/evaluate/index.js';
import type { ClaimContext, DiagnoseContext } from '../../../src/judge/diagnose/index.js';
import { Budget } from '../../../src/judge/decide/index.js';
import { rangeOfResult, thresholdsOf } from '../../../src/judge/diagnose/index.js';
import { judgeRule } from '../../../src/judge/judge-rule.js';
import { loadRuleFile } from '../../../src/load/index.js';
import Fraction from 'fraction.js';
import type { Figure, Interval, LoadedClaimRule, Locale, Reading, RuleResult, RuleSet, WrittenNumber } from '../../../src/model.js';
import { readNumber, writtenInterval } from '../../../src/numbers/index.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(ROOT, 'test/fixtures/diagnose');

/** Every result of a rule folder, by rule id. */
export function judged(folder: string): Map<string, RuleResult> {
  const result = audit({ paths: [folder], cwd: ROOT, today: '2025-01-01' });
  return new Map(result.results.map((r) => [r.id, r]));
}

/** The diagnosis context of one rule of a rule file, as the judge builds it. */
export function contextOf(set: RuleSet, id: string): DiagnoseContext {
  const rule = set.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`no rule ${id} in ${set.file}`);
  const compiled = compileExpression(rule.expr);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const scope = new Map<string, Interval | null>();
  for (const s of compiled.compiled.symbols) scope.set(s, set.figures.get(s)!.interval);
  const base = { rule, compiled: compiled.compiled, scope, figures: set.figures, locale: set.document.locale, budget: new Budget(), thresholds: thresholdsOf(undefined) };
  if (rule.kind === 'assert') return base;
  // Its exact range kept, as for `explain`: the diagnosis context needs it.
  const result = judgeRule(rule, { figures: set.figures, locale: set.document.locale, keepRanges: true });
  return { ...base, rule, computed: rangeOfResult.get(result)!, verdict: result.verdict === 'fail' ? 'fail' : 'warn', result } as ClaimContext;
}

export function ruleSet(file: string): RuleSet {
  return loadRuleFile(file);
}

const declared = { file: 'test', line: 1, col: 1 };

export function figure(id: string, text: string, locale: Locale, exact = false): Figure {
  const written = readNumber(text, locale);
  return { id, written, interval: writtenInterval(written, { exact }), exact, declared, ...(exact ? {} : { precisionFrom: 'written' as const }) };
}

/** The verdict the judge gave the claim a context was built for. */
export function verdictOf(c: ClaimContext): RuleResult['verdict'] {
  return (c as ClaimContext & { result: RuleResult }).result.verdict;
}

/** A claim rule `c` stating `stated` (read from `quote`), as the loader would build it, 5 % tolerance. */
export function claimRule(expr: string, quote: string, stated: WrittenNumber, reading: Reading): LoadedClaimRule {
  return {
    kind: 'claim',
    id: 'c',
    severity: 'error',
    tags: [],
    declared,
    documentPath: '',
    quote,
    anchor: { quote, span: { start: 0, end: 0 }, line: 1, col: 1 },
    stated,
    expr,
    reading,
    tolerance: new Fraction(1, 20),
  };
}

export function claim(expr: string, stated: string, figures: Figure[], locale: Locale): ClaimContext {
  const compiled = compileExpression(expr);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const w: WrittenNumber = readNumber(stated, locale);
  const rule = claimRule(expr, stated, w, 'round');
  const byId = new Map(figures.map((f) => [f.id, f]));
  const scope = new Map<string, Interval | null>(compiled.compiled.symbols.map((id) => [id, byId.get(id)!.interval]));
  const result = judgeRule(rule, { figures: byId, locale, keepRanges: true });
  return {
    rule,
    compiled: compiled.compiled,
    scope,
    figures: byId,
    locale,
    computed: rangeOfResult.get(result)!,
    verdict: result.verdict === 'fail' ? 'fail' : 'warn',
    budget: new Budget(),
    thresholds: thresholdsOf(undefined),
    result,
  } as ClaimContext;
}

