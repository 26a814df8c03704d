/**
 * YAML as untrusted input (issue 12, findings 2 and 6): nesting limited before the parser runs,
 * YAML 1.2 core only (no other directive, no explicit tags, no merge keys), each an error at its
 * own position; over-size and non-UTF-8 files are diagnostics at the right place.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseYaml, readYamlFile } from '../../src/load/yaml.js';
import { prescanYaml } from '../../src/load/yaml-prescan.js';

const at = (y: ReturnType<typeof parseYaml>) => y.diagnostics.map((d) => `${d.position.line}:${d.position.col} ${d.code}`);

describe('nesting depth, checked before the parser runs', () => {
  it('refuses 10 000 nested flow levels with "nesting too deep" where the limit is passed', () => {
    const y = parseYaml(`rules: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`, 'deep.yaml');
    expect(at(y)).toEqual(['1:70 yaml-nesting']);
    expect(y.diagnostics[0]!.message).toMatch(/^nesting too deep: more than 64 levels/);
    expect(y.fatal).toBe(true);
    expect(y.value).toBeUndefined();
    // The frame is cut around the caret, not the whole 20 000-character line.
    expect(y.diagnostics[0]!.frame!.length).toBeLessThan(300);
  });

  it('refuses 10 000 nested block levels, compact and indented', () => {
    expect(at(parseYaml(`rules:\n${'- '.repeat(10_000)}x\n`, 'deep.yaml'))).toEqual(['2:127 yaml-nesting']);
    const indented = Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(at(parseYaml(indented, 'deep.yaml'))).toEqual(['65:65 yaml-nesting']);
  });

  it('counts flow mappings, and a block scalar’s brackets are text, not nesting', () => {
    expect(at(parseYaml(`a: ${'{b: '.repeat(200)}1${'}'.repeat(200)}\n`, 'm.yaml'))).toEqual(['1:252 yaml-nesting']);
    const text = `note: |\n  ${'[[[['.repeat(100)}\n  !!str %YAML <<: x\nb: 1\n`;
    const y = parseYaml(text, 'b.yaml');
    expect(y.diagnostics).toEqual([]);
    expect(y.value).toEqual({ note: `${'[[[['.repeat(100)}\n!!str %YAML <<: x\n`, b: 1 });
  });

  it('mappings used as keys, nested 30 deep, are reported without printing them (that was exponential)', () => {
    const y = parseYaml(`extra: { key${'{'.repeat(30)}: { value: 1 } }\n`, 'k.yaml');
    expect(y.fatal).toBe(true);
    expect(y.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', position: { line: 1, col: 13 } });
  });

  it('the limit is a parameter', () => {
    expect(parseYaml('a: [[[1]]]\n', 'f.yaml', { maxDepth: 3 }).diagnostics.map((d) => d.code)).toEqual(['yaml-nesting']);
    expect(parseYaml('a: [[[1]]]\n', 'f.yaml', { maxDepth: 5 }).diagnostics).toEqual([]);
  });

  /** Plain values nested up to `depth` levels. */
  const nested = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(1, 'x', 'a b', null, true),
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('a', 'b', 'c', 'key'), tie('value'), { maxKeys: 3 }),
    ),
  })).value;
  const depthOf = (v: unknown): number =>
    v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v as object).map(depthOf)) : 0;

  it('never counts fewer levels than the value has, in block or flow style (property)', () => {
    fc.assert(
      fc.property(nested, fc.boolean(), fc.boolean(), fc.integer({ min: 1, max: 12 }), (value, flow, indentSeq, limit) => {
        // indentSeq false writes a list at its key's own column (`key:\n- a`), which YAML allows.
        const text = stringify({ root: value }, { collectionStyle: flow ? 'flow' : 'block', indentSeq });
        const deep = depthOf({ root: value });
        const scan = prescanYaml(text, limit);
        // Deeper than the limit is always refused; at most half as deep always passes.
        if (deep > limit) expect(scan.tooDeep).toBe(true);
        if (2 * deep <= limit) expect(scan.tooDeep).toBe(false);
      }),
      { numRuns: 400 },
    );
  });
});

describe('YAML 1.2 core only', () => {
  it('refuses any directive but %YAML 1.2, at its line', () => {
    expect(at(parseYaml('%YAML 1.1\n---\na: yes\n', 'v.yaml'))).toEqual(['1:1 yaml-directive']);
    expect(at(parseYaml('%TAG ! tag:example.com,2000:\n---\na: 1\n', 't.yaml'))).toEqual(['1:1 yaml-directive']);
    const ok = parseYaml('%YAML 1.2\n---\na: yes\n', 'ok.yaml');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.value).toEqual({ a: 'yes' });
  });

  it('reads 1.1 look-alikes as 1.2 core does: yes/on are strings, 010 is ten, 1:30 is text', () => {
    expect(parseYaml('a: yes\nb: on\nc: 010\nd: 1:30\ne: 0o10\n', 'c.yaml').value).toEqual({ a: 'yes', b: 'on', c: 10, d: '1:30', e: 8 });
  });

  it('refuses explicit tags, every one at its position', () => {
    const y = parseYaml('a: !!str 1\nb: !foo x\nc:\n  - !<tag:yaml.org,2002:int> 3\n', 't.yaml');
    expect(at(y)).toEqual(['1:4 yaml-tag', '2:4 yaml-tag', '4:5 yaml-tag']);
    expect(y.fatal).toBe(true);
    expect(y.diagnostics.some((d) => d.severity === 'warning')).toBe(false);
  });

  it('refuses merge keys in block and flow mappings; a quoted "<<" is an ordinary key', () => {
    expect(at(parseYaml('base: &b {x: 1}\nuse:\n  <<: *b\nflow: {<<: *b}\n', 'm.yaml'))).toEqual(['3:3 yaml-merge-key', '4:8 yaml-merge-key']);
    expect(parseYaml('"<<": 1\n', 'q.yaml').diagnostics).toEqual([]);
  });

  it('an exclamation mark or percent sign inside a scalar is text', () => {
    const y = parseYaml('note: "wow! %YAML"\nother: yes! it is <<\n', 's.yaml');
    expect(y.diagnostics).toEqual([]);
  });
});

describe('reading a YAML file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-yaml-'));
  const file = (name: string, bytes: string | Buffer) => {
    writeFileSync(path.join(dir, name), bytes);
    return path.join(dir, name);
  };

  it('refuses a file over the size limit without parsing it', () => {
    const big = file('big.yaml', `a: ${'x'.repeat(3 * 1024 * 1024)}\n`);
    const y = readYamlFile(big);
    expect(y.diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
    expect(y.diagnostics[0]!.message).toMatch(/is 3 MiB, over the limit of 2 MiB \(raise it with --max-yaml-size\)/);
    expect(readYamlFile(file('small.yaml', 'a: 1234567\n'), { maxBytes: 8 }).diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  });

  it('reports invalid UTF-8 at the bad byte, not at 1:1', () => {
    const bad = file('bad.yaml', Buffer.concat([Buffer.from('a: 1\nquote: "Việt'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]));
    const y = readYamlFile(bad);
    expect(at(y)).toEqual(['2:13 file-encoding']);
    expect(y.diagnostics[0]!.message).toContain('byte 0xC3 at offset 19 (line 2, column 13)');
    expect(y.sha256).not.toBe('');
  });
});
