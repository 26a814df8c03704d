/**
 * The worker thread of a parallel audit (bundled as dist/worker.js): claims groups of rule files
 * one after another from the list it is sent (protocol.ts) and answers each with the judged
 * parts, or with the error that stopped it.
 */
import { parentPort } from 'node:worker_threads';
import { clearLoadCache } from '../load/index.js';
import { judgeGroup } from './judge-group.js';
import { claimNext, judgingSlot, type WorkerReply, type WorkerRequest } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('tally: worker.js runs as a worker thread of a parallel audit');

const describe = (e: unknown) =>
  e instanceof Error ? { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } : { name: 'Error', message: String(e) };

port.on('message', ({ tasks, order, state, slot }: WorkerRequest) => {
  for (let index = claimNext(state, order); index !== undefined; index = claimNext(state, order)) {
    Atomics.store(state, judgingSlot(slot), index + 1);
    let reply: WorkerReply;
    try {
      reply = { index, judged: judgeGroup(tasks[index]!) };
    } catch (e) {
      reply = { index, error: describe(e) };
    } finally {
      // A group's figures and documents are not needed once it is judged (groups are by document):
      // a worker that judges many groups keeps none of them.
      clearLoadCache();
    }
    try {
      port.postMessage(reply);
    } catch (e) {
      // Something in the result could not be copied to the main thread: a bug, reported as one.
      reply = { index, error: describe(e) };
      port.postMessage(reply);
    }
    Atomics.store(state, judgingSlot(slot), 0);
    if (reply.error) return;
  }
  port.postMessage({ done: true } satisfies WorkerReply);
});
