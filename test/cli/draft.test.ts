/**
 * `tally draft` (built CLI) as a user runs it: draft a document in a fresh project, then audit the
 * draft; refuse to overwrite a draft without --force; a missing document is a usage error.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT, tally } from './run.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary project (package.json marks its root) with a copy of a document. */
function project(document: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-draft-cli-'));
  made.push(dir);
  writeFileSync(path.join(dir, 'package.json'), '{"name":"p","private":true}\n');
  copyFileSync(path.join(ROOT, document), path.join(dir, path.basename(document)));
  return dir;
}

describe('tally draft', () => {
  it('drafts the bundled document beside it, and the draft audits with exit 0 or 1', () => {
    const dir = project('data/lang-son-2021-2024.vi.txt');
    const run = tally(['draft', 'lang-son-2021-2024.vi.txt'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^drafted \d+ claim rules and \d+ assertions over \d+ figures \(vi-VN\)/u);
    expect(run.stdout).toMatch(/\d+ numbers left to place by hand/u);
    const rules = path.join(dir, 'lang-son-2021-2024.vi.rules.yaml');
    expect(readFileSync(rules, 'utf8')).toMatch(/expr: "growth\(grdp_2023, grdp_2020\)"/u);
    const audit = tally(['audit', rules], { cwd: dir });
    expect([0, 1]).toContain(audit.code);
    expect(audit.stdout).toMatch(/pass/u);
    expect(audit.stdout).toMatch(/unverifiable/u);
  });

  it('writes into --out, reads an English document as en, and gives byte-identical files when run again with --force', () => {
    const dir = project('test/fixtures/draft/riverside-2023.en.txt');
    const first = tally(['draft', 'riverside-2023.en.txt', '--out', 'drafts'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('(en)');
    const files = ['riverside-2023.en.figures.yaml', 'riverside-2023.en.rules.yaml'].map((f) => path.join(dir, 'drafts', f));
    const before = files.map((f) => readFileSync(f, 'utf8'));
    expect(before[0]).toContain('document: "../riverside-2023.en.txt"');
    const again = tally(['draft', 'riverside-2023.en.txt', '--out', 'drafts', '--force'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(files.map((f) => readFileSync(f, 'utf8'))).toEqual(before);
    const audit = tally(['audit', 'drafts'], { cwd: dir });
    expect([0, 1]).toContain(audit.code);
  });

  it('refuses to replace a draft without --force, and a missing document, with exit 2', () => {
    const dir = project('test/fixtures/draft/hoa-binh-2023.vi.txt');
    expect(tally(['draft', 'hoa-binh-2023.vi.txt'], { cwd: dir }).code).toBe(0);
    const twice = tally(['draft', 'hoa-binh-2023.vi.txt'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/exist.*already; pass --force/u);
    const missing = tally(['draft', 'nope.txt'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file: nope\.txt/u);
    expect(existsSync(path.join(dir, 'nope.rules.yaml'))).toBe(false);
  });
});

describe('tally draft --out outside the project', () => {
  it('exits 2 naming the reason, and leaves no file behind', () => {
    const dir = project('test/fixtures/draft/riverside-2023.en.txt');
    const outside = mkdtempSync(path.join(tmpdir(), 'tally-draft-out-'));
    made.push(outside);
    const run = tally(['draft', 'riverside-2023.en.txt', '--out', outside], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/does not load: .*outside the project root/u);
    expect(existsSync(path.join(outside, 'riverside-2023.en.rules.yaml'))).toBe(false);
    expect(existsSync(path.join(outside, 'riverside-2023.en.figures.yaml'))).toBe(false);
  });
});
