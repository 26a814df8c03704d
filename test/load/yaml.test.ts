import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYaml, pointerToPath, readYamlFile } from '../../src/load/yaml.js';

const FIX = 'test/fixtures/load/';

describe('parseYaml positions', () => {
  const src = ['figures:', '  - f.yaml', 'rules:', '  - id: a', '    exprr: x', '    reading: rounding', ''].join('\n');
  const y = parseYaml(src, 'r.yaml');

  it('maps a JSON pointer to the key of an unknown key and to a value', () => {
    expect(y.diagnostics).toEqual([]);
    expect(y.positionOf('/rules/0/exprr', 'key')).toEqual({ file: 'r.yaml', line: 5, col: 5 });
    expect(y.positionOf('/rules/0/exprr')).toEqual({ file: 'r.yaml', line: 5, col: 12 });
    expect(y.positionOf(['rules', 0, 'reading'])).toEqual({ file: 'r.yaml', line: 6, col: 14 });
    expect(y.positionOf('/figures/0')).toEqual({ file: 'r.yaml', line: 2, col: 5 });
  });

  it('the position of a rule item is its mapping; a path past the tree gives the deepest node', () => {
    expect(y.positionOf('/rules/0')).toEqual({ file: 'r.yaml', line: 4, col: 5 });
    expect(y.positionOf('/rules/0/nothing/deeper')).toEqual({ file: 'r.yaml', line: 4, col: 5 });
  });

  it('an empty value is placed at its key', () => {
    const e = parseYaml('a:\n  b:\n  c: 1\n', 'e.yaml');
    expect(e.positionOf('/a/b')).toEqual({ file: 'e.yaml', line: 2, col: 3 });
  });

  it('decodes JSON pointer escapes', () => {
    expect(pointerToPath('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', '0']);
    expect(pointerToPath('')).toEqual([]);
  });

  it('keeps the literal text of scalars', () => {
    const n = parseYaml('value: 1905.50\n', 'n.yaml');
    expect(n.value).toEqual({ value: 1905.5 });
    expect(n.scalarSource('/value')).toBe('1905.50');
  });
});

describe('YAML problems become diagnostics', () => {
  it('reports a duplicate key at the second key, and keeps going', () => {
    const y = parseYaml('rules:\n  - id: a\n    expr: x\n    expr: y\n', 'd.yaml');
    expect(y.diagnostics).toHaveLength(1);
    expect(y.diagnostics[0]).toMatchObject({ code: 'duplicate-key', position: { file: 'd.yaml', line: 4, col: 5 } });
    expect(y.diagnostics[0]!.message).toContain('"expr"');
    expect(y.fatal).toBe(false);
  });

  it('reports syntax errors at their line and column, the place said once (not again inside the message)', () => {
    const y = parseYaml('a: [1, 2\nb: c\n', 's.yaml');
    expect(y.fatal).toBe(true);
    expect(y.diagnostics).toHaveLength(1);
    const [d] = y.diagnostics;
    expect(d).toMatchObject({ code: 'yaml-syntax', severity: 'error', position: { file: 's.yaml', line: 2, col: 1 } });
    // The yaml library's own "at line 2, column 1: …" tail is cut: the position carries it.
    expect(d!.message).toMatch(/^Flow sequence in block collection must be sufficiently indented and end with a \]$/);
    expect(d!.frame).toBe('  1 | a: [1, 2\n> 2 | b: c\n    | ^');
  });

  it('rejects an alias bomb instead of expanding it', () => {
    const y = readYamlFile(`${FIX}alias-bomb.yaml`);
    expect(y.fatal).toBe(true);
    expect(y.value).toBeUndefined();
    expect(y.diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
    expect(y.diagnostics[0]!.position).toMatchObject({ line: 2, col: 8 });
  });

  it('allows a few aliases', () => {
    const y = parseYaml('a: &x 1\nb: *x\n', 'ok.yaml');
    expect(y.diagnostics).toEqual([]);
    expect(y.value).toEqual({ a: 1, b: 1 });
  });

  it('a missing file is a diagnostic, not an exception', () => {
    const y = readYamlFile(`${FIX}does-not-exist.yaml`);
    expect(y.diagnostics.map((d) => d.code)).toEqual(['file-not-found']);
    expect(y.sha256).toBe('');
  });

  it('an alias inside its own anchor (a list that contains itself) is parsed, not recursed forever', () => {
    for (const text of ['&x [*x]', 'a: &x\n  b: *x\n', 'a: &x [1, *x, *x]\n']) {
      const y = parseYaml(text, 'f.yaml');
      expect(Array.isArray(y.diagnostics)).toBe(true);
    }
    const shared = parseYaml('a: &x [long string shared by alias]\nb: *x\n', 'f.yaml').value as Record<string, string[]>;
    expect(shared.b?.[0]).toBe('long string shared by alias');
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', '-', ' ', '\n', '[', ']', '{', '}', '&x', '*x', '"', "'", '#', '\t', '|', '>', '?', '!') }), (s) => {
        const y = parseYaml(s, 'f.yaml');
        expect(Array.isArray(y.diagnostics)).toBe(true);
        for (const d of y.diagnostics) expect(d.position.line).toBeGreaterThanOrEqual(1);
        y.positionOf('/a/0/b', 'key');
      }),
      { numRuns: 300 },
    );
  });
});
