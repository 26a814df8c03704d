/**
 * The Markdown a GitHub Actions step shows on its run page (the file GITHUB_STEP_SUMMARY names):
 * the verdict counts, the problems in the rule files, then every finding, most severe first, one
 * table row each with where it is and why. GitHub shows only ten annotations of each level per
 * step; nothing is cut here, and the summary says how many findings only it lists.
 */
import type { AuditResult, RuleResult } from '../model.js';
import { bySeverity, commandOf } from './github.js';
import { plural, VERDICT_ICON, VERDICT_ORDER } from './labels.js';
import { cell } from './markdown.js';

/** Annotations GitHub shows per level (error, warning, notice) and step. */
export const ANNOTATIONS_SHOWN = 10;

const at = (p: { file: string; line: number; col: number }) => `${p.file}:${p.line}:${p.col}`;

/**
 * Rule text as text: GitHub renders the summary's inline HTML (and strips what it distrusts);
 * the Markdown escape (escape.ts) already makes `<`, `>` and `&` entities, so a quote with
 * `<script>` reads as written and a table cell cannot be broken.
 */
function text(value: string): string {
  return cell(value);
}

function where(r: RuleResult): string {
  return r.anchor && r.document ? `${r.document}:${r.anchor.line}:${r.anchor.col}` : at(r.declared);
}

function why(r: RuleResult): string {
  const notes = [
    r.diagnosis?.materiality.material ? `**material**: ${r.diagnosis.materiality.reasons.join('; ')}` : '',
    r.waiver ? `waived by ${r.waiver.reviewer} until ${r.waiver.expires}: ${r.waiver.reason}` : '',
  ].filter(Boolean);
  return [r.message, ...notes].map(text).join('<br>');
}

/** How many annotations of the run GitHub leaves out (beyond ten of a level). */
function hiddenAnnotations(audit: AuditResult, findings: RuleResult[]): number {
  const count = { error: 0, warning: 0, notice: 0 };
  for (const d of audit.diagnostics) count[d.severity === 'error' ? 'error' : 'warning']++;
  for (const r of findings) count[commandOf(r)!]++;
  return Object.values(count).reduce((n, c) => n + Math.max(0, c - ANNOTATIONS_SHOWN), 0);
}

export function renderStepSummary(audit: AuditResult): string {
  const { summary } = audit;
  const counts = VERDICT_ORDER.map((v) => `${VERDICT_ICON[v]} ${summary.byVerdict[v]} ${v}`).join(' · ');
  const out = [`### tally audit: ${plural(summary.total, 'rule')}`, '', counts + (summary.waived ? ` (${summary.waived} waived)` : ''), ''];
  if (audit.diagnostics.length) {
    out.push(`**Problems in the rule files** (${audit.diagnostics.length}):`, '');
    for (const d of audit.diagnostics) out.push(`- ${text(at(d.position))} ${d.severity} ${text(d.code)}: ${text(d.message)}`);
    out.push('');
  }
  const findings = audit.results.filter((r) => r.verdict !== 'pass').sort(bySeverity);
  if (findings.length === 0) {
    out.push(audit.results.length ? 'Every claim holds.' : 'No rule was audited.', '');
    return `${out.join('\n')}\n`;
  }
  const hidden = hiddenAnnotations(audit, findings);
  if (hidden > 0) {
    out.push(`GitHub shows ${ANNOTATIONS_SHOWN} annotations of each level per step: ${plural(hidden, 'finding')} below ${hidden === 1 ? 'is' : 'are'} listed here only.`, '');
  }
  out.push('| verdict | rule | severity | where | finding |', '|---|---|---|---|---|');
  for (const r of findings) {
    out.push(`| ${VERDICT_ICON[r.verdict]} ${r.verdict} | \`${r.id}\` | ${r.severity} | ${text(where(r))} | ${why(r)} |`);
  }
  out.push('');
  return `${out.join('\n')}\n`;
}
