/**
 * The JSON report: the AuditResult for tools, documented by schema/report.schema.json. The
 * documents' full text is left out (their paths and hashes identify them).
 */
import { findingSeverity } from '../judge/outcome.js';
import type { AuditResult } from '../model.js';
import { jsonInert } from './escape.js';
import { jsonPieces } from './json-chunks.js';
import type { Reporter } from './reporter.js';

export function toJsonReport(audit: AuditResult) {
  return {
    ...audit,
    documents: audit.documents.map(({ text: _text, ...document }) => document),
    // Every result says its level, even one built by hand (the audit sets it; tests may not).
    results: audit.results.map((r) => (r.level ? r : { ...r, level: findingSeverity(r) ?? 'none' })),
  };
}

/** The report's text in pieces; each is made inert on its own (no piece ends inside a JSON string). */
function* jsonReportPieces(audit: AuditResult): Generator<string> {
  for (const piece of jsonPieces(toJsonReport(audit))) yield jsonInert(piece);
  yield '\n';
}

export const jsonReporter: Reporter = {
  name: 'json',
  fileName: 'tally-report.json',
  render: (audit) => [...jsonReportPieces(audit)].join(''),
  pieces: jsonReportPieces,
};
