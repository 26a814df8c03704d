/** `--jobs <n>`: how many worker threads an audit may use (src/parallel/). */
import { Option } from 'commander';
import { UsageError } from '../load/usage-error.js';

export function jobsOption(): Option {
  return new Option('-j, --jobs <n>', 'threads for audits of several documents; 1 audits in one thread (default: one fewer than the cores, fewer for small audits)').argParser((value: string) => {
    if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`--jobs must be a whole number of at least 1, got "${value}"`);
    return Number(value);
  });
}
