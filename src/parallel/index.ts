/**
 * A parallel audit (DESIGN §7: documents are independent, use all cores). The rule files are
 * grouped by the document they audit; each group is loaded and judged on a worker thread or in
 * this thread (one of the jobs), without waivers; the main thread merges the parts in the rule files' order, then applies the
 * waivers and counts exactly as `audit()` does. The result is deep-equal to `audit()`'s.
 *
 * The worker is a separate bundle, dist/worker.js, beside dist/tally.cjs and dist/index.js: by
 * default it is found next to the module that runs this code, which is right for the bundles.
 * Code run from the TypeScript sources (tests) passes `workerUrl` (the built dist/worker.js).
 */
import path from 'node:path';
import { policyOf, type AuditOptions } from '../audit.js';
import { finishAudit, judgeRuleSets, type FinishOptions, type JudgedRuleSets, type RuleTiming } from '../judge/assemble.js';
import { clearLoadCache, findRuleFiles, loadRuleFileGuarded, loadWaiverFilesFor, ReadScratch, releaseLoadScratch, ruleFileDocument, UsageError } from '../load/index.js';
import type { AuditResult } from '../model.js';
import { defaultJobs } from './default-jobs.js';
import { groupRuleFiles, type RuleFileGroup } from './groups.js';
import { judgeGroup, type GroupTask } from './judge-group.js';
import { mergeJudged } from './merge.js';
import { runOnWorkers } from './pool.js';

export { BYTES_PER_EXTRA_THREAD, defaultJobs } from './default-jobs.js';
export { groupRuleFiles, type RuleFileGroup } from './groups.js';
export { judgeGroup, type GroupTask } from './judge-group.js';
export { runOnWorkers, WorkerError, type PoolOptions } from './pool.js';

export interface ParallelAuditOptions extends AuditOptions {
  /**
   * Threads at most, this one included; 1 audits in this thread. Default: one fewer than the
   * cores, and no more than the rule files' size pays for (default-jobs.ts).
   */
  jobs?: number;
  /** The worker script; default `worker.js` beside the running bundle. */
  workerUrl?: URL;
  /**
   * Called once with how long each judged rule took (in the rule files' order), when given: the
   * CLI's `--timings`. The timings stay out of the result, whose reports are the same every run.
   */
  onTimings?: (timings: RuleTiming[]) => void;
}

/** Judges the groups somewhere (worker threads, or this thread in tests); parts in group order. */
export type GroupRunner = (tasks: GroupTask[], groups: readonly RuleFileGroup[]) => Promise<JudgedRuleSets[]>;

type TimedOptions = AuditOptions & Pick<ParallelAuditOptions, 'onTimings'>;

/** Today's audit, in this thread, of rule files already found. */
function auditInProcess(files: string[], options: TimedOptions): AuditResult {
  const policy = policyOf(options);
  const limits = { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth };
  const ruleSets = files.map((file) => loadRuleFileGuarded(file, { policy }));
  releaseLoadScratch();
  const judged = judgeRuleSets(ruleSets, { ...(options.cwd !== undefined ? { cwd: options.cwd } : {}), ...(options.onTimings ? { timed: true } : {}) });
  return finish(judged, { ...options, waivers: loadWaiverFilesFor(files, limits) });
}

/** Step 2 of the audit, after the timings are handed over. */
function finish(judged: JudgedRuleSets, options: TimedOptions & FinishOptions): AuditResult {
  options.onTimings?.(judged.files.flatMap((f) => f.timings ?? []));
  return finishAudit(judged, options);
}

/** Group the rule files, judge the groups with `run`, merge, apply waivers and count. */
export async function auditInGroups(options: TimedOptions, run: GroupRunner, files = findRuleFiles(options.paths.length ? options.paths : ['rules'], policyOf(options))): Promise<AuditResult> {
  const policy = policyOf(options);
  const waivers = loadWaiverFilesFor(files, { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth });
  const figureDocuments = new Map<string, string | undefined>();
  const scratch = new ReadScratch();
  const groups = groupRuleFiles(files, (file) => ruleFileDocument(file, policy, figureDocuments, scratch));
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const timed = options.onTimings ? { timed: true } : {};
  const parts = await run(
    groups.map((g) => ({ files: g.files, cwd, policy, ...timed })),
    groups,
  );
  const merged = mergeJudged(groups, parts, files.length);
  // Never expected (groups keep each document's rule files together), but if two groups measured
  // one document, their coverage could not be united: judge everything here instead.
  if (!merged) return auditInProcess(files, options);
  return finish(merged, { ...options, waivers });
}

/** A group judged in this thread, as a worker judges it: its figures and documents let go after. */
function judgeGroupHere(task: GroupTask): JudgedRuleSets {
  try {
    return judgeGroup(task);
  } finally {
    clearLoadCache();
  }
}

/**
 * `audit()` on worker threads when there is more than one document to audit and more than one
 * job; otherwise in this thread (a single document pays no worker start-up). Rejects with a
 * WorkerError when a worker fails; UsageErrors as `audit()`, and for `jobs` below 1.
 */
export async function auditParallel(options: ParallelAuditOptions): Promise<AuditResult> {
  const asked = options.jobs;
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 1)) throw new UsageError(`jobs must be a whole number of at least 1, got ${asked}`);
  const files = findRuleFiles(options.paths.length ? options.paths : ['rules'], policyOf(options));
  const jobs = asked ?? defaultJobs(files);
  if (jobs <= 1 || files.length < 2) return auditInProcess(files, options);
  const workerUrl = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  return auditInGroups(
    options,
    async (tasks, groups) =>
      tasks.length < 2 ? tasks.map(judgeGroup) : runOnWorkers(tasks, { jobs, workerUrl, weights: groups.map((g) => g.weight), here: judgeGroupHere }),
    files,
  );
}
