/**
 * The fuzzer, bounded to a few seconds for the suite (`npm run fuzz` runs 100 000 inputs):
 * grammar-aware projects (documents, figure files, CSV tables, rule files, expressions) and byte
 * mutations of the bundled seed files never make tally throw, lose a position or write output
 * that is not inert (test/fuzz/harness.ts says exactly what is checked).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { project } from './grammar.js';
import { runInput } from './harness.js';
import { mutatedSeeds } from './mutate.js';

const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tally-fuzz-')), 'project');
const behaves = (files: Record<string, string | Buffer>, rules: string[], explainToo = false) => {
  const outcome = runInput(dir, files, rules, explainToo);
  expect(outcome.problem).toBeUndefined();
  expect(outcome.kind).not.toBe('bug');
};

// A few seconds of work; on a busy machine more than vitest's default 5 s (a limit, not an assertion).
describe('fuzzing (bounded)', { timeout: 60_000 }, () => {
  it('grammar-aware projects: rule, figure and CSV files and expressions', () => {
    fc.assert(
      fc.property(project, fc.boolean(), (files, explainToo) => {
        behaves(
          files,
          Object.keys(files).filter((f) => f.startsWith('rules-')),
          explainToo,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('byte mutations of the bundled rule files, figure file and document', () => {
    fc.assert(
      fc.property(mutatedSeeds, ({ files, rules }) => behaves(files, rules)),
      { numRuns: 12 },
    );
  });
});
