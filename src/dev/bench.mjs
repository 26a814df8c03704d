// npm run bench — speed and memory of tally, as ratios against baselines measured in the same run
// (absolute times on a shared machine drift; ratios taken side by side do not). Each row names the
// target it is held to (issue "performance at scale"); the table ends with the machine it ran on.
//
//  1. start-up: `tally --version`, `--help` and the bundled audit against a bare `node -e ""`, and the
//     audit without the code cache of the CLI's scripts (a first run: src/cli/code-cache.ts);
//  2. scale: synthetic region audits (src/dev/synthetic.mjs) of 1 000, 10 000 and 100 000 claims:
//     wall time, cost per claim (net of a 3-claim audit's fixed cost) against the 1 000-claim run,
//     peak memory (max RSS);
//  3. failing claims: 10 000 claims of which one in ten is wrong (diagnosed) against the clean set,
//     as the cost of one failing claim over one passing claim;
//  4. cores: 16 documents with `--jobs 1` and `--jobs 2`;
//  5. sound verdicts: 10 000 claims that name each figure once, and the same claims naming a
//     figure twice (certified by search), against the engine before sound verdicts (BENCH_BASELINE);
//  6. peers: the same 10 000 growth checks with the values already extracted, through a hand-written
//     checker, plain mathjs and json-rules-engine (src/dev/peers/), against tally reading them from prose.
//
// BENCH_RUNS (default 5) runs per row after a warm-up; BENCH_MAX (default 100000) the largest audit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { makeChecks } from './peers/checks.mjs';
import { regionAudit } from './synthetic.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MAX = Number(process.env.BENCH_MAX ?? 100000);
const CLI = path.resolve('dist/tally.js');

