/**
 * What `audit`, `coverage` and `explain` do, in one module: program.ts declares the commands and
 * loads this when one runs (engine-loader.ts). The build makes it one CommonJS script,
 * dist/tally-engine.cjs, so that a V8 code cache can hold it (code-cache.ts). `draft` is a script
 * of its own (dist/tally-draft.cjs, from draft-run.ts): an audit need not evaluate its patterns.
 */
import { limitHeapGrowth } from './heap-growth.js';

// Loaded, this module is about to audit. Here, not in the loader that `--help` runs too: node:v8
// loads node:stream, which costs an audit nothing more (node:crypto loads it) but `--help` 5 ms.
limitHeapGrowth();

export { runAudit } from './audit-run.js';
export { runCoverage } from './coverage-run.js';
export { runExplainCommand } from './explain-run.js';
