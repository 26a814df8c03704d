/**
 * The `tally` executable. `tally --version` is answered before anything else is loaded (esbuild
 * bundles the dynamic import below as a module initialised on first use, so the reader, the
 * evaluator and the reporters are parsed but never run for it); everything else is program.ts.
 */
import { VERSION } from '../version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  await import('./program.js');
}
