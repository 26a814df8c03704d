/**
 * The JSON report: the AuditResult for tools, documented by schema/report.schema.json. The
 * documents' full text is left out (their paths and hashes identify them).
 */
import { findingSeverity } from '../judge/outcome.js';
import type { AuditResult } from '../model.js';
import { jsonInert } from './escape.js';
import type { Reporter } from './reporter.js';

export function toJsonReport(audit: AuditResult) {
  return {
    ...audit,
    documents: audit.documents.map(({ text: _text, ...document }) => document),
    // Every result says its level, even one built by hand (the audit sets it; tests may not).
    results: audit.results.map((r) => (r.level ? r : { ...r, level: findingSeverity(r) ?? 'none' })),
  };
}

export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'tally-report.json',
  render: (audit) => `${jsonInert(JSON.stringify(toJsonReport(audit), null, 2))}\n`,
};
