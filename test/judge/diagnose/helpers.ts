/** Shared by the diagnosis tests: the synthetic fixtures, judged, and contexts built from them. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { audit } from '../../../src/audit.js';
import { compileExpression } from '../../../src/evaluate/index.js';
import type { ClaimContext, DiagnoseContext } from '../../../src/judge/diagnose/index.js';
import { judgeClaim } from '../../../src/judge/verdict.js';
import { loadRuleFile } from '../../../src/load/index.js';
import Fraction from 'fraction.js';
import type { Figure, Interval, LoadedClaimRule, Locale, RuleResult, RuleSet, WrittenNumber } from '../../../src/model.js';
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
  const scope = new Map<string, Interval>();
  for (const s of compiled.compiled.symbols) scope.set(s, set.figures.get(s)!.interval!);
  const base = { rule, compiled: compiled.compiled, scope, figures: set.figures, locale: set.document.locale };
  if (rule.kind === 'assert') return base;
  const computed = compiled.compiled.evaluate(scope) as Interval;
  const c: ClaimContext = { ...base, rule, computed, judged: judgeClaim(computed, rule.stated, rule.reading, rule.tolerance) };
  return c;
}

export function ruleSet(file: string): RuleSet {
  return loadRuleFile(file);
}

const declared = { file: 'test', line: 1, col: 1 };

export function figure(id: string, text: string, locale: Locale, exact = false): Figure {
  const written = readNumber(text, locale);
  return { id, written, interval: writtenInterval(written, { exact }), exact, declared };
}

export function claim(expr: string, stated: string, figures: Figure[], locale: Locale): ClaimContext {
  const compiled = compileExpression(expr);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const w: WrittenNumber = readNumber(stated, locale);
  const rule = {
    kind: 'claim',
    id: 'c',
    severity: 'error',
    tags: [],
    declared,
    documentPath: '',
    quote: stated,
    anchor: { quote: stated, span: { start: 0, end: 0 }, line: 1, col: 1 },
    stated: w,
    expr,
    reading: 'round',
    tolerance: new Fraction(1, 20),
  } satisfies LoadedClaimRule;
  const byId = new Map(figures.map((f) => [f.id, f]));
  const scope = new Map<string, Interval>(compiled.compiled.symbols.map((id) => [id, byId.get(id)!.interval!]));
  const computed = compiled.compiled.evaluate(scope) as Interval;
  return { rule, compiled: compiled.compiled, scope, figures: byId, locale, computed, judged: judgeClaim(computed, w, 'round', rule.tolerance) };
}

