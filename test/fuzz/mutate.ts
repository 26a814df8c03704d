/**
 * Byte mutations of the real seed files — the bundled Lạng Sơn rule files, figure file and
 * document — as a coverage-blind fuzzer makes them: flipped bits, random bytes, cut, repeated and
 * spliced ranges, and tokens known to upset YAML, UTF-8 or the number reader.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

/** The repository: beside this file in the suite; the working directory when bundled by `npm run fuzz`. */
const HERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROOT = fs.existsSync(path.join(HERE, 'rules/lang-son')) ? HERE : process.cwd();

export const DOCUMENT = 'data/lang-son-2021-2024.vi.txt';
export const FIGURES = 'data/lang-son.figures.yaml';
export const RULE_FILES = fs
  .readdirSync(path.join(ROOT, 'rules/lang-son'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `rules/lang-son/${f}`);

/** The seed files, by their path in the repository (the layout their relative paths expect). */
export const SEEDS: ReadonlyMap<string, Buffer> = new Map([DOCUMENT, FIGURES, ...RULE_FILES].map((p) => [p, fs.readFileSync(path.join(ROOT, p))]));

const TOKENS = ['[', '{', ']', '}', '- ', ': ', '&a ', '*a', '!!str ', '!x ', '%YAML 1.1\n', '<<: ', '"', "'", '\t', '\n', '#', '\\', '../', '\u0000', '\u001b[2J', '\u202E', '%', ',', '.', '9', '٣', '1e309'].map((t) =>
  Buffer.from(t, 'utf8'),
);
const BAD_BYTES = [0xff, 0xfe, 0xc0, 0xc3, 0xed, 0xa0, 0x80, 0xf4, 0x90];

/** One mutation, applied to a copy. */
export type Mutation = (bytes: Buffer) => Buffer;

const at = (n: number, bytes: Buffer) => (bytes.length === 0 ? 0 : n % (bytes.length + 1));

/** One byte-level mutation. */
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([i, bit]): Mutation => (b) => {
    const c = Buffer.from(b);
    if (c.length) c[i % c.length]! ^= 1 << bit;
    return c;
  }),
  fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...BAD_BYTES))).map(([i, v]): Mutation => (b) => {
    const c = Buffer.from(b);
    if (c.length) c[i % c.length] = v;
    return c;
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 200 })).map(([i, n]): Mutation => (b) => Buffer.concat([b.subarray(0, at(i, b)), b.subarray(at(i, b) + n)])),
  fc.tuple(fc.nat(), fc.constantFrom(...TOKENS), fc.integer({ min: 1, max: 80 })).map(([i, t, times]): Mutation => (b) =>
    Buffer.concat([b.subarray(0, at(i, b)), Buffer.concat(Array(times).fill(t)), b.subarray(at(i, b))]),
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 400 })).map(([i, j, n]): Mutation => (b) =>
    Buffer.concat([b.subarray(0, at(i, b)), b.subarray(at(j, b), at(j, b) + n), b.subarray(at(i, b))]),
  ),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 16 })).map(([i, bytes]): Mutation => (b) =>
    Buffer.concat([b.subarray(0, at(i, b)), Buffer.from(bytes), b.subarray(at(i, b))]),
  ),
  fc.nat().map((i): Mutation => (b) => b.subarray(0, at(i, b))),
);

/**
 * A project of seed files with one of them mutated (one to four mutations): one rule file, the
 * figure file and the document, at their repository paths.
 */
/** The bytes after one to four mutations. */
export const mutations: fc.Arbitrary<Mutation> = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((ms) => (b: Buffer) => ms.reduce((x, m) => m(x), b));

export const mutatedSeeds: fc.Arbitrary<{ files: Record<string, Buffer>; rules: string[]; mutated: string }> = fc
  .tuple(fc.constantFrom(...RULE_FILES), fc.constantFrom('rule', 'figures', 'document'), mutations)
  .map(([ruleFile, which, mutate]) => {
    const files: Record<string, Buffer> = { [ruleFile]: SEEDS.get(ruleFile)!, [FIGURES]: SEEDS.get(FIGURES)!, [DOCUMENT]: SEEDS.get(DOCUMENT)! };
    const mutated = which === 'rule' ? ruleFile : which === 'figures' ? FIGURES : DOCUMENT;
    files[mutated] = mutate(files[mutated]!);
    return { files, rules: [ruleFile], mutated };
  });
