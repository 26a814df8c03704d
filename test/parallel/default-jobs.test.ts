/**
 * The threads an audit uses when `jobs` is not given: one core fewer than the machine has, and a
 * thread beyond the first only for each BYTES_PER_EXTRA_THREAD of rule files. Rule files are
 * made as sparse files of the wanted size (no bytes written).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { auditParallel, BYTES_PER_EXTRA_THREAD, defaultJobs } from '../../src/parallel/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-default-jobs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let made = 0;
/** Rule files of these sizes (sparse: they take no room). */
function files(sizes: readonly number[]): string[] {
  return sizes.map((size) => {
    const file = path.join(dir, `rules-${made++}.yaml`);
    fs.writeFileSync(file, '');
    fs.truncateSync(file, size);
    return file;
  });
}

const B = BYTES_PER_EXTRA_THREAD;

describe('defaultJobs', () => {
  it('stays in one thread on one or two cores, whatever the audit', () => {
    const big = files([20 * B, 20 * B, 20 * B]);
    expect(defaultJobs(big, 1)).toBe(1);
    expect(defaultJobs(big, 2)).toBe(1);
    expect(defaultJobs(big, 3)).toBe(2);
  });

  it('stays in one thread for one rule file, or for rule files too small to pay for a thread', () => {
    expect(defaultJobs(files([50 * B]), 16)).toBe(1);
    expect(defaultJobs(files([B / 2 - 1, B / 2]), 16)).toBe(1);
    expect(defaultJobs(files([B / 2, B / 2]), 16)).toBe(2);
    expect(defaultJobs(files([2 * B, B - 1]), 16)).toBe(3);
  });

  it('counts a rule file it cannot read as empty (loading it says why)', () => {
    expect(defaultJobs([path.join(dir, 'missing.yaml'), ...files([B])], 8)).toBe(2);
  });

  it('gives each thread after the first its share of bytes, and never more threads than cores − 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * B }), { minLength: 0, maxLength: 6 }), fc.integer({ min: 1, max: 64 }), (sizes, cores) => {
        const rules = files(sizes);
        const jobs = defaultJobs(rules, cores);
        const bytes = sizes.reduce((a, b) => a + b, 0);
        expect(jobs).toBeGreaterThanOrEqual(1);
        expect(jobs).toBeLessThanOrEqual(Math.max(1, cores - 1));
        if (rules.length < 2) expect(jobs).toBe(1);
        // Each thread after the first has its share …
        expect((jobs - 1) * B).toBeLessThanOrEqual(bytes);
        // … and one more thread would be refused only by the cores or the bytes.
        if (rules.length >= 2 && cores - 1 > 1 && jobs < cores - 1) expect(jobs * B).toBeGreaterThan(bytes);
        // More cores never means fewer threads.
        expect(defaultJobs(rules, cores + 1)).toBeGreaterThanOrEqual(jobs);
      }),
      { numRuns: 60 },
    );
  });
});

describe('auditParallel without jobs', () => {
  it('audits small documents in this thread: no worker is started (a broken worker script is never run)', async () => {
    const root = path.resolve(import.meta.dirname, '../fixtures/parallel');
    const options = { paths: [root], cwd: root };
    expect(audit(options).documents.length).toBeGreaterThan(1);
    const broken = new URL('file:///no/such/worker.js');
    await expect(auditParallel({ ...options, workerUrl: broken })).resolves.toEqual(audit(options));
    // The same worker script fails an audit told to use two threads.
    await expect(auditParallel({ ...options, jobs: 2, workerUrl: broken })).rejects.toThrow(/worker/);
  });
});
