/**
 * The commands' implementations, loaded when a command runs: engine.ts (audit, coverage, explain)
 * and draft-run.ts. In the bundle they are CommonJS scripts beside this one, compiled with the
 * V8 code cache of an earlier run (code-cache.ts); run from the sources (tests), the modules.
 */
import * as usageError from '../load/usage-error.js';
import { requireWithCodeCache } from './code-cache.js';
import type * as DraftRun from './draft-run.js';
import type * as Engine from './engine.js';

export interface Engines {
  audit: typeof Engine;
  draft: typeof DraftRun;
}

/**
 * Each engine's script and content hash, as JSON: defined by the build (src/dev/build.mjs),
 * undefined in the sources. A string, so that the build sees the branch for the sources is dead
 * and leaves the modules out of the bundle.
 */
declare const TALLY_ENGINES: string | undefined;

/**
 * Modules the engines share with this side instead of bundling their own copy: program.ts reports
 * a UsageError thrown by a command as a usage error (exit 2), which needs the one class.
 */
export const SHARED_MODULES = { 'tally:usage-error': usageError } as const;

export async function engine<K extends keyof Engines>(name: K): Promise<Engines[K]> {
  if (typeof TALLY_ENGINES === 'undefined') return (name === 'draft' ? import('./draft-run.js') : import('./engine.js')) as Promise<Engines[K]>;
  const { file, hash } = (JSON.parse(TALLY_ENGINES) as Record<keyof Engines, { file: string; hash: string }>)[name];
  return requireWithCodeCache(new URL(`./${file}`, import.meta.url), hash, SHARED_MODULES).exports as Engines[K];
}
