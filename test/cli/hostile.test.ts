/**
 * Scenario tests of issue 12 with the built CLI: the known hostile inputs of
 * test/fixtures/hostile/ (listed with the exit code and positions each must get in
 * expected.json), alone and all at once; inputs too large to commit, generated here; output
 * injection through every format; clean failures of --out.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, explain } from '../../src/audit.js';
import { renderExplanation } from '../../src/cli/explain-run.js';
import { reporters } from '../../src/report/index.js';
import { DANGEROUS, isCommand } from '../report/inert.js';
import { parseXml } from '../report/xml.js';
import { CLI, ROOT } from './run.js';

const HOSTILE = path.join(ROOT, 'test/fixtures/hostile');
const { cases } = JSON.parse(fs.readFileSync(path.join(HOSTILE, 'expected.json'), 'utf8')) as {
  cases: Record<string, { exit: number; diagnostics: string[] }>;
};

/** The CLI as a user runs it, with a time limit so a hang fails the test instead of the suite. */
function run(args: string[], cwd = HOSTILE, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', ...env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

const scratch = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

/**
 * These tests start the CLI several times each: on a busy two-core machine they may need more than
 * vitest's default 5 s. A limit on the test, not an assertion about speed.
 */
const SPAWNS = { timeout: 60_000 };

/** Text of files outside the project that a traversal or symlink would have pulled in. */
const OUTSIDE_TEXT = [/^root:.*:0:0:/m, /Do the figures in a report tally\?|do the figures in a report tally\?/];
const leaked = (text: string) => OUTSIDE_TEXT.some((re) => re.test(text)) || text.includes(os.hostname());

/** Nothing a terminal or CI runner acts on (after NO_COLOR there is no ESC at all). */
function expectInert(output: string): void {
  expect(output).not.toMatch(DANGEROUS);
  for (const line of output.split('\n')) expect(isCommand(line), line).toBe(false);
}

describe('known hostile inputs, one at a time', () => {
  // In process (the library the CLI calls), to keep the suite quick; the CLI runs them all at once below.
  it.each(Object.entries(cases))('%s exits as expected, with its own diagnostics', (name, expected) => {
    const result = audit({ paths: [path.join(HOSTILE, name)], cwd: HOSTILE });
    const output = reporters.get('console')!.render(result, { color: false });
    const code = result.diagnostics.some((d) => d.severity === 'error') || result.results.some((r) => r.verdict === 'error') ? 2 : result.results.some((r) => r.verdict === 'fail') ? 1 : 0;
    expect(code).toBe(expected.exit);
    for (const d of expected.diagnostics) expect(output).toContain(`${d} `);
    expect(result.diagnostics.filter((d) => d.code === 'internal-error')).toEqual([]);
    expect(leaked(output)).toBe(false);
    expectInert(output);
  });
});

describe('every file fails alone', SPAWNS, () => {
  const formats = ['json', 'markdown', 'junit', 'sarif', 'html'].flatMap((f) => ['-f', f]);

  function everything(jobs: string) {
    const out = scratch('tally-hostile-');
    const r = run(['audit', '.', '-f', 'console', ...formats, '-o', out, '--jobs', jobs]);
    const files = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), 'utf8')]));
    return { ...r, files };
  }
  let oneThread: ReturnType<typeof everything> | undefined;
  const inOneThread = () => (oneThread ??= everything('1'));

  it('all hostile files at once: each gives its own errors, the others’ results still come out (exit 2)', () => {
    const r = inOneThread();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    for (const { diagnostics } of Object.values(cases)) for (const d of diagnostics) expect(r.stdout).toContain(`${d} `);
    expect(r.stdout).toMatch(/✓ pass\s+good-growth/);
    expect(r.stdout).toMatch(/✗ fail\s+staff-growth/);
    const report = JSON.parse(r.files['tally-report.json']!) as { results: { id: string; verdict: string }[] };
    expect(Object.fromEntries(report.results.map((x) => [x.id, x.verdict]))).toMatchObject({
      'good-growth': 'pass',
      'staff-growth': 'fail',
      fine: 'pass',
      'too-long': 'error',
      'too-deep': 'error',
    });
    expect(() => parseXml(r.files['tally-junit.xml']!)).not.toThrow();
    expect(JSON.parse(r.files['tally-report.sarif']!).runs).toHaveLength(1);
    for (const [name, text] of Object.entries(r.files)) expect(leaked(text), name).toBe(false);
    expectInert(r.stdout);
  });

  it('gives the same reports on worker threads', () => {
    const one = inOneThread();
    const two = everything('2');
    expect(two.files).toEqual(one.files);
    expect(two.stdout).toBe(one.stdout);
    expect(two.code).toBe(2);
  });
});

