/**
 * What a worker does for one group of rule files: today's load and judge, without waivers (they
 * apply to the whole audit, on the main thread). The result is plain data that crosses threads.
 */
import { judgeRuleSets, type JudgedRuleSets } from '../judge/assemble.js';
import { loadRuleFileGuarded, releaseLoadScratch, type LoadPolicy } from '../load/index.js';

/** One group of rule files to judge. */
export interface GroupTask {
  files: string[];
  /** The folder the audit's reports are relative to (rule messages name other files from it). */
  cwd: string;
  /** What the loaders may read (the audit's root, allowed folders and limits). */
  policy?: LoadPolicy;
  /** Time each rule (JudgedRuleFile.timings). */
  timed?: boolean;
}

export function judgeGroup(task: GroupTask): JudgedRuleSets {
  const ruleSets = task.files.map((file) => loadRuleFileGuarded(file, task.policy ? { policy: task.policy } : {}));
  releaseLoadScratch();
  return judgeRuleSets(ruleSets, { cwd: task.cwd, ...(task.timed ? { timed: true } : {}) });
}
