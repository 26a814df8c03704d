// How long `tally audit --watch` takes to show the new result after a one-line edit of a rule
// file of the seed (target: under 200 ms). Not a test: timings depend on the machine.
// Usage: npm run build && node src/dev/watch-bench.mjs [rounds]
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const rounds = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(path.join(tmpdir(), 'tally-watch-bench-'));
writeFileSync(path.join(dir, 'package.json'), '{}\n');
cpSync(path.join(root, 'rules/lang-son'), path.join(dir, 'rules/lang-son'), { recursive: true });
cpSync(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true });
const file = path.join(dir, 'rules/lang-son/enterprises.yaml');
const original = readFileSync(file, 'utf8');

const child = spawn(process.execPath, [path.join(root, 'dist/tally.cjs'), 'audit', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
child.stdout.resume();
let stderr = '';
const waiters = [];
child.stderr.on('data', (chunk) => {
  stderr += chunk;
  let m;
  while ((m = /judged (\d+) of (\d+) rule files? in (\d+) ms[^\n]*\n/.exec(stderr))) {
    stderr = stderr.slice(m.index + m[0].length);
    waiters.shift()?.({ judged: Number(m[1]), ms: Number(m[3]) });
  }
});
const nextRun = () => new Promise((resolve) => waiters.push(resolve));

const first = await nextRun();
console.log(`first run: ${first.ms} ms (${first.judged} rule files judged)`);
const walls = [];
const runs = [];
const judged = new Set();
for (let i = 0; i < rounds; i++) {
  const next = nextRun();
  const t0 = performance.now();
  // One line edited: a rule's severity (warning → error, and back).
  writeFileSync(file, i % 2 ? original : original.replace('\n    severity: warning\n', '\n    severity: error\n'));
  const r = await next;
  walls.push(performance.now() - t0);
  runs.push(r.ms);
  judged.add(r.judged);
}
child.kill();
rmSync(dir, { recursive: true, force: true });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`after a one-line edit (${rounds} rounds; rule files judged again: ${[...judged].join(', ')}): run ${median(runs)} ms median; edit → new result on stdout ${Math.round(median(walls))} ms median (includes the ${60} ms debounce)`);
