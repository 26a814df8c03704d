/**
 * One severity model for every format: the level a result carries is a function of its verdict
 * and its rule's severity, written once (judge/outcome.ts), and every format shows that level —
 * pinned here by one table, checked over every format at once.
 */
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/judge/outcome.js';
import type { AuditResult, RuleResult, Severity, Verdict } from '../../src/model.js';
import { reporters } from '../../src/report/index.js';
import { sampleAudit } from './sample-audit.js';
import { parseXml } from './xml.js';

type Level = Severity | 'none';

/** The model, as a table: verdict × rule severity → level. */
const TABLE: Record<Verdict, Record<Severity, Level>> = {
  fail: { error: 'error', warning: 'warning', info: 'info' },
  error: { error: 'error', warning: 'warning', info: 'info' },
  warn: { error: 'warning', warning: 'warning', info: 'info' },
  unverifiable: { error: 'info', warning: 'info', info: 'info' },
  pass: { error: 'none', warning: 'none', info: 'none' },
};

const cases = (Object.keys(TABLE) as Verdict[]).flatMap((verdict) => (['error', 'warning', 'info'] as Severity[]).map((severity) => ({ verdict, severity, id: `${verdict}-${severity}` })));

function audit(): AuditResult {
  const results: RuleResult[] = cases.map(({ verdict, severity, id }, i) => ({
    id,
    kind: 'assert',
    severity,
    verdict,
    message: `${verdict} with severity ${severity}`,
    declared: { file: 'rules/levels.yaml', line: i + 1, col: 5 },
    expr: 'a <= b',
    figures: [],
    tags: [],
    ...(verdict === 'unverifiable' ? { missing: ['b'] } : {}),
  }));
  return { ...sampleAudit({ results }), diagnostics: [], summary: summarize(results) };
}

const render = (format: string, options = {}) => reporters.get(format)!.render(audit(), { color: false, ...options });

/** What each format shows, per rule id. */
const READERS: Record<string, (out: string) => Map<string, string>> = {
  json: (out) => new Map(JSON.parse(out).results.map((r: { id: string; level: string }) => [r.id, r.level])),
  console: (out) => new Map([...out.matchAll(/^ {2}\S+ \S+ +(\S+)(?: {2}(error|warning|info))?/gm)].map((m) => [m[1]!, m[2] ?? 'none'])),
  markdown: (out) => {
    // findings are headed with their level; passes sit in the table of claims that hold
    const levels = new Map<string, string>(cases.map((c) => [c.id, 'none']));
    for (const m of out.matchAll(/^### \S+ `([^`]+)` — \w+ \((\w+)\)/gm)) levels.set(m[1]!, m[2]!);
    return levels;
  },
  html: (out) => new Map([...out.matchAll(/<li class="result[^"]*"[^>]*data-severity="(\w+)">\s*<div class="row"[^>]*>.*?<button[^>]*>([^<]+)<\/button><span class="pill sev">(\w+)/gs)].map((m) => [m[2]!, m[1] === m[3] || (m[1] === 'none' && m[3] === 'pass') ? m[1]! : `mismatch ${m[1]}/${m[3]}`])),
  sarif: (out) => {
    const levels = new Map<string, string>(cases.map((c) => [c.id, 'none']));
    for (const r of JSON.parse(out).runs[0].results) if (r.ruleId) levels.set(r.ruleId, ({ error: 'error', warning: 'warning', note: 'info' } as Record<string, string>)[r.level]!);
    return levels;
  },
  github: (out) => {
    const levels = new Map<string, string>(cases.map((c) => [c.id, 'none']));
    for (const m of out.matchAll(/^::(error|warning|notice) .*title=tally \w+%3A ([\w-]+)::/gm)) levels.set(m[2]!, m[1] === 'notice' ? 'info' : m[1]!);
    return levels;
  },
};

describe('one level per result, the same in every format', () => {
  it.each(Object.keys(READERS))('%s shows the level of the table', (format) => {
    const shown = READERS[format]!(render(format));
    for (const c of cases) expect(shown.get(c.id), `${format}: ${c.id}`).toBe(TABLE[c.verdict][c.severity]);
  });

  it('junit: a result is a failure exactly when its level fails the run, skipped when unverifiable', () => {
    for (const failOn of ['error', 'warning', 'info'] as const) {
      const rank = { none: -1, info: 0, warning: 1, error: 2 } as const;
      const root = parseXml(reporters.get('junit')!.render(audit(), { color: false, failOn }));
      const testcases = root.children.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));
      for (const c of cases) {
        const tc = testcases.find((t) => t.attributes.name?.includes(c.id))!;
        const child = tc.children.find((x) => x.name !== 'system-out')?.name ?? 'pass';
        const level = TABLE[c.verdict][c.severity];
        const expected = c.verdict === 'unverifiable' ? 'skipped' : c.verdict === 'error' ? 'error' : level !== 'none' && rank[level] >= rank[failOn] ? 'failure' : 'pass';
        expect(child, `junit --fail-on ${failOn}: ${c.id}`).toBe(expected);
      }
    }
  });

  it('the summary counts findings by the same levels', () => {
    const { bySeverity } = audit().summary;
    const expected = { error: 0, warning: 0, info: 0 };
    for (const c of cases) {
      const level = TABLE[c.verdict][c.severity];
      if (level !== 'none') expected[level]++;
    }
    expect(bySeverity).toEqual(expected);
  });
});
