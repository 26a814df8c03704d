/**
 * `tally audit --timings`: every judged rule timed once, in one thread or on workers, the slowest
 * listed first on stderr; the reports are the same bytes as without the flag.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleTiming } from '../../src/judge/assemble.js';
import { slowestRules, timingsText } from '../../src/cli/timings.js';
import { ROOT, tally } from './run.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/parallel');
const env = { TALLY_TODAY: '2025-06-01' };
const LINE = /^ +(\d+\.\d) ms {2}(\S+:\d+:\d+) {2}(\S+)$/;

/** The reports an audit wrote into a fresh folder, and what it printed. */
function auditInto(args: string[], cwd = FIXTURE) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-timings-'));
  const run = tally(['audit', ...args, '-f', 'json', '-f', 'markdown', '-o', out, '--fail-on', 'never'], { cwd, env });
  const files = Object.fromEntries(fs.readdirSync(out).sort().map((name) => [name, fs.readFileSync(path.join(out, name), 'utf8')]));
  return { ...run, files };
}

/** `--timings`'s lines: the header, then each rule as [ms, where, id]. */
function parsed(stderr: string) {
  const [head = '', ...lines] = stderr.trimEnd().split('\n');
  return {
    head,
    rules: lines.map((line) => {
      const m = LINE.exec(line);
      if (!m) throw new Error(`not a timing line: ${JSON.stringify(line)}`);
      return { ms: Number(m[1]), where: m[2]!, id: m[3]! };
    }),
  };
}

describe('tally audit --timings', () => {
  it('times every judged rule once, in one thread and on two workers; the reports are unchanged', () => {
    const without = auditInto(['audits', 'more', '--jobs', '1']);
    const judged = (JSON.parse(without.files['tally-report.json']!) as { results: { id: string; verdict: string; declared: { file: string; line: number; col: number } }[] }).results
      .filter((r) => r.verdict !== 'error')
      .map((r) => `${r.declared.file}:${r.declared.line}:${r.declared.col} ${r.id}`)
      .sort();
    expect(judged).toHaveLength(9);
    // A broken rule file is a configuration error: exit 2 with or without the flag.
    expect(without.code).toBe(2);
    for (const jobs of ['1', '2']) {
      const timed = auditInto(['audits', 'more', '--jobs', jobs, '--timings']);
      expect(timed.code).toBe(without.code);
      expect(timed.files).toEqual(without.files);
      expect(timed.stdout).toBe(without.stdout);
      const { head, rules } = parsed(timed.stderr);
      expect(head).toMatch(/^timings: 9 rules judged in \d+\.\d ms; the slowest 9:$/);
      expect(rules.map((r) => `${r.where} ${r.id}`).sort()).toEqual(judged);
      expect(rules.map((r) => r.ms)).toEqual([...rules.map((r) => r.ms)].sort((a, b) => b - a));
    }
  });

  it('lists the ten slowest of a larger audit, and counts them all', () => {
    const run = tally(['audit', '--timings', '--fail-on', 'never'], { cwd: ROOT });
    expect(run.code).toBe(0);
    const { head, rules } = parsed(run.stderr);
    expect(head).toMatch(/^timings: 40 rules judged in \d+\.\d ms; the slowest 10:$/);
    expect(rules).toHaveLength(10);
  });

  it('refuses --watch, exit 2, before auditing', () => {
    const run = tally(['audit', 'audits', '--timings', '--watch'], { cwd: FIXTURE, env });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^tally: --timings times one audit: it does not combine with --watch/);
  });
});

const timingArb: fc.Arbitrary<RuleTiming> = fc.record({
  id: fc.constantFrom('a', 'b', 'growth-2024'),
  declared: fc.record({ file: fc.constantFrom('rules/a.yaml', 'rules/b.yaml'), line: fc.integer({ min: 1, max: 50 }), col: fc.integer({ min: 1, max: 9 }) }),
  // Few distinct times, so that ties are common.
  ms: fc.integer({ min: 0, max: 40 }).map((n) => n / 4),
});

describe('the slowest rules (property)', () => {
  it('are the `count` largest times, slowest first, each a timing given, none twice', () => {
    fc.assert(
      fc.property(fc.array(timingArb, { maxLength: 30 }), fc.integer({ min: 1, max: 12 }), (timings, count) => {
        const shown = slowestRules(timings, count);
        expect(shown).toHaveLength(Math.min(count, timings.length));
        expect(new Set(shown).size).toBe(shown.length);
        for (const t of shown) expect(timings).toContain(t);
        for (let i = 1; i < shown.length; i++) expect(shown[i - 1]!.ms).toBeGreaterThanOrEqual(shown[i]!.ms);
        const left = timings.filter((t) => !shown.includes(t));
        if (shown.length) for (const t of left) expect(t.ms).toBeLessThanOrEqual(shown.at(-1)!.ms);
        // The order does not depend on the order the threads handed the timings over in.
        expect(slowestRules([...timings].reverse(), count)).toEqual(shown);
        const text = timingsText(timings, count, ROOT).trimEnd().split('\n');
        expect(text).toHaveLength(1 + shown.length);
        expect(text[0]).toContain(`${timings.length} rule${timings.length === 1 ? '' : 's'} judged in ${timings.reduce((s, t) => s + t.ms, 0).toFixed(1)} ms`);
      }),
      { numRuns: 300 },
    );
  });
});
