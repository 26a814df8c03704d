/**
 * One fuzz input through the library, in process: the files are written into a project folder,
 * audited, explained now and then, and rendered in every format; the outcome says whether tally
 * behaved. Used by the bounded fuzz tests of the suite and by `npm run fuzz` (src/dev/fuzz.mjs).
 *
 * Behaving means: every problem is a Diagnostic or a UsageError (a "domain" failure), never an
 * exception — nor a JavaScript error disguised as a message ("evaluation failed: Cannot read
 * properties of undefined") or an `internal-error` diagnostic; every position is a real
 * line:col; every format renders, and its output is inert (test/report/inert.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { explain, judgeAudit, loadAudit } from '../../src/audit.js';
import { UsageError } from '../../src/load/index.js';
import type { AuditResult } from '../../src/model.js';
import { renderExplanation } from '../../src/cli/explain-run.js';
import { reporters } from '../../src/report/index.js';
import { DANGEROUS, isCommand, outsideCodeSpans, runnerParse } from '../report/inert.js';
import { parseXml } from '../report/xml.js';

export interface Outcome {
  /** ok: a result (with whatever diagnostics); usage: a UsageError; bug: anything else. */
  kind: 'ok' | 'usage' | 'bug';
  /** What was wrong, for a bug. */
  problem?: string;
  /** Time for the audit and every rendering, in milliseconds. */
  ms: number;
  /** Where the time went: loading (src/load), judging (src/judge, src/evaluate), rendering (src/report). */
  phases: { load: number; judge: number; render: number };
}

/** Messages that are a JavaScript error or a programmer's assertion, not a diagnosis of the input. */
const JS_ERROR =
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|InternalError)\b|Cannot (read|set) propert|is not a function|is not iterable|is not a constructor|is not defined|Maximum call stack|Invalid (array|string) length|out of memory|pass a Fraction|decimals must be|scale word for 10\^|needs NFC-normalised|needs an expression returned/;

/** Every file below `dir`, relative to it. */
function filesBelow(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** What each file of a project folder was last written with (inputs share most of their files). */
const written = new Map<string, string | Buffer>();

const same = (a: string | Buffer | undefined, b: string | Buffer) =>
  a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));

/** Make `dir` hold exactly the input's files, as one project with a package.json marker. */
export function writeProject(dir: string, files: Record<string, string | Buffer>): void {
  const wanted: Record<string, string | Buffer> = { 'package.json': '{}', ...files };
  for (const stale of filesBelow(dir)) {
    if (stale in wanted) continue;
    fs.rmSync(path.join(dir, stale), { force: true });
    written.delete(path.join(dir, stale));
  }
  for (const [name, content] of Object.entries(wanted)) {
    const file = path.join(dir, name);
    if (same(written.get(file), content) && fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // A new file each time (write, then rename): a new inode, so the load cache, which knows a
    // file by its stat signature, can never take a rewritten file for the one it read before.
    fs.writeFileSync(`${file}.next`, content);
    fs.renameSync(`${file}.next`, file);
    written.set(file, content);
  }
}

function check(result: AuditResult): string | undefined {
  for (const d of result.diagnostics) {
    if (d.code === 'internal-error') return `internal-error diagnostic: ${d.message}`;
    if (!Number.isInteger(d.position.line) || !Number.isInteger(d.position.col) || d.position.line < 1 || d.position.col < 1) {
      return `diagnostic at ${d.position.line}:${d.position.col}: ${d.message}`;
    }
    if (JS_ERROR.test(d.message)) return `diagnostic message is a JavaScript error: ${d.message}`;
  }
  for (const r of result.results) if (JS_ERROR.test(r.message)) return `rule ${r.id}: message is a JavaScript error: ${r.message}`;
  return undefined;
}

/** Every format renders, and what it writes is inert for its readers. */
function renderAll(result: AuditResult): string | undefined {
  for (const color of [false, true]) {
    const out = reporters.get('console')!.render(result, { color }).replace(/\u001b\[\d+m/g, '');
    if (DANGEROUS.test(out)) return `console (color ${color}) holds a control character`;
    const line = out.split('\n').find(isCommand);
    if (line !== undefined) return `console line is a workflow command: ${line}`;
  }
  for (const line of reporters.get('github')!.render(result, { color: false }).split('\n')) {
    if (line === '') continue;
    const parsed = runnerParse(line);
    if (!parsed || !['error', 'warning', 'notice'].includes(parsed.command)) return `github line is not one of tally's annotations: ${line}`;
  }
  const md = reporters.get('markdown')!.render(result, { color: false });
  if (outsideCodeSpans(md).includes('<')) return 'markdown holds HTML';
  parseXml(reporters.get('junit')!.render(result, { color: false }));
  JSON.parse(reporters.get('json')!.render(result, { color: false }));
  JSON.parse(reporters.get('sarif')!.render(result, { color: false }));
  reporters.get('html')!.render(result, { color: false });
  return undefined;
}

/**
 * Audit the project in `dir` (its rule files given), render it, and say how tally behaved.
 * `explainToo` also explains the first rule, which re-runs the audit.
 */
export function runInput(dir: string, files: Record<string, string | Buffer>, rules: string[], explainToo = false): Outcome {
  writeProject(dir, files);
  const start = performance.now();
  const phases = { load: 0, judge: 0, render: 0 };
  let mark = start;
  const lap = (phase: keyof typeof phases) => {
    const now = performance.now();
    phases[phase] += now - mark;
    mark = now;
  };
  const done = (kind: Outcome['kind'], problem?: string): Outcome => ({ kind, ms: performance.now() - start, phases, ...(problem ? { problem } : {}) });
  const options = { paths: rules.map((r) => path.join(dir, r)), cwd: dir, today: '2025-06-01' };
  let result: AuditResult;
  try {
    const loaded = loadAudit(options);
    lap('load');
    result = judgeAudit(loaded, options);
    lap('judge');
  } catch (e) {
    if (e instanceof UsageError) return done('usage');
    return done('bug', `audit threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n')}` : String(e)}`);
  }
  try {
    const problem = check(result) ?? renderAll(result);
    lap('render');
    if (problem) return done('bug', problem);
    const first = result.results[0];
    if (explainToo && first) {
      const explained = explain({ ...options, rule: first.id });
      lap('judge');
      for (const e of explained) {
        const text = renderExplanation(e, false);
        if (DANGEROUS.test(text) || text.split('\n').some(isCommand)) return done('bug', 'explain output is not inert');
      }
      lap('render');
    }
  } catch (e) {
    if (e instanceof UsageError) return done('usage');
    return done('bug', `rendering threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 4).join('\n')}` : String(e)}`);
  }
  return done('ok');
}
