/**
 * A worker thread of `npm run fuzz` (src/dev/fuzz.mjs bundles this file): runs the inputs of the
 * ranges it is sent through the library, in process, and reports each one as it starts and ends,
 * so the main thread can tell a slow input, a hang or a crash from a finished one. An input that
 * misbehaves or runs over 2 s is copied to the save folder to be replayed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { runInput } from './harness.js';
import { fuzzInput } from './inputs.js';

const { dir, saveDir, seed } = workerData as { dir: string; saveDir: string; seed: number };
const port = parentPort!;

port.on('message', ({ from, to }: { from: number; to: number }) => {
  for (let i = from; i < to; i++) {
    const input = fuzzInput(seed, i);
    port.postMessage({ type: 'start', i, label: input.label });
    const outcome = runInput(dir, input.files, input.rules, input.explainToo);
    if (outcome.kind === 'bug' || outcome.ms > 2000) {
      const keep = path.join(saveDir, `input-${i}`);
      fs.rmSync(keep, { recursive: true, force: true });
      fs.cpSync(dir, keep, { recursive: true });
      fs.writeFileSync(path.join(keep, 'FUZZ.txt'), `seed ${seed}, input ${i} (${input.label}); rule files: ${input.rules.join(', ')}\n${outcome.problem ?? `${Math.round(outcome.ms)} ms`}\n`);
    }
    port.postMessage({ type: 'done', i, label: input.label, ...outcome });
  }
  port.postMessage({ type: 'range-done' });
});
