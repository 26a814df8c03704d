/**
 * The `tally` command (after main.ts): parses flags, calls the library, picks reporters, sets the exit code.
 * Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/configuration/internal error.
 */
import { Command, CommanderError } from 'commander';
import { formatDiagnostic } from '../load/diagnostics.js';
import { UsageError } from '../load/usage-error.js';
import type { Diagnostic } from '../model.js';
import { ciLogSafe, terminalLines, terminalSafe, terminalText } from '../report/escape.js';
import { VERSION } from '../version.js';
import { registerAudit } from './audit-command.js';
import { registerCoverage } from './coverage-command.js';
import { registerDraft } from './draft-command.js';
import { registerExplain } from './explain-command.js';
import { registerInit } from './init-command.js';

export const EXIT_USAGE = 2;

// `tally audit | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** Run the command `argv` names; errors become messages and exit codes, never exceptions. */
export async function main(argv: string[]): Promise<void> {
  // Read before parsing: an internal error may happen while the flags are parsed.
  const debug = argv.includes('--debug');
  const program = new Command('tally')
    .description('Do the figures in a report tally? Audit a document’s numeric claims against YAML rules.')
    .version(VERSION)
    .option('--debug', 'print the stack trace of an internal error')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerAudit(program);
  registerCoverage(program);
  registerDraft(program);
  registerInit(program);
  registerExplain(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version are not errors; everything else commander rejects is a usage error.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
      return;
    }
    if (error instanceof UsageError) {
      // A missing path, an unknown rule id …: say what and, where there are some, the problems found.
      // Messages quote paths and rule ids: neutralised like every other output (escape.ts).
      const diagnostics = (error as UsageError & { diagnostics?: Diagnostic[] }).diagnostics ?? [];
      for (const d of terminalSafe(diagnostics)) process.stderr.write(ciLogSafe(`${formatDiagnostic(d)}\n\n`));
      process.stderr.write(ciLogSafe(`tally: ${terminalText(error.message)}\n`));
      process.exitCode = EXIT_USAGE;
      return;
    }
    // A bug: one line, unless --debug asks for the stack trace.
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const said = debug && error instanceof Error && error.stack ? terminalLines(error.stack) : `${terminalText(what)} (run with --debug for the stack trace)`;
    process.stderr.write(ciLogSafe(`tally: internal error: ${said}\n`));
    process.exitCode = EXIT_USAGE;
  }
}
