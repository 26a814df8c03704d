/**
 * The loop of `tally audit --watch`: run, watch the folders of every file the run read, run again
 * after a change. `node:fs` watch on folders (not files): editors save by writing a new file and
 * renaming it over the old one, which a watch on the old file would miss. Changes are debounced —
 * one save fires several events — and a change during a run queues exactly one more run.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { formatDiagnostic } from '../load/diagnostics.js';
import { UsageError } from '../load/index.js';
import type { Diagnostic } from '../model.js';
import { ciLogSafe, terminalSafe, terminalText } from '../report/escape.js';

/** Quiet time after the last event before running again. */
export const DEBOUNCE_MS = 60;

/** Files a change to which matters though the last run did not read them (a new rule or figure file). */
const INPUT_LIKE = /\.(?:ya?ml|csv)$/i;

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Report a problem of one run and keep watching: a half-saved file must not end the session. */
function reportProblem(error: unknown): void {
  if (error instanceof UsageError) {
    const diagnostics = (error as UsageError & { diagnostics?: Diagnostic[] }).diagnostics ?? [];
    for (const d of terminalSafe(diagnostics)) process.stderr.write(ciLogSafe(`${formatDiagnostic(d)}\n\n`));
    process.stderr.write(ciLogSafe(`tally: ${terminalText(error.message)}\n`));
    process.exitCode = 2;
    return;
  }
  throw error;
}

/**
 * Run `once` now and after every change to the files it read, or those of `always` (or to a
 * YAML or CSV file in their folders); a folder named is watched with everything below it. After
 * each run its status line goes to stderr. Never resolves.
 */
export function watchLoop(once: () => { read: string[]; status: string }, always: readonly string[] = []): Promise<void> {
  const watchers = new Map<string, FSWatcher>();
  let inputs = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  const relevant = (dir: string, name: string | null) => {
    if (name === null) return true;
    const file = path.resolve(dir, name);
    return inputs.has(file) || INPUT_LIKE.test(name);
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };

  const watchFolder = (dir: string, recursive: boolean) => {
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, { recursive }, (_event, name) => {
        if (relevant(dir, name === null ? null : String(name))) schedule();
      });
      w.on('error', () => {
        // A folder removed: forget it; the next run says what is missing.
        w.close();
        watchers.delete(dir);
      });
      watchers.set(dir, w);
    } catch {
      // A folder that cannot be watched (gone, or no recursive watch here): the others still are.
      if (recursive) watchFolder(dir, false);
    }
  };

  function run(): void {
    let read: string[] = [];
    let status = 'watching for changes (Ctrl-C to stop)';
    try {
      ({ read, status } = once());
    } catch (error) {
      reportProblem(error);
    }
    // A failed run read nothing: keep watching what the last one read, and what is always watched.
    if (read.length) inputs = new Set([...always, ...read].map((f) => path.resolve(f)));
    else if (inputs.size === 0) inputs = new Set(always.map((f) => path.resolve(f)));
    for (const f of inputs) {
      if (isDirectory(f)) watchFolder(f, true);
      else watchFolder(path.dirname(f), false);
    }
    // Said only once the watchers are in place: a change made after this line is seen.
    process.stderr.write(`tally: ${status}\n`);
  }

  run();
  return new Promise<void>(() => {
    // Runs until the process is stopped (Ctrl-C).
  });
}
