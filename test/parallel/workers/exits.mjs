// A worker that claims a group (as the real worker does, protocol.ts) and dies without a word.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ order, state, slot }) => {
  const k = Atomics.add(state, 0, 1);
  if (k < order.length) Atomics.store(state, 1 + slot, order[k] + 1);
  process.exit(3);
});
