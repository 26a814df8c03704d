// The worker that claims the first group answers it after a while with nothing useful; the one
// that claims another throws: the pool must stop every worker at the first failure.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', ({ order, state, slot }) => {
  const k = Atomics.add(state, 0, 1);
  if (k >= order.length) return;
  const index = order[k];
  Atomics.store(state, 1 + slot, index + 1);
  if (k === 0) setTimeout(() => parentPort.postMessage({ index, error: { name: 'Error', message: 'late failure' } }), 200);
  else throw new Error('second failure');
});
