/**
 * Shared by the judge tests: rules and figures built in code (no files), judged by the real
 * judge (`judgeRule`), so a test states a claim in one line and reads the verdict and its proof.
 */
import Fraction from 'fraction.js';
import { judgeRule } from '../../src/judge/judge-rule.js';
import type { Figure, Interval, JudgingSettings, LoadedAssertionRule, LoadedClaimRule, Locale, Reading, RuleResult, WrittenNumber } from '../../src/model.js';
import { readNumber, writtenInterval } from '../../src/numbers/index.js';

const declared = { file: 'test', line: 1, col: 1 };

/** A figure as written (its precision from the digits), exact, or with an interval of its own (null: unknown). */
export function fig(id: string, value: string | Interval | null, locale: Locale = 'en', options: { exact?: boolean; open?: { lo: boolean; hi: boolean } } = {}): Figure {
  if (value === null) return { id, interval: null, exact: false, declared };
  if (typeof value !== 'string') {
    return { id, interval: value, exact: false, declared, ...(options.open ? { open: options.open } : {}) };
  }
  const written = readNumber(value, locale);
  return {
    id,
    written,
    interval: writtenInterval(written, { exact: options.exact ?? false }),
    exact: options.exact ?? false,
    declared,
    ...(options.exact ? {} : { precisionFrom: 'written' as const }),
  };
}

export function claimRule(expr: string, stated: string | WrittenNumber, locale: Locale = 'en', options: { reading?: Reading; tolerance?: Fraction } = {}): LoadedClaimRule {
  const w = typeof stated === 'string' ? readNumber(stated, locale) : stated;
  return {
    kind: 'claim',
    id: 'c',
    severity: 'error',
    tags: [],
    declared,
    documentPath: 'doc.txt',
    quote: w.text,
    anchor: { quote: w.text, span: { start: 0, end: w.text.length }, line: 1, col: 1 },
    stated: w,
    expr,
    reading: options.reading ?? (w.range ? 'range' : 'round'),
    tolerance: options.tolerance ?? new Fraction(1, 20),
  };
}

export function assertionRule(expr: string): LoadedAssertionRule {
  return { kind: 'assert', id: 'a', severity: 'error', tags: [], declared, documentPath: 'doc.txt', expr };
}

export function judge(rule: LoadedClaimRule | LoadedAssertionRule, figures: Figure[], locale: Locale = 'en', judging?: JudgingSettings): RuleResult {
  return judgeRule(rule, { figures: new Map(figures.map((f) => [f.id, f])), locale, ...(judging ? { judging } : {}) });
}

/** Judge a claim in one call: `verdictOf('(a - b) / a', '39.5%', [fig('a', '250'), fig('b', '150')])`. */
export function claim(expr: string, stated: string, figures: Figure[], locale: Locale = 'en', options: { reading?: Reading; judging?: JudgingSettings } = {}): RuleResult {
  return judge(claimRule(expr, stated, locale, options), figures, locale, options.judging);
}

export function assertion(expr: string, figures: Figure[], locale: Locale = 'en', judging?: JudgingSettings): RuleResult {
  return judge(assertionRule(expr), figures, locale, judging);
}
