// `npm run fuzz [-- <inputs> [<seed>]]`: at least 100 000 inputs through the library, in process,
// on worker threads (test/fuzz/: grammar-aware projects and byte mutations of the bundled seed
// files). Reports non-domain exceptions (anything but a Diagnostic or a UsageError), runs over
// 2 s with the phase that took the time, and crashes (a worker that died, ran out of memory or
// hung past the watchdog). Misbehaving and slow inputs are saved under .scratch/fuzz/ to be
// replayed. Exits 1 unless all three counts are 0. Timing is measured here, never in the suite.
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

const total = Number(process.argv[2] ?? 100_000);
const seed = Number(process.argv[3] ?? 20_251_201);
const jobs = Math.max(1, os.availableParallelism());
/** An input still running after this long is a hang: its worker is stopped and replaced. */
const WATCHDOG_MS = 15_000;
const SLOW_MS = 2_000;
const RANGE = 250;

const saveDir = path.resolve('.scratch/fuzz');
fs.rmSync(saveDir, { recursive: true, force: true });
fs.mkdirSync(saveDir, { recursive: true });
// Inputs are written to files (the library reads paths): in memory when the system has /dev/shm.
const scratchRoot = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const work = fs.mkdtempSync(path.join(scratchRoot, 'tally-fuzz-'));
const bundle = path.join(work, 'worker.mjs');
await build({
  entryPoints: ['test/fuzz/worker.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  logLevel: 'warning',
  banner: { js: "import { createRequire as __fuzzRequire } from 'node:module'; const require = __fuzzRequire(import.meta.url);" },
});

const stats = {
  done: 0,
  byLabel: new Map(),
  kinds: { ok: 0, usage: 0, bug: 0 },
  bugs: [],
  slow: [],
  crashes: [],
  slowest: { ms: 0, i: -1, phases: { load: 0, judge: 0, render: 0 } },
  phaseTotals: { load: 0, judge: 0, render: 0 },
};
const queue = [];
for (let from = 0; from < total; from += RANGE) queue.push({ from, to: Math.min(total, from + RANGE) });

const started = performance.now();
let lastProgress = 0;

function record(message) {
  stats.done++;
  stats.byLabel.set(message.label.split(' ')[0], (stats.byLabel.get(message.label.split(' ')[0]) ?? 0) + 1);
  stats.kinds[message.kind]++;
  for (const p of ['load', 'judge', 'render']) stats.phaseTotals[p] += message.phases[p];
  if (message.kind === 'bug') stats.bugs.push({ i: message.i, label: message.label, problem: message.problem });
  if (message.ms > SLOW_MS) stats.slow.push({ i: message.i, label: message.label, ms: message.ms, phases: message.phases });
  if (message.ms > stats.slowest.ms) stats.slowest = { ms: message.ms, i: message.i, phases: message.phases };
  if (stats.done - lastProgress >= 5000) {
    lastProgress = stats.done;
    process.stderr.write(`  ${stats.done} / ${total} inputs, ${Math.round((performance.now() - started) / 1000)} s\n`);
  }
}

/** One worker: takes ranges from the queue until it is empty; replaced if it hangs or dies. */
function startWorker(slot) {
  return new Promise((resolve) => {
    const dir = path.join(work, `project-${slot}`);
    const worker = new Worker(bundle, { workerData: { dir, saveDir, seed }, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    let range;
    let running; // { i, label, since }
    /** The last input of the range that finished: inputs run in order, so the next one is the culprit. */
    let lastDone;
    let finished = false;
    const next = () => {
      range = queue.shift();
      if (!range) {
        finished = true;
        clearInterval(watchdog);
        void worker.terminate();
        resolve();
        return;
      }
      lastDone = range.from - 1;
      worker.postMessage(range);
    };
    /** The worker is gone mid-range: note why, keep the input, and carry on after it in a new worker. */
    const lost = (why) => {
      if (finished) return;
      finished = true;
      clearInterval(watchdog);
      const i = running?.i ?? (lastDone ?? -2) + 1;
      const keep = path.join(saveDir, `input-${i}`);
      fs.rmSync(keep, { recursive: true, force: true });
      if (fs.existsSync(dir)) fs.cpSync(dir, keep, { recursive: true });
      fs.mkdirSync(keep, { recursive: true });
      fs.writeFileSync(path.join(keep, 'FUZZ.txt'), `seed ${seed}, input ${i} (${running?.label ?? 'not started'}): ${why}\n`);
      process.stderr.write(`  input ${i}: ${why}\n`);
      stats.crashes.push({ i, label: running?.label ?? '?', why });
      if (range && i + 1 < range.to) queue.unshift({ from: i + 1, to: range.to });
      stats.done++;
      resolve(startWorker(slot));
    };
    const watchdog = setInterval(() => {
      if (running && performance.now() - running.since > WATCHDOG_MS) {
        const hung = running;
        void worker.terminate().then(() => lost(`still running after ${WATCHDOG_MS / 1000} s (${hung.label})`));
        running = undefined;
      }
    }, 250);
    worker.on('message', (message) => {
      if (message.type === 'start') running = { i: message.i, label: message.label, since: performance.now() };
      else if (message.type === 'done') {
        running = undefined;
        lastDone = message.i;
        record(message);
      } else if (message.type === 'range-done') next();
    });
    worker.on('error', (error) => lost(`${error.code ?? error.name}: ${error.message}`));
    worker.on('exit', (code) => {
      if (!finished) lost(`worker exited with code ${code}`);
    });
    next();
  });
}

process.stderr.write(`tally fuzz: ${total} inputs, seed ${seed}, ${jobs} worker${jobs === 1 ? '' : 's'}\n`);
await Promise.all(Array.from({ length: jobs }, (_, slot) => startWorker(slot)));
fs.rmSync(work, { recursive: true, force: true });

const seconds = (performance.now() - started) / 1000;
const ms = (x) => `${Math.round(x)} ms`;
const KINDS = { grammar: 'grammar-aware projects', variant: 'byte-mutated variants of them', seed: 'byte-mutated seed files' };
const labels = Object.entries(KINDS)
  .map(([k, words]) => `${stats.byLabel.get(k) ?? 0} ${words}`)
  .join(', ');
const lines = [
  `tally fuzz: ${stats.done} inputs (${labels}) in ${Math.round(seconds)} s on ${jobs} worker thread${jobs === 1 ? '' : 's'}, seed ${seed}`,
  `  audited: ${stats.kinds.ok}, refused as usage errors: ${stats.kinds.usage}`,
  `  non-domain exceptions: ${stats.bugs.length}`,
  ...stats.bugs.slice(0, 10).map((b) => `    input ${b.i} (${b.label}): ${b.problem.split('\n')[0]}`),
  `  runs over 2 s: ${stats.slow.length}${stats.slow.length ? ` (by phase: ${['load', 'judge', 'render'].map((p) => `${p} ${stats.slow.filter((s) => Object.entries(s.phases).sort((a, b) => b[1] - a[1])[0][0] === p).length}`).join(', ')})` : ''}`,
  ...stats.slow.slice(0, 10).map((s) => `    input ${s.i} (${s.label}): ${ms(s.ms)} — load ${ms(s.phases.load)}, judge ${ms(s.phases.judge)}, render ${ms(s.phases.render)}`),
  `  slowest run: ${ms(stats.slowest.ms)} (input ${stats.slowest.i}: load ${ms(stats.slowest.phases.load)}, judge ${ms(stats.slowest.phases.judge)}, render ${ms(stats.slowest.phases.render)})`,
  `  time by phase: load ${Math.round(stats.phaseTotals.load / 1000)} s, judge ${Math.round(stats.phaseTotals.judge / 1000)} s, render ${Math.round(stats.phaseTotals.render / 1000)} s`,
  `  crashes (a worker that died, ran out of memory or hung over ${WATCHDOG_MS / 1000} s): ${stats.crashes.length}`,
  ...stats.crashes.slice(0, 10).map((c) => `    input ${c.i} (${c.label}): ${c.why}`),
];
if (stats.bugs.length || stats.slow.length || stats.crashes.length) lines.push(`  inputs to replay: ${path.relative(process.cwd(), saveDir)}/`);
process.stdout.write(`${lines.join('\n')}\n`);
process.exitCode = stats.bugs.length || stats.slow.length || stats.crashes.length ? 1 : 0;
