/**
 * What a worker does for one group of rule files: today's load and judge, without waivers (they
 * apply to the whole audit, on the main thread). The result is plain data that crosses threads.
 */
import { judgeRuleSets, type JudgedRuleSets } from '../judge/assemble.js';
import { loadRuleFile } from '../load/index.js';

/** One group of rule files to judge. */
export interface GroupTask {
  files: string[];
  /** The folder the audit's reports are relative to (rule messages name other files from it). */
  cwd: string;
}

export function judgeGroup(task: GroupTask): JudgedRuleSets {
  return judgeRuleSets(
    task.files.map((file) => loadRuleFile(file)),
    { cwd: task.cwd },
  );
}
