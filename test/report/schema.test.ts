/** The published JSON Schema of the JSON report: real audits validate, mutated reports do not. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit.js';
import { jsonReporter, toJsonReport } from '../../src/report/json.js';
import { JsonReport, reportSchemas } from '../../src/report/schema.js';
import { sampleAudit } from './sample-audit.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/cli');
const validate = new Ajv({ allErrors: true, strict: true }).compile(JsonReport);

function errorsOf(report: unknown) {
  validate(report);
  return validate.errors ?? [];
}

describe('report.schema.json', () => {
  it('as published (reports/report.schema.json, the package’s tally/schemas/report.schema.json) accepts the bundled audit’s committed report, and nothing less', () => {
    const published = new Ajv({ allErrors: true, strict: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'reports/report.schema.json'), 'utf8')));
    const report = JSON.parse(fs.readFileSync(path.join(ROOT, 'reports/tally-report.json'), 'utf8'));
    expect(published(report), JSON.stringify(published.errors)).toBe(true);
    expect(report.results.length).toBeGreaterThan(0);
    const { summary: _summary, ...withoutSummary } = report;
    expect(published(withoutSummary)).toBe(false);
    expect(published.errors).toEqual([expect.objectContaining({ keyword: 'required', params: { missingProperty: 'summary' } })]);
    expect(Object.keys(reportSchemas)).toEqual(['report.schema.json']);
  });

  it('validates the JSON report of a real audit (the CLI fixtures, run in-process)', () => {
    const result = audit({ paths: ['clean', 'false-claim', 'malformed'].map((p) => path.join(FIXTURES, p)), cwd: FIXTURES });
    expect(result.results.length).toBeGreaterThan(0);
    const report = JSON.parse(jsonReporter.render(result, { color: false }));
    expect(errorsOf(report)).toEqual([]);
  });

  it('validates the synthetic audit, which has every optional field', () => {
    expect(errorsOf(JSON.parse(JSON.stringify(toJsonReport(sampleAudit()))))).toEqual([]);
  });

  it('rejects mutated reports', () => {
    const good = JSON.parse(JSON.stringify(toJsonReport(sampleAudit())));
    const mutants: [string, (r: any) => void][] = [
      ['unknown verdict', (r) => (r.results[0].verdict = 'maybe')],
      ['missing message', (r) => delete r.results[0].message],
      ['extra field', (r) => (r.results[0].colour = 'red')],
      ['document text leaked', (r) => (r.documents[0].text = 'full text')],
      ['bad hash', (r) => (r.inputs[0].sha256 = 'xyz')],
      ['line 0', (r) => (r.results[0].declared.line = 0)],
      ['negative count', (r) => (r.summary.byVerdict.pass = -1)],
      ['bad slip kind', (r) => (r.results[2].diagnosis.slips[0].kind = 'typo')],
      ['bad waiver date', (r) => (r.results[2].waiver.expires = 'next year')],
      ['coverage status', (r) => (r.coverage[0].numbers[0].status = 'maybe')],
      ['summary without waived', (r) => delete r.summary.waived],
    ];
    for (const [name, mutate] of mutants) {
      const copy = structuredClone(good);
      mutate(copy);
      expect(errorsOf(copy).length, name).toBeGreaterThan(0);
    }
  });
});

describe('JSON numbers are never null', () => {
  it('extreme values — beyond a double, below it, unbounded — are exact strings, and the report validates', async () => {
    const { claim, fig } = await import('../judge/judging.js');
    const { summarize } = await import('../../src/judge/outcome.js');
    const huge = fig('x', `1${'0'.repeat(300)}`); // 10^300
    const results = [
      // 10^600: far beyond a double
      claim('x * x', '5', [huge]),
      // 10^-600: below the smallest double
      claim('1 / (x * x)', '5', [huge]),
      // a figure known only as a bound: an unbounded range
      claim('growth(y, z)', '5%', [fig('y', { lo: new (await import('fraction.js')).default(120), hi: null }, 'en', { open: { lo: true, hi: false } }), fig('z', '100')]),
    ];
    const a = { ...sampleAudit({ results }), diagnostics: [], summary: summarize(results) };
    const text = jsonReporter.render(a, { color: false });
    expect(text).not.toMatch(/\bnull\b/);
    const report = JSON.parse(text);
    expect(errorsOf(report)).toEqual([]);
    const [big, tiny, open] = report.results;
    expect(typeof big.computed.lo).toBe('string');
    expect(big.computed.lo).toMatch(/^[0-9]{600,601}(\.[0-9()]*)?$/); // (10^300 − ½)², exactly
    expect(tiny.computed.lo === 0 || typeof tiny.computed.lo === 'string').toBe(true);
    expect(open.computed.hi).toBe('Infinity');
    expect(open.verdict).toBe('fail');
    expect(open.computed.text).toBe('[19.40%; ∞)'); // 120 / 100,5 − 1 and up
  });
});
