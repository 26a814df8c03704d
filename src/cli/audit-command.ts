/**
 * `tally audit [paths…]`: the command's flags. What it does is in audit-run.ts, loaded when the
 * command runs (engine-loader.ts): `tally --help` never loads the audit.
 */
import { type Command, Option } from 'commander';
import type { FailOn } from '../judge/outcome.js';
import { UsageError } from '../load/usage-error.js';
import { FORMATS } from './formats.js';
import { allowOutsideOption, maxDocumentSizeOption, maxYamlSizeOption } from './input-options.js';
import { jobsOption } from './jobs.js';
import { timingsOption } from './timings-option.js';
import { ruleOption, tagOption } from './filter-options.js';
import { engine } from './engine-loader.js';
import type { InputFlags, FilterFlags } from './flags.js';

export interface AuditFlags extends InputFlags, FilterFlags {
  format?: string[];
  out?: string;
  failOn?: FailOn;
  failOnUncovered?: boolean;
  jobs?: number;
  watch?: boolean;
  timings?: boolean;
}

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description('audit every rule file under the given paths (default: ./rules)')
    .argument('[paths...]', 'rule files or folders')
    .addOption(
      new Option('-f, --format <format>', 'output format, repeatable')
        .choices([...FORMATS.keys()])
        .argParser((value: string, previous: string[] | undefined) => {
          if (!FORMATS.has(value)) throw new UsageError(`unknown format "${value}"`);
          return [...(previous ?? []), value];
        }),
    )
    .option('-o, --out <dir>', 'folder to write file formats into', undefined)
    .addOption(
      // No commander default: an unset flag falls back to the config's failOn, then to error.
      new Option('--fail-on <level>', 'exit 1 when a finding is at or above this severity (default: failOn of tally.config.yaml, else error)').choices(['error', 'warning', 'info', 'never']),
    )
    .option('--fail-on-uncovered', 'also exit 1 when a number of a document is neither covered nor ignored')
    .option('-w, --watch', 'audit again whenever a rule, figure, document, waiver or config file changes (only changed rule files are judged again)')
    .addOption(ruleOption())
    .addOption(tagOption())
    .addOption(jobsOption())
    .addOption(timingsOption())
    .addOption(allowOutsideOption())
    .addOption(maxDocumentSizeOption())
    .addOption(maxYamlSizeOption())
    .action(async (paths: string[], flags: AuditFlags) => (await engine('audit')).runAudit(paths, flags));
}
