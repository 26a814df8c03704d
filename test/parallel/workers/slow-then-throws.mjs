// Answers the first group after a while with nothing useful, then throws: the pool must stop every worker.
import { parentPort } from 'node:worker_threads';

let seen = 0;
parentPort.on('message', ({ index }) => {
  if (seen++ === 0 && index === 0) setTimeout(() => parentPort.postMessage({ index, error: { name: 'Error', message: 'late failure' } }), 200);
  else throw new Error('second failure');
});
