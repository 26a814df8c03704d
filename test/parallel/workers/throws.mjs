// A worker with a bug: it throws on the first group it is sent.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => {
  throw new TypeError('a bug in the worker');
});
