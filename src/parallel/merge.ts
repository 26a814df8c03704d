/**
 * The judged parts of the groups put back into one audit's parts: rule files in the audit's
 * order, coverage per document. Step 2 of the audit (finishAudit) then runs once on the merge,
 * exactly as it does on a single-threaded audit's parts.
 */
import type { JudgedRuleFile, JudgedRuleSets } from '../judge/assemble.js';
import type { DocumentCoverageResult } from '../judge/coverage.js';
import type { RuleFileGroup } from './groups.js';

/**
 * Merge the groups' parts (`parts[g]` judged `groups[g]`). Undefined when two groups measured the
 * same document — the grouping did not keep its rule files together, so the parts cannot be
 * merged into the single-threaded result (the caller judges in process instead).
 */
export function mergeJudged(groups: readonly RuleFileGroup[], parts: readonly JudgedRuleSets[], fileCount: number): JudgedRuleSets | undefined {
  const files = new Array<JudgedRuleFile>(fileCount);
  const coverage: DocumentCoverageResult[] = [];
  const measured = new Set<string>();
  groups.forEach((group, g) => {
    const part = parts[g];
    if (!part || part.files.length !== group.files.length) {
      throw new Error(`internal error: group ${g} came back with ${part?.files.length ?? 'no'} judged rule files for ${group.files.length}`);
    }
    part.files.forEach((file, k) => {
      files[group.indices[k]!] = file;
    });
  });
  for (const part of parts) {
    for (const c of part.coverage) {
      if (measured.has(c.key)) return undefined;
      measured.add(c.key);
      coverage.push(c);
    }
  }
  return { files, coverage };
}
