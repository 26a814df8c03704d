/**
 * The Markdown report: reads well in a pull request. Summary first, then every finding with
 * its sentence, stated and computed values and the size of the discrepancy, then the passes.
 */
import type { AuditResult, RuleResult } from '../model.js';
import { VERDICT_ICON, VERDICT_ORDER } from './labels.js';
import type { Reporter } from './reporter.js';

/** Escape what would break a table cell or start Markdown syntax. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function finding(r: RuleResult): string[] {
  const lines = [`### ${VERDICT_ICON[r.verdict]} \`${r.id}\` — ${r.verdict} (${r.severity})`, ''];
  if (r.quote) {
    const at = r.anchor ? ` — ${r.document}:${r.anchor.line}:${r.anchor.col}` : '';
    lines.push(`> ${r.quote}${at}`, '');
  }
  lines.push(`- **Why:** ${r.message}`);
  if (r.expr) lines.push(`- **Expression:** \`${r.expr}\``);
  if (r.stated) lines.push(`- **Stated:** ${r.stated.text} → ${r.stated.set} (reading: ${r.reading})`);
  if (r.computed) lines.push(`- **Computed:** ${r.computed.text}`);
  if (r.difference && r.verdict !== 'pass') lines.push(`- **Difference:** ${r.difference.text}`);
  for (const f of r.figures) {
    lines.push(`  - \`${f.id}\`: ${f.unknown ? 'unknown' : `${f.written ?? ''} → ${f.interval ?? ''}`}`);
  }
  if (r.note) lines.push(`- **Reviewer note:** ${r.note}`);
  lines.push(`- **Rule:** ${r.declared.file}:${r.declared.line}:${r.declared.col}`, '');
  return lines;
}

export const markdownReporter: Reporter = {
  name: 'markdown',
  fileName: 'tally-report.md',
  render(audit: AuditResult) {
    const { summary } = audit;
    const out = [`# tally audit`, ''];
    out.push(`tally ${audit.tool.version} · ${summary.total} rules`, '');
    out.push('| verdict | rules |', '|---|---:|');
    for (const v of VERDICT_ORDER) out.push(`| ${VERDICT_ICON[v]} ${v} | ${summary.byVerdict[v]} |`);
    out.push('');
    out.push('## Inputs', '', '| role | file | sha-256 |', '|---|---|---|');
    for (const i of audit.inputs) out.push(`| ${i.role} | ${cell(i.path)} | \`${i.sha256.slice(0, 16)}…\` |`);
    out.push('');
    if (audit.diagnostics.length) {
      out.push('## Problems in the rule files', '');
      for (const d of audit.diagnostics) {
        out.push(`- \`${d.position.file}:${d.position.line}:${d.position.col}\` ${d.code}: ${d.message}`);
      }
      out.push('');
    }
    const findings = audit.results.filter((r) => r.verdict !== 'pass');
    findings.sort((a, b) => VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict));
    if (findings.length) {
      out.push('## Findings', '');
      for (const r of findings) out.push(...finding(r));
    }
    const passes = audit.results.filter((r) => r.verdict === 'pass');
    if (passes.length) {
      out.push('## Claims that hold', '', '| rule | stated | computed | quote |', '|---|---|---|---|');
      for (const r of passes) {
        out.push(`| \`${r.id}\` | ${cell(r.stated?.text ?? '—')} | ${cell(r.computed?.text ?? 'holds')} | ${cell(r.quote ?? '')} |`);
      }
      out.push('');
    }
    return `${out.join('\n')}\n`;
  },
};
