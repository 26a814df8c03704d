/**
 * The `tally` executable. `tally --version` is answered before anything else is loaded: the build
 * puts program.ts (the commands' flags) in a chunk of its own that only the dynamic import below
 * loads, and each command loads what it runs when it runs (src/dev/build.mjs).
 */
import { VERSION } from '../version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  await import('./program.js');
}
