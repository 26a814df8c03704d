/**
 * The in-memory API: `auditSources` reads texts and objects through the same loader as files on
 * disk, so the same rule set gives the same audit — verdicts, positions, messages, coverage.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { audit, auditSources } from '../../src/audit.js';
import { findRuleFiles, UsageError } from '../../src/load/index.js';
// @ts-expect-error: a plain ES module of the benchmark, without type declarations
import { regionAudit } from '../../src/dev/synthetic.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TODAY = '2026-01-01';

/** Every file below `dir` (relative to `base`, with `/`), as text. */
function textsBelow(base: string, dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(path.join(base, dir), { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const abs = path.join(e.parentPath, e.name);
    out[path.relative(base, abs).split(path.sep).join('/')] = fs.readFileSync(abs, 'utf8');
  }
  return out;
}

/** The same project read from disk and from memory. */
function bothWays(base: string, ruleFiles: string[]) {
  const onDisk = audit({ paths: ruleFiles.map((f) => path.join(base, f)), cwd: base, root: base, today: TODAY });
  const texts = { ...textsBelow(base, '.') };
  const ruleSets = Object.fromEntries(ruleFiles.map((f) => [f, texts[f]!]));
  const inMemory = auditSources({ ruleSets, documents: texts, today: TODAY });
  return { onDisk, inMemory };
}

describe('auditSources (rules, figures and documents in memory)', () => {
  it('gives the bundled audit exactly as the files on disk give it', () => {
    const ruleFiles = findRuleFiles([path.join(ROOT, 'rules')]).map((f) => path.relative(ROOT, f));
    const texts = { ...textsBelow(ROOT, 'rules'), ...textsBelow(ROOT, 'data') };
    const onDisk = audit({ paths: ruleFiles.map((f) => path.join(ROOT, f)), cwd: ROOT, today: TODAY });
    const inMemory = auditSources({ ruleSets: Object.fromEntries(ruleFiles.map((f) => [f, texts[f]!])), documents: texts, today: TODAY });
    expect(inMemory.results.length).toBe(40);
    expect(inMemory).toEqual(onDisk);
  });

  it('takes a rule file as an object: the same verdicts as its YAML text', () => {
    const ruleFiles = findRuleFiles([path.join(ROOT, 'rules')]).map((f) => path.relative(ROOT, f));
    const texts = { ...textsBelow(ROOT, 'rules'), ...textsBelow(ROOT, 'data') };
    const asText = auditSources({ ruleSets: { [ruleFiles[0]!]: texts[ruleFiles[0]!]! }, documents: texts, today: TODAY });
    const asObject = auditSources({ ruleSets: { [ruleFiles[0]!]: parse(texts[ruleFiles[0]!]!) }, documents: texts, today: TODAY });
    expect(asObject.results.map((r) => [r.id, r.verdict, r.message])).toEqual(asText.results.map((r) => [r.id, r.verdict, r.message]));
    expect(asObject.results.length).toBeGreaterThan(0);
  });

  it('never reads the disk: a document named outside the project is refused, a missing one is not found', () => {
    const figures = (document: string) => `document: ${document}\nlocale: vi-VN\nfigures:\n  a: { quote: "Doanh thu đạt", number: "1 tỷ đồng" }\n`;
    const rules = 'figures: [figures.yaml]\nrules:\n  - id: r\n    assert: a > 0\n';
    const messages = (document: string) =>
      auditSources({ ruleSets: { 'rules.yaml': rules }, figureSets: { 'figures.yaml': figures(document) } })
        .diagnostics.map((d) => d.message)
        .join('\n');
    expect(messages('../../../etc/hostname')).toMatch(/outside the project/);
    expect(messages('data/nowhere.txt')).toMatch(/not found: .*nowhere\.txt/);
    expect(() => auditSources({ ruleSets: { '../a.yaml': rules } })).toThrow(UsageError);
    expect(() => auditSources({ ruleSets: { '/etc/a.yaml': rules } })).toThrow(UsageError);
  });

  it('a second call with other texts under the same names sees the new texts', () => {
    const figures = (n: string) => `document: doc.txt\nlocale: vi-VN\nfigures:\n  a: { quote: "Doanh thu đạt ${n} tỷ đồng", number: "${n} tỷ đồng" }\n`;
    const rules = 'figures: [figures.yaml]\nrules:\n  - id: r\n    assert: a < 1.5e9\n';
    const verdict = (figure: string, n: string) =>
      auditSources({ ruleSets: { 'rules.yaml': rules }, figureSets: { 'figures.yaml': figures(figure) }, documents: { 'doc.txt': `Doanh thu đạt ${n} tỷ đồng.\n` } })
        .results[0]?.verdict;
    expect(verdict('1', '1')).toBe('pass');
    expect(verdict('1', '2')).toBe('error'); // the quote is no longer in the new document
    expect(verdict('2', '2')).toBe('fail');
  });

  it('law: any synthetic audit gives the same result from memory as from disk', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }), (claims, wrongEvery) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-sources-'));
        try {
          regionAudit(dir, claims, { wrongEvery });
          const { onDisk, inMemory } = bothWays(dir, ['rules.yaml']);
          expect(inMemory).toEqual(onDisk);
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 25 },
    );
  });
});
