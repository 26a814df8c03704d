/** The incremental audit of `--watch` gives what a fresh audit gives, judging again only what changed. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { IncrementalAudit } from '../../src/watch/incremental.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tally-incremental-')));
fs.writeFileSync(path.join(dir, 'package.json'), '{}\n');
fs.cpSync(path.join(ROOT, 'rules/lang-son'), path.join(dir, 'rules/lang-son'), { recursive: true });
fs.cpSync(path.join(ROOT, 'data'), path.join(dir, 'data'), { recursive: true });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const options = { paths: [path.join(dir, 'rules')], cwd: dir, today: '2026-01-01' };

describe('incremental audit', () => {
  it('equals a fresh audit on the first run, on a run with nothing changed, and after an edit — judging again only the edited file', () => {
    const inc = new IncrementalAudit(options);
    const first = inc.run();
    expect(first.result).toEqual(audit(options));
    expect(first.judged).toBe(first.total);

    const again = inc.run();
    expect(again.judged).toBe(0);
    expect(again.result).toEqual(audit(options));

    // One line edited: a claim of enterprises.yaml now states another number.
    const file = path.join(dir, 'rules/lang-son/enterprises.yaml');
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replace(/(\n {4}note: )/, '\n    severity: warning$1'));
    const edited = inc.run();
    expect(edited.judged).toBe(1);
    expect(edited.result).toEqual(audit(options));
    expect(edited.inputs).toContain(file);
  });
});
