/** `--timings` (what it prints: timings.ts, loaded with the engine). */
import { Option } from 'commander';

/** How many of the slowest rules `--timings` lists. */
export const SHOWN = 10;

/**
 * A flag without a value: an optional count (`--timings [n]`) would take the path after it for
 * its value (`tally audit --timings rules`).
 */
export function timingsOption(): Option {
  return new Option('--timings', `after the audit, print to stderr how long judging took and the ${SHOWN} slowest rules`);
}
