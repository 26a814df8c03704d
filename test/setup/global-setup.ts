/**
 * Runs once before the whole suite. It builds dist/ from the sources, so the tests that run the
 * CLI, the worker threads or the packed package never meet a stale bundle, and finds the
 * Chromium the browser tests drive, handing it to them through `inject('chromium')`.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ChromiumLookup, findChromium } from '../browser/find-chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumLookup;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<void> {
  // --keep-generated: the committed validators are tested as they are (test/load/validators-generated.test.ts).
  execFileSync(process.execPath, [path.join(ROOT, 'src/dev/build.mjs'), '--keep-generated'], { cwd: ROOT, stdio: 'inherit' });
  project.provide('chromium', await findChromium());
}
