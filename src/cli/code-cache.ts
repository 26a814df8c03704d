/**
 * Loads a CommonJS bundle with a V8 code cache (the technique of the v8-compile-cache package).
 * Node 20 compiles every script from its source on every run (it has no module.enableCompileCache),
 * and compiling the engine — the whole script at start, then each function at its first call — was
 * a quarter of a small audit's time. Here the script is compiled with the bytecode an earlier run
 * left in a per-user cache folder, in a file named by the bundle's content hash, Node's version and
 * the architecture; V8 checks that it fits (and rejects it otherwise). A run without a usable cache
 * writes, as it exits, the bytecode of everything it compiled, for the next run.
 *
 * A cache holds what the run that wrote it compiled: a first run that stopped early (a usage
 * error) or ran a smaller command left out part of what an audit runs, and every later audit
 * compiled that part again (the bundled audit took ×1.06 its time with the cache of a first audit
 * of three clean claims, ×1.21 with a smaller one). So a run that had to compile much beyond its
 * cache writes, as it exits, a new one that holds both; runs that compile nothing new leave it.
 *
 * The cache can only save time: missing, rejected by V8, unreadable or unwritable, it costs the
 * compile, and is never an error. It is written only into the user's own cache folder (never beside
 * the bundle, whose folder may be read-only or shared), as a new file renamed into place, so a run
 * never reads half a file another run is writing.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** What became of the cache: used, rejected by V8 (a new one is written), none yet, or disabled. */
export type CacheUse = 'accepted' | 'rejected' | 'missing' | 'off';

/**
 * Bytecode compiled after the script ran, in a run whose cache V8 accepted, beyond which the cache
 * is written again. A run with a complete cache still compiles 24–33 KiB (Node's own modules
 * loaded late, a report's code): well under this. One with a cache written by a usage error
 * compiles hundreds.
 */
const REFRESH_AFTER_BYTES = 64 * 1024;

/** Caches of other versions untouched this long are deleted when a new cache is written. */
const STALE_MS = 30 * 24 * 3600 * 1000;

/**
 * The folder for this user's caches: $TALLY_CACHE_DIR, else the platform's cache folder; none
 * with TALLY_NO_CACHE set (or when there is no home folder).
 */
export function cacheFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.TALLY_NO_CACHE) return undefined;
  if (env.TALLY_CACHE_DIR) return path.resolve(env.TALLY_CACHE_DIR);
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'tally', 'Cache');
  let home: string;
  try {
    home = homedir();
  } catch {
    return undefined;
  }
  if (!home) return undefined;
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'tally');
  return path.join(env.XDG_CACHE_HOME || path.join(home, '.cache'), 'tally');
}

/**
 * Run the CommonJS bundle at `file` (as Node would: its own exports, require and module) and
 * return its exports. `hash` names its content; `shared` are modules its require() is given
 * instead of bundled copies (by the id the bundle asks for). With `refresh`, an accepted cache is
 * written again when the run compiled much beyond it (asking needs node:v8: engine-loader.ts says
 * which scripts ask).
 */
export function requireWithCodeCache(
  file: URL,
  hash: string,
  shared: Readonly<Record<string, unknown>> = {},
  { refresh = false }: { refresh?: boolean } = {},
): { exports: unknown; cache: CacheUse } {
  const filename = fileURLToPath(file);
  const source = readFileSync(filename, 'utf8');
  const folder = cacheFolder();
  const prefix = `${path.basename(filename)}-`;
  const cacheFile = folder && path.join(folder, `${prefix}${hash}-${process.version}-${process.arch}.v8cache`);
  const cachedData = cacheFile ? readIfThere(cacheFile) : undefined;
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, ...(cachedData ? { cachedData } : {}) });
  const cache: CacheUse = !cacheFile ? 'off' : !cachedData ? 'missing' : script.cachedDataRejected ? 'rejected' : 'accepted';
  // At exit, so the cache holds every function this run compiled, not only the top level.
  if (cacheFile && cache !== 'accepted') process.once('exit', () => writeCache(cacheFile, prefix, script));
  const nodeRequire = createRequire(filename);
  const require = (id: string): unknown => (Object.hasOwn(shared, id) ? shared[id] : nodeRequire(id));
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (exports: unknown, req: typeof require, mod: typeof module, file: string, dir: string) => void;
  run(module.exports, require, module, filename, path.dirname(filename));
  if (refresh && cacheFile && cache === 'accepted') refreshIfOutgrown(cacheFile, prefix, script, cachedData!.length, nodeRequire);
  return { exports: module.exports, cache };
}

/**
 * At exit, a new cache when this run compiled much beyond the one it was given (the heap's
 * bytecode, counted from when the script ran), written only if V8's new cache is the larger.
 */
function refreshIfOutgrown(file: string, prefix: string, script: Script, loadedBytes: number, nodeRequire: NodeRequire): void {
  // Required here, not imported: only an engine given a cache asks, once it has run.
  const { getHeapCodeStatistics } = nodeRequire('node:v8') as typeof import('node:v8');
  const before = getHeapCodeStatistics().bytecode_and_metadata_size;
  process.once('exit', () => {
    if (getHeapCodeStatistics().bytecode_and_metadata_size - before < REFRESH_AFTER_BYTES) return;
    writeCache(file, prefix, script, loadedBytes);
  });
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Write the script's cache to `file`, unless it is no larger than `unlessAtMost` bytes. */
function writeCache(file: string, prefix: string, script: Script, unlessAtMost = 0): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const data = script.createCachedData();
    if (data.length <= unlessAtMost) return;
    makeFolder(path.dirname(file));
    writeFileSync(tmp, data, { mode: 0o600 });
    renameSync(tmp, file);
    removeStale(file, prefix);
  } catch {
    // Not written: the next run compiles, as this one did.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // The folder itself is unusable: there is no file to remove.
    }
  }
}

/**
 * `mkdir -p` that always ends: Node's recursive mkdir retries forever, at 100 % CPU, where the file
 * system answers ENOENT for a parent that exists (a folder under /proc). Missing folders are found
 * first, then each is created once; any refusal throws.
 */
function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; ; ) {
    try {
      statSync(d);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      missing.push(d);
      const up = path.dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  for (const folder of missing.reverse()) mkdirSync(folder, { mode: 0o700 });
}

/** Caches of this bundle for other contents or Node versions, untouched for a month. */
function removeStale(current: string, prefix: string): void {
  const dir = path.dirname(current);
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (file === current || !name.startsWith(prefix) || !name.endsWith('.v8cache')) continue;
    if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
  }
}
