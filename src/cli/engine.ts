/**
 * What `audit`, `coverage` and `explain` do, in one module: program.ts declares the commands and
 * loads this when one runs (engine-loader.ts). The build makes it one CommonJS script,
 * dist/tally-engine.cjs, so that a V8 code cache can hold it (code-cache.ts). `draft` is a script
 * of its own (dist/tally-draft.cjs, from draft-run.ts): an audit need not evaluate its patterns.
 */
export { runAudit } from './audit-run.js';
export { runCoverage } from './coverage-run.js';
export { runExplainCommand } from './explain-run.js';
