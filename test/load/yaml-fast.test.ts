/**
 * The fast YAML path (js-yaml, yaml-fast.ts) must never disagree with the careful one (yaml's
 * document model): on every file it accepts, the same value, no problem the careful path would
 * report, and the same position and source text at every path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../../src/load/yaml-fast.js';
import { carefulParse, parseYaml, type PathSegment } from '../../src/load/yaml.js';

const ROOT = join(import.meta.dirname, '../..');
const MAX_DEPTH = 64;

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...yamlFilesUnder(path));
    else if (/\.ya?ml$/.test(name)) out.push(path);
  }
  return out;
}

/** Every path into a plain value, the root included. */
function pathsOf(value: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const out: PathSegment[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...prefix, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...prefix, k]));
  return out;
}

/** Compare the two paths on one text; returns whether the fast path took it. */
function expectSameReading(source: string): boolean {
  const fast = parseYamlFast(source, MAX_DEPTH);
  if (!fast) return false;
  const careful = carefulParse(source, 'f.yaml', { maxDepth: MAX_DEPTH });
  const quick = parseYaml(source, 'f.yaml', { maxDepth: MAX_DEPTH });
  expect(careful.diagnostics.map((d) => d.message)).toEqual([]);
  expect(quick.value).toEqual(careful.value);
  // A path one step past a leaf, and one that does not exist, must degrade the same way too.
  for (const path of [...pathsOf(careful.value), ['nope'], ['rules', 99, 'x']]) {
    for (const at of ['key', 'value'] as const) expect(quick.positionOf(path, at), `${at} of /${path.join('/')}`).toEqual(careful.positionOf(path, at));
    expect(quick.scalarSource(path), `source of /${path.join('/')}`).toBe(careful.scalarSource(path));
  }
  return true;
}

describe('the fast YAML path', () => {
  const files = yamlFilesUnder(ROOT);

  it('reads every YAML file of the project as the careful path does', () => {
    let fast = 0;
    for (const file of files) if (expectSameReading(readFileSync(file, 'utf8'))) fast++;
    // The bundled rule and figure files are plain: they must all take the fast path.
    expect(files.length).toBeGreaterThan(10);
    for (const file of files.filter((f) => /\/(rules|data)\//.test(f) && !/\/test\//.test(f))) {
      expect(parseYamlFast(readFileSync(file, 'utf8'), MAX_DEPTH), file).not.toBeNull();
    }
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it('refuses what only the careful path may judge', () => {
    for (const text of [
      '%YAML 1.1\n---\na: yes\n',
      'a: !!str 12\n',
      'a: &x 1\nb: *x\n',
      '<<: {a: 1}\n',
      'a: 1\na: 2\n',
      'a: -.5\n', // yaml core: -0.5; js-yaml: a string
      'a: 0o17\n',
      'figures: [? ../figures.yaml]\n',
      'figures: [?\t../figures.yaml]\n',
      'f: [a: 1]\n',
      'a: b: c\n',
      'a: "x\ny"\n',
      'a: 1\rb: 2\n',
      'a: .inf\n',
      'a: [1, 2\n',
      '"1.0": x\nnull: y\n',
      // No value: nothing but a comment (found by the property below), nothing at all, a null.
      '#rules: \tnote: "x"\n',
      '',
      '~\n',
    ]) {
      expect(parseYamlFast(text, MAX_DEPTH), JSON.stringify(text)).toBeNull();
    }
  });

  it('takes the plain files tally users write', () => {
    for (const text of ['a: 1_000\n', 'rules:\n  - id: x\n    expr: a + b\n    description: one\n      line and more\n', '2021: 5\nb: [1, 2]\nc: {d: e}\n', 'a: |\n  block\nb: >-\n  folded\n']) {
      expect(expectSameReading(text), JSON.stringify(text)).toBe(true);
    }
  });

  it('agrees on random plain YAML and on mutations of the project files (property)', () => {
    const scalar = fc.oneof(
      fc.constantFrom('1', '-2', '3.50', '1e3', '+4', '0', '007', '1.', '.5', '-.5', 'true', 'False', 'null', '~', '', 'yes', '12.000', "'q: x'", '"a\\"b"', '"x\\ny"', '|\n  block\n', '>-\n  folded\n  text\n'),
      fc.stringMatching(/^[a-zA-Zà-ỹ][a-zA-Z0-9 à-ỹ.,%-]{0,12}$/),
    );
    const key = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/), fc.constantFrom('2021', '"q k"', "'s'", '1.0', 'null'));
    const block = (depth: number): fc.Arbitrary<string> => {
      const indent = '  '.repeat(depth);
      const leaf = scalar.map((s) => (s.includes('\n') ? s.replace(/\n(?=.)/g, `\n${indent}  `) : s));
      const child = depth >= 3 ? leaf.map((s) => ` ${s}`) : fc.oneof(leaf.map((s) => ` ${s}`), block(depth + 1).map((b) => `\n${b}`), fc.array(scalar.filter((s) => !s.includes('\n')), { maxLength: 3 }).map((xs) => ` [${xs.join(', ')}]`));
      const mapping = fc.array(fc.tuple(key, child, fc.constantFrom('', ' # note')), { minLength: 1, maxLength: 4 }).map((es) => es.map(([k, v, c]) => `${indent}${k}:${v}${v.startsWith('\n') ? '' : c}`).join('\n'));
      const sequence = fc.array(child, { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v) => `${indent}-${v}`).join('\n'));
      return fc.oneof(mapping, sequence);
    };
    fc.assert(fc.property(block(0), (text) => void expectSameReading(`${text}\n`)), { numRuns: 1500 });

    const sources = files.map((f) => readFileSync(f, 'utf8')).filter((s) => s.length < 20_000);
    const mutation = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('\r', '\t- ', ' \t', '|', '>-', '\n    ', '...', '---\n', '\\', '', ' ', '\n', ':', '- ', '"', "'", '#', '[', '{', '  ', '\t', '&a ', '*a', '? ', '1.5', '-.5'), fc.nat({ max: 3 }));
    fc.assert(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, edits) => {
        let text = sources[which % sources.length]!;
        for (const [at, cut, insert, len] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + Math.min(len, cut % 4));
        }
        expectSameReading(text);
      }),
      { numRuns: 1500 },
    );
  });
});
