/** The typed library API of tally. The CLI is a thin layer over these. */
export { audit, judgeAudit, loadAudit, type AuditOptions } from './audit.js';
export { exitCode, summarize, type FailOn } from './judge/outcome.js';
export { reporters, type Reporter } from './report/index.js';
export type * from './model.js';
export { schemas } from './load/schema.js';
