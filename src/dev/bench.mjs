// npm run bench — speed and memory of tally, as ratios against baselines measured in the same run
// (absolute times on a shared machine drift; ratios taken side by side do not).
//
//  1. start-up: `tally --version` against a bare `node -e ""` (the floor any Node CLI pays);
//  2. the bundled audit against start-up (what the audit itself costs on top);
//  3. scaling: synthetic audits of 1×, 10× and 100× the rules against the 1× run (linear = 10, 100),
//     with peak memory (max RSS) for each;
//  4. cores: a synthetic audit of several documents with `--jobs 1` (one thread) and with the
//     default (a worker thread per core), as a speed-up ratio;
//  5. sound verdicts: 10 000 claims that name each figure once, judged by this build and by the
//     engine before sound verdicts (BENCH_BASELINE, built from git in the same run): the same cost;
//     and the same claims written so that a figure is named twice, which
//     the judge must certify by search ((a − b) / b for growth(a, b)): what that costs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CLI = path.resolve('dist/tally.js');

function timeOnce(args, cwd) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

/** Median wall time of RUNS runs after one warm-up, plus the peak RSS of one instrumented run. */
function measure(args, cwd = process.cwd()) {
  timeOnce(args, cwd);
  const times = Array.from({ length: RUNS }, () => timeOnce(args, cwd)).sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times.at(-1) };
}

