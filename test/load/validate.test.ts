import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/load/diagnostics.js';
import { loadRuleFile } from '../../src/load/rules.js';
import { validateFigureFile, validateRuleFile } from '../../src/load/validate.js';
import { parseYaml } from '../../src/load/yaml.js';

const FIX = 'test/fixtures/load/';

function check(src: string, kind: 'rule' | 'figure' = 'rule') {
  const y = parseYaml(src, 'x.yaml');
  expect(y.diagnostics).toEqual([]);
  return kind === 'rule' ? validateRuleFile(y.value, y) : validateFigureFile(y.value, y);
}

describe('rule file validation', () => {
  it('an unknown key is reported at the key with did-you-mean', () => {
    const ds = check(['figures: [f.yaml]', 'rules:', '  - id: a', '    quote: q', '    exprr: x', ''].join('\n'));
    const unknown = ds.find((d) => d.code === 'unknown-key');
    expect(unknown).toBeDefined();
    expect(unknown!.message).toBe('unknown key "exprr" in rule "a"');
    expect(unknown!.position).toEqual({ file: 'x.yaml', line: 5, col: 5 });
    expect(unknown!.suggestions).toEqual(['expr']);
    // …and the missing "expr" is said too, at the rule.
    const missing = ds.find((d) => d.code === 'missing-key');
    expect(missing!.message).toContain('missing key "expr"');
    expect(missing!.position).toEqual({ file: 'x.yaml', line: 3, col: 5 });
  });

  it('a bad reading suggests the right one and lists the allowed values', () => {
    const ds = check(['figures: [f.yaml]', 'rules:', '  - id: a', '    quote: q', '    expr: x', '    reading: rounding', ''].join('\n'));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: 'invalid-value', position: { line: 6, col: 14 }, suggestions: ['round'] });
    expect(ds[0]!.message).toContain('"truncate"');
  });

  it('reports every problem of a file at once, in reading order, with exact positions', () => {
    const set = loadRuleFile(`${FIX}bad-rules.yaml`);
    expect(set.rules).toEqual([]);
    expect(set.broken).toEqual([]);
    const got = set.diagnostics.map((d) => `${d.position.line}:${d.position.col} ${d.code}`);
    expect(got).toEqual([
      '3:1 unknown-key', // documnet
      '5:5 missing-key', // expr of grdp-growth
      '7:5 unknown-key', // exprr
      '8:9 invalid-value', // id pattern
      '11:14 invalid-value', // reading: rounding
      '12:15 invalid-value', // severity: 3
      '15:5 unknown-key', // expr in an assertion
    ]);
    expect(set.diagnostics[0]!.suggestions).toEqual(['document']);
    expect(set.diagnostics[4]!.suggestions).toEqual(['round']);
    expect(set.diagnostics[6]!.message).toContain('belongs to claim rules');
    expect(formatDiagnostic(set.diagnostics[2]!)).toContain(`${FIX}bad-rules.yaml:7:5 error[unknown-key]`);
  });

  it('a rule that is not a mapping, and a wrong type at the top', () => {
    const ds = check(['figures: f.yaml', 'rules:', '  - just text', ''].join('\n'));
    expect(ds.map((d) => `${d.position.line}:${d.position.col} ${d.code}`)).toEqual(['1:10 invalid-value', '3:5 invalid-value']);
    expect(ds[0]!.message).toBe('"figures" must be a list, got a string ("f.yaml")');
  });

  it('a valid file has no diagnostics', () => {
    const ds = check(['figures: [f.yaml]', 'defaults: {reading: truncate}', 'rules:', '  - {id: a, quote: q, expr: x, tolerance: "2,5%"}', '  - {id: b, assert: "x > 0"}', ''].join('\n'));
    expect(ds).toEqual([]);
  });
});

describe('figure file validation', () => {
  it('reports unknown keys inside a figure and bad union values', () => {
    const ds = check(['figures:', '  a:', '    qoute: x', '  b:', '    value: true', '  c:', '    value: 1', '    precision: -1', ''].join('\n'), 'figure');
    expect(ds.map((d) => `${d.position.line}:${d.position.col} ${d.code}`)).toEqual(['3:5 unknown-key', '5:12 invalid-value', '8:16 invalid-value']);
    expect(ds[0]!.message).toBe('unknown key "qoute" in figure "a"');
    expect(ds[0]!.suggestions).toEqual(['quote']);
    expect(ds[1]!.message).toBe('"value" must be a number or a string, got a boolean (true)');
  });
});
