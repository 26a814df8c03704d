/** `tally coverage [paths…]` (flags in coverage-command.ts): measure, print, exit. */
import pc from 'picocolors';
import { exitCode } from '../judge/outcome.js';
import { formatDiagnostic } from '../load/diagnostics.js';
import type { AuditResult } from '../model.js';
import { auditParallel } from '../parallel/index.js';
import { classesSummary, columnWidths, coverageJson, coverageLine, coverageSummary } from '../report/coverage.js';
import { ciLogSafe, jsonInert, terminalSafe } from '../report/escape.js';
import { useColor } from './color.js';
import type { CoverageFlags } from './coverage-command.js';
import { cliConfig, projectOptions } from './config.js';

/** Exit code of a coverage run: configuration errors first, then uncovered numbers if asked. */
export function coverageExitCode(result: AuditResult, failOnUncovered: boolean): 0 | 1 | 2 {
  const base = exitCode(result, 'never');
  if (base !== 0) return base;
  return failOnUncovered && result.coverage.some((c) => c.uncovered > 0) ? 1 : 0;
}

export async function runCoverage(paths: string[], flags: CoverageFlags): Promise<void> {
  const result = await auditParallel({ ...projectOptions(paths, flags, cliConfig()), ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}) });
  const failOnUncovered = flags.failOnUncovered === true;
  // Rule files and documents are untrusted: what reaches a terminal or CI log is neutralised.
  const shown = terminalSafe(result);
  if (flags.format === 'json') {
    // stdout stays pure JSON; problems go to stderr as well, so a pipeline still shows them.
    for (const line of problemLines(shown)) process.stderr.write(ciLogSafe(`${line}\n`));
    process.stdout.write(`${jsonInert(JSON.stringify(coverageJson(result, { uncoveredOnly: flags.uncoveredOnly === true }), null, 2))}\n`);
  } else {
    process.stdout.write(ciLogSafe(renderConsole(shown, { color: useColor(process.stdout), uncoveredOnly: flags.uncoveredOnly === true })));
  }
  process.exitCode = coverageExitCode(result, failOnUncovered);
}

/** Diagnostics and rules whose expression is broken (a broken rule's own diagnostic is among the diagnostics). */
function problemLines(result: AuditResult): string[] {
  const lines = result.diagnostics.map((d) => formatDiagnostic(d));
  for (const r of result.results) {
    if (r.verdict === 'error' && r.expr !== '') {
      lines.push(`${r.declared.file}:${r.declared.line}:${r.declared.col} error[broken-rule] rule "${r.id}": ${r.message}`);
    }
  }
  return lines;
}

function renderConsole(result: AuditResult, options: { color: boolean; uncoveredOnly: boolean }): string {
  const c = pc.createColors(options.color);
  const paint = { covered: c.green, ignored: c.dim, uncovered: c.red } as const;
  const out: string[] = [];
  for (const line of problemLines(result)) out.push(line, '');
  if (result.coverage.length === 0) out.push('no document was audited: nothing to measure');
  for (const doc of result.coverage) {
    out.push(c.underline(doc.path));
    const shown = options.uncoveredOnly ? doc.numbers.filter((n) => n.status === 'uncovered') : doc.numbers;
    const widths = columnWidths(doc.numbers);
    for (const n of shown) out.push(`  ${paint[n.status](coverageLine(n, widths))}`);
    if (options.uncoveredOnly && shown.length === 0) out.push('  no uncovered numbers');
    const summary = `${doc.path}: ${coverageSummary(doc)}`;
    out.push(doc.uncovered > 0 ? c.bold(c.red(summary)) : c.bold(summary), `  ${classesSummary(doc)}`, '');
  }
  return `${out.join('\n')}\n`;
}
