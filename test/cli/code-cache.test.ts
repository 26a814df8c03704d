/**
 * The engines' V8 code cache (src/cli/code-cache.ts): where it goes, that a run writes it and the
 * next one uses it, and that a cache that is corrupt, unwritable or switched off changes nothing
 * but the time a run takes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cacheFolder, requireWithCodeCache } from '../../src/cli/code-cache.js';
import { CLI, tally } from './run.js';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-code-cache-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('cacheFolder', () => {
  const home = os.homedir();

  it('is TALLY_CACHE_DIR when set, none with TALLY_NO_CACHE', () => {
    expect(cacheFolder({ TALLY_CACHE_DIR: 'some/where' }, 'linux')).toBe(path.resolve('some/where'));
    expect(cacheFolder({ TALLY_NO_CACHE: '1', TALLY_CACHE_DIR: '/x' }, 'linux')).toBeUndefined();
  });

  it('is the platform’s cache folder otherwise', () => {
    expect(cacheFolder({}, 'linux')).toBe(path.join(home, '.cache', 'tally'));
    expect(cacheFolder({ XDG_CACHE_HOME: '/var/cache/me' }, 'linux')).toBe(path.join('/var/cache/me', 'tally'));
    expect(cacheFolder({}, 'darwin')).toBe(path.join(home, 'Library', 'Caches', 'tally'));
    expect(cacheFolder({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32')).toBe(path.join('C:\\Users\\me\\AppData\\Local', 'tally', 'Cache'));
  });
});

describe('requireWithCodeCache', () => {
  it('runs the script as Node runs a CommonJS module, giving it the shared modules by id', () => {
    const file = path.join(work, 'bundle.cjs');
    fs.writeFileSync(file, "exports.here = [__filename, __dirname, typeof module]; module.exports.path = require('node:path').sep; exports.shared = require('tally:x');");
    const previous = process.env.TALLY_NO_CACHE;
    process.env.TALLY_NO_CACHE = '1';
    try {
      const shared = { value: 42 };
      const loaded = requireWithCodeCache(new URL(`file://${file}`), 'h', { 'tally:x': shared });
      expect(loaded.cache).toBe('off');
      expect(loaded.exports).toEqual({ here: [file, work, 'object'], path: path.sep, shared });
      expect((loaded.exports as { shared: unknown }).shared).toBe(shared);
    } finally {
      if (previous === undefined) delete process.env.TALLY_NO_CACHE;
      else process.env.TALLY_NO_CACHE = previous;
    }
  });
});

describe('the program and its engines (dist/tally-*.cjs)', () => {
  it('make no dynamic import: vm runs them as scripts, which have no module loader', () => {
    const scripts = fs.readdirSync(path.dirname(CLI)).filter((f) => /^tally-.*\.cjs$/.test(f));
    expect(scripts.sort()).toEqual(['tally-draft.cjs', 'tally-engine.cjs', 'tally-program.cjs']);
    for (const f of scripts) expect(fs.readFileSync(path.join(path.dirname(CLI), f), 'utf8'), f).not.toMatch(/(?<![.\w$])import\(/);
  });
});

describe('the CLI’s code cache', () => {
  const audit = (env: Record<string, string>) => tally(['audit', 'clean', '--format', 'json', '--fail-on', 'never'], { env });
  const caches = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

  it('is written by the first run and used, not rewritten, by the next; the output is the same', () => {
    const dir = path.join(work, 'cache');
    const first = audit({ TALLY_CACHE_DIR: dir });
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    // One cache for the program, one for the engine the audit ran.
    const names = caches(dir).sort();
    const key = `[0-9a-f]{16}-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.v8cache`;
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(new RegExp(`^tally-engine\\.cjs-${key}$`));
    expect(names[1]).toMatch(new RegExp(`^tally-program\\.cjs-${key}$`));
    const written = names.map((name) => fs.statSync(path.join(dir, name)));
    expect(written[0]!.size).toBeGreaterThan(100_000);

    const second = audit({ TALLY_CACHE_DIR: dir });
    expect(second).toEqual(first);
    // Nor by another command: every one compiles under the same V8 flags (optimizer-budget.ts).
    expect(tally(['--help'], { env: { TALLY_CACHE_DIR: dir } }).code).toBe(0);
    const after = names.map((name) => fs.statSync(path.join(dir, name)));
    expect(after.map((a) => [a.ino, a.mtimeMs])).toEqual(written.map((w) => [w.ino, w.mtimeMs]));
  });

  it('grows when a run compiles much beyond it (a first run that stopped at a usage error), then stays', () => {
    const dir = path.join(work, 'grows');
    expect(tally(['audit', 'no/such/rules'], { env: { TALLY_CACHE_DIR: dir } }).code).toBe(2);
    const engine = path.join(dir, caches(dir).find((f) => f.startsWith('tally-engine.cjs-'))!);
    const small = fs.statSync(engine).size;
    const first = audit({ TALLY_CACHE_DIR: dir });
    expect(first.code).toBe(0);
    const grown = fs.statSync(engine);
    expect(grown.size).toBeGreaterThan(small + 100_000);
    // The same audit again compiles nothing new: the cache is left as it is.
    expect(audit({ TALLY_CACHE_DIR: dir })).toEqual(first);
    const after = fs.statSync(engine);
    expect([after.ino, after.mtimeMs]).toEqual([grown.ino, grown.mtimeMs]);
  });

  it('replaces a cache V8 rejects, and the run is the same', () => {
    const dir = path.join(work, 'corrupt');
    const clean = audit({ TALLY_CACHE_DIR: dir });
    const name = caches(dir).find((f) => f.startsWith('tally-engine.cjs-'))!;
    fs.writeFileSync(path.join(dir, name), 'not a code cache');
    expect(audit({ TALLY_CACHE_DIR: dir })).toEqual(clean);
    expect(fs.statSync(path.join(dir, name)).size).toBeGreaterThan(100_000);
  });

  it('costs nothing but time when it cannot be written or is switched off', () => {
    const reference = audit({ TALLY_NO_CACHE: '1', TALLY_CACHE_DIR: path.join(work, 'off') });
    expect(reference.code).toBe(0);
    expect(reference.stderr).toBe('');
    expect(caches(path.join(work, 'off'))).toEqual([]);
    // A file where the folder should be: nothing can be written under it.
    const blocked = path.join(work, 'blocked');
    fs.writeFileSync(blocked, '');
    expect(audit({ TALLY_CACHE_DIR: blocked })).toEqual(reference);
    expect(fs.readFileSync(blocked, 'utf8')).toBe('');
    // Under /proc a recursive mkdir never returns: the run still ends, as if there were no cache.
    if (process.platform === 'linux') expect(audit({ TALLY_CACHE_DIR: '/proc/tally-cache/x' })).toEqual(reference);
  });

  it('keeps one UsageError class for the CLI and its engine: a missing path is a usage error, cached or not', () => {
    const dir = path.join(work, 'usage');
    const envs: Record<string, string>[] = [{ TALLY_CACHE_DIR: dir }, { TALLY_CACHE_DIR: dir }, { TALLY_NO_CACHE: '1' }];
    for (const env of envs) {
      const run = tally(['audit', 'no/such/rules'], { env });
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('tally: no such file or directory: no/such/rules\n');
    }
  });
});
