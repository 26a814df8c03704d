/**
 * Runs once before the whole suite. It builds dist/ from the sources, so the tests that run the
 * CLI, the worker threads or the packed package never meet a stale bundle, and finds the
 * Chromium the browser tests drive, handing it to them through `inject('chromium')`.
 *
 * The tests make hundreds of temporary folders (projects to audit, reports to write). Rather than
 * trust every test to remove its own, the run gets one folder of its own as TMPDIR, which
 * `os.tmpdir()` follows in the test workers and in every process they start, and the teardown
 * removes it whole: a run leaves nothing behind in the machine's /tmp, even when a test fails.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type ChromiumLookup, findChromium } from '../browser/find-chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: ChromiumLookup;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<() => void> {
  // --keep-generated: the committed validators are tested as they are (test/load/validators-generated.test.ts).
  execFileSync(process.execPath, [path.join(ROOT, 'src/dev/build.mjs'), '--keep-generated'], { cwd: ROOT, stdio: 'inherit' });
  // Found before TMPDIR moves: the unpacked browser is kept in the machine's tmpdir across runs.
  project.provide('chromium', await findChromium());

  const machineTmpdir = process.env.TMPDIR;
  const runTmpdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-test-run-'));
  process.env.TMPDIR = runTmpdir;
  return () => {
    if (machineTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = machineTmpdir;
    fs.rmSync(runTmpdir, { recursive: true, force: true });
  };
}
