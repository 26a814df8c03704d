/** GitHub Actions workflow commands: one annotation per finding, escaped as the Actions toolkit does. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RuleResult } from '../../src/model.js';
import { escapeData, escapeProperty, githubReporter, renderGithub, workflowCommand } from '../../src/report/github.js';
import { reporters } from '../../src/report/index.js';
import { ANNOTATIONS_SHOWN, renderStepSummary } from '../../src/report/step-summary.js';
import { visible } from '../../src/visible.js';
import { EN_PATH, RULES_A, RULES_BROKEN, sampleAudit, VI_PATH } from './sample-audit.js';

/** Parse one workflow command back, undoing the toolkit's escaping. */
function parseCommand(line: string) {
  const m = /^::(\w+)(?: ([^:]*))?::(.*)$/s.exec(line);
  if (!m) throw new Error(`not a workflow command: ${line}`);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties: Record<string, string> = {};
  for (const pair of (m[2] ?? '').split(',').filter(Boolean)) {
    const eq = pair.indexOf('=');
    properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
  }
  return { command: m[1]!, properties, message: unescape(m[3]!) };
}

describe('github reporter', () => {
  const audit = sampleAudit();
  const out = renderGithub(audit);
  const lines = out.trimEnd().split('\n');
  const commands = lines.map(parseCommand);
  const byTitle = (id: string) => commands.find((c) => c.properties.title?.endsWith(`: ${id}`))!;

  it('is registered, stdout only', () => {
    expect(reporters.get('github')).toBe(githubReporter);
    expect(githubReporter.fileName).toBeUndefined();
  });

  it('writes one command per line: one per problem and one per non-pass result', () => {
    expect(lines.every((l) => l.startsWith('::'))).toBe(true);
    expect(commands).toHaveLength(audit.diagnostics.length + audit.results.filter((r) => r.verdict !== 'pass').length);
    expect(commands[0]).toEqual({
      command: 'error',
      properties: { file: RULES_BROKEN, line: '5', col: '5', title: 'tally unknown-key' },
      message: 'unknown key "exprr" <in> rule & file (did you mean "expr"?)',
    });
  });

  it('writes the most severe first, since GitHub shows only ten annotations of each level per step', () => {
    expect(commands.map((c) => `${c.command} ${c.properties.title}`)).toEqual([
      'error tally unknown-key',
      'error tally quote-not-found',
      'error tally error: growth-average-2021-2023',
      'error tally fail: revenue-2024-growth',
      'warning tally fail: staff-growth',
      'warning tally warn: grdp-level-2023',
      'notice tally fail (waived): revenue-2024-vs-plan',
      'notice tally unverifiable: poverty-rate',
    ]);
  });

  it('puts material findings first within a level, so the first ten are the ones that matter', () => {
    const base = sampleAudit().results[3]!;
    const failing = (i: number, material: boolean): RuleResult => ({
      ...base,
      id: `claim-${String(i).padStart(2, '0')}`,
      diagnosis: { implied: [], slips: [], materiality: { material, reasons: material ? ['direction flips'] : [], tests: material ? ['direction'] : [] } },
    });
    // 15 immaterial fails, then 5 material ones: the material five lead.
    const results = [...Array.from({ length: 15 }, (_, i) => failing(i, false)), ...Array.from({ length: 5 }, (_, i) => failing(15 + i, true))];
    const titles = renderGithub({ ...sampleAudit({ results }), diagnostics: [] })
      .trimEnd()
      .split('\n')
      .map((l) => parseCommand(l).properties.title);
    expect(titles.slice(0, 5)).toEqual(['claim-15', 'claim-16', 'claim-17', 'claim-18', 'claim-19'].map((id) => `tally fail: ${id}`));
    expect(titles.slice(5, 10)).toEqual(['claim-00', 'claim-01', 'claim-02', 'claim-03', 'claim-04'].map((id) => `tally fail: ${id}`));
    expect(titles).toHaveLength(20);
  });

  it('maps finding severity to error / warning / notice; a waived finding is a notice', () => {
    expect(byTitle('revenue-2024-growth').command).toBe('error');
    expect(byTitle('staff-growth').command).toBe('warning');
    expect(byTitle('grdp-level-2023').command).toBe('warning');
    expect(byTitle('poverty-rate').command).toBe('notice');
    expect(byTitle('revenue-2024-vs-plan').command).toBe('notice');
    expect(byTitle('revenue-2024-vs-plan').properties.title).toBe('tally fail (waived): revenue-2024-vs-plan');
    expect(byTitle('revenue-2024-vs-plan').message).toContain('waived by ngoc.tran until 2026-12-31');
  });

  it('points a finding at the document sentence, a broken rule at the rule file', () => {
    const growth = byTitle('revenue-2024-growth');
    const anchor = audit.results[3]!.anchor!;
    expect(growth.properties).toEqual({
      file: VI_PATH,
      line: String(anchor.line),
      col: String(anchor.col),
      endLine: '3',
      endColumn: String(anchor.col + anchor.end - anchor.start),
      title: 'tally fail: revenue-2024-growth',
    });
    expect(growth.message.split('\n')).toEqual([
      audit.results[3]!.message,
      '“đạt 131% dự toán, tăng 25,8% so với cùng kỳ”',
      `rule: ${RULES_A}:24:5`,
    ]);
    expect(byTitle('growth-average-2021-2023').properties).toMatchObject({ file: RULES_A, line: '34', col: '5' });
    expect(byTitle('staff-growth').properties.file).toBe(EN_PATH);
  });

  it('escapes % CR LF in data and also : , in properties', () => {
    expect(escapeData('50% off\r\nnext: a, b')).toBe('50%25 off%0D%0Anext: a, b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowCommand('warning', { file: 'x,y:z.txt', line: 3, col: undefined }, 'm')).toBe('::warning file=x%2Cy%3Az.txt,line=3::m');
    // a multi-line message stays one line of output
    expect(lines.some((l) => l.includes('\n'))).toBe(false);
  });

  it('round-trips any message and title through the escaping, invisible characters made visible (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (message, file) => {
        const line = workflowCommand('error', { file, title: `${file}:${message}` }, message);
        expect(line).not.toMatch(/[\r\n]/);
        const parsed = parseCommand(line);
        // Line breaks stay line breaks of the annotation; ESC, bidi overrides … are shown as escapes.
        expect(parsed.message).toBe(visible(message, ['\n', '\r']));
        expect(parsed.properties.file ?? '').toBe(visible(file, ['\n', '\r']));
        expect(parsed.properties.title).toBe(visible(`${file}:${message}`, ['\n', '\r']));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic, and prints nothing when all claims pass', () => {
    expect(renderGithub(sampleAudit())).toBe(out);
    const passing = sampleAudit({ results: sampleAudit().results.filter((r) => r.verdict === 'pass') });
    expect(renderGithub({ ...passing, diagnostics: [] })).toBe('');
  });
});

