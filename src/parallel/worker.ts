/**
 * The worker thread of a parallel audit (bundled as dist/worker.js): judges the groups of rule
 * files it is sent, one message each, and answers with the judged parts or the error.
 */
import { parentPort } from 'node:worker_threads';
import { clearLoadCache } from '../load/index.js';
import { judgeGroup } from './judge-group.js';
import type { WorkerReply, WorkerRequest } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('tally: worker.js runs as a worker thread of a parallel audit');

const describe = (e: unknown) =>
  e instanceof Error ? { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } : { name: 'Error', message: String(e) };

port.on('message', (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { index: request.index, judged: judgeGroup(request.task) };
  } catch (e) {
    reply = { index: request.index, error: describe(e) };
  } finally {
    // A group's figures and documents are not needed once it is judged (groups are by document):
    // a worker that judges many groups keeps none of them.
    clearLoadCache();
  }
  try {
    port.postMessage(reply);
  } catch (e) {
    // Something in the result could not be copied to the main thread: a bug, reported as one.
    port.postMessage({ index: request.index, error: describe(e) } satisfies WorkerReply);
  }
});
