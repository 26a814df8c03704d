/** `tally audit [paths…]`: run the audit, print/write the chosen formats, exit by --fail-on. */
import path from 'node:path';
import { exitCode, type FailOn } from '../judge/outcome.js';
import { clearLoadCache, UsageError } from '../load/index.js';
import { auditParallel } from '../parallel/index.js';
import { reporters } from '../report/index.js';
import { writeFileAtomic } from '../report/write.js';
import type { AuditFlags } from './audit-command.js';
import { useColor } from './color.js';
import { cliConfig, flagOr, projectOptions } from './config.js';
import { watchLoop } from './watch.js';
import { IncrementalAudit } from '../watch/incremental.js';
import type { AuditResult } from '../model.js';
import type { TallyConfig } from '../load/index.js';
import { filterOf } from './flags.js';
import { filterAudit } from '../judge/select.js';
import { appendStepSummary } from './step-summary.js';
import type { RuleTiming } from '../judge/assemble.js';
import { SHOWN } from './timings-option.js';
import { timingsText } from './timings.js';

/**
 * Where each chosen format goes: without --out every format goes to stdout; with it, file
 * formats go to files and console and github (which have no file) still go to stdout. Two
 * formats on stdout would be one unreadable stream (JSON followed by Markdown), so that is
 * refused before anything runs.
 */
function planOutputs(formats: string[], out: string | undefined): { stdout?: string; files: string[] } {
  const chosen = [...new Set(formats.length ? formats : ['console'])];
  const toStdout = chosen.filter((name) => !out || !reporters.get(name)!.fileName);
  if (toStdout.length > 1) {
    const names = toStdout.map((name) => `"${name}"`).join(' and ');
    throw new UsageError(
      out
        ? `formats ${names} both write to stdout (they have no file form): choose one of them`
        : `formats ${names} would ${toStdout.length === 2 ? 'both' : 'all'} write to stdout, one after the other: give --out <dir> to write them to files there, or choose one format`,
    );
  }
  return { ...(toStdout[0] ? { stdout: toStdout[0] } : {}), files: out ? chosen.filter((name) => reporters.get(name)!.fileName) : [] };
}

/** The audit's options: the flags, over the project config's keys. */
export function auditSettings(paths: string[], flags: AuditFlags, config: TallyConfig) {
  const formats = flagOr(flags.format, config.formats) ?? [];
  const out = flagOr(flags.out, config.out);
  const failOn: FailOn = flagOr(flags.failOn, config.failOn) ?? 'error';
  const options = projectOptions(paths, flags, config);
  return { formats, out, failOn, options };
}

export async function runAudit(paths: string[], flags: AuditFlags): Promise<void> {
  if (flags.watch && flags.timings) throw new UsageError('--timings times one audit: it does not combine with --watch (which prints how long each run took)');
  if (flags.watch) return watchAudit(paths, flags);
  const { formats, out, failOn, options } = auditSettings(paths, flags, cliConfig());
  const plan = planOutputs(formats, out);
  let timings: RuleTiming[] = [];
  const timed = flags.timings ? { onTimings: (t: RuleTiming[]) => void (timings = t) } : {};
  const audited = await auditParallel({ ...options, ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}), ...timed });
  // A one-shot audit is rendered from its result alone: the figures and documents loaded for it
  // (a third of a large audit's memory) are let go before the reports are built.
  clearLoadCache();
  process.exitCode = emit(filterAudit(audited, filterOf(flags)), plan, { out, failOn, failOnUncovered: flags.failOnUncovered === true });
  if (flags.timings) process.stderr.write(timingsText(timings, SHOWN));
}

/** Print and write the chosen formats of an audit; its exit code. */
function emit(
  result: AuditResult,
  plan: { stdout?: string; files: string[] },
  settings: { out: string | undefined; failOn: FailOn; failOnUncovered: boolean },
): number {
  const { out, failOn } = settings;
  if (plan.stdout) {
    const color = plan.stdout === 'console' && useColor(process.stdout);
    process.stdout.write(reporters.get(plan.stdout)!.render(result, { color, failOn }));
  }
  for (const name of plan.files) {
    const reporter = reporters.get(name)!;
    const options = { color: false, failOn };
    writeFileAtomic(path.join(out!, reporter.fileName!), reporter.pieces ? reporter.pieces(result, options) : reporter.render(result, options));
  }
  if (plan.stdout === 'github') appendStepSummary(result);
  const code = exitCode(result, failOn);
  const uncovered = settings.failOnUncovered && result.coverage.some((c) => c.uncovered > 0);
  return code === 0 && uncovered ? 1 : code;
}

/** One run of a watched audit (src/cli/watch.ts re-runs it): the files it read, to watch, and what it did. */
function watchedRun(paths: string[], flags: AuditFlags, incremental: IncrementalAudit): { read: string[]; status: string } {
  const started = performance.now();
  const config = cliConfig();
  const { formats, out, failOn, options } = auditSettings(paths, flags, config);
  const plan = planOutputs(formats, out);
  const run = incremental.run(options);
  process.exitCode = emit(filterAudit(run.result, filterOf(flags)), plan, { out, failOn, failOnUncovered: flags.failOnUncovered === true });
  const ms = Math.round(performance.now() - started);
  const roots = options.paths.length ? options.paths : ['rules'];
  return {
    read: [...run.inputs, ...roots, ...(config.file ? [config.file] : [])],
    status: `judged ${run.judged} of ${run.total} rule file${run.total === 1 ? '' : 's'} in ${ms} ms; watching for changes (Ctrl-C to stop)`,
  };
}

function watchAudit(paths: string[], flags: AuditFlags): Promise<void> {
  const incremental = new IncrementalAudit();
  // Watched even when a run fails: the rule folders, and a config file at the working directory.
  const always = [...(paths.length ? paths : ['rules']), path.join(process.cwd(), 'tally.config.yaml')];
  return watchLoop(() => watchedRun(paths, flags, incremental), always);
}
