/**
 * `--rule ID` and `--tag TAG`: which results of an audit are reported. Every rule file is still
 * loaded and every rule judged — implied figures need all their claims, and a document's
 * coverage does not depend on which results are shown — so the filter only chooses results:
 *
 *  - repeated flags of one kind widen (`--rule a --rule b`: a or b), the two kinds narrow
 *    (`--rule a --tag t`: a, if tagged t), so filtering twice is filtering once by both;
 *  - the summary counts the results shown, so the exit code follows them too;
 *  - diagnostics of the files are all kept: a rule file that does not load is a configuration
 *    error whichever rules are shown;
 *  - coverage is the documents' whole coverage.
 */
import { UsageError } from '../load/index.js';
import type { AuditResult, RuleResult } from '../model.js';
import { didYouMean } from '../suggest.js';
import { summarize } from './outcome.js';

export interface RuleFilter {
  /** Rule ids to report (any of them); none: every id. */
  rules?: readonly string[];
  /** Tags to report (a rule with any of them); none: every rule. */
  tags?: readonly string[];
}

/** Is the filter empty (selects everything)? */
export const noFilter = (f: RuleFilter) => !f.rules?.length && !f.tags?.length;

/** Does the filter select this rule? */
export function selects(filter: RuleFilter, rule: Pick<RuleResult, 'id' | 'tags'>): boolean {
  if (filter.rules?.length && !filter.rules.includes(rule.id)) return false;
  if (filter.tags?.length && !rule.tags.some((t) => filter.tags!.includes(t))) return false;
  return true;
}

/**
 * Refuse an id or tag no rule has (a typo would otherwise report nothing, and pass): a
 * UsageError with "did you mean" among the ids and tags there are.
 */
export function checkFilter(filter: RuleFilter, rules: readonly Pick<RuleResult, 'id' | 'tags'>[]): void {
  const ids = new Set(rules.map((r) => r.id));
  const tags = new Set(rules.flatMap((r) => r.tags));
  const unknown = (what: string, flag: string, name: string, known: Set<string>) => {
    const close = didYouMean(name, known, 1);
    return `${flag} ${name}: no ${what} "${name}"${close.length ? ` (did you mean "${close[0]}"?)` : known.size ? '' : ` (the rules audited have no ${what}s)`}`;
  };
  const problems = [
    ...(filter.rules ?? []).filter((id) => !ids.has(id)).map((id) => unknown('rule', '--rule', id, ids)),
    ...(filter.tags ?? []).filter((t) => !tags.has(t)).map((t) => unknown('tag', '--tag', t, tags)),
  ];
  if (problems.length) throw new UsageError(problems.join('; '));
}

/** The audit with only the selected results, counted again. Throws UsageError for an unknown id or tag. */
export function filterAudit(result: AuditResult, filter: RuleFilter): AuditResult {
  if (noFilter(filter)) return result;
  checkFilter(filter, result.results);
  const results = result.results.filter((r) => selects(filter, r));
  return { ...result, results, summary: summarize(results) };
}
