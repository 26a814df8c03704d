/**
 * What a run amounts to: the summary counts and the exit code (ESLint/Spectral convention:
 * 0 nothing at or above the threshold, 1 findings at or above it, 2 configuration errors).
 */
import type { AuditResult, AuditSummary, RuleResult, Severity, Verdict } from '../model.js';

export type FailOn = Severity | 'never';

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * The level a result carries — THE mapping from verdict × rule severity, used by every report
 * format, the summary and the exit code: a `fail` or `error` keeps the rule's severity; a `warn`
 * (holds only under a looser reading, or could not be decided) is at most a warning; an
 * `unverifiable` claim is information, not a finding against the document; a `pass` has none.
 */
export function findingSeverity(result: Pick<RuleResult, 'verdict' | 'severity'>): Severity | null {
  switch (result.verdict) {
    case 'fail':
    case 'error':
      return result.severity;
    case 'warn':
      return SEVERITY_RANK[result.severity] > SEVERITY_RANK.warning ? 'warning' : result.severity;
    case 'unverifiable':
      return 'info';
    case 'pass':
      return null;
  }
}

export function summarize(results: RuleResult[]): AuditSummary {
  const byVerdict: Record<Verdict, number> = { pass: 0, fail: 0, warn: 0, unverifiable: 0, error: 0 };
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let waived = 0;
  for (const result of results) {
    byVerdict[result.verdict] += 1;
    if (result.waiver) waived += 1;
    const severity = findingSeverity(result);
    if (severity) bySeverity[severity] += 1;
  }
  return { total: results.length, byVerdict, bySeverity, waived };
}

/** Whether this finding alone makes the run exit 1 under `failOn` (reports that mark failures use it too). */
export function failsTheRun(result: RuleResult, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  // A waived finding is shown and counted, but it was reviewed and accepted: it does not fail the run.
  if (result.waiver) return false;
  const severity = findingSeverity(result);
  return severity !== null && result.verdict !== 'unverifiable' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

export function exitCode(audit: AuditResult, failOn: FailOn): 0 | 1 | 2 {
  // A broken rule or rule file is a configuration error whatever the threshold: never exit 0.
  if (audit.diagnostics.some((d) => d.severity === 'error')) return 2;
  if (audit.results.some((r) => r.verdict === 'error')) return 2;
  return audit.results.some((r) => failsTheRun(r, failOn)) ? 1 : 0;
}
