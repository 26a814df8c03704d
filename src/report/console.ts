/**
 * The default format: compact, one line per rule, the discrepancy under each finding,
 * coloured when the terminal allows it.
 */
import { formatDiagnostic } from '../load/diagnostics.js';
import { findingSeverity } from '../judge/outcome.js';
import type { AuditResult, RuleResult } from '../model.js';
import { coverageSummary } from './coverage.js';
import { ciLogSafe, terminalSafe } from './escape.js';
import { plural, VERDICT_ICON, VERDICT_ORDER, verdictPainter } from './labels.js';
import type { Reporter } from './reporter.js';

/** The audit's console output names the first uncovered numbers; `tally coverage` lists them all. */
const UNCOVERED_SHOWN = 10;

/**
 * What a rule's lines show, and all they may read: only this much of a result is made safe for
 * the terminal. Making whole results safe (figures, sets, intervals, proof: some twenty-five
 * strings where a pass shows three) was most of the time of printing a large audit.
 */
type ShownRule = Pick<RuleResult, 'id' | 'verdict' | 'severity' | 'declared' | 'message' | 'quote' | 'anchor' | 'document' | 'diagnosis' | 'waiver' | 'note'> & {
  /** A pass that holds only away from the figures' written values (its message says where). */
  awayFromWritten: boolean;
};

function shownRule(r: RuleResult): ShownRule {
  const { id, verdict, severity, declared, message } = r;
  const awayFromWritten = Boolean(r.witness) && !r.witnessAtWritten;
  // A pass shows its message only when it holds away from the written values.
  if (verdict === 'pass') return terminalSafe({ id, verdict, severity, declared, message: awayFromWritten ? message : '', awayFromWritten });
  const { quote, anchor, document, diagnosis, waiver, note } = r;
  return terminalSafe({ id, verdict, severity, declared, message, awayFromWritten, quote, anchor, document, diagnosis, waiver, note });
}

function ruleLines(r: ShownRule, paint: ReturnType<typeof verdictPainter>): string[] {
  const { c, byVerdict } = paint;
  const head = `${byVerdict[r.verdict](`${VERDICT_ICON[r.verdict]} ${r.verdict.padEnd(12)}`)} ${r.id}`;
  const where = c.dim(`${r.declared.file}:${r.declared.line}:${r.declared.col}`);
  // A pass is one line, unless it holds only away from the figures' written values: then say where.
  if (r.verdict === 'pass') return r.awayFromWritten ? [`  ${head}  ${where}`, c.dim(`      ${r.message}`)] : [`  ${head}  ${where}`];
  const waived = r.waiver ? `  ${c.cyan('waived')}` : '';
  const material = r.diagnosis?.materiality.material ? `  ${c.red('material')}` : '';
  const lines = [`  ${head}  ${c.dim(findingSeverity(r) ?? r.severity)}${material}${waived}  ${where}`];
  if (r.quote) {
    const at = r.anchor ? c.dim(` (${r.document}:${r.anchor.line}:${r.anchor.col})`) : '';
    lines.push(`      “${r.quote}”${at}`);
  }
  lines.push(`      ${r.message}`);
  lines.push(...diagnosisLines(r, paint));
  if (r.note) lines.push(c.dim(`      note: ${r.note}`));
  return lines;
}

/** What would make the finding hold, which slip explains it, whether it matters, who accepted it. */
function diagnosisLines(r: ShownRule, { c }: ReturnType<typeof verdictPainter>): string[] {
  const lines: string[] = [];
  const d = r.diagnosis;
  if (d) {
    for (const reason of d.materiality.reasons) lines.push(`      ${c.red('material:')} ${reason}`);
    for (const slip of d.slips) lines.push(`      ${c.yellow('likely slip:')} ${slip.message}`);
    const implied = d.implied.filter((i) => i.needed !== 'none').map((i) => i.message.replace(/^holds if /, ''));
    if (implied.length) lines.push(`      ${c.dim('would hold if')} ${implied.join(c.dim('; or '))}`);
  }
  if (r.waiver) {
    const w = r.waiver;
    lines.push(`      ${c.cyan('waived')} by ${w.reviewer} until ${w.expires}: ${w.reason} ${c.dim(`(${w.declared.file}:${w.declared.line}:${w.declared.col})`)}`);
  }
  return lines;
}

export const consoleReporter: Reporter = {
  name: 'console',
  render(audit: AuditResult, { color }) {
    // Rule files are untrusted: no ESC, bidi override or workflow command reaches the terminal.
    // Each part is made safe on its own, so a large audit is never copied whole at once.
    const paint = verdictPainter(color);
    const { c, byVerdict } = paint;
    const out: string[] = [];
    for (const d of terminalSafe(audit.diagnostics)) out.push(formatDiagnostic(d), '');
    const byFile = new Map<string, RuleResult[]>();
    for (const r of audit.results) {
      const list = byFile.get(r.declared.file);
      if (list) list.push(r);
      else byFile.set(r.declared.file, [r]);
    }
    for (const [file, results] of byFile) {
      out.push(c.underline(terminalSafe(file)));
      for (const r of results) out.push(...ruleLines(shownRule(r), paint));
      out.push('');
    }
    for (const whole of audit.coverage) {
      // Only what is shown is made safe: a copy of every number of a long document costs seconds.
      const uncovered = whole.numbers.filter((x) => x.status === 'uncovered');
      const cov = terminalSafe({ ...whole, numbers: uncovered.slice(0, UNCOVERED_SHOWN) });
      const line = `coverage of ${cov.path}: ${coverageSummary(cov)}`;
      out.push(cov.uncovered > 0 ? c.red(line) : c.dim(line));
      for (const n of cov.numbers) {
        out.push(c.red(`  uncovered ${cov.path}:${n.line}:${n.col} “${n.text}” (${n.kind})`));
      }
      if (uncovered.length > UNCOVERED_SHOWN) {
        out.push(c.red(`  … and ${uncovered.length - UNCOVERED_SHOWN} more: \`tally coverage --uncovered-only\` lists them all`));
      }
    }
    if (audit.coverage.length) out.push('');
    const counts = VERDICT_ORDER.filter((v) => audit.summary.byVerdict[v] > 0).map((v) =>
      byVerdict[v](`${audit.summary.byVerdict[v]} ${v}`),
    );
    const waived = audit.summary.waived ? c.cyan(` (${audit.summary.waived} waived)`) : '';
    out.push(
      `${c.bold(`tally ${audit.tool.version}`)}: ${plural(audit.summary.total, 'rule')} — ${counts.join(', ') || 'nothing to check'}${waived}`,
    );
    return ciLogSafe(`${out.join('\n')}\n`);
  },
};
