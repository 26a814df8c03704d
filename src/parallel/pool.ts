/**
 * A pool of worker threads judging groups of rule files: min(jobs, groups) workers (one fewer
 * when this thread judges too), each sent the next group (biggest first) as soon as it is free. Any failure — a group that throws, a
 * worker that cannot start, dies or exits — stops every worker and rejects with a WorkerError;
 * the pool never waits on a worker that is gone.
 */
// Loaded eagerly, though an audit in one thread never starts a worker: loaded only for a pool, it
// saved 2 ms of start-up, but a 100 000-claim audit in one thread then peaked at 1.67 GiB instead
// of 1.04–1.48 GiB (measured side by side, not understood; V8’s heap sizing).
import { Worker } from 'node:worker_threads';
import type { JudgedRuleSets } from '../judge/assemble.js';
import type { GroupTask } from './judge-group.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

/** A worker failed: its message says on which rule files; its stack is the worker's. */
export class WorkerError extends Error {
  constructor(message: string, workerStack?: string) {
    super(message);
    this.name = 'WorkerError';
    this.stack = workerStack ? `${this.name}: ${message}\n  in the worker: ${workerStack}` : `${this.name}: ${message}`;
  }
}

export interface PoolOptions {
  /** At most this many workers. */
  jobs: number;
  /** The worker script (dist/worker.js). */
  workerUrl: URL;
  /** Order of starting the tasks (default: as given). */
  weights?: readonly number[];
  /**
   * Judge tasks in this thread too, as one of the `jobs`: one worker fewer to start and warm up,
   * and that share of the results is never copied between threads. Each worker then holds two
   * tasks, so it has the next one while this thread is busy and cannot hand it one.
   */
  here?: (task: GroupTask) => JudgedRuleSets;
}

const named = (files: readonly string[]) =>
  files.length === 0 ? 'no rule file' : files.length === 1 ? files[0]! : `${files[0]} (and ${files.length - 1} more rule files)`;

/** Judge every task on worker threads; the judged parts in task order. */
export function runOnWorkers(tasks: readonly GroupTask[], options: PoolOptions): Promise<JudgedRuleSets[]> {
  const results = new Array<JudgedRuleSets>(tasks.length);
  if (tasks.length === 0) return Promise.resolve(results);
  const weights = options.weights;
  const queue = tasks.map((_, i) => i);
  if (weights) queue.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
  const jobs = Math.min(tasks.length, Math.max(1, Math.floor(options.jobs) || 1));
  const here = options.here;
  const size = here ? jobs - 1 : jobs;
  const ahead = here ? 2 : 1;

  return new Promise((resolve, reject) => {
    const workers = new Set<Worker>();
    /** Workers told to stop: their exit is expected. */
    const retired = new WeakSet<Worker>();
    let remaining = tasks.length;
    let settled = false;

    const stop = (worker: Worker) => {
      retired.add(worker);
      workers.delete(worker);
      void worker.terminate();
    };
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      for (const w of [...workers]) stop(w);
      reject(error);
    };
    /** The groups each worker has been sent and not answered yet (the first is being judged). */
    const current = new Map<Worker, number[]>();
    const feed = (worker: Worker) => {
      const sent = current.get(worker) ?? [];
      current.set(worker, sent);
      while (sent.length < ahead) {
        const index = queue.shift();
        if (index === undefined) break;
        sent.push(index);
        worker.postMessage({ index, task: tasks[index]! } satisfies WorkerRequest);
      }
      if (sent.length === 0) stop(worker);
    };
    const onWhat = (worker: Worker) => {
      const index = current.get(worker)?.[0];
      return index === undefined ? '' : ` while judging ${named(tasks[index]!.files)}`;
    };
    const done = (index: number, judged: JudgedRuleSets) => {
      results[index] = judged;
      if (--remaining > 0) return false;
      settled = true;
      for (const w of [...workers]) stop(w);
      resolve(results);
      return true;
    };

    for (let i = 0; i < size; i++) {
      // The worker is a self-contained bundle: Node options meant for the main program (an
      // --import hook, --input-type …) are not passed on (V8 flags are process-wide anyway).
      const worker = new Worker(options.workerUrl, { execArgv: [] });
      workers.add(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (settled) return;
        if (reply.error) {
          const { name, message, stack } = reply.error;
          return fail(new WorkerError(`a worker failed${onWhat(worker)}: ${name}: ${message}`, stack));
        }
        const sent = current.get(worker) ?? [];
        sent.splice(sent.indexOf(reply.index), 1);
        if (!done(reply.index, reply.judged)) feed(worker);
      });
      worker.on('messageerror', (error) => fail(new WorkerError(`a worker's answer could not be read${onWhat(worker)}: ${error.message}`)));
      worker.on('error', (error) => fail(new WorkerError(`a worker failed${onWhat(worker)}: ${error.name}: ${error.message}`, error.stack)));
      worker.on('exit', (code) => {
        if (!retired.has(worker)) fail(new WorkerError(`a worker stopped (exit code ${code})${onWhat(worker)}`));
      });
      feed(worker);
    }
    if (here) void judgeHere(here);

    /** This thread's share: a task at a time, letting the workers' answers in between. */
    async function judgeHere(judge: (task: GroupTask) => JudgedRuleSets): Promise<void> {
      for (;;) {
        await new Promise((next) => setImmediate(next));
        if (settled) return;
        const index = queue.shift();
        if (index === undefined) return;
        let judged: JudgedRuleSets;
        try {
          judged = judge(tasks[index]!);
        } catch (e) {
          return fail(e instanceof Error ? e : new Error(String(e)));
        }
        if (settled || done(index, judged)) return;
      }
    }
  });
}
