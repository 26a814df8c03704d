/**
 * SARIF 2.1.0, validated with ajv against the official OASIS schema (see sarifValidator in
 * formats.ts), plus the choices the schema leaves open: levels, locations, suppressions.
 */
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model.js';
import { reporters } from '../../src/report/index.js';
import { lineCol, lineLocator, pathToUri, renderSarif, SARIF_SCHEMA_URI, sarifReporter } from '../../src/report/sarif.js';
import { sarifValidator } from './formats.js';
import { EN_PATH, RULES_A, RULES_B, sampleAudit, SCRIPT_QUOTE, VI_PATH } from './sample-audit.js';

interface Sarif {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; defaultConfiguration: { level: string } }[] } };
    artifacts: { location: { uri: string }; hashes: Record<string, string>; roles: string[] }[];
    columnKind: string;
    invocations: { executionSuccessful: boolean; toolConfigurationNotifications?: unknown[] }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      kind: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; index?: number }; region: Record<string, unknown> } }[];
      relatedLocations?: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, unknown> } }[];
      suppressions?: { kind: string; status: string; justification: string }[];
      properties: Record<string, unknown>;
    }[];
  }[];
}

describe('sarif reporter', () => {
  let validate: ValidateFunction;
  const audit = sampleAudit();
  const text = renderSarif(audit);
  const log = JSON.parse(text) as Sarif;
  const run = log.runs[0]!;
  const result = (id: string) => run.results.find((r) => r.ruleId === id)!;

  beforeAll(() => {
    validate = sarifValidator();
  });

  it('is registered with its file name', () => {
    expect(reporters.get('sarif')).toBe(sarifReporter);
    expect(sarifReporter.fileName).toBe('tally-report.sarif');
  });

  it('validates against the official SARIF 2.1.0 schema', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(log.$schema).toBe(SARIF_SCHEMA_URI);
    expect(log.version).toBe('2.1.0');
  });

  it('the schema check can fail: mutated logs are rejected', () => {
    const mutants: ((l: Sarif) => void)[] = [
      (l) => (l.runs[0]!.results[0]!.level = 'fatal'),
      (l) => ((l.runs[0]!.results[0]!.locations[0]!.physicalLocation.region as { startLine: number }).startLine = 0),
      (l) => (l.runs[0]!.artifacts[0]!.location.uri = 'data/with space.txt'),
      (l) => delete (l.runs[0]!.results[0]! as { message?: unknown }).message,
      (l) => ((l as { version: string }).version = '2.0.0'),
      (l) => ((l.runs[0]!.results[0]! as unknown as Record<string, unknown>).severity = 'high'),
    ];
    for (const mutate of mutants) {
      const copy = structuredClone(log);
      mutate(copy);
      expect(validate(copy)).toBe(false);
    }
  });

  it('describes the tool and one reportingDescriptor per rule id', () => {
    expect(run.tool.driver.name).toBe('tally');
    expect(run.tool.driver.version).toBe('0.1.0');
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(audit.results.map((r) => r.id))]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
  });

  it('lists every input as an artifact with its SHA-256', () => {
    expect(run.artifacts.map((a) => [a.location.uri, a.hashes['sha-256']])).toEqual(audit.inputs.map((i) => [i.path, i.sha256]));
    expect(run.artifacts[0]!.roles).toEqual(['analysisTarget']);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('has a result for every non-pass verdict, its level from the finding severity', () => {
    expect(run.results.map((r) => r.ruleId)).toEqual(audit.results.filter((r) => r.verdict !== 'pass').map((r) => r.id));
    expect(Object.fromEntries(run.results.map((r) => [r.ruleId, r.level]))).toEqual({
      'grdp-level-2023': 'warning', // warn, rule severity warning
      'revenue-2024-vs-plan': 'error',
      'revenue-2024-growth': 'error',
      'poverty-rate': 'note', // unverifiable is information
      'growth-average-2021-2023': 'error',
      'staff-growth': 'warning',
    });
    expect(result('poverty-rate').kind).toBe('open');
    expect(result('revenue-2024-growth').kind).toBe('fail');
  });

  it('locates a finding in the document (with the quote as snippet) and relates it to the rule file', () => {
    const r = result('revenue-2024-growth');
    expect(r.locations).toHaveLength(1);
    const region = r.locations[0]!.physicalLocation.region;
    expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(VI_PATH);
    const anchor = audit.results[3]!.anchor!;
    expect(region).toMatchObject({
      startLine: anchor.line,
      startColumn: anchor.col,
      endLine: 3,
      endColumn: anchor.col + (anchor.end - anchor.start),
      charOffset: anchor.start,
      charLength: anchor.end - anchor.start,
      snippet: { text: 'đạt 131% dự toán, tăng 25,8% so với cùng kỳ' },
    });
    expect(r.relatedLocations).toHaveLength(1);
    expect(r.relatedLocations![0]!.physicalLocation.artifactLocation.uri).toBe(RULES_A);
    expect(r.relatedLocations![0]!.physicalLocation.region).toEqual({ startLine: 24, startColumn: 5 });
    expect(r.message.text).toContain('-2,68 pp (-10,39 % relative)');
    expect(r.properties).toMatchObject({ verdict: 'fail', difference: { unit: 'pp' } });
  });

  it('locates a broken rule in the rule file; hostile text stays plain JSON text', () => {
    const broken = result('growth-average-2021-2023');
    expect(broken.locations[0]!.physicalLocation.artifactLocation.uri).toBe(RULES_A);
    expect(broken.relatedLocations).toBeUndefined(); // no anchor: the quote was not found
    const hostile = result('poverty-rate');
    expect(hostile.locations[0]!.physicalLocation.region.snippet).toEqual({ text: SCRIPT_QUOTE });
  });

  it('turns a waiver into an accepted suppression', () => {
    expect(result('revenue-2024-vs-plan').suppressions).toEqual([
      expect.objectContaining({ kind: 'external', status: 'accepted', justification: audit.results[2]!.waiver!.reason }),
    ]);
    expect(result('revenue-2024-growth').suppressions).toBeUndefined();
  });

  it('reports problems in rule files as configuration notifications', () => {
    expect(run.invocations[0]!.executionSuccessful).toBe(false);
    expect(run.invocations[0]!.toolConfigurationNotifications).toHaveLength(2);
  });

  it('the English document and rule file are found too', () => {
    const r = result('staff-growth');
    expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(EN_PATH);
    expect(r.relatedLocations![0]!.physicalLocation.artifactLocation.uri).toBe(RULES_B);
  });

  it('is deterministic', () => {
    expect(renderSarif(sampleAudit())).toBe(text);
    expect(text).not.toMatch(/TimeUtc|\d{4}-\d{2}-\d{2}T\d{2}:/);
  });

  it('percent-encodes paths into URI references and counts lines', () => {
    expect(pathToUri('data/báo cáo #1.txt')).toBe('data/b%C3%A1o%20c%C3%A1o%20%231.txt');
    expect(lineCol('ab\ncd\n', 0)).toEqual({ line: 1, col: 1 });
    expect(lineCol('ab\ncd\n', 4)).toEqual({ line: 2, col: 2 });
    expect(lineCol('ab\ncd\n', 6)).toEqual({ line: 3, col: 1 });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', 'ạ', '\r') }), fc.nat(60), (text, offset) => {
        const at = Math.min(offset, text.length);
        const before = text.slice(0, at);
        expect(lineLocator(text)(offset)).toEqual({ line: before.split('\n').length, col: at - (before.lastIndexOf('\n') + 1) + 1 });
      }),
    );
  });

  it('stays valid SARIF for any rule text and file name (property)', () => {
    const any = fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), fc.constantFrom('<script>', '%', ' ', '#?', '\u0000', 'ạ'));
    fc.assert(
      fc.property(any, any, any, (message, quote, name) => {
        const base = sampleAudit();
        const results = base.results.map((r) => ({ ...r, message, ...(r.quote !== undefined ? { quote } : {}), declared: { ...r.declared, file: `rules/${name}.yaml` } }));
        const a: AuditResult = { ...base, results, inputs: [...base.inputs, { path: `rules/${name}.yaml`, sha256: '0'.repeat(64), role: 'rules' }] };
        const parsed = JSON.parse(renderSarif(a));
        const ok = validate(parsed);
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
        expect(parsed.runs[0].results[0].message.text).toContain(message);
      }),
      { numRuns: 100 },
    );
  });
});
