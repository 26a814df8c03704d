/**
 * Coverage as the text formats say it: one summary line per document, the list of numbers
 * (all, or only the uncovered ones), and the JSON form of `tally coverage --format json`.
 */
import type { AuditResult, CoveredNumber, Diagnostic, DocumentCoverage, NumberKind } from '../model.js';
import { accountedShare } from '../judge/coverage.js';
import { plural } from './labels.js';

/** A share (0…1) as a percentage with at most one decimal: 0.5833 → "58.3%", 1 → "100%". */
export function percentText(share: number): string {
  const p = Math.round(share * 1000) / 10;
  return `${Number.isInteger(p) ? p.toFixed(0) : p.toFixed(1)}%`;
}

/**
 * "103 numbers: 66 covered, 37 ignored (37 by class), 0 uncovered — 100% accounted for (64.1%
 * covered by rules)".
 */
export function coverageSummary(c: DocumentCoverage): string {
  const covered = c.total === 0 ? 1 : c.covered / c.total;
  const byClass = c.classified ? ` (${c.classified} by class)` : '';
  return `${plural(c.total, 'number')}: ${c.covered} covered, ${c.ignored} ignored${byClass}, ${c.uncovered} uncovered — ${percentText(accountedShare(c))} accounted for (${percentText(covered)} covered by rules)`;
}

/** The document's numbers by class, in the order coverage gives them (claim-bearing first), without the empty ones. */
export function classCounts(c: DocumentCoverage): { kind: NumberKind; count: number }[] {
  return (Object.entries(c.classes ?? {}) as [NumberKind, number][]).filter(([, n]) => n > 0).map(([kind, count]) => ({ kind, count }));
}

/** "by class: 66 quantity, 2 range, 27 year, 2 date, 2 document-number, 1 name". */
export function classesSummary(c: DocumentCoverage): string {
  const counts = classCounts(c);
  return counts.length ? `by class: ${counts.map((x) => `${x.count} ${x.kind}`).join(', ')}` : 'by class: no numbers';
}

/** One number as a line: `line:col  text  kind  status  by/reason`. */
export function coverageLine(n: CoveredNumber, widths: { where: number; text: number }): string {
  const where = `${n.line}:${n.col}`.padStart(widths.where);
  const detail =
    n.status === 'covered' ? (n.by ?? []).join(', ') : n.status === 'ignored' ? (n.reason ?? '') : n.problem ? `cannot be read: ${n.problem}` : 'no rule states or anchors it';
  return `${where}  ${n.text.padEnd(widths.text)}  ${n.kind.padEnd(15)}  ${n.status.padEnd(9)}  ${detail}`;
}

export function columnWidths(numbers: readonly CoveredNumber[]): { where: number; text: number } {
  let where = 0;
  let text = 0;
  for (const n of numbers) {
    where = Math.max(where, `${n.line}:${n.col}`.length);
    text = Math.max(text, n.text.length);
  }
  return { where, text: Math.min(text, 28) };
}

/** `tally coverage --format json`: per document the counts, the shares, the uncovered numbers and the numbers listed. */
export interface CoverageJson {
  tool: AuditResult['tool'];
  documents: {
    path: string;
    total: number;
    covered: number;
    ignored: number;
    /** How many of the ignored numbers are accounted for by their class alone (no ignore entry). */
    classified: number;
    /** How many numbers of each class (kind), in a fixed order. */
    classes: Partial<Record<NumberKind, number>>;
    /** Accounted for: (covered + ignored) / total, 1 for a document without numbers. */
    share: number;
    /** covered / total. */
    coveredShare: number;
    /** The uncovered numbers (their count is its length). */
    uncovered: CoveredNumber[];
    /** Every number, or only the uncovered ones with --uncovered-only. */
    numbers: CoveredNumber[];
  }[];
  diagnostics: Diagnostic[];
}

export function coverageJson(audit: AuditResult, options: { uncoveredOnly?: boolean } = {}): CoverageJson {
  return {
    tool: audit.tool,
    documents: audit.coverage.map((c) => {
      const uncovered = c.numbers.filter((n) => n.status === 'uncovered');
      return {
        path: c.path,
        total: c.total,
        covered: c.covered,
        ignored: c.ignored,
        classified: c.classified ?? 0,
        classes: Object.fromEntries(classCounts(c).map((x) => [x.kind, x.count])),
        share: accountedShare(c),
        coveredShare: c.total === 0 ? 1 : c.covered / c.total,
        uncovered,
        numbers: options.uncoveredOnly ? uncovered : c.numbers,
      };
    }),
    diagnostics: audit.diagnostics,
  };
}
