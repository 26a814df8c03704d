/**
 * Reports are the same on every machine: the order of inputs, documents and coverage does not
 * follow the machine's language. (Under lt_LT, `localeCompare` sorts "y" before "j".)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module of the dev tools, without declarations
import { regionAudit } from '../../src/dev/synthetic.mjs';
import { tally } from './run.js';

describe('the order of a report', () => {
  it('is the same under any locale of the machine', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-order-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}\n');
    regionAudit(path.join(dir, 'j'), 6, { idPrefix: 'j-' });
    regionAudit(path.join(dir, 'y'), 6, { idPrefix: 'y-' });
    const run = (locale: string) => tally(['audit', 'y', 'j', '--format', 'json', '--fail-on', 'never', '--jobs', '1'], { cwd: dir, env: { LC_ALL: locale, LANG: locale } });
    const english = run('en_US.UTF-8');
    const lithuanian = run('lt_LT.UTF-8');
    expect(english.code).toBe(0);
    expect(lithuanian.stdout).toBe(english.stdout);
    const report = JSON.parse(english.stdout) as { documents: { path: string }[]; coverage: { path: string }[] };
    expect(report.documents.map((d) => d.path)).toEqual(['j/doc.txt', 'y/doc.txt']);
    expect(report.coverage.map((c) => c.path)).toEqual(['j/doc.txt', 'y/doc.txt']);
  });
});
