/**
 * The test run (`npm test`): every test file under test/, after a global setup that builds dist/
 * and finds the browser (test/setup/global-setup.ts). The file lives in test/ to keep the
 * project's top level fixed, so npm test names it with --config.
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    // Scenario tests start real processes and a browser on a 2-core machine: generous, never tight.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // The CLIs the tests start keep their code cache (src/cli/code-cache.ts) here, not in the user's.
    env: { TALLY_CACHE_DIR: path.join(os.tmpdir(), 'tally-test-code-cache') },
  },
});
