/**
 * Scenario test (built CLI): `tally audit --watch` audits, then audits again when a rule file is
 * edited, judging only that file. No timing is asserted: the test waits for output lines.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from './run.js';
import { removeProject, tempProject } from './project.js';

const rule = (stated: string) => `figures: [../figures.yaml]
rules:
  - id: revenue-growth
    quote: "${stated}"
    expr: growth(revenue_2024, revenue_2023)
`;
const other = `figures: [../figures.yaml]
rules:
  - id: profit-share
    quote: "10.4% of revenue"
    expr: share(profit_2024, revenue_2024)
`;

const dir = tempProject({ 'rules/growth.yaml': rule('up 25.0% year on year'), 'rules/share.yaml': other }, 'tally-watch-');
afterAll(() => removeProject(dir));

/** Resolves when `text` holds a match of `pattern`, read as the stream grows. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    let seen = '';
    const on = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const m = pattern.exec(seen);
      if (m) {
        stream.off('data', on);
        resolve(m[0]);
      }
    };
    stream.on('data', on);
  });
}

describe('tally audit --watch (built CLI)', () => {
  it('audits, and after a rule file is edited audits again, judging only that file', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, [CLI, 'audit', '--watch'], { cwd: dir, env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } });
    try {
      const firstStatus = waitFor(child.stderr, /judged 2 of 2 rule files in \d+ ms; watching/);
      expect(await waitFor(child.stdout, /✓ pass\s+revenue-growth/)).toBeTruthy();
      await firstStatus;
      // Watchers are set up once the status line is out; edit the claim so that it no longer holds.
      const again = waitFor(child.stdout, /✗ fail\s+revenue-growth/);
      const status = waitFor(child.stderr, /judged 1 of 2 rule files in \d+ ms/);
      fs.writeFileSync(path.join(dir, 'rules/growth.yaml'), rule('Staff grew 45%'));
      expect(await again).toMatch(/fail/);
      expect(await status).toMatch(/judged 1 of 2/);
      // A run that cannot start (a bad config) says why and keeps watching; fixed, it runs again.
      const refused = waitFor(child.stderr, /unknown key "failon"[\s\S]*watching for changes/);
      fs.writeFileSync(path.join(dir, 'tally.config.yaml'), 'failon: never\n');
      await refused;
      const back = waitFor(child.stdout, /✗ fail\s+revenue-growth/);
      fs.writeFileSync(path.join(dir, 'tally.config.yaml'), 'failOn: never\n');
      expect(await back).toMatch(/fail/);
    } finally {
      child.kill();
    }
  });
});