describe('output injection through the CLI', SPAWNS, () => {
  it('console, explain and coverage show ESC, bidi overrides and line breaks as escapes, and forge no CI command', () => {
    const audit = run(['audit', 'injection']);
    expect(audit.code).toBe(1);
    expect(audit.stdout).toContain('\\x1B[2J\\x1B[31m<!-- hidden --> ::stop-commands::tok \\u202Eevil\\u202C ##\\x5Berror]forged');
    expect(audit.stdout).toContain('note: line one\\x0A::stop-commands::pwned\\x0A<img');
    expectInert(audit.stdout);
    // explain lays out the library's explanation (in process here, to keep the suite quick).
    const explained = explain({ paths: [path.join(HOSTILE, 'injection')], rule: 'staff-growth', cwd: HOSTILE }).map((e) => renderExplanation(e, false)).join('');
    expect(explained).toContain('sentence  “Staff grew 45% to 700 people (from 500) \\x1B[2J\\x1B[31m<!-- hidden -->');
    expectInert(explained);
    const coverage = run(['coverage', 'injection']);
    expectInert(coverage.stdout);
    // With colour forced, the only escape sequences are tally's own colours.
    const coloured = run(['audit', 'injection'], HOSTILE, { NO_COLOR: '', FORCE_COLOR: '1' });
    expectInert(coloured.stdout.replace(/\u001b\[\d+m/g, ''));
  });

  it('github: every line is one of tally’s annotations; the data cannot start a command', () => {
    const r = run(['audit', 'injection', '-f', 'github']);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error file=injection\/doc\.en\.txt,line=2,col=1,endLine=2,endColumn=\d+,title=tally fail%3A staff-growth::/);
    expect(lines[0]).toContain('%0Anote: line one%0A::stop-commands::pwned%0A');
    expect(lines[0]).not.toMatch(/[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
  });

  it('markdown: no comment or image survives as HTML, the later findings stay visible', () => {
    const out = scratch('tally-md-');
    run(['audit', 'injection', '-f', 'markdown', '-o', out]);
    const md = fs.readFileSync(path.join(out, 'tally-report.md'), 'utf8');
    expect(md).not.toContain('<!--');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;!-- hidden --&gt;');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).toContain('### ✗ `staff-growth` — fail (error)');
  });
});

describe('inputs too large to commit, and special files', SPAWNS, () => {
  function project(files: Record<string, string | Buffer>) {
    const dir = scratch('tally-gen-');
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return dir;
  }
  const DOC = 'Revenue rose 25.0% to 1,250.0 million (from 1,000.0 million).\n';
  const FIGURES = 'locale: en\nfigures:\n  revenue_2024: { quote: "to 1,250.0 million" }\n  revenue_2023: { quote: "from 1,000.0 million" }\n';
  const RULES = 'figures: [figures.yaml]\ndocument: doc.txt\nrules:\n  - id: growth\n    quote: "rose 25.0%"\n    expr: growth(revenue_2024, revenue_2023)\n';

  it('a 5 MB single-line rule file is refused as too large, in one line, not echoed', () => {
    const dir = project({ 'rules.yaml': `rules: [${'x'.repeat(5_000_000)}]\n`, 'smaller.yaml': `rules: [${'x'.repeat(2_500_000)}]\n` });
    const r = run(['audit', 'rules.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^rules\.yaml:1:1 error\[file-too-large\] file rules\.yaml is 4\.77 MiB, over the limit of 2 MiB \(raise it with --max-yaml-size\)\n/);
    expect(r.stdout.length).toBeLessThan(1000);
    // The limit is a flag: raised, the file is read (and its real problem reported, cut to size).
    const raised = run(['audit', 'smaller.yaml', '--max-yaml-size', '3MiB'], dir);
    expect(raised.code).toBe(2);
    expect(raised.stdout).not.toContain('file-too-large');
    expect(Math.max(...raised.stdout.split('\n').map((l) => l.length))).toBeLessThan(400);
  });

  it('a long single line with an error at its end gets a frame cut to the columns around the caret', () => {
    const dir = project({ 'figures.yaml': FIGURES, 'doc.txt': DOC, 'rules.yaml': `${RULES}    note: ${'n'.repeat(1_500_000)}\n    notee: x\n` });
    const r = run(['audit', 'rules.yaml'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('rules.yaml:8:5 error[unknown-key]');
    expect(Math.max(...r.stdout.split('\n').map((l) => l.length))).toBeLessThan(200);
  });

  it('a document over 10 MiB is refused where it is named; --max-document-size moves the limit', () => {
    const dir = project({ 'figures.yaml': FIGURES, 'doc.txt': DOC + 'x'.repeat(10 * 1024 * 1024), 'rules.yaml': RULES });
    const r = run(['audit', 'rules.yaml'], dir);
    expect(r.code).toBe(2);
    const bytes = Buffer.byteLength(DOC) + 10 * 1024 * 1024;
    expect(r.stdout).toContain(`rules.yaml:2:11 error[file-too-large] document doc.txt is ${bytes} bytes, over the limit of 10 MiB (raise it with --max-document-size)`);
    const small = project({ 'figures.yaml': FIGURES, 'doc.txt': DOC, 'rules.yaml': RULES });
    expect(run(['audit', 'rules.yaml', '--max-document-size', '10'], small).stdout).toContain('error[file-too-large]');
    expect(run(['audit', 'rules.yaml', '--max-document-size', 'lots'], small)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--max-document-size must be a size like 10MiB/),
    });
  });

  it('a FIFO named as the document is refused instead of blocking the run', () => {
    const dir = project({ 'figures.yaml': FIGURES, 'rules.yaml': RULES });
    expect(spawnSync('mkfifo', [path.join(dir, 'doc.txt')]).status).toBe(0);
    const r = run(['audit', 'rules.yaml'], dir);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/rules\.yaml:2:11 error\[file-unreadable\] cannot read document .*doc\.txt: not a regular file/);
  });

  it('--allow-outside lets a rule file name a folder outside the project, and only that one', () => {
    const base = scratch('tally-allow-');
    const dir = path.join(base, 'project');
    fs.mkdirSync(dir);
    fs.mkdirSync(path.join(base, 'shared'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    fs.writeFileSync(path.join(base, 'shared', 'doc.txt'), DOC);
    fs.writeFileSync(path.join(dir, 'figures.yaml'), FIGURES);
    fs.writeFileSync(path.join(dir, 'rules.yaml'), RULES.replace('document: doc.txt', 'document: ../shared/doc.txt'));
    const refused = run(['audit', 'rules.yaml'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`rules.yaml:2:11 error[path-outside-root] document "../shared/doc.txt" (${fs.realpathSync(base)}/shared/doc.txt) is outside the project root ${fs.realpathSync(dir)}`);
    expect(run(['audit', 'rules.yaml', '--allow-outside', '../shared'], dir).code).toBe(0);
    expect(run(['audit', 'rules.yaml', '--allow-outside', '../nope'], dir)).toMatchObject({ code: 2, stderr: 'tally: --allow-outside: no such file or folder: ../nope\n' });
  });
});

describe('clean failures of --out', SPAWNS, () => {
  it('--out /proc/x fails at once in one line (it used to spin at 100 % CPU forever)', () => {
    const r = run(['audit', 'good', '-f', 'json', '-o', '/proc/tally-x']);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('tally: cannot create the folder /proc/tally-x: the file system does not let a folder be created there\n');
  });

  it('an --out that is a file, or whose report name is a folder, is one line; nothing is left behind', () => {
    const dir = scratch('tally-out-');
    fs.writeFileSync(path.join(dir, 'file'), '');
    const asFile = run(['audit', 'good', '-f', 'json', '-o', path.join(dir, 'file')]);
    expect(asFile).toMatchObject({ code: 2, stderr: `tally: cannot write reports into ${path.join(dir, 'file')}: ${path.join(dir, 'file')} is not a folder\n` });
    fs.mkdirSync(path.join(dir, 'out', 'tally-report.json'), { recursive: true });
    const blocked = run(['audit', 'good', '-f', 'json', '-f', 'markdown', '-o', path.join(dir, 'out')]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toBe(`tally: cannot write the report ${path.join(dir, 'out', 'tally-report.json')}: it is a folder, not a file\n`);
    expect(fs.readdirSync(path.join(dir, 'out'))).toEqual(['tally-report.json']);
  });

  it('a missing rule path is one line naming it, exit 2', () => {
    expect(run(['audit', 'no-such-rules'])).toMatchObject({ code: 2, stdout: '', stderr: 'tally: no such file or directory: no-such-rules\n' });
  });
});
