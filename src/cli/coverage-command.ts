/**
 * `tally coverage [paths…]`: every number of the audited documents, covered by a rule or
 * figure, ignored with a reason, or uncovered, with the share accounted for.
 * Exit codes as for `tally audit`: 2 on a usage or configuration error (a bad rule file, a
 * broken rule), 1 with --fail-on-uncovered when a number is uncovered, else 0.
 * What it does is in coverage-run.ts, loaded when the command runs (engine-loader.ts).
 */
import { type Command, Option } from 'commander';
import { allowOutsideOption, maxDocumentSizeOption, maxYamlSizeOption } from './input-options.js';
import { jobsOption } from './jobs.js';
import { engine } from './engine-loader.js';
import type { InputFlags } from './flags.js';

export interface CoverageFlags extends InputFlags {
  format: 'console' | 'json';
  uncoveredOnly?: boolean;
  failOnUncovered?: boolean;
  jobs?: number;
}

export function registerCoverage(program: Command): void {
  program
    .command('coverage')
    .description('list every number of the audited documents: covered by a rule, ignored with a reason or by its class (year, date, label …), or uncovered')
    .argument('[paths...]', 'rule files or folders (default: ./rules)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['console', 'json']).default('console'))
    .option('--uncovered-only', 'list only the uncovered numbers')
    .option('--fail-on-uncovered', 'exit 1 when any number is uncovered')
    .addOption(jobsOption())
    .addOption(allowOutsideOption())
    .addOption(maxDocumentSizeOption())
    .addOption(maxYamlSizeOption())
    .action(async (paths: string[], flags: CoverageFlags) => (await engine('audit')).runCoverage(paths, flags));
}
