/**
 * Which Chromium the browser tests drive, found once per test run by the global setup
 * (test/setup/global-setup.ts): Debian's `/usr/bin/chromium` when it is installed, else the
 * one the `@sparticuz/chromium` devDependency ships, so `npm install` alone is enough on a
 * fresh Linux machine. Nothing is ever downloaded: the package carries the browser brotli-
 * compressed, and unpacking it takes about two seconds the first time.
 *
 * The package unpacks into `os.tmpdir()` and trusts whatever it finds there, even a half-written
 * binary from an interrupted run, and two runs at once would write the same files. So it is
 * unpacked into a staging folder of its own, then renamed, complete, to a folder named after
 * the package version: a run either finds the whole browser there or unpacks it afresh.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** What the browser tests are handed: the executable, or why there is none. */
export type ChromiumLookup = { path: string; source: 'system' | '@sparticuz/chromium' } | { error: string };

const COMPLETE = '.tally-complete';

export async function findChromium(): Promise<ChromiumLookup> {
  if (fs.existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  try {
    return { path: await unpackSparticuz(), source: '@sparticuz/chromium' };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { error: `no Chromium for the browser tests: ${SYSTEM_CHROMIUM} is not installed and @sparticuz/chromium could not be unpacked (${why}); run npm install` };
  }
}

function sparticuzVersion(): string {
  // The package exports only its entry point, so its package.json is found by walking up from it
  // (past the build folders' own package.json files, which only set the module type).
  let dir = path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'));
  for (;;) {
    const file = path.join(dir, 'package.json');
    const manifest = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
    if (manifest?.name === '@sparticuz/chromium') return manifest.version;
    if (path.dirname(dir) === dir) throw new Error('its package.json was not found');
    dir = path.dirname(dir);
  }
}

async function unpackSparticuz(): Promise<string> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`it ships a Linux x64 browser, this is ${process.platform} ${process.arch}`);
  }
  const target = path.join(os.tmpdir(), `tally-chromium-${sparticuzVersion()}`);
  const executable = path.join(target, 'chromium');
  if (fs.existsSync(path.join(target, COMPLETE))) return executable;

  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-chromium-unpacking-'));
  const { default: Chromium } = await import('@sparticuz/chromium');
  // executablePath() unpacks into os.tmpdir(), which follows TMPDIR: point it at the staging folder.
  const tmpdir = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    const unpacked = await Chromium.executablePath();
    if (unpacked !== path.join(staging, 'chromium')) throw new Error(`unpacked to ${unpacked}, not into ${staging}`);
  } finally {
    if (tmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = tmpdir;
  }
  fs.writeFileSync(path.join(staging, COMPLETE), '');
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    // Another run finished first (its folder is complete), or a stale incomplete one is in the way.
    fs.rmSync(fs.existsSync(path.join(target, COMPLETE)) ? staging : target, { recursive: true, force: true });
    if (fs.existsSync(staging)) fs.renameSync(staging, target);
    if (!fs.existsSync(path.join(target, COMPLETE))) throw error;
  }
  return executable;
}
