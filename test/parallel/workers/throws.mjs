// A worker with a bug: it claims a group (as the real worker does, protocol.ts) and throws.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ order, state, slot }) => {
  const k = Atomics.add(state, 0, 1);
  if (k < order.length) Atomics.store(state, 1 + slot, order[k] + 1);
  throw new TypeError('a bug in the worker');
});
