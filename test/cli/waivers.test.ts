/** Waivers through the built CLI: exit codes, what the console and the reports show. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tally } from './run.js';

const folder = 'test/fixtures/waivers/accepted';
const audit = (args: string[], today: string) => tally(['audit', ...args], { cwd: ROOT, env: { TALLY_TODAY: today } });

describe('tally audit with waivers.yaml', () => {
  it('exits 0 when the only finding is waived, and still shows and counts it', () => {
    const run = audit([folder], '2026-01-01');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✗ fail\s+staff-growth {2}error {2}material {2}waived/);
    expect(run.stdout).toContain('waived by ngoc.tran until 2026-06-30: the 45% counts seasonal staff');
    expect(run.stdout).toContain('2 rules — 1 fail, 1 pass (1 waived)');
    expect(run.stdout).toContain('warning[waiver-stale] waiver for "revenue-growth" matches no finding: the rule now passes');
    expect(run.stdout).toContain('warning[waiver-unknown-rule] waiver for unknown rule "staff-growht"');
    expect(run.stdout).toContain('did you mean "staff-growth"?');
  });

  it('exits 1 once the waiver has expired, and says so', () => {
    const run = audit([folder], '2026-07-01');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${folder}/waivers.yaml:7:14 warning[waiver-expired] waiver for "staff-growth" expired on 2026-06-30`);
    expect(run.stdout).not.toContain('(1 waived)');
  });

  it('exits 2 on a malformed waiver file, pointing at line and column', () => {
    const run = audit(['test/fixtures/waivers/malformed'], '2026-01-01');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('test/fixtures/waivers/malformed/waivers.yaml:4:5 error[unknown-key] unknown key "reviewr" in waiver #1');
  });

  it('exits 2 on a malformed TALLY_TODAY', () => {
    const run = audit([folder], '01/07/2026');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('YYYY-MM-DD');
  });

  it('puts the waiver and the count in the JSON and Markdown reports', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-waived-'));
    const run = audit([folder, '--format', 'json', '--format', 'markdown', '--out', out], '2026-01-01');
    expect(run.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(out, 'tally-report.json'), 'utf8'));
    expect(json.summary.waived).toBe(1);
    expect(json.results.find((r: { id: string }) => r.id === 'staff-growth').waiver.reviewer).toBe('ngoc.tran');
    const md = fs.readFileSync(path.join(out, 'tally-report.md'), 'utf8');
    expect(md).toContain('1 finding waived');
    expect(md).toContain('### ✗ `staff-growth` — fail (error) — **material** · waived');
    expect(md).toContain('- **Waived** by ngoc.tran until 2026-06-30');
  });
});

describe('diagnosis in the reports', () => {
  it('console: slips, materiality and implied values under each finding', () => {
    const run = tally(['audit', 'test/fixtures/diagnose/vi', '--fail-on', 'never'], { cwd: ROOT });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/✗ fail\s+rice-vs-plan {2}error {2}material/);
    expect(run.stdout).toContain('material: plan or target missed instead of met: the text states 102%');
    expect(run.stdout).toContain('likely slip: scale slip: the claim holds if the stated “12.000 nghìn tỷ đồng” were 12.000 tỷ đồng (÷10³)');
    expect(run.stdout).toContain('would hold if rice_2024 were 102 nghìn tấn instead of 98 nghìn tấn; or rice_plan_2024 were 96 nghìn tấn instead of 100 nghìn tấn');
  });

  it('markdown: findings that change the conclusion first, each with its diagnosis', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-md-'));
    tally(['audit', 'test/fixtures/diagnose/vi', '--format', 'markdown', '--out', out], { cwd: ROOT });
    const md = fs.readFileSync(path.join(out, 'tally-report.md'), 'utf8');
    const order = [...md.matchAll(/^### \S+ `([^`]+)` — (\w+)[^\n]*$/gm)].map((m) => `${m[1]}${m[0].includes('**material**') ? ' (material)' : ''}`);
    expect(order).toEqual([
      'rice-vs-plan (material)',
      'maize-vs-plan (material)',
      'fdi-china-within-total (material)',
      'park-within-registered (material)',
      'revenue-vs-plan',
      'exports-growth',
      'projects-total',
      'poverty-fall',
    ]);
    expect(md).toContain('- **Material:** yes — plan or target missed instead of met');
    expect(md).toContain('- **Likely slip:**\n  - ratio vs change: the stated 150% is a change');
    expect(md).toContain('- **Would hold if** (one figure changed, the others as read):\n  - holds if revenue_2024 were 1.500 tỷ đồng instead of 2.500 tỷ đồng');
  });
});
