/** `--format github` in a GitHub Actions step: annotations on stdout, every finding in the step summary. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tally } from './run.js';

function summaryFile(content: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tally-summary-')), 'step_summary.md');
  fs.writeFileSync(file, content);
  return file;
}

describe('tally audit --format github (built CLI)', () => {
  it('appends a Markdown summary of every finding to GITHUB_STEP_SUMMARY, after what earlier tools wrote', () => {
    const file = summaryFile('## an earlier tool\n\n');
    const run = tally(['audit', 'false-claim', 'clean', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: file } });
    expect(run.code).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^::error file=report\.en\.txt,line=4,.*title=tally fail%3A staff-growth::/)]);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      [
        '## an earlier tool',
        '',
        '### tally audit: 4 rules',
        '',
        '‼ 0 error · ✗ 1 fail · ! 0 warn · ? 0 unverifiable · ✓ 3 pass',
        '',
        '| verdict | rule | severity | where | finding |',
        '|---|---|---|---|---|',
        '| ✗ fail | `staff-growth` | error | report.en.txt:4:1 | figures give 40.00%, stated 45%: off by -5.00 pp (-11.1% relative)<br>**material**: size: beyond rounding it is off by 4.50 pp, at least the 1 pp threshold |',
        '',
        '',
      ].join('\n'),
    );
  });

  it('writes no summary without the github format, or outside GitHub Actions', () => {
    const file = summaryFile('untouched\n');
    expect(tally(['audit', 'false-claim', '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: file } }).code).toBe(1);
    expect(fs.readFileSync(file, 'utf8')).toBe('untouched\n');
    const outside = tally(['audit', 'false-claim', '--format', 'github']);
    expect(outside.code).toBe(1);
    expect(outside.stdout).toMatch(/^::error file=report\.en\.txt,line=4,/);
  });

  it('says so, exit 2, when the summary file cannot be written', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-summary-'));
    const run = tally(['audit', 'clean', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: folder } });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^tally: cannot write the step summary to GITHUB_STEP_SUMMARY \\(${folder}\\): EISDIR`));
  });
});
