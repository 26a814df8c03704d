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
    const inc = new IncrementalAudit();
    const first = inc.run(options);
    expect(first.result).toEqual(audit(options));
    expect(first.judged).toBe(first.total);

    const again = inc.run(options);
    expect(again.judged).toBe(0);
    expect(again.result).toEqual(audit(options));

    // One line edited: the severity of a rule of enterprises.yaml.
    const file = path.join(dir, 'rules/lang-son/enterprises.yaml');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('\n    severity: warning\n');
    fs.writeFileSync(file, text.replace('\n    severity: warning\n', '\n    severity: error\n'));
    const edited = inc.run(options);
    expect(edited.judged).toBe(1);
    expect(edited.result).toEqual(audit(options));
    expect(edited.result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(edited.inputs).toContain(file);
  });

  it('judges again every rule file of a figure file that changed, and forgets a rule file removed', () => {
    const inc = new IncrementalAudit();
    inc.run(options);
    const figures = path.join(dir, 'data/lang-son.figures.yaml');
    fs.appendFileSync(figures, '\n# reviewed\n');
    const after = inc.run(options);
    expect(after.judged).toBe(after.total);
    expect(after.result).toEqual(audit(options));
    fs.rmSync(path.join(dir, 'rules/lang-son/plans.yaml'));
    const fewer = inc.run(options);
    expect(fewer.judged).toBe(0);
    expect(fewer.total).toBe(after.total - 1);
    expect(fewer.result).toEqual(audit(options));
  });
});
