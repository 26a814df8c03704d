/**
 * What `--timings` prints (declared in timings-option.ts): how long the slowest rules took to judge, on stderr
 * after the reports. For an author, which claim holds an audit up; for the bench, one rule's own
 * time without the process's start. Wall times differ from run to run, so they never enter a report.
 */
import { relativeTo, type RuleTiming } from '../judge/assemble.js';
import { byCodeUnits } from '../compare.js';

/**
 * The `count` slowest rules, slowest first; ties in declaration order (file, line, column, id), so
 * the list does not depend on the order the threads handed their timings over in.
 */
export function slowestRules(timings: readonly RuleTiming[], count: number): RuleTiming[] {
  const order = (a: RuleTiming, b: RuleTiming) =>
    b.ms - a.ms ||
    byCodeUnits(a.declared.file, b.declared.file) ||
    a.declared.line - b.declared.line ||
    a.declared.col - b.declared.col ||
    byCodeUnits(a.id, b.id);
  return [...timings].sort(order).slice(0, count);
}

/** The lines `--timings` prints: a total, then one line per rule with its time and position. */
export function timingsText(timings: readonly RuleTiming[], count: number, cwd = process.cwd()): string {
  const rel = relativeTo(cwd);
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const shown = slowestRules(timings, count);
  const rules = `${timings.length} rule${timings.length === 1 ? '' : 's'}`;
  const head = `timings: ${rules} judged in ${total.toFixed(1)} ms${shown.length ? `; the slowest ${shown.length}:` : ''}`;
  const width = Math.max(0, ...shown.map((t) => t.ms.toFixed(1).length));
  const lines = shown.map((t) => `  ${t.ms.toFixed(1).padStart(width)} ms  ${rel(t.declared.file)}:${t.declared.line}:${t.declared.col}  ${t.id}`);
  return [head, ...lines].join('\n') + '\n';
}