describe('github step summary', () => {
  const audit = sampleAudit();
  const summary = renderStepSummary(audit);
  const rows = summary.split('\n').filter((l) => /^\| \S+ (error|fail|warn|unverifiable) \|/.test(l));

  it('lists every finding, most severe first, in the order of the annotations', () => {
    const ids = rows.map((l) => /`([^`]+)`/.exec(l)![1]);
    expect(ids).toEqual(['growth-average-2021-2023', 'revenue-2024-growth', 'staff-growth', 'grdp-level-2023', 'revenue-2024-vs-plan', 'poverty-rate']);
    expect(audit.results.filter((r) => r.verdict !== 'pass').map((r) => r.id).sort()).toEqual([...ids].sort());
  });

  it('gives the counts, the problems in the rule files, where each finding is and why', () => {
    expect(summary.startsWith('### tally audit: 9 rules\n\n‼ 1 error · ✗ 3 fail · ! 1 warn · ? 1 unverifiable · ✓ 3 pass (1 waived)\n')).toBe(true);
    expect(summary).toContain('- rules/broken.yaml:5:5 error unknown-key: unknown key "exprr" &lt;in&gt; rule &amp; file');
    expect(rows[1]).toBe(
      '| ✗ fail | `revenue-2024-growth` | error | data/bao-cao.vi.txt:3:45 | figures give [23,11 %; 23,13 %], stated 25,8%: off by -2,68 pp (-10,39 % relative) |',
    );
    expect(rows[4]).toContain('<br>**material**: the plan is exceeded by more than stated<br>waived by ngoc.tran until 2026-12-31: ');
    // Rule text reads as written: no markup of its own, no cell broken by a pipe.
    expect(rows[5]).toContain('&lt;/script&gt;&lt;script&gt;alert("msg")&lt;/script&gt;');
    const piped = renderStepSummary(sampleAudit({ results: [{ ...audit.results[3]!, message: 'a | b' }] }));
    expect(piped).toContain('| a \\| b |');
  });

  it('says how many findings GitHub leaves out of the annotations, and when all claims hold', () => {
    expect(summary).not.toContain('listed here only');
    const many = Array.from({ length: ANNOTATIONS_SHOWN + 3 }, (_, i) => ({ ...audit.results[3]!, id: `claim-${i}` }));
    expect(renderStepSummary({ ...sampleAudit({ results: many }), diagnostics: [] })).toContain(
      'GitHub shows 10 annotations of each level per step: 3 findings below are listed here only.',
    );
    const passing = { ...sampleAudit({ results: audit.results.filter((r) => r.verdict === 'pass') }), diagnostics: [] };
    expect(renderStepSummary(passing)).toBe('### tally audit: 3 rules\n\n‼ 0 error · ✗ 0 fail · ! 0 warn · ? 0 unverifiable · ✓ 3 pass\n\nEvery claim holds.\n\n');
  });
});
