/** Runs the built CLI as a user would: a real process, real files, real exit codes. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'dist/tally.cjs');
export const FIXTURES = path.join(ROOT, 'test/fixtures/cli');

export function tally(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? FIXTURES,
    encoding: 'utf8',
    // Hermetic: a test run inside GitHub Actions must not write to that job's step summary.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', GITHUB_STEP_SUMMARY: '', ...options.env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
