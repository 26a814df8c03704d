/**
 * Waivers: the loader (schema, file:line:col diagnostics, "did you mean") and what the audit does
 * with them — a waived finding is shown, counted and does not fail the run; an expired waiver
 * waives nothing and says so; a waiver that matches no finding is reported.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { exitCode } from '../../src/judge/outcome.js';
import { resolveToday } from '../../src/judge/waive.js';
import { UsageError } from '../../src/load/index.js';
import { schemas } from '../../src/load/schema.js';
import { findWaiverFile, isCalendarDate, loadWaiverFile } from '../../src/load/waivers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/waivers');
const accepted = path.join(FIXTURES, 'accepted');

const at = (d: { position: { line: number; col: number } }) => `${d.position.line}:${d.position.col}`;

describe('loading waivers.yaml', () => {
  it('reads every entry with its place', () => {
    const file = loadWaiverFile(path.join(accepted, 'waivers.yaml'));
    expect(file.diagnostics).toEqual([]);
    expect(file.folder).toBe(accepted);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.waivers.map((w) => [w.rule, w.waiver.reviewer, w.waiver.expires, `${w.waiver.declared.line}:${w.waiver.declared.col}`])).toEqual([
      ['staff-growth', 'ngoc.tran', '2026-06-30', '4:5'],
      ['revenue-growth', 'minh.le', '2026-06-30', '8:5'],
      ['staff-growht', 'minh.le', '2026-06-30', '12:5'],
    ]);
    expect(`${file.waivers[0]!.expiresPosition.line}:${file.waivers[0]!.expiresPosition.col}`).toBe('7:14');
  });

  it('reports every problem at once, each at file:line:col with a code frame', () => {
    const file = loadWaiverFile(path.join(FIXTURES, 'malformed', 'waivers.yaml'));
    expect(file.diagnostics.map((d) => `${at(d)} ${d.severity}[${d.code}]`)).toEqual([
      '2:5 error[missing-key]',
      '4:5 error[unknown-key]',
      '6:5 error[missing-key]',
      '8:14 error[invalid-value]',
      '12:14 error[invalid-value]',
    ]);
    const unknown = file.diagnostics.find((d) => d.code === 'unknown-key')!;
    expect(unknown.message).toBe('unknown key "reviewr" in waiver #1');
    expect(unknown.suggestions).toEqual(['reviewer']);
    expect(unknown.frame).toContain('> 4 |     reviewr: ngoc.tran');
    expect(file.diagnostics[3]!.message).toContain('write it as YYYY-MM-DD');
    expect(file.diagnostics[4]!.message).toContain('not a date of the calendar: "2026-02-30"');
    expect(file.waivers).toEqual([]); // no entry is half-read
  });

  it('treats an empty file as no waivers, warns about a second entry for one rule, reports YAML errors', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-waivers-'));
    const write = (text: string) => {
      fs.writeFileSync(path.join(dir, 'waivers.yaml'), text);
      return loadWaiverFile(path.join(dir, 'waivers.yaml'));
    };
    expect(write('# all reviewed findings were fixed\n')).toMatchObject({ waivers: [], diagnostics: [] });
    const entry = (reason: string) => `  - { rule: a, reason: ${reason}, reviewer: r, expires: 2030-01-01 }\n`;
    const dup = write(`waivers:\n${entry('one')}${entry('two')}`);
    expect(dup.waivers.map((w) => w.waiver.reason)).toEqual(['one']);
    expect(dup.diagnostics.map((d) => `${at(d)} ${d.severity}[${d.code}] ${d.message}`)).toEqual([
      '3:13 warning[waiver-duplicate] second waiver for rule "a" is ignored (the one at line 2 applies)',
    ]);
    expect(write('waivers: [').diagnostics[0]!.code).toBe('yaml-syntax');
    expect(write('waiver: []\n').diagnostics.map((d) => d.code).sort()).toEqual(['missing-key', 'unknown-key']);
    expect(findWaiverFile(dir)).toBe(path.join(dir, 'waivers.yaml'));
    expect(findWaiverFile(FIXTURES)).toBeUndefined();
  });

  it('is published as waivers.schema.json beside the rule and figure schemas', () => {
    const schema = schemas['waivers.schema.json'] as { title?: string; required?: string[] };
    expect(schema.title).toBe('tally waiver file');
    expect(schema.required).toEqual(['waivers']);
    const published = JSON.parse(fs.readFileSync(path.join(ROOT, 'rules/schema/waivers.schema.json'), 'utf8'));
    const { $schema: _draft, ...onDisk } = published;
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(schema)));
  });

  it('knows the calendar', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
  });
});

describe('waivers in the audit', () => {
  const run = (today: string) => audit({ paths: [accepted], cwd: ROOT, today });
  const codes = (a: ReturnType<typeof run>) =>
    a.diagnostics.filter((d) => d.code.startsWith('waiver-')).map((d) => `${d.position.file}:${at(d)} ${d.severity}[${d.code}]`);

  it('a waived finding keeps its verdict, is counted, and does not fail the run', () => {
    const a = run('2026-01-01');
    const staff = a.results.find((r) => r.id === 'staff-growth')!;
    expect(staff.verdict).toBe('fail');
    expect(staff.waiver).toEqual({
      reason: 'the 45% counts seasonal staff, which the 700 leaves out; accepted by the statistics office',
      reviewer: 'ngoc.tran',
      expires: '2026-06-30',
      declared: { file: 'test/fixtures/waivers/accepted/waivers.yaml', line: 4, col: 5 },
    });
    expect(a.summary.byVerdict.fail).toBe(1);
    expect(a.summary.waived).toBe(1);
    expect(exitCode(a, 'error')).toBe(0);
    expect(a.inputs).toContainEqual(expect.objectContaining({ path: 'test/fixtures/waivers/accepted/waivers.yaml', role: 'rules' }));
  });

  it('reports a waiver whose rule now passes and one for an unknown rule (with "did you mean")', () => {
    const a = run('2026-01-01');
    expect(codes(a)).toEqual([
      'test/fixtures/waivers/accepted/waivers.yaml:8:11 warning[waiver-stale]',
      'test/fixtures/waivers/accepted/waivers.yaml:12:11 warning[waiver-unknown-rule]',
    ]);
    expect(a.diagnostics.find((d) => d.code === 'waiver-unknown-rule')!.suggestions).toEqual(['staff-growth']);
    expect(a.results.find((r) => r.id === 'revenue-growth')!.waiver).toBeUndefined();
  });

  it('a waiver still applies on its expiry date, and not the day after', () => {
    const onTheDay = run('2026-06-30');
    expect(onTheDay.results.find((r) => r.id === 'staff-growth')!.waiver).toMatchObject({ reviewer: 'ngoc.tran', expires: '2026-06-30' });
    expect(onTheDay.summary.waived).toBe(1);
    expect(exitCode(onTheDay, 'error')).toBe(0);
    const after = run('2026-07-01');
    expect(after.results.find((r) => r.id === 'staff-growth')!.waiver).toBeUndefined();
    expect(after.summary.waived).toBe(0);
    expect(exitCode(after, 'error')).toBe(1);
    expect(codes(after)).toEqual([
      'test/fixtures/waivers/accepted/waivers.yaml:7:14 warning[waiver-expired]',
      'test/fixtures/waivers/accepted/waivers.yaml:11:14 warning[waiver-expired]',
      'test/fixtures/waivers/accepted/waivers.yaml:12:11 warning[waiver-unknown-rule]',
    ]);
    expect(after.diagnostics.find((d) => d.code === 'waiver-expired')!.message).toContain('its finding counts again');
  });

  it('takes today from the option, else TALLY_TODAY, else the clock', () => {
    expect(resolveToday('2026-01-02', '2030-01-01')).toBe('2026-01-02');
    expect(resolveToday(undefined, '2030-01-01')).toBe('2030-01-01');
    expect(resolveToday(() => new Date(2027, 2, 4))).toBe('2027-03-04');
    expect(resolveToday(undefined, undefined)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => resolveToday(undefined, '1/7/2026')).toThrow(UsageError);
  });

  it('a malformed waiver file is a configuration error (exit 2) and waives nothing', () => {
    const a = audit({ paths: [path.join(FIXTURES, 'malformed')], cwd: ROOT, today: '2026-01-01' });
    expect(a.summary.waived).toBe(0);
    expect(exitCode(a, 'error')).toBe(2);
  });
});
