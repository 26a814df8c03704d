// npm run bench — speed and memory of tally, as ratios against baselines measured in the same run
// (absolute times on a shared machine drift; ratios taken side by side do not). Each row names the
// target it is held to (issue "performance at scale"); the table ends with the machine it ran on.
//
//  1. start-up: `tally --version`, `--help` and the bundled audit against a bare `node -e ""`, and the
//     audit without the code cache of the CLI's scripts (a first run: src/cli/code-cache.ts);
//     each run in turn with bare Node (`paired`; so are the comparisons of 3 to 6 below);
//  2. scale: synthetic region audits (src/dev/synthetic.mjs) of 1 000, 10 000 and 100 000 claims:
//     wall time, cost per claim (net of a 3-claim audit's fixed cost) against the 1 000-claim run,
//     peak memory (max RSS, three runs: it varies with where garbage collections fall);
//  3. failing claims: 10 000 claims of which a third are wrong (diagnosed) against the clean set,
//     as the cost of one failing claim over one passing claim;
//     and single claims whose every evaluation is costly (src/dev/synthetic.mjs `hostileAudits`), each
//     against one plain failing claim: the slowest rule's own time (`--timings`), and what it adds
//     to a whole run; the clean set writing every report file against its console report alone;
//  4. cores: 16 documents with `--jobs 1` and `--jobs 2`; two documents with `--jobs 2` and without
//     `--jobs` (the default threads, src/parallel/default-jobs.ts);
//  5. sound verdicts: 10 000 claims that name each figure once, and the same claims naming a
//     figure twice (certified by search), against the engine before sound verdicts (BENCH_BASELINE);
//  6. peers: the same 10 000 growth checks with the values already extracted, through a hand-written
//     checker, plain mathjs and json-rules-engine (src/dev/peers/), against tally reading them from prose.
//
// BENCH_RUNS (default 5) runs per row after a warm-up; BENCH_MAX (default 100000) the largest audit.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, freemem, totalmem, tmpdir } from 'node:os';
import path from 'node:path';
import { makeChecks } from './peers/checks.mjs';
import { hostileAudits, regionAudit } from './synthetic.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const MAX = Number(process.env.BENCH_MAX ?? 100000);
const RSS_RUNS = 3;
const CLI = path.resolve('dist/tally.cjs');

function timeOnce(args, cwd, env = {}) {
  const started = process.hrtime.bigint();
  // stdout is not kept: a large audit's report is beyond spawnSync's buffer (and costs nothing here).
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status === null || run.status > 1) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

/** Median wall time of RUNS runs after one warm-up, with the fastest and slowest. */
function measure(args, cwd = process.cwd(), runs = RUNS, env = {}) {
  timeOnce(args, cwd, env);
  return summary(Array.from({ length: runs }, () => timeOnce(args, cwd, env)));
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted.at(-1) };
}

