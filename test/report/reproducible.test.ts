/**
 * Reproducible reports: the built CLI run twice on the bundled audit, into two different
 * folders, writes byte-identical files in every format (nothing from the clock, the machine or
 * the output path), each file passes its format's schema check, and the github format goes to
 * stdout.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JsonReport } from '../../src/report/schema.js';
import { checkJunitShape, junitSchemaErrors, sarifValidator } from './formats.js';
import { parseXml } from './xml.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = path.join(ROOT, 'dist/tally.cjs');
const FORMATS = ['json', 'markdown', 'html', 'junit', 'sarif', 'github'];
const FILES = ['tally-report.json', 'tally-report.md', 'tally-report.html', 'tally-junit.xml', 'tally-report.sarif'];

function run(out: string) {
  const args = [CLI, 'audit', ...FORMATS.flatMap((f) => ['--format', f]), '--out', out, '--fail-on', 'never'];
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 100_000, env: { ...process.env, NO_COLOR: '1', GITHUB_STEP_SUMMARY: '' } });
  // 2 = some rule or rule file is broken: the reports are still written and must still be right.
  if (r.status !== 0 && r.status !== 2) throw new Error(`tally audit exited ${r.status} ${r.signal ?? ''}: ${r.stderr}`);
  return r.stdout;
}

describe('reports of the bundled audit (built CLI)', () => {
  let a: string;
  let b: string;
  let stdoutA: string;
  let stdoutB: string;
  const read = (file: string) => fs.readFileSync(path.join(a, file), 'utf8');

  beforeAll(() => {
    a = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-repro-a-'));
    b = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-repro-b-'));
    stdoutA = run(a);
    stdoutB = run(b);
  }, 240_000);

  afterAll(() => {
    for (const d of [a, b]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('are byte-identical across runs and output folders, in every format', () => {
    expect(fs.readdirSync(a).sort()).toEqual([...FILES].sort());
    for (const file of FILES) {
      const first = fs.readFileSync(path.join(a, file));
      expect(first.length, file).toBeGreaterThan(0);
      expect(first.equals(fs.readFileSync(path.join(b, file))), file).toBe(true);
      const text = first.toString('utf8');
      expect(text, file).not.toContain(a);
      expect(text, file).not.toContain(ROOT);
      expect(text, file).not.toContain(os.hostname());
    }
    expect(stdoutA).toBe(stdoutB);
    // github annotations are the only stdout format here; each line is a workflow command
    for (const line of stdoutA.trimEnd().split('\n').filter(Boolean)) expect(line).toMatch(/^::(error|warning|notice) /);
  });

  it('pass the schema check of their format: JSON report, SARIF 2.1.0, JUnit (Jenkins)', async () => {
    const json = new Ajv({ allErrors: true, strict: true }).compile(JsonReport);
    json(JSON.parse(read('tally-report.json')));
    expect(json.errors ?? []).toEqual([]);
    const sarif = sarifValidator();
    sarif(JSON.parse(read('tally-report.sarif')));
    expect(sarif.errors ?? []).toEqual([]);
    checkJunitShape(parseXml(read('tally-junit.xml')));
    expect(await junitSchemaErrors([read('tally-junit.xml')])).toEqual([]);
  });
});
