/**
 * GitHub Actions workflow commands (stdout only): one annotation per finding, so a pull request
 * shows each false claim on the line of the report that states it.
 *
 *   ::error file=data/report.txt,line=5,col=12,endLine=5,endColumn=40,title=tally fail: growth-2023::figures give …
 *
 * The command (error / warning / notice) follows the finding severity; a waived finding is a
 * notice that says it was waived. Like SARIF, a finding points at the document's sentence; a
 * broken rule (verdict error) and a result without anchor point at the rule file. Problems in
 * the rule files are annotated at their file:line:col. Values and properties are escaped as the
 * Actions toolkit does: `%`, CR and LF everywhere, and `:` and `,` inside properties.
 *
 * GitHub shows only the first ten annotations of each level per step, so they are written most
 * severe first (see `bySeverity`); the step summary (step-summary.ts) lists every finding.
 */
import { findingSeverity } from '../judge/outcome.js';
import type { AuditResult, RuleResult, Severity } from '../model.js';
import { VERDICT_ORDER } from './labels.js';
import { githubData, githubProperty } from './escape.js';
import type { Reporter } from './reporter.js';
import { lineLocator } from './sarif.js';

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<Severity, Command> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return githubData(text);
}

export function escapeProperty(text: string): string {
  return githubProperty(text);
}

export function workflowCommand(command: Command, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** The workflow command of a result's annotation, or null for a pass. */
export function commandOf(r: RuleResult): Command | null {
  const severity = findingSeverity(r);
  if (severity === null) return null;
  return r.waiver && r.verdict !== 'error' ? 'notice' : COMMAND[severity];
}

const COMMAND_RANK: Record<Command, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Most severe first: by command level, then by verdict (a broken rule first: nothing it claims
 * was checked; then false claims, looser readings, missing figures), then findings that change
 * the document's conclusion (material) before the others; the order of the rule files otherwise.
 */
export function bySeverity(a: RuleResult, b: RuleResult): number {
  const material = (r: RuleResult) => (r.diagnosis?.materiality.material ? 0 : 1);
  return (
    COMMAND_RANK[commandOf(a) ?? 'notice'] - COMMAND_RANK[commandOf(b) ?? 'notice'] ||
    VERDICT_ORDER.indexOf(a.verdict) - VERDICT_ORDER.indexOf(b.verdict) ||
    material(a) - material(b)
  );
}

function annotation(r: RuleResult, locate: Map<string, (offset: number) => { line: number; col: number }>): string | null {
  const command = commandOf(r);
  if (command === null) return null;
  const inDocument = r.verdict !== 'error' && r.anchor && r.document;
  let place: Record<string, string | number | undefined>;
  if (inDocument) {
    const end = locate.get(r.document!)?.(r.anchor!.end);
    // Columns are only allowed on a single-line annotation.
    const oneLine = !end || end.line === r.anchor!.line;
    place = {
      file: r.document,
      line: r.anchor!.line,
      col: oneLine ? r.anchor!.col : undefined,
      endLine: end?.line,
      endColumn: end && oneLine ? end.col : undefined,
    };
  } else {
    place = { file: r.declared.file, line: r.declared.line, col: r.declared.col };
  }
  const lines = [r.message];
  if (r.quote && inDocument) lines.push(`“${r.quote}”`);
  if (r.waiver) lines.push(`waived by ${r.waiver.reviewer} until ${r.waiver.expires}: ${r.waiver.reason}`);
  if (r.note) lines.push(`note: ${r.note}`);
  lines.push(`rule: ${r.declared.file}:${r.declared.line}:${r.declared.col}`);
  return workflowCommand(command, { ...place, title: `tally ${r.verdict}${r.waiver ? ' (waived)' : ''}: ${r.id}` }, lines.join('\n'));
}

export function renderGithub(audit: AuditResult): string {
  const problems = audit.diagnostics.map((d) => {
    const command: Command = d.severity === 'error' ? 'error' : 'warning';
    const line = workflowCommand(
      command,
      { file: d.position.file, line: d.position.line, col: d.position.col, title: `tally ${d.code}` },
      `${d.message}${d.suggestions?.length ? ` (did you mean ${d.suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`,
    );
    return { command, line };
  });
  const locate = new Map(audit.documents.map((d) => [d.path, lineLocator(d.text)]));
  const findings = [...audit.results].sort(bySeverity).flatMap((r) => {
    const line = annotation(r, locate);
    return line ? [{ command: commandOf(r)!, line }] : [];
  });
  // A problem in a rule file leads its level: it may hide every rule of that file.
  const out = [...problems, ...findings].sort((a, b) => COMMAND_RANK[a.command] - COMMAND_RANK[b.command]).map((a) => a.line);
  return out.length ? `${out.join('\n')}\n` : '';
}

export const githubReporter: Reporter = {
  name: 'github',
  render: (audit) => renderGithub(audit),
};
