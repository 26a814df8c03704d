/**
 * The fuzzer's inputs by number: input i is the same project on every run with the same seed, so
 * any input a report names can be made again. Four in five are grammar-aware projects — each
 * generated project is used as it is and in four byte-mutated variants (one of its figure file,
 * rule file, CSV table and document), which also keeps generation from dominating the run — and
 * one in five is a bundled seed file with byte mutations.
 */
import fc from 'fast-check';
import { project } from './grammar.js';
import { mutatedSeeds, mutations } from './mutate.js';

export interface FuzzInput {
  /** What kind of input: "grammar", "variant <mutated file>" (of a grammar project) or "seed <mutated file>". */
  label: string;
  files: Record<string, string | Buffer>;
  /** The rule files to audit (paths inside the project). */
  rules: string[];
  /** Also explain the first rule. */
  explainToo: boolean;
}

const BATCH = 20;
const VARIANTS = ['figures.yaml', 'rules-0.yaml', 'table.csv', 'doc.txt'];
const cache = new Map<string, unknown[]>();

/** fc.sample, a batch at a time, remembered until the next batch of the same stream. */
function sampled<T>(stream: string, arbitrary: fc.Arbitrary<T>, seed: number, index: number): T[] {
  const key = `${stream}:${index}`;
  let values = cache.get(key) as T[] | undefined;
  if (!values) {
    for (const k of cache.keys()) if (k.startsWith(`${stream}:`)) cache.delete(k);
    values = fc.sample(arbitrary, { seed: seed * 7919 + index * 4 + stream.length, numRuns: BATCH });
    cache.set(key, values);
  }
  return values;
}

function grammarInput(seed: number, n: number): FuzzInput {
  const base = Math.floor(n / (VARIANTS.length + 1));
  const variant = n % (VARIANTS.length + 1);
  const files: Record<string, string | Buffer> = { ...sampled('project', project, seed, Math.floor(base / BATCH))[base % BATCH]! };
  const rules = Object.keys(files).filter((f) => f.startsWith('rules-'));
  if (variant === 0) return { label: 'grammar', files, rules, explainToo: base % 5 === 0 };
  const target = VARIANTS[variant - 1]!;
  const mutate = sampled(`mutate-${target}`, mutations, seed, Math.floor(base / BATCH))[base % BATCH]!;
  const original = files[target] ?? '';
  files[target] = mutate(typeof original === 'string' ? Buffer.from(original, 'utf8') : original);
  return { label: `variant ${target}`, files, rules, explainToo: false };
}

/** Input number i of the run with this seed. */
export function fuzzInput(seed: number, i: number): FuzzInput {
  // Each kind is numbered on its own, so the two streams do not depend on each other.
  if (i % 5 === 4) {
    const n = Math.floor(i / 5);
    const { files, rules, mutated } = sampled('seeds', mutatedSeeds, seed, Math.floor(n / BATCH))[n % BATCH]!;
    return { label: `seed ${mutated}`, files, rules, explainToo: false };
  }
  return grammarInput(seed, i - Math.floor((i + 1) / 5));
}
