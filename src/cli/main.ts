/**
 * The `tally` executable. `tally --version` is answered before anything else is loaded; everything
 * else runs program.ts (the commands' flags), which the build makes a script of its own loaded
 * with a code cache (engine-loader.ts), and each command loads what it runs when it runs.
 */
import { VERSION } from '../version.js';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${VERSION}\n`);
} else {
  const { engine } = await import('./engine-loader.js');
  await (await engine('program')).main(process.argv);
}
