// A worker that dies without a word on the first group it is sent.
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
