/** Scenario tests (built CLI): `tally init` scaffolds a project that audits cleanly as written, and never overwrites. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tally } from './run.js';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tally-init-')));
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe('tally init (built CLI)', () => {
  it('scaffolds rules/, data/, a config and a README; the scaffold audits cleanly (exit 0, never 2)', () => {
    const run = tally(['init', 'proj'], { cwd: base });
    expect(run.code).toBe(0);
    const dir = path.join(base, 'proj');
    for (const f of ['tally.config.yaml', 'data/report.txt', 'data/report.figures.yaml', 'rules/report.yaml', 'README.md']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    const audit = tally(['audit'], { cwd: dir });
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('3 rules — 3 pass');
    expect(tally(['coverage', '--fail-on-uncovered'], { cwd: dir }).code).toBe(0);
    expect(tally(['explain', 'sales-growth'], { cwd: dir }).code).toBe(0);
  });

  it('heads each YAML file with a schema link that resolves to the published schema', () => {
    const dir = path.join(base, 'proj');
    for (const [f, schema] of [['rules/report.yaml', 'rules'], ['data/report.figures.yaml', 'figures'], ['tally.config.yaml', 'config']] as const) {
      const first = fs.readFileSync(path.join(dir, f), 'utf8').split('\n')[0]!;
      const m = /^# yaml-language-server: \$schema=(.+)$/.exec(first);
      expect(m, f).not.toBeNull();
      expect(path.basename(m![1]!)).toBe(`${schema}.schema.json`);
      expect(fs.existsSync(path.resolve(path.dirname(path.join(dir, f)), m![1]!)), f).toBe(true);
    }
  });

  it('refuses to overwrite: exit 2, names the files, writes nothing', () => {
    const dir = path.join(base, 'half');
    fs.mkdirSync(path.join(dir, 'rules'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'rules/report.yaml'), 'mine\n');
    const run = tally(['init', 'half'], { cwd: base });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`not overwriting ${path.join('half', 'rules/report.yaml')}`);
    expect(fs.readFileSync(path.join(dir, 'rules/report.yaml'), 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(dir, 'tally.config.yaml'))).toBe(false);
  });
});
