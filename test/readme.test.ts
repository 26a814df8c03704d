/**
 * README.md shows the bundled audit's summary: it must say what the audit really gives, so a
 * change to the rules or the engine that moves a verdict cannot leave the README behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import type { Verdict } from '../src/model.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const summary = readme.slice(readme.indexOf('<!-- audit-summary:start -->'), readme.indexOf('<!-- audit-summary:end -->'));

describe('README', () => {
  it('opens with the two commands that work on a fresh machine', () => {
    const firstBlock = /```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const commands = firstBlock.split('\n').filter(Boolean).map((line) => line.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm install && npm start', 'npm install && npm test']);
  });

  it('states the bundled audit’s verdict counts, findings and coverage as the audit gives them', () => {
    const result = audit({ paths: [path.join(ROOT, 'rules')], cwd: ROOT, today: '2026-01-01' });
    expect(summary.length).toBeGreaterThan(0);
    for (const verdict of Object.keys(result.summary.byVerdict) as Verdict[]) {
      expect(summary, verdict).toMatch(new RegExp(`\\| \\S+ ${verdict} \\| ${result.summary.byVerdict[verdict]} \\|`));
    }
    for (const finding of result.results.filter((r) => r.verdict === 'fail' || r.verdict === 'warn')) {
      expect(summary).toContain(`\`${finding.id}\``);
    }
    const [coverage] = result.coverage;
    expect(readme).toContain(
      `${coverage!.total} numbers: ${coverage!.covered} covered by a rule or figure, ${coverage!.ignored} ignored`,
    );
    expect(readme).toContain(`${coverage!.uncovered} uncovered`);
    expect(readme).toContain(`${result.summary.total} rules under \`rules/lang-son/\``);
  });
});
