/**
 * The Markdown report: reads well in a pull request. Summary first, then every finding with
 * its sentence, stated and computed values, the size of the discrepancy, its diagnosis (material
 * first) and waiver, then the passes.
 */
import { findingSeverity } from '../judge/outcome.js';
import type { AuditResult, RuleResult } from '../model.js';
import { coverageSummary } from './coverage.js';
import { VERDICT_ICON, VERDICT_ORDER } from './labels.js';
import type { Reporter } from './reporter.js';

/** Escape what would break a table cell or start Markdown syntax. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function finding(r: RuleResult): string[] {
  const tags = [r.diagnosis?.materiality.material ? '**material**' : '', r.waiver ? 'waived' : ''].filter(Boolean).join(' · ');
  const lines = [`### ${VERDICT_ICON[r.verdict]} \`${r.id}\` — ${r.verdict} (${findingSeverity(r) ?? 'pass'})${tags ? ` — ${tags}` : ''}`, ''];
  if (r.quote) {
    const at = r.anchor ? ` — ${r.document}:${r.anchor.line}:${r.anchor.col}` : '';
    lines.push(`> ${r.quote}${at}`, '');
  }
  lines.push(`- **Why:** ${r.message}`);
  if (r.expr) lines.push(`- **Expression:** \`${r.expr}\``);
  if (r.stated) lines.push(`- **Stated:** ${r.stated.text} → ${r.stated.set} (reading: ${r.reading}${r.stated.hedge ? `, from “${r.stated.hedge}”` : ''})`);
  if (r.computed) lines.push(`- **Computed:** ${r.computed.text}`);
  if (r.difference && r.verdict !== 'pass') lines.push(`- **Difference:** ${r.difference.text}`);
  if (r.witness && !r.witnessAtWritten) lines.push(`- **Holds at:** ${witnessText(r.witness)} (within the figures’ precision)`);
  for (const f of r.figures) lines.push(`  - \`${f.id}\`: ${figureText(f)}`);
  lines.push(...impliedLines(r));
  lines.push(...diagnosis(r));
  if (r.note) lines.push(`- **Reviewer note:** ${r.note}`);
  lines.push(`- **Rule:** ${r.declared.file}:${r.declared.line}:${r.declared.col}`, '');
  return lines;
}

/** A figure as written and read; a derived one with its definition, an implied one with its claims, a count with its items. */
function figureText(f: RuleResult['figures'][number]): string {
  const read = f.unknown ? 'unknown' : (f.interval ?? '');
  if (f.derived !== undefined) return `= \`${f.derived}\` → ${read}${f.restsOn?.length ? ` (derived from ${f.restsOn.map((id) => `\`${id}\``).join(', ')})` : ''}`;
  if (f.impliedBy) return `implied by ${f.impliedBy.map((id) => `\`${id}\``).join(', ')} → ${read}`;
  if (f.items) return `${read}, counted: ${f.items.map((q) => `“${q}”`).join(', ')}`;
  return f.unknown ? 'unknown' : `${f.written ?? ''} → ${read}`;
}

/** What a claim implies about an unknown figure, and which sentences imply it. */
function impliedLines(r: RuleResult): string[] {
  const i = r.implied;
  if (!i) return [];
  const lines = [`- **Implies:** \`${i.figure}\` ${i.values === 'none' ? 'nothing every sentence allows' : `∈ ${i.values}`}${i.usedBy.length ? `, used by ${i.usedBy.map((id) => `\`${id}\``).join(', ')}` : ''}`];
  for (const c of i.claims) lines.push(`  - \`${c.rule}\` “${c.quote}” (${r.document}:${c.line}:${c.col}) implies ${c.values}`);
  return lines;
}

/** "a = 1,2 and b = 3" */
function witnessText(w: Record<string, string>): string {
  const parts = Object.entries(w).map(([id, v]) => `\`${id}\` = ${v}`);
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** Materiality, likely slips, implied values and the waiver of a finding. */
function diagnosis(r: RuleResult): string[] {
  const lines: string[] = [];
  const d = r.diagnosis;
  if (d) {
    lines.push(`- **Material:** ${d.materiality.material ? `yes — ${d.materiality.reasons.join('; ')}` : 'no (the conclusion stands; only the size is off)'}`);
    if (d.slips.length) {
      lines.push('- **Likely slip:**');
      for (const s of d.slips) lines.push(`  - ${s.message}`);
    }
    if (d.implied.length) {
      lines.push('- **Would hold if** (one figure changed, the others as read):');
      for (const i of d.implied) lines.push(`  - ${i.message}${i.needed === 'none' || /^[≤≥]/.test(i.needed) ? '' : ` (needed: ${i.needed})`}`);
    }
  }
  if (r.waiver) {
    const w = r.waiver;
    lines.push(`- **Waived** by ${w.reviewer} until ${w.expires}: ${w.reason} (${w.declared.file}:${w.declared.line}:${w.declared.col}) — counted, but it does not fail the run`);
  }
  return lines;
}

/** Findings that change the conclusion first, then by verdict (error, fail, warn, unverifiable). */
function byImportance(a: RuleResult, b: RuleResult): number {
  const material = (r: RuleResult) => (r.diagnosis?.materiality.material ? 0 : 1);
  return material(a) - material(b) || VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict);
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
    if (summary.waived) out.push(`${summary.waived} finding${summary.waived === 1 ? '' : 's'} waived: reviewed and accepted, counted above, not failing the run.`, '');
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
    if (audit.coverage.length) {
      out.push('## Coverage', '');
      for (const cov of audit.coverage) {
        out.push(`- \`${cov.path}\`: ${coverageSummary(cov)}`);
        const uncovered = cov.numbers.filter((n) => n.status === 'uncovered');
        if (uncovered.length) {
          out.push('', '  | uncovered number | kind | at |', '  |---|---|---|');
          for (const n of uncovered) out.push(`  | ${cell(n.text)} | ${n.kind} | ${cov.path}:${n.line}:${n.col} |`);
          out.push('');
        }
      }
      out.push('');
    }
    const findings = audit.results.filter((r) => r.verdict !== 'pass');
    findings.sort(byImportance);
    if (findings.length) {
      out.push('## Findings', '');
      for (const r of findings) out.push(...finding(r));
    }
    const passes = audit.results.filter((r) => r.verdict === 'pass');
    if (passes.length) {
      out.push('## Claims that hold', '', '| rule | stated | computed | quote |', '|---|---|---|---|');
      for (const r of passes) {
        const at = r.witness && !r.witnessAtWritten ? ` — holds at ${witnessText(r.witness)}` : '';
        out.push(`| \`${r.id}\` | ${cell(r.stated?.text ?? '—')} | ${cell(`${r.computed?.text ?? 'holds'}${at}`)} | ${cell(r.quote ?? '')} |`);
      }
      out.push('');
    }
    return `${out.join('\n')}\n`;
  },
};
