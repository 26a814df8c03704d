/**
 * How much bytecode a function runs before V8 sends it to its optimizing compiler (TurboFan), for
 * the executable. V8's default suits long-lived programs; most audits are short. The bundled
 * audit (300 ms) sent 28 functions to TurboFan for 115 ms of compiling on a second thread, and
 * ran none of them long enough to repay it: on two cores that thread competes with the audit and
 * with the garbage collector, and the process waits for the last compilation (about 20 ms of
 * nothing) before it can exit. At four times the budget, 4 functions take 8 ms: the bundled audit
 * takes ×0.93 the time, 1 000 claims ×0.87, and 100 000 claims, whose hot functions still reach
 * TurboFan within the first second, are not slower. The cost falls on audits of a few seconds that
 * keep calling new code: 10 000 claims with a third failing (the diagnosis) take ×1.03 (README,
 * Performance). Most reports have hundreds of claims.
 *
 * A V8 code cache is accepted only under the flags it was made under (code-cache.ts), so the
 * budget is set before the first cached script is compiled and never changed back: every run
 * compiles and writes its caches under it. The CLI's own choice, never the library's: a flag of the
 * whole process is its host's to set.
 */
import { setFlagsFromString } from 'node:v8';

/** Four times V8's default (66 KiB of bytecode in Node 20's V8). */
export const INTERRUPT_BUDGET = 4 * 67_584;

/** Set it unless Node was started with a budget of its own (`node --interrupt-budget=…`); says whether it did. */
export function delayOptimization(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--interrupt[-_]budget(=|$)/.test(arg))) return false;
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
  return true;
}
