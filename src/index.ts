/** The typed library API of tally. The CLI is a thin layer over these. */
export { audit, auditSources, explain, judgeAudit, loadAudit, UnknownRuleError, type AuditOptions, type SourcesInput, type SourceText } from './audit.js';
export { auditParallel, WorkerError, type ParallelAuditOptions } from './parallel/index.js';
export type { RuleTiming } from './judge/assemble.js';
export { exitCode, summarize, type FailOn } from './judge/outcome.js';
export { reporters, type Reporter } from './report/index.js';
export { explainReadingAt, type ReadingExplanation } from './load/reading-query.js';
export { draft, buildDraft, type DraftOptions, type DraftResult, type DraftLayout, type BuiltDraft } from './draft/index.js';
export type * from './model.js';
import { schemas as inputSchemas } from './load/schema.js';
import { reportSchemas } from './report/schema.js';

/** Every published JSON Schema by file name: the input formats and the JSON report. */
export const schemas = { ...inputSchemas, ...reportSchemas };