/** How long the one rule of an audit takes to judge, by its `--timings` (median of RUNS runs after a warm-up). */
function ruleTime(c, runs = RUNS) {
  const once = () => {
    const run = spawnSync(process.execPath, [...c.args, '--timings'], { cwd: c.cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const ms = /^timings: .*\n\s*([\d.]+) ms /.exec(run.stderr ?? '');
    if (run.status === null || run.status > 1 || !ms) throw new Error(`${c.args.join(' ')} --timings failed: ${run.stderr}`);
    return Number(ms[1]);
  };
  once();
  return summary(Array.from({ length: runs }, once));
}

/**
 * A command and its baseline run in turn (A B A B …, after a warm-up of each): the ratio is the
 * median of the runs' pairwise ratios, so a machine whose speed drifts during the bench (a shared
 * machine does, by tens of percent within minutes) moves both sides of each ratio together.
 * `a` and `b` are { args, cwd?, env? }; returns both commands' times and the paired ratio A/B.
 */
function paired(a, b, runs = RUNS) {
  const once = (c) => timeOnce(c.args, c.cwd ?? process.cwd(), c.env ?? {});
  once(a);
  once(b);
  const as = [];
  const bs = [];
  for (let i = 0; i < runs; i++) {
    as.push(once(a));
    bs.push(once(b));
  }
  return { a: summary(as), b: summary(bs), ratio: summary(as.map((t, i) => t / bs[i])).median };
}

/**
 * Peak RSS (MiB) of RSS_RUNS runs of the command: median, lowest and highest. One run says
 * little: the peak is where V8's last major garbage collection fell, and the same build of a
 * 100 000-claim audit peaks at 0.9 GiB in one run and 1.5 GiB in the next.
 */
function peakRss(args, cwd) {
  const runs = Array.from({ length: RSS_RUNS }, () => peakRssOnce(args, cwd));
  return summary(runs);
}

/** Peak RSS (MiB) of one run, reported by the process itself on exit through a preloaded hook. */
function peakRssOnce(args, cwd) {
  const run = spawnSync(process.execPath, ['--import', rssHook, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
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
  const peak = rss ? `${rss.median.toFixed(0)} MiB (${rss.min.toFixed(0)}–${rss.max.toFixed(0)})` : '';
  console.log(`| ${name} | ${ms} | ×${ratio.toFixed(2)} ${against} | ${target} | ${peak} |`);
}
console.log(`tally benchmark — median wall time of ${RUNS} runs after a warm-up (3 for 100,000 claims), ratios in the same run\n`);
console.log(`| run | median | ratio | target | peak RSS, median of ${RSS_RUNS} (range) |\n|---|---:|---|---|---:|`);
// Everything the bench writes (synthetic audits, the baseline build, the RSS hook) goes here, and
// goes away with it: the 100,000-claim audit alone is about 50 MB.
const root = mkdtempSync(path.join(tmpdir(), 'tally-bench-'));
process.on('exit', () => rmSync(root, { recursive: true, force: true }));
/** Preloaded by peakRssOnce: the process reports its own peak RSS as it exits. */
const rssHook = path.join(root, 'report-rss.mjs');
writeFileSync(rssHook, "process.on('exit', () => process.stderr.write(`\\nmaxRSS=${process.resourceUsage().maxRSS}\\n`));\n");
const audit = (extra = []) => [CLI, 'audit', 'rules.yaml', '--fail-on', 'never', '--max-yaml-size', '64MiB', ...extra];

// 1. Start-up, each command against a bare Node run in turn with it.
const BARE = { args: ['-e', ''] };
const startup = paired({ args: [CLI, '--version'] }, BARE);
row('node -e "" (baseline)', startup.b, 1, 'baseline');
row('tally --version', startup.a, startup.ratio, 'vs bare node', '≤ ×2');
const help = paired({ args: [CLI, '--help'] }, BARE);
row('tally --help', help.a, help.ratio, 'vs bare node');
const bundled = paired({ args: [CLI, 'audit', '--fail-on', 'never'] }, BARE);
row('tally audit (bundled rules)', bundled.a, bundled.ratio, 'vs bare node', '≤ ×3');
const uncached = paired({ args: [CLI, 'audit', '--fail-on', 'never'], env: { TALLY_NO_CACHE: '1' } }, BARE);
row('same, without the code cache (a first run)', uncached.a, uncached.ratio, 'vs bare node');

// 2. Scale: cost per claim, net of what any audit costs (an audit of one sentence, three claims:
// the program loaded, its validators, the JIT's first compilations), against the smallest audit.
const fixedDir = regionAudit(path.join(root, 'scale-3'), 3);
const fixedPair = paired({ args: audit(), cwd: fixedDir }, BARE);
const fixed = fixedPair.a;
row('3 claims (the fixed cost of an audit)', fixed, fixedPair.ratio, 'vs bare node');
let perClaim;
for (const n of [1000, 10000, 100000].filter((x) => x <= MAX)) {
  const dir = regionAudit(path.join(root, `scale-${n}`), n);
  const m = measure(audit(), dir, n >= 100000 ? Math.min(RUNS, 3) : RUNS);
  const per = (m.median - fixed.median) / n;
  perClaim ??= per;
  row(`${n.toLocaleString('en')} claims`, m, per / perClaim, 'per claim vs 1,000', n >= 100000 ? '≤ 10 s, ≤ 1 GiB; per claim ×0.75–1.25' : 'per claim ×0.75–1.25', peakRss(audit(), dir));
}

// 3. Failing claims: what one failing claim costs over a passing one, the two audits in turn.
// With r = wrong/clean (paired), a failing claim costs (r − 1)·clean/failing more than a passing
// one, whose cost is (clean − fixed)/claims. Every sentence's growth rate is wrong (a third of the
// claims): with one claim in thirty, the difference was a few percent of a run, within the noise.
const FAILING = 10000;
const WRONG_EVERY = 1;
const clean = regionAudit(path.join(root, 'clean'), FAILING);
const wrong = regionAudit(path.join(root, 'wrong'), FAILING, { wrongEvery: WRONG_EVERY });
const failingPair = paired({ args: audit(), cwd: wrong }, { args: audit(), cwd: clean });
const failing = Math.ceil(FAILING / 3 / WRONG_EVERY);
const cleanRun = failingPair.b;
const passCost = (cleanRun.median - fixed.median) / FAILING;
const failCost = passCost + ((failingPair.ratio - 1) * cleanRun.median) / failing;
row(`${FAILING.toLocaleString('en')} claims, all hold`, cleanRun, 1, 'baseline');
row(`same, ${failing} wrong (diagnosed)`, failingPair.a, failCost / passCost, 'one failing claim vs one passing', '≤ ×1.5');

// Report files: the clean audit writing every file format (JSON and HTML are written in pieces,
// src/report/json-chunks.ts), against the same audit printing its console report alone.
const FILES = ['json', 'html', 'sarif', 'junit', 'markdown'];
const written = paired({ args: audit([...FILES.flatMap((f) => ['--format', f]), '--out', path.join(root, 'report-files')]), cwd: clean }, { args: audit(), cwd: clean }, 3);
row(`same clean set, every report file written (${FILES.join(', ')})`, written.a, written.ratio, 'vs the console report alone');

// One costly claim at a time (the searches and the diagnosis stop at their budgets, a count of
// evaluations): how long the rule itself takes to judge (`--timings`, median of RUNS runs) against
// one plain failing claim; and what it adds to a whole run, side by side (process start and all).
const hostile = path.join(root, 'hostile');
let slowest = null;
const costly = hostileAudits(hostile);
const one = (file) => ({ args: [CLI, 'audit', file, '--fail-on', 'never'], cwd: hostile });
const plainRule = ruleTime(one('plain.yaml'));
for (const name of costly) {
  const rule = ruleTime(one(`${name}.yaml`));
  if (!slowest || rule.median > slowest.rule.median) slowest = { name, rule };
}
const whole = paired(one(`${slowest.name}.yaml`), one('plain.yaml'));
row(
  `slowest of ${costly.length} costly failing claims (${slowest.name}), the rule's own time; the whole run +${(whole.a.median - whole.b.median).toFixed(0)} ms`,
  slowest.rule,
  slowest.rule.median / plainRule.median,
  `vs one plain failing claim (${plainRule.median.toFixed(0)} ms)`,
  '≤ 100 ms',
);

// Failing claims of real powers, roots above all (an average yearly growth, cagr), against failing
// growth rates, one claim per sentence: what a root costs its search and diagnosis.
const REAL = 1000;
const growthFails = { args: audit(), cwd: regionAudit(path.join(root, 'growth-fails'), REAL, { wrongEvery: 1, only: 'growth' }) };
const powerForms = { cagr: (a, b) => `cagr(${a}, ${b}, 3)`, 'a real power': (a, b) => `(${a} / ${b}) ^ 0.37 - 1` };
for (const [name, form] of Object.entries(powerForms)) {
  const m = paired({ args: audit(), cwd: regionAudit(path.join(root, `fails-${name.replace(/\W/g, '')}`), REAL, { only: 'growth', form }) }, growthFails, 3);
  row(`${REAL.toLocaleString('en')} failing claims of ${name} (${form('a', 'b')})`, m.a, m.ratio, `vs ${REAL.toLocaleString('en')} failing growth rates`);
}

// 4. Cores: documents are independent.
const DOCUMENTS = 16;
const multi = path.join(root, 'multi');
const PER_DOCUMENT = 2400;
for (let d = 0; d < DOCUMENTS; d++) regionAudit(path.join(multi, `doc-${d}`), PER_DOCUMENT, { idPrefix: `d${d}-` });
writeFileSync(path.join(multi, 'package.json'), '{}\n');
const many = (jobs) => ({ args: [CLI, 'audit', '.', '--fail-on', 'never', '--jobs', String(jobs)], cwd: multi });
const cores = paired(many(2), many(1));
row(`${DOCUMENTS} documents × ${PER_DOCUMENT.toLocaleString('en')} claims, --jobs 1`, cores.b, 1, 'baseline');
row('same, --jobs 2', cores.a, 1 / cores.ratio, 'speed-up vs --jobs 1', '≥ ×1.7');
// Two documents, without --jobs: the default threads (default-jobs.ts) against two asked for.
const pair = path.join(root, 'pair');
const PAIR_CLAIMS = 1500;
for (let d = 0; d < 2; d++) regionAudit(path.join(pair, `doc-${d}`), PAIR_CLAIMS, { idPrefix: `p${d}-` });
writeFileSync(path.join(pair, 'package.json'), '{}\n');
const both = (jobs) => ({ args: [CLI, 'audit', '.', '--fail-on', 'never', ...jobs], cwd: pair });
const byDefault = paired(both([]), both(['--jobs', '2']));
row(`2 documents × ${PAIR_CLAIMS.toLocaleString('en')} claims, --jobs 2`, byDefault.b, 1, 'baseline');
row(`same, without --jobs (${availableParallelism()} cores)`, byDefault.a, 1 / byDefault.ratio, 'speed-up vs --jobs 2');

// 5. Sound verdicts: single-use claims cost what they did before; repeated figures cost a search.
const BASELINE = process.env.BENCH_BASELINE ?? '67407fe';
const baselineCli = buildBaseline(BASELINE, root);
const SOUND = 10000;
const single = regionAudit(path.join(root, 'single'), SOUND);
const repeated = regionAudit(path.join(root, 'repeated'), SOUND, { form: (a, b) => `(${a} - ${b}) / ${b}` });
if (baselineCli) {
  // The baseline predates the size limits: it is run without --max-yaml-size.
  const sound = paired({ args: audit(), cwd: single }, { args: [baselineCli, 'audit', 'rules.yaml', '--fail-on', 'never'], cwd: single });
  row(`${SOUND.toLocaleString('en')} single-use claims, before (${BASELINE})`, sound.b, 1, 'baseline');
  row('same, this build (witness + enclosure)', sound.a, sound.ratio, 'vs before');
}
const search = paired({ args: audit(), cwd: repeated }, { args: audit(), cwd: single });
row(`${SOUND.toLocaleString('en')} claims naming a figure twice`, search.a, search.ratio, 'vs single-use (search)');

// 6. Peers: the same growth checks, values already extracted (they read no prose), each in turn
// with the hand-written checker.
const PEER_CHECKS = 10000;
const checksFile = path.join(root, 'checks.json');
writeFileSync(checksFile, JSON.stringify(makeChecks(PEER_CHECKS)));
const peers = path.resolve('src/dev/peers');
const HAND = { args: [path.join(peers, 'hand.mjs'), checksFile] };
const growthOnly = regionAudit(path.join(root, 'growth-only'), PEER_CHECKS, { only: 'growth' });
let handRow = false;
for (const [name, peer] of [
  ['same, plain mathjs', { args: [path.join(peers, 'mathjs.mjs'), checksFile] }],
  ['same, json-rules-engine', { args: [path.join(peers, 'rules-engine.mjs'), checksFile] }],
  ['same, tally (reading them from prose)', { args: audit(), cwd: growthOnly }],
]) {
  const m = paired(peer, HAND);
  if (!handRow) row(`${PEER_CHECKS.toLocaleString('en')} growth checks, hand-written JS`, m.b, 1, 'baseline');
  handRow = true;
  row(name, m.a, m.ratio, 'vs hand-written');
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
