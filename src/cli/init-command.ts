/**
 * `tally init [dir]`: scaffold a project (src/init/scaffold.ts). Nothing is overwritten: when any
 * file of the scaffold exists already, nothing is written and the run exits 2 naming them.
 * What it does is in init-run.ts, a chunk of its own loaded when the command runs.
 */
import type { Command } from 'commander';

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('scaffold a project: rules/, data/ with a sample document and figures, a rule file, tally.config.yaml and a README (never overwrites)')
    .argument('[dir]', 'the project folder (default: the working directory)', '.')
    .action(async (dir: string) => (await import('./init-run.js')).runInit(dir));
}