function timeOnce(args, cwd, env = {}) {
  const started = process.hrtime.bigint();
  // stdout is not kept: a large audit's report is beyond spawnSync's buffer (and costs nothing here).
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

/** Median wall time of RUNS runs after one warm-up, plus the peak RSS of one instrumented run. */
function measure(args, cwd = process.cwd(), runs = RUNS, env = {}) {
  timeOnce(args, cwd, env);
  const times = Array.from({ length: runs }, () => timeOnce(args, cwd, env)).sort((a, b) => a - b);
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

const rows = [];
/** A row of the table, printed as soon as it is measured (the whole run takes minutes). */
function row(name, m, ratio, against, target = '', rss) {
  rows.push({ name, m, ratio, against, target, rss });
  print(rows.at(-1));
}
function print({ name, m, ratio, against, target, rss }) {
  const ms = m.median >= 10000 ? `${(m.median / 1000).toFixed(1)} s` : `${m.median.toFixed(0)} ms`;
  console.log(`| ${name} | ${ms} | ×${ratio.toFixed(2)} ${against} | ${target} | ${rss ? `${rss.toFixed(0)} MiB` : ''} |`);
}
console.log(`tally benchmark — median wall time of ${RUNS} runs after a warm-up (3 for 100,000 claims), ratios in the same run\n`);
console.log('| run | median | ratio | target | peak RSS |\n|---|---:|---|---|---:|');
const root = mkdtempSync(path.join(tmpdir(), 'tally-bench-'));
const audit = (extra = []) => [CLI, 'audit', 'rules.yaml', '--fail-on', 'never', '--max-yaml-size', '64MiB', ...extra];

// 1. Start-up.
const bare = measure(['-e', '']);
const startup = measure([CLI, '--version']);
const help = measure([CLI, '--help']);
const bundled = measure([CLI, 'audit', '--fail-on', 'never']);
const uncached = measure([CLI, 'audit', '--fail-on', 'never'], process.cwd(), RUNS, { TALLY_NO_CACHE: '1' });
row('node -e "" (baseline)', bare, 1, 'baseline');
row('tally --version', startup, startup.median / bare.median, 'vs bare node', '≤ ×2');
row('tally --help', help, help.median / bare.median, 'vs bare node');
row('tally audit (bundled rules)', bundled, bundled.median / bare.median, 'vs bare node', '≤ ×3');
row('same, without the code cache (a first run)', uncached, uncached.median / bare.median, 'vs bare node');

// 2. Scale: cost per claim, net of what any audit costs (an audit of one sentence, three claims:
// the program loaded, its validators, the JIT's first compilations), against the smallest audit.
const fixedDir = regionAudit(path.join(root, 'scale-3'), 3);
const fixed = measure(audit(), fixedDir);
row('3 claims (the fixed cost of an audit)', fixed, fixed.median / bare.median, 'vs bare node');
let perClaim;
for (const n of [1000, 10000, 100000].filter((x) => x <= MAX)) {
  const dir = regionAudit(path.join(root, `scale-${n}`), n);
  const m = measure(audit(), dir, n >= 100000 ? Math.min(RUNS, 3) : RUNS);
  const per = (m.median - fixed.median) / n;
  perClaim ??= per;
  row(`${n.toLocaleString('en')} claims`, m, per / perClaim, 'per claim vs 1,000', n >= 100000 ? '≤ 10 s, ≤ 1 GiB; per claim ×0.75–1.25' : 'per claim ×0.75–1.25', peakRss(audit(), dir));
}

// 3. Failing claims: what one failing claim costs over a passing one.
const FAILING = 10000;
const clean = regionAudit(path.join(root, 'clean'), FAILING);
const wrong = regionAudit(path.join(root, 'wrong'), FAILING, { wrongEvery: 10 });
const cleanRun = measure(audit(), clean);
const wrongRun = measure(audit(), wrong);
const failing = Math.ceil(FAILING / 3 / 10);
const passCost = (cleanRun.median - fixed.median) / FAILING;
const failCost = passCost + (wrongRun.median - cleanRun.median) / failing;
row(`${FAILING.toLocaleString('en')} claims, all hold`, cleanRun, 1, 'baseline');
row(`same, ${failing} wrong (diagnosed)`, wrongRun, failCost / passCost, 'one failing claim vs one passing', '≤ ×1.5');

// 4. Cores: documents are independent.
const DOCUMENTS = 16;
const multi = path.join(root, 'multi');
const PER_DOCUMENT = 2400;
for (let d = 0; d < DOCUMENTS; d++) regionAudit(path.join(multi, `doc-${d}`), PER_DOCUMENT, { idPrefix: `d${d}-` });
writeFileSync(path.join(multi, 'package.json'), '{}\n');
const many = (jobs) => [CLI, 'audit', '.', '--fail-on', 'never', '--jobs', String(jobs)];
const oneThread = measure(many(1), multi);
const twoThreads = measure(many(2), multi);
row(`${DOCUMENTS} documents × ${PER_DOCUMENT.toLocaleString('en')} claims, --jobs 1`, oneThread, 1, 'baseline');
row('same, --jobs 2', twoThreads, oneThread.median / twoThreads.median, 'speed-up vs --jobs 1', '≥ ×1.7');

// 5. Sound verdicts: single-use claims cost what they did before; repeated figures cost a search.
const BASELINE = process.env.BENCH_BASELINE ?? '67407fe';
const baselineCli = buildBaseline(BASELINE, root);
const SOUND = 10000;
const single = regionAudit(path.join(root, 'single'), SOUND);
const repeated = regionAudit(path.join(root, 'repeated'), SOUND, { form: (a, b) => `(${a} - ${b}) / ${b}` });
const singleNow = measure(audit(), single);
if (baselineCli) {
  const singleBefore = measure([baselineCli, 'audit', 'rules.yaml', '--fail-on', 'never'], single) // before size limits existed;
  row(`${SOUND.toLocaleString('en')} single-use claims, before (${BASELINE})`, singleBefore, 1, 'baseline');
  row('same, this build (witness + enclosure)', singleNow, singleNow.median / singleBefore.median, 'vs before');
}
const repeatedNow = measure(audit(), repeated);
row(`${SOUND.toLocaleString('en')} claims naming a figure twice`, repeatedNow, repeatedNow.median / singleNow.median, 'vs single-use (search)');

// 6. Peers: the same growth checks, values already extracted (they read no prose).
const PEER_CHECKS = 10000;
const checksFile = path.join(root, 'checks.json');
writeFileSync(checksFile, JSON.stringify(makeChecks(PEER_CHECKS)));
const peers = path.resolve('src/dev/peers');
const hand = measure([path.join(peers, 'hand.mjs'), checksFile]);
const growthOnly = regionAudit(path.join(root, 'growth-only'), PEER_CHECKS, { only: 'growth' });
const tallyGrowth = measure(audit(), growthOnly);
row(`${PEER_CHECKS.toLocaleString('en')} growth checks, hand-written JS`, hand, 1, 'baseline');
for (const [name, m] of [
  ['same, plain mathjs', measure([path.join(peers, 'mathjs.mjs'), checksFile])],
  ['same, json-rules-engine', measure([path.join(peers, 'rules-engine.mjs'), checksFile])],
  ['same, tally (reading them from prose)', tallyGrowth],
]) {
  row(name, m, m.median / hand.median, 'vs hand-written');
}

const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(`\nmachine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM (${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}, ${process.platform}`);

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
