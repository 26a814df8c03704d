/**
 * `--jobs`: an audit of several documents on worker threads writes the same bytes and exits with
 * the same code as the single-threaded `--jobs 1`; a failing worker exits 2 and says so.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT, tally } from './run.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/parallel');
const env = { TALLY_TODAY: '2025-06-01' };
const run = (args: string[]) => tally(args, { cwd: FIXTURE, env });
// Every file format, and console on stdout (github, the other stdout format, is compared on its own).
const FORMATS = ['console', 'json', 'markdown', 'html', 'junit', 'sarif'];

/** Every report file `tally audit` wrote into a fresh folder, and what it printed. */
function auditInto(args: string[]) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-jobs-'));
  const r = run(['audit', ...args, ...FORMATS.flatMap((f) => ['-f', f]), '-o', out]);
  const files = Object.fromEntries(fs.readdirSync(out).sort().map((name) => [name, fs.readFileSync(path.join(out, name), 'utf8')]));
  return { ...r, files };
}

/** The built CLI copied beside a stand-in worker.js (or none), to make the worker fail. */
function cliWithWorker(worker?: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-worker-'));
  fs.writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  // The CLI is dist/tally.cjs and the scripts it loads (dist/tally-*.cjs), without the worker.
  for (const f of fs.readdirSync(path.dirname(CLI)).filter((f) => /^tally(-.*)?\.cjs$/.test(f))) {
    fs.copyFileSync(path.join(path.dirname(CLI), f), path.join(dir, f));
  }
  if (worker !== undefined) fs.writeFileSync(path.join(dir, 'worker.js'), worker);
  return path.join(dir, 'tally.cjs');
}

function runCli(cli: string, args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd: FIXTURE,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe('tally audit --jobs', () => {
  it('writes byte-identical reports in every format with --jobs 1, --jobs 2 and the default (3 documents)', () => {
    const one = auditInto(['audits', 'more', '--jobs', '1']);
    expect(Object.keys(one.files)).toEqual(['tally-junit.xml', 'tally-report.html', 'tally-report.json', 'tally-report.md', 'tally-report.sarif']);
    expect(JSON.parse(one.files['tally-report.json']!).coverage).toHaveLength(3);
    const annotations = (jobs: string[]) => run(['audit', 'audits', 'more', '-f', 'github', ...jobs]).stdout;
    const oneAnnotations = annotations(['--jobs', '1']);
    expect(oneAnnotations).toMatch(/^::error /);
    for (const args of [['--jobs', '2'], ['--jobs', '3'], []]) {
      const many = auditInto(['audits', 'more', ...args]);
      expect(many.files, args.join(' ')).toEqual(one.files);
      expect(many.stdout, args.join(' ')).toBe(one.stdout);
      expect(many.stderr, args.join(' ')).toBe(one.stderr);
      expect(many.code, args.join(' ')).toBe(one.code);
      expect(annotations(args), args.join(' ')).toBe(oneAnnotations);
    }
  });

  it.each([
    ['a broken rule and a malformed file', ['audits', 'more'], 2],
    ['the only finding waived', ['audits/alpha-growth.yaml', 'audits/beta.yaml'], 0],
    ['a finding', ['audits/alpha-growth.yaml', 'more'], 1],
  ])('exits as with --jobs 1: %s', (_name, paths, code) => {
    const one = run(['audit', ...paths, '--jobs', '1', '-f', 'json']);
    const two = run(['audit', ...paths, '--jobs', '2', '-f', 'json']);
    expect(one.code).toBe(code);
    expect(two.code).toBe(code);
    expect(two.stdout).toBe(one.stdout);
  });

  it('gives tally coverage the same output with and without workers, in both formats', () => {
    for (const format of ['console', 'json']) {
      const one = run(['coverage', 'audits', 'more', '-f', format, '--jobs', '1']);
      const two = run(['coverage', 'audits', 'more', '-f', format, '--jobs', '2']);
      expect(two).toEqual(one);
      expect(one.code).toBe(2);
    }
  });

  it('refuses a --jobs that is not a whole number of at least 1', () => {
    for (const jobs of ['0', '-1', '1.5', 'many']) {
      const r = run(['audit', 'audits', '--jobs', jobs]);
      expect(r.code, jobs).toBe(2);
      expect(r.stderr, jobs).toMatch(/--jobs|option/);
    }
  });

  it('works from the library bundle, beside which it finds dist/worker.js, whatever Node options the caller runs with', () => {
    const script = [
      `import { audit, auditParallel } from ${JSON.stringify(pathToFileURL(path.join(ROOT, 'dist/index.js')).href)};`,
      "import { isDeepStrictEqual } from 'node:util';",
      "const options = { paths: ['audits', 'more'], today: '2025-06-01' };",
      'const parallel = await auditParallel({ ...options, jobs: 2 });',
      'process.stdout.write(String(isDeepStrictEqual(parallel, audit(options))));',
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { cwd: FIXTURE, encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true');
  });

  it('exits 2 with a clear message when a worker throws, and does not hang', () => {
    const cli = cliWithWorker(
      // Claims a group as the real worker does (src/parallel/protocol.ts), then throws.
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ({ order, state, slot }) => { const k = Atomics.add(state, 0, 1); if (k < order.length) Atomics.store(state, 1 + slot, order[k] + 1); throw new Error('an internal error in the worker'); });\n",
    );
    const r = runCli(cli, ['audit', 'audits', 'more', '--jobs', '2', '-f', 'json']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    // One line, no stack trace (that takes --debug); which rule files it was judging, when it had
    // claimed a group before this thread judged them all (the failure is reported either way).
    expect(r.stderr).toMatch(/^tally: internal error: WorkerError: a worker failed( while judging .*\.yaml.*)?: Error: an internal error in the worker \(run with --debug for the stack trace\)\n$/);
    const debug = runCli(cli, ['audit', 'audits', 'more', '--jobs', '2', '-f', 'json', '--debug']);
    expect(debug.code).toBe(2);
    expect(debug.stderr).toMatch(/^tally: internal error: WorkerError: a worker failed[^\n]*\n(.*\n)*\s+at /);
  });

  it('exits 2 when the worker script is missing beside the CLI, and needs none for one document', () => {
    const cli = cliWithWorker();
    const r = runCli(cli, ['audit', 'audits', 'more', '--jobs', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tally: internal error: WorkerError: a worker failed.*worker\.js/);
    // A single document is audited in process: no worker is started.
    const single = runCli(cli, ['audit', 'audits/alpha-growth.yaml', 'audits/alpha-share.yaml']);
    expect(single.code).toBe(0);
    expect(single.stdout).toContain('4 rules — 1 fail, 3 pass (1 waived)');
  });
});
