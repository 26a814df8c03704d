/** `tally audit [paths…]`: run the audit, print/write the chosen formats, exit by --fail-on. */
import path from 'node:path';
import { type Command, Option } from 'commander';
import { exitCode, type FailOn } from '../judge/outcome.js';
import { UsageError } from '../load/index.js';
import { auditParallel } from '../parallel/index.js';
import { reporters } from '../report/index.js';
import { writeFileAtomic } from '../report/write.js';
import { useColor } from './color.js';
import { allowOutsideOption, inputOptions, maxDocumentSizeOption, maxYamlSizeOption, type InputFlags } from './input-options.js';
import { jobsOption } from './jobs.js';

interface AuditFlags extends InputFlags {
  format: string[];
  out?: string;
  failOn: FailOn;
  failOnUncovered?: boolean;
  jobs?: number;
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('audit every rule file under the given paths (default: ./rules)')
    .argument('[paths...]', 'rule files or folders')
    .addOption(
      new Option('-f, --format <format>', 'output format, repeatable')
        .choices([...reporters.keys()])
        .argParser((value: string, previous: string[] | undefined) => {
          if (!reporters.has(value)) throw new UsageError(`unknown format "${value}"`);
          return [...(previous ?? []), value];
        }),
    )
    .option('-o, --out <dir>', 'folder to write file formats into', undefined)
    .addOption(
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this severity')
        .choices(['error', 'warning', 'info', 'never'])
        .default('error'),
    )
    .option('--fail-on-uncovered', 'also exit 1 when a number of a document is neither covered nor ignored')
    .addOption(jobsOption())
    .addOption(allowOutsideOption())
    .addOption(maxDocumentSizeOption())
    .addOption(maxYamlSizeOption())
    .action((paths: string[], flags: AuditFlags) => runAudit(paths, flags));
}

async function runAudit(paths: string[], flags: AuditFlags): Promise<void> {
  const result = await auditParallel({ paths, ...inputOptions(flags), ...(flags.jobs !== undefined ? { jobs: flags.jobs } : {}) });
  const formats = flags.format?.length ? flags.format : ['console'];
  for (const name of formats) {
    const reporter = reporters.get(name)!;
    if (name === 'console' || !flags.out || !reporter.fileName) {
      process.stdout.write(reporter.render(result, { color: name === 'console' && useColor(process.stdout) }));
    }
    if (flags.out && reporter.fileName) {
      writeFileAtomic(path.join(flags.out, reporter.fileName), reporter.render(result, { color: false }));
    }
  }
  const code = exitCode(result, flags.failOn);
  const uncovered = flags.failOnUncovered === true && result.coverage.some((c) => c.uncovered > 0);
  process.exitCode = code === 0 && uncovered ? 1 : code;
}
