/** Exit codes and summaries follow the ESLint/Spectral convention (DESIGN §5). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exitCode, summarize, type FailOn } from '../../src/judge/outcome.js';
import type { AuditResult, RuleResult, Severity, Verdict } from '../../src/model.js';

const VERDICTS: Verdict[] = ['pass', 'fail', 'warn', 'unverifiable', 'error'];
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

function result(verdict: Verdict, severity: Severity): RuleResult {
  return { id: `${verdict}-${severity}`, kind: 'claim', severity, verdict, message: '', declared: { file: 'r.yaml', line: 1, col: 1 }, expr: 'x', figures: [], tags: [] };
}

function auditOf(results: RuleResult[], diagnostics: AuditResult['diagnostics'] = []): AuditResult {
  return { tool: { name: 'tally', version: 't' }, inputs: [], documents: [], results, diagnostics, coverage: [], summary: summarize(results) };
}

describe('exit codes', () => {
  it('0 when every claim holds, 1 on a failing error-level claim, 2 on a broken rule', () => {
    expect(exitCode(auditOf([result('pass', 'error')]), 'error')).toBe(0);
    expect(exitCode(auditOf([result('fail', 'error')]), 'error')).toBe(1);
    expect(exitCode(auditOf([result('error', 'info')]), 'never')).toBe(2);
  });

  it('a warning-level failure fails only from --fail-on warning down; unverifiable never fails', () => {
    const audit = auditOf([result('fail', 'warning'), result('unverifiable', 'error')]);
    expect(exitCode(audit, 'error')).toBe(0);
    expect(exitCode(audit, 'warning')).toBe(1);
    expect(exitCode(auditOf([result('unverifiable', 'error')]), 'info')).toBe(0);
  });

  it('a warn verdict is at most a warning', () => {
    expect(exitCode(auditOf([result('warn', 'error')]), 'error')).toBe(0);
    expect(exitCode(auditOf([result('warn', 'error')]), 'warning')).toBe(1);
  });

  it('a configuration error exits 2 whatever the threshold', () => {
    const diagnostic = { severity: 'error' as const, code: 'unknown-key', message: 'm', position: { file: 'r.yaml', line: 1, col: 1 } };
    expect(exitCode(auditOf([], [diagnostic]), 'never')).toBe(2);
  });

  it('property: the exit code only grows as the threshold is lowered, and never is 0 or 2', () => {
    const order: FailOn[] = ['never', 'error', 'warning', 'info'];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...VERDICTS), fc.constantFrom(...SEVERITIES)), { maxLength: 12 }), (pairs) => {
        const audit = auditOf(pairs.map(([v, s]) => result(v, s)));
        const codes = order.map((o) => exitCode(audit, o));
        const broken = pairs.some(([v]) => v === 'error');
        if (broken) expect(new Set(codes)).toEqual(new Set([2]));
        else {
          expect(codes[0]).toBe(0);
          for (let i = 1; i < codes.length; i++) expect(codes[i]!).toBeGreaterThanOrEqual(codes[i - 1]!);
        }
        expect(audit.summary.total).toBe(pairs.length);
      }),
    );
  });
});
