/**
 * A pool of worker threads judging groups of rule files: min(jobs, groups) workers, each sent
 * the next group (biggest first) as soon as it is free. Any failure — a group that throws, a
 * worker that cannot start, dies or exits — stops every worker and rejects with a WorkerError;
 * the pool never waits on a worker that is gone.
 */
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
  const size = Math.min(tasks.length, Math.max(1, Math.floor(options.jobs) || 1));

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
    /** The group each worker is judging, for error messages. */
    const current = new Map<Worker, number>();
    const feed = (worker: Worker) => {
      const index = queue.shift();
      if (index === undefined) return stop(worker);
      current.set(worker, index);
      worker.postMessage({ index, task: tasks[index]! } satisfies WorkerRequest);
    };
    const onWhat = (worker: Worker) => {
      const index = current.get(worker);
      return index === undefined ? '' : ` while judging ${named(tasks[index]!.files)}`;
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
        current.delete(worker);
        results[reply.index] = reply.judged;
        if (--remaining === 0) {
          settled = true;
          for (const w of [...workers]) stop(w);
          return resolve(results);
        }
        feed(worker);
      });
      worker.on('messageerror', (error) => fail(new WorkerError(`a worker's answer could not be read${onWhat(worker)}: ${error.message}`)));
      worker.on('error', (error) => fail(new WorkerError(`a worker failed${onWhat(worker)}: ${error.name}: ${error.message}`, error.stack)));
      worker.on('exit', (code) => {
        if (!retired.has(worker)) fail(new WorkerError(`a worker stopped (exit code ${code})${onWhat(worker)}`));
      });
      feed(worker);
    }
  });
}
