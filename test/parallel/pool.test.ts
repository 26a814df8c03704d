/**
 * The worker pool fails fast and says where: a worker that throws, dies, cannot start, or
 * reports an internal error rejects the audit with a WorkerError — it never hangs.
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { auditParallel, runOnWorkers, WorkerError, type GroupTask } from '../../src/parallel/index.js';
import type { JudgedRuleSets } from '../../src/judge/assemble.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../..');
const stub = (name: string) => pathToFileURL(path.join(HERE, 'workers', name));
const tasks: GroupTask[] = [
  { files: ['a/one.yaml', 'a/two.yaml'], cwd: ROOT },
  { files: ['b/three.yaml'], cwd: ROOT },
  { files: ['c/four.yaml'], cwd: ROOT },
];

describe('runOnWorkers', () => {
  it('rejects with the worker’s error and the rule files it was judging when a worker throws', async () => {
    const error = await runOnWorkers(tasks, { jobs: 2, workerUrl: stub('throws.mjs') }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as Error).message).toMatch(/^a worker failed while judging (a\/one\.yaml \(and 1 more rule files\)|b\/three\.yaml): TypeError: a bug in the worker$/);
    expect((error as Error).stack).toContain('in the worker: TypeError: a bug in the worker');
  });

  it('rejects when a worker exits in the middle of a group', async () => {
    await expect(runOnWorkers(tasks, { jobs: 3, workerUrl: stub('exits.mjs') })).rejects.toThrow(/a worker stopped \(exit code 3\) while judging/);
  });

  it('rejects when the worker script is missing', async () => {
    await expect(runOnWorkers(tasks, { jobs: 2, workerUrl: stub('no-such-worker.mjs') })).rejects.toThrow(/a worker failed.*no-such-worker\.mjs/);
  });

  it('stops at the first failure and does not wait for the other workers', async () => {
    await expect(runOnWorkers(tasks, { jobs: 2, workerUrl: stub('slow-then-throws.mjs') })).rejects.toThrow(/second failure/);
  });

  it('reports an internal error of the real worker (an exception while judging) with its stack', async () => {
    // A malformed task makes judgeGroup throw inside dist/worker.js, which answers with the error.
    const bad = [{ files: 42, cwd: ROOT } as unknown as GroupTask, tasks[1]!];
    const error = await runOnWorkers(bad, { jobs: 2, workerUrl: pathToFileURL(path.join(ROOT, 'dist/worker.js')) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as Error).message).toMatch(/a worker failed while judging .*: TypeError: .*map/);
    expect((error as Error).stack).toMatch(/in the worker: TypeError/);
  });

  it('judges tasks in this thread too, as one of the jobs, and gives every result in task order', async () => {
    const many: GroupTask[] = Array.from({ length: 9 }, (_, i) => ({ files: [`r${i}.yaml`], cwd: '.' }));
    const judgedHere: number[] = [];
    const here = (task: GroupTask) => {
      judgedHere.push(Number(task.files[0]!.slice(1, -5)));
      return { files: [], coverage: [{ key: task.files[0]! }] } as unknown as JudgedRuleSets;
    };
    // One job: no worker at all (the stub would fail any task it is given).
    const alone = await runOnWorkers(many, { jobs: 1, workerUrl: stub('throws.mjs'), here });
    expect(alone.map((r) => (r.coverage[0] as unknown as { key: string }).key)).toEqual(many.map((t) => t.files[0]));
    expect(judgedHere).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Two jobs: a failing worker still fails the whole run, whoever judged what. Groups go to
    // whichever thread is free, so this thread takes its time (a quarter second a group), or it
    // could judge them all before the worker has started.
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const slowly = (task: GroupTask) => {
      Atomics.wait(pause, 0, 0, 250);
      return here(task);
    };
    await expect(runOnWorkers(many, { jobs: 2, workerUrl: stub('throws.mjs'), here: slowly })).rejects.toThrow(WorkerError);
  });

  it('reports a broken worker even when this thread judged every group before it started, and waits for a healthy one to say done', async () => {
    const many: GroupTask[] = Array.from({ length: 5 }, (_, i) => ({ files: [`r${i}.yaml`], cwd: '.' }));
    const quick = (task: GroupTask) => ({ files: [], coverage: [{ key: task.files[0]!, by: 'here' }] }) as unknown as JudgedRuleSets;
    // This thread needs no time at all: it has judged every group long before a worker has loaded its script.
    for (let run = 0; run < 3; run++) {
      await expect(runOnWorkers(many, { jobs: 2, workerUrl: stub('no-such-worker.mjs'), here: quick })).rejects.toThrow(/a worker failed.*no-such-worker\.mjs/);
      await expect(runOnWorkers(many, { jobs: 2, workerUrl: stub('throws.mjs'), here: quick })).rejects.toThrow(/a worker failed.*a bug in the worker/);
      const judged = await runOnWorkers(many, { jobs: 3, workerUrl: stub('echoes.mjs'), here: quick });
      expect(judged.map((r) => (r.coverage[0] as unknown as { key: string }).key)).toEqual(many.map((t) => t.files[0]));
    }
  });

  it('lets a free worker take the groups this thread is too busy for, each judged once, results in task order', async () => {
    const many: GroupTask[] = Array.from({ length: 6 }, (_, i) => ({ files: [`r${i}.yaml`], cwd: '.' }));
    const pause = new Int32Array(new SharedArrayBuffer(4));
    const here = (task: GroupTask) => {
      Atomics.wait(pause, 0, 0, 200);
      return { files: [], coverage: [{ key: task.files[0]!, by: 'here' }] } as unknown as JudgedRuleSets;
    };
    const judged = await runOnWorkers(many, { jobs: 2, workerUrl: stub('echoes.mjs'), here, weights: [1, 6, 2, 5, 3, 4] });
    const parts = judged.map((r) => r.coverage[0] as unknown as { key: string; by: string });
    expect(parts.map((p) => p.key)).toEqual(many.map((t) => t.files[0]));
    // This thread claims the biggest group first and is busy with it while the worker takes the rest.
    expect(parts[1]!.by).toBe('here');
    expect(parts.filter((p) => p.by === 'worker').length).toBeGreaterThanOrEqual(1);
  });

  it('resolves with nothing to do without starting a worker', async () => {
    await expect(runOnWorkers([], { jobs: 4, workerUrl: stub('throws.mjs') })).resolves.toEqual([]);
  });
});

describe('auditParallel', () => {
  it('rejects with the WorkerError when a worker fails on an audit of several documents', async () => {
    const paths = [path.join(ROOT, 'test/fixtures/parallel')];
    await expect(auditParallel({ paths, jobs: 2, workerUrl: stub('throws.mjs') })).rejects.toThrow(WorkerError);
  });

  it('refuses jobs that are not a whole number of at least 1', async () => {
    const paths = [path.join(ROOT, 'test/fixtures/parallel')];
    for (const jobs of [0, -2, 1.5, Number.NaN]) {
      await expect(auditParallel({ paths, jobs, workerUrl: stub('throws.mjs') }), String(jobs)).rejects.toThrow(/jobs must be a whole number/);
    }
  });

  it('starts no worker with one job, or with one document: the audit is the in-thread one', async () => {
    // A worker would throw; resolving to exactly the in-thread audit shows none was started.
    const broken = stub('throws.mjs');
    const options = (dir: string) => ({ paths: [path.join(ROOT, dir)], cwd: ROOT, today: '2025-06-01' });
    const several = options('test/fixtures/parallel');
    const single = options('rules/lang-son');
    expect(audit(several).documents.length).toBeGreaterThan(1);
    expect(audit(single).documents).toHaveLength(1);
    await expect(auditParallel({ ...several, jobs: 1, workerUrl: broken })).resolves.toEqual(audit(several));
    await expect(auditParallel({ ...single, jobs: 4, workerUrl: broken })).resolves.toEqual(audit(single));
  });
});
