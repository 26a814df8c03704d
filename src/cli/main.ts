/**
 * The `tally` executable. `tally --version` is answered before anything else is loaded; everything
 * else sets V8's optimizer budget (optimizer-budget.ts) and runs program.ts (the commands' flags),
 * which the build makes a script of its own loaded with a code cache (engine-loader.ts), and each
 * command loads what it runs when it runs.
 * The build makes this a CommonJS script (dist/tally.cjs), which has no top-level await.
 */
import { VERSION } from '../version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  // Before the first script with a code cache is compiled (optimizer-budget.ts says why).
  void import('./optimizer-budget.js')
    .then(({ delayOptimization }) => delayOptimization())
    .then(() => import('./engine-loader.js'))
    .then(({ engine }) => engine('program'))
    .then((program) => program.main(process.argv));
}