/** Peak RSS (MiB) of the command, reported by the process itself on exit through a preloaded hook. */
function peakRss(args, cwd) {
  const hook = path.join(tmpdir(), `tally-bench-rss-${process.pid}.mjs`);
  writeFileSync(hook, "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));\n");
  const run = spawnSync(process.execPath, ['--import', hook, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const match = /maxRSS=(\d+)/.exec(run.stderr);
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * A synthetic audit of `copies` growth claims. `form` writes each claim's expression: by default
 * growth(a, b), each figure once; '(a - b) / b' names b twice (the same value, certified by search).
 */
function syntheticAudit(dir, copies, form = (a, b) => `growth(${a}, ${b})`) {
  mkdirSync(dir, { recursive: true });
  const sentences = [];
  const figures = [];
  const rules = [];
  for (let i = 0; i < copies; i++) {
    const a = 1000 + i, b = 900 + (i % 50);
    const growth = ((a / b - 1) * 100).toFixed(1).replace('.', ',');
    sentences.push(`Doanh thu ${i} năm 2024 đạt ${a.toLocaleString('de-DE')} tỷ đồng, tăng ${growth}% so với năm 2023 (${b} tỷ đồng).`);
    figures.push(`  a${i}: { quote: "Doanh thu ${i} năm 2024 đạt ${a.toLocaleString('de-DE')} tỷ đồng", number: "${a.toLocaleString('de-DE')} tỷ đồng" }`);
    figures.push(`  b${i}: { quote: "so với năm 2023 (${b} tỷ đồng). Doanh thu ${i + 1} năm", number: "${b} tỷ đồng" }`);
    rules.push(`  - id: growth-${i}\n    quote: "Doanh thu ${i} năm 2024 đạt ${a.toLocaleString('de-DE')} tỷ đồng, tăng ${growth}%"\n    number: "${growth}%"\n    expr: ${form(`a${i}`, `b${i}`)}`);
  }
  sentences.push(`Doanh thu ${copies} năm sau.`);
  writeFileSync(path.join(dir, 'doc.txt'), sentences.join('\n'));
  writeFileSync(path.join(dir, 'figures.yaml'), `document: doc.txt\nlocale: vi-VN\nfigures:\n${figures.join('\n')}\n`);
  const ignore = 'ignore:\n  - { kind: year, reason: years }\n  - { pattern: "^\\\\d+$", reason: sentence numbers }\n';
  writeFileSync(path.join(dir, 'rules.yaml'), `figures: [figures.yaml]\n${ignore}rules:\n${rules.join('\n')}\n`);
  return dir;
}

const rows = [];
const bare = measure(['-e', '']);
const startup = measure([CLI, '--version']);
const bundled = measure([CLI, 'audit', '--fail-on', 'never']);
rows.push(['node -e "" (baseline)', bare, 1]);
rows.push(['tally --version', startup, startup.median / bare.median]);
rows.push(['tally audit (bundled rules)', bundled, bundled.median / startup.median, 'vs start-up']);

const root = mkdtempSync(path.join(tmpdir(), 'tally-bench-'));
const sizes = [100, 1000, 10000];
// 10 000 rules need 20 000 figures in one figure file: 2.0 MiB, just over the default YAML limit.
const synthetic = [CLI, 'audit', 'rules.yaml', '--fail-on', 'never', '--max-yaml-size', '16MiB'];
let unit;
for (const n of sizes) {
  const dir = syntheticAudit(path.join(root, String(n)), n);
  const m = measure(synthetic, dir);
  const net = m.median - startup.median;
  unit ??= net;
  rows.push([`synthetic audit, ${n} rules`, m, net / unit, `net of start-up vs ${sizes[0]} rules`, peakRss(synthetic, dir)]);
}

// Documents are independent: 8 documents of 1 000 rules each, on one thread and on every core.
const DOCUMENTS = 8;
const multi = path.join(root, 'multi');
for (let d = 0; d < DOCUMENTS; d++) syntheticAudit(path.join(multi, `doc-${d}`), 1000);
const oneThread = measure([CLI, 'audit', '.', '--fail-on', 'never', '--jobs', '1'], multi);
const allCores = measure([CLI, 'audit', '.', '--fail-on', 'never'], multi);
rows.push([`${DOCUMENTS} documents × 1000 rules, --jobs 1`, oneThread, oneThread.median / startup.median, 'vs start-up']);
rows.push([`same, default jobs (${availableParallelism()} cores)`, allCores, oneThread.median / allCores.median, 'speed-up vs --jobs 1']);

// Sound verdicts: single-use claims cost what they did before; repeated figures cost a search.
const BASELINE = process.env.BENCH_BASELINE ?? '67407fe';
const baselineCli = buildBaseline(BASELINE, root);
const SOUND = 10000;
const single = syntheticAudit(path.join(root, 'single'), SOUND);
const repeated = syntheticAudit(path.join(root, 'repeated'), SOUND, (a, b) => `(${a} - ${b}) / ${b}`);
const args = (cli) => [cli, 'audit', 'rules.yaml', '--fail-on', 'never'];
const singleNow = measure(args(CLI), single);
const repeatedNow = measure(args(CLI), repeated);
if (baselineCli) {
  const singleBefore = measure(args(baselineCli), single);
  rows.push([`${SOUND} single-use claims, before (${BASELINE})`, singleBefore, 1, 'baseline']);
  rows.push([`same, this build (witness + enclosure)`, singleNow, singleNow.median / singleBefore.median, 'vs before']);
} else {
  rows.push([`${SOUND} single-use claims, this build`, singleNow, 1, 'baseline (no git: no before)']);
}
rows.push([`${SOUND} claims naming a figure twice`, repeatedNow, repeatedNow.median / singleNow.median, 'vs single-use (certified by search)']);

console.log(`tally benchmark — ${RUNS} runs each after a warm-up, median wall time (min–max), ratios in the same run\n`);
for (const [name, m, ratio, against = 'vs baseline', rss] of rows) {
  const mem = rss ? `  peak ${rss.toFixed(0)} MiB` : '';
  console.log(`${name.padEnd(38)} ${m.median.toFixed(1).padStart(8)} ms (${m.min.toFixed(1)}–${m.max.toFixed(1)})  ×${ratio.toFixed(2)} ${against}${mem}`);
}

/** The CLI as built at `commit` (from git, in the same run), or null when there is no git history here. */
function buildBaseline(commit, into) {
  const dir = path.join(into, `baseline-${commit}`);
  mkdirSync(dir, { recursive: true });
  const archive = spawnSync('sh', ['-c', `git archive ${commit} | tar -x -C ${JSON.stringify(dir)}`], { encoding: 'utf8' });
  if (archive.status !== 0) return null;
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  const build = spawnSync(process.execPath, ['src/dev/build.mjs'], { cwd: dir, encoding: 'utf8' });
  return build.status === 0 ? path.join(dir, 'dist/tally.js') : null;
}
