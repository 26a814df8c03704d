/**
 * How far V8 lets the heap grow past what its last full collection kept, for the commands that
 * audit. By default it may grow to several times that before it collects again: a 100 000-claim
 * audit keeps about 480 MiB alive and peaked at 1.0–1.4 GiB, the rest garbage waiting. Growing by
 * half at most, it peaks under 1 GiB, for a few percent of time (README, Performance). The CLI's
 * own choice, never the library's: a flag of the whole process is its host's to set.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Set it unless Node was started with a value of its own (`node --heap-growing-percent=…`); says whether it did. */
export function limitHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent(=|$)/.test(arg))) return false;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  // V8 accepts a code cache only under the flags it was made under (code-cache.ts makes it at
  // exit), and the engine is compiled before this is set: back to the default before anything
  // else runs at exit.
  process.prependOnceListener('exit', () => setFlagsFromString('--heap-growing-percent=0'));
  return true;
}
