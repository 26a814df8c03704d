/**
 * The project config (`tally.config.yaml`, src/load/config.ts) as the commands use it: read
 * once, refused with its problems at file:line:col (exit 2) when it does not validate. Each
 * command merges it under its flags: a flag given on the command line wins over its key; a list
 * flag (`--format`, `--allow-outside`) replaces the config's list rather than adding to it.
 */
import path from 'node:path';
import type { AuditOptions } from '../audit.js';
import { projectConfig, UsageError, type TallyConfig } from '../load/index.js';
import { inputOptions, type InputFlags } from './flags.js';
import type { Diagnostic } from '../model.js';

/** The config of the project the working directory is in; throws a UsageError carrying its problems. */
export function cliConfig(cwd = process.cwd()): TallyConfig {
  const { config, diagnostics } = projectConfig(cwd);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) {
    // Named as a user would type it, like every other file in tally's messages.
    const shown = diagnostics.map((d) => ({ ...d, position: { ...d.position, file: path.relative(cwd, d.position.file) || d.position.file } }));
    const error = new UsageError(`the config file ${shown[0]!.position.file} has ${errors.length} problem${errors.length === 1 ? '' : 's'}`);
    (error as UsageError & { diagnostics?: Diagnostic[] }).diagnostics = shown;
    throw error;
  }
  return config;
}

/** A flag's value if given, else the config's. */
export const flagOr = <T>(flag: T | undefined, config: T | undefined): T | undefined => (flag !== undefined ? flag : config);

/** What every command that audits takes from the config: paths, allowed folders, locale, materiality, skips — under the flags. */
export function projectOptions(paths: string[], flags: InputFlags, config: TallyConfig): AuditOptions {
  const allowOutside = flagOr(flags.allowOutside, config.allowOutside);
  return {
    paths: paths.length ? paths : (config.rules ?? []),
    ...inputOptions({ ...flags, ...(allowOutside ? { allowOutside } : {}) }),
    ...(config.locale ? { locale: config.locale } : {}),
    ...(config.materiality ? { materiality: config.materiality } : {}),
    ...(config.ignore ? { ignore: config.ignore } : {}),
  };
}
