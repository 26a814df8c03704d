/**
 * A pool of worker threads judging groups of rule files: min(jobs, groups) workers (one fewer
 * when this thread judges too). Each thread claims the next group (biggest first) through a
 * shared counter as soon as it is free (protocol.ts). Any failure — a group that throws, a
 * worker that cannot start, dies or exits — stops every worker and rejects with a WorkerError;
 * the pool never waits on a worker that is gone. It resolves once every group is judged and every
 * worker has said it found none left: the same failure is reported whether or not this thread
 * happened to judge every group before a broken worker got going.
 */
// Loaded eagerly, though an audit in one thread never starts a worker: loaded only for a pool, it
// saved 2 ms of start-up, but a 100 000-claim audit in one thread then peaked at 1.67 GiB instead
// of 1.04–1.48 GiB (measured side by side, not understood; V8’s heap sizing).
import { Worker } from 'node:worker_threads';
import type { JudgedRuleSets } from '../judge/assemble.js';
import type { GroupTask } from './judge-group.js';
import { claimNext, judgingSlot, NEXT, type WorkerReply, type WorkerRequest } from './protocol.js';

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
   * and that share of the results is never copied between threads.
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
  const order = tasks.map((_, i) => i);
  if (weights) order.sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
  const jobs = Math.min(tasks.length, Math.max(1, Math.floor(options.jobs) || 1));
  const here = options.here;
  const size = here ? jobs - 1 : jobs;
  const state = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * (1 + size)));

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
      // No thread claims a group after a failure.
      Atomics.store(state, NEXT, tasks.length);
      for (const w of [...workers]) stop(w);
      reject(error);
    };
    const judging = (index: number | undefined) => (index === undefined || index < 0 ? '' : ` while judging ${named(tasks[index]!.files)}`);
    /** The group the worker of `slot` said it was judging, if any. */
    const onWhat = (slot: number) => judging(Atomics.load(state, judgingSlot(slot)) - 1);
    /** Workers that found no group left to claim. */
    const finished = new WeakSet<Worker>();
    /** Resolve once every group is judged and every worker has said done; true if it did. */
    const settleIfDone = () => {
      if (settled || remaining > 0) return false;
      for (const w of workers) if (!finished.has(w)) return false;
      settled = true;
      for (const w of [...workers]) stop(w);
      resolve(results);
      return true;
    };
    const done = (index: number, judged: JudgedRuleSets) => {
      results[index] = judged;
      remaining--;
      return settleIfDone();
    };

    for (let slot = 0; slot < size; slot++) {
      // The worker is a self-contained bundle: Node options meant for the main program (an
      // --import hook, --input-type …) are not passed on (V8 flags are process-wide anyway).
      const worker = new Worker(options.workerUrl, { execArgv: [] });
      workers.add(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (settled) return;
        if (reply.done) {
          finished.add(worker);
          settleIfDone();
          return;
        }
        if (reply.error) {
          const { name, message, stack } = reply.error;
          return fail(new WorkerError(`a worker failed${judging(reply.index)}: ${name}: ${message}`, stack));
        }
        done(reply.index, reply.judged);
      });
      worker.on('messageerror', (error) => fail(new WorkerError(`a worker's answer could not be read${onWhat(slot)}: ${error.message}`)));
      worker.on('error', (error) => fail(new WorkerError(`a worker failed${onWhat(slot)}: ${error.name}: ${error.message}`, error.stack)));
      worker.on('exit', (code) => {
        if (!retired.has(worker)) fail(new WorkerError(`a worker stopped (exit code ${code})${onWhat(slot)}`));
      });
      worker.postMessage({ tasks, order, state, slot } satisfies WorkerRequest);
    }
    if (here) void judgeHere(here);

    /** This thread's share: a group at a time, letting the workers' answers in between. */
    async function judgeHere(judge: (task: GroupTask) => JudgedRuleSets): Promise<void> {
      for (;;) {
        await new Promise((next) => setImmediate(next));
        if (settled) return;
        const index = claimNext(state, order);
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
