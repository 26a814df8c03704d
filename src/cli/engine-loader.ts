/**
 * The program and the commands' implementations, each loaded when needed: program.ts (the
 * commands' flags, loaded by main.ts), engine.ts (what audit, coverage and explain do) and
 * draft-run.ts. In the bundle they are CommonJS scripts beside this one, compiled with the V8 code
 * cache of an earlier run (code-cache.ts); run from the sources (tests), the modules.
 */
import * as usageError from '../load/usage-error.js';
import { requireWithCodeCache } from './code-cache.js';
import type * as DraftRun from './draft-run.js';
import type * as Engine from './engine.js';
import type * as Program from './program.js';

export interface Engines {
  program: typeof Program;
  audit: typeof Engine;
  draft: typeof DraftRun;
}

/**
 * The scripts this bundle loads, with their content hashes, as JSON: defined by the build
 * (src/dev/build.mjs), undefined in the sources. A string, so that the build sees the branch for
 * the sources is dead and leaves the modules out of the bundle.
 */
declare const TALLY_ENGINES: string | undefined;

/**
 * Modules the engines share with the program instead of bundling their own copy: program.ts
 * reports a UsageError thrown by a command as a usage error (exit 2), which needs the one class.
 */
export const SHARED_MODULES = { 'tally:usage-error': usageError } as const;

export async function engine<K extends keyof Engines>(name: K): Promise<Engines[K]> {
  if (typeof TALLY_ENGINES === 'undefined') {
    return (name === 'program' ? import('./program.js') : name === 'draft' ? import('./draft-run.js') : import('./engine.js')) as Promise<Engines[K]>;
  }
  const { file, hash } = (JSON.parse(TALLY_ENGINES) as Partial<Record<keyof Engines, { file: string; hash: string }>>)[name]!;
  // The audit engine's cache is refreshed when a run outgrows it (audit, coverage and explain run
  // different parts, and its first run may have stopped early); the engine has loaded node:v8 to
  // ask already (heap-growth.ts). Draft runs one path, and node:v8 would cost it 8 ms (×1.05).
  const refresh = name === 'audit';
  return requireWithCodeCache(new URL(`./${file}`, import.meta.url), hash, SHARED_MODULES, { refresh }).exports as Engines[K];
}
