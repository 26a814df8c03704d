/**
 * How many threads an audit uses when it is not told (`--jobs` unset): one core fewer than the
 * machine has, and one more thread only for each BYTES_PER_EXTRA_THREAD of rule files.
 *
 * - A core fewer, because an audit thread keeps more than one core busy: V8's parallel scavenger,
 *   concurrent marking and compiler threads ran `--jobs 1` at 1.4 cores on the development
 *   machine (8.4 s of CPU in 6 s). On its 2 cores a second audit thread made every audit of two
 *   documents slower, small or large (2 × 60 claims ×1.4, 2 × 1 500 ×1.27, 2 × 5 000 ×1.16 the
 *   time of `--jobs 1`), and sixteen documents only ×1.03–1.07 faster. Jest's default, cores −
 *   1, has the same reason.
 * - A share big enough to pay for its thread: a worker takes about 115 ms to start (a fresh
 *   isolate, then the engine compiled from source), and its results are copied back (about 50 ms
 *   for 2 400 claims). Warm, the engine judges about 1.5 KiB of rule files a millisecond, so a
 *   half-mebibyte share (some 2 500 claims) is judged in about twice what the thread costs.
 *
 * An explicit `--jobs` is taken as asked (at most that many threads, one per document group).
 */
import { availableParallelism } from 'node:os';
import { size } from './groups.js';

/** Rule-file bytes each thread after the first must have to judge. */
export const BYTES_PER_EXTRA_THREAD = 512 * 1024;

/** Threads for an audit of these rule files on a machine with `cores` cores (at least 1). */
export function defaultJobs(ruleFiles: readonly string[], cores = availableParallelism()): number {
  const byCores = cores - 1;
  if (byCores <= 1 || ruleFiles.length < 2) return 1;
  let bytes = 0;
  for (const file of ruleFiles) bytes += size(file);
  return Math.min(byCores, 1 + Math.floor(bytes / BYTES_PER_EXTRA_THREAD));
}
