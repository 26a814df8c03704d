/**
 * SARIF 2.1.0, for code-scanning dashboards (GitHub code scanning, VS Code SARIF viewer, …).
 *
 * One run; tool.driver.rules has one reportingDescriptor per rule id; a result for every
 * non-pass verdict, its level from the finding severity (error → error, warning → warning,
 * info → note). Locations:
 *   - a finding on the document (fail, warn, unverifiable) is *located* in the document, at the
 *     quoted sentence (region with line/column, offsets and the quote as snippet): that is what
 *     is wrong and what a viewer should open; the rule file (declared line/col) is a
 *     relatedLocation ("rule declared here");
 *   - a broken rule (verdict error) is located in the rule file, with the document region, if
 *     any, as the related location;
 *   - a result without anchor (an assertion without quote) has the rule file only.
 * Waived findings carry an accepted external suppression with the waiver's reason. Artifacts
 * list every input with its SHA-256. Columns count UTF-16 code units (columnKind). Nothing in
 * the log depends on time or machine.
 */
import { findingSeverity } from '../judge/outcome.js';
import { lineColOf, lineStartsOf } from '../load/lines.js';
import type { AuditResult, Diagnostic, RuleResult, Severity } from '../model.js';
import { jsonInert } from './escape.js';
import { jsonPieces } from './json-chunks.js';
import type { Reporter } from './reporter.js';

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * A relative path as a URI reference: each segment percent-encoded (spaces, non-ASCII, #, ?). A
 * lone surrogate (a YAML "\ud800" escape in a file name) is written as U+FFFD, as the file
 * system itself does: encodeURIComponent would throw on it and end the whole run.
 */
export function pathToUri(p: string): string {
  return p
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')))
    .join('/');
}

/** 1-based line and column (UTF-16 code units) of an offset in a text. */
export function lineCol(text: string, offset: number): { line: number; col: number } {
  return lineLocator(text)(offset);
}

/** Line and column of any offset in a text, after one pass over it (binary search per lookup). */
export function lineLocator(text: string): (offset: number) => { line: number; col: number } {
  const starts = lineStartsOf(text);
  return (offset) => lineColOf(starts, offset, text.length);
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
  snippet?: { text: string };
}

function physical(uri: string, index: number | undefined, region: Region) {
  return {
    physicalLocation: {
      artifactLocation: { uri: pathToUri(uri), ...(index !== undefined ? { index } : {}) },
      region,
    },
  };
}

export function renderSarif(audit: AuditResult): string {
  return [...sarifPieces(audit)].join('');
}

/** The SARIF log in pieces, each made inert on its own (a large audit's results are tens of megabytes). */
function* sarifPieces(audit: AuditResult): Generator<string> {
  for (const piece of jsonPieces(sarifLog(audit))) yield jsonInert(piece);
  yield '\n';
}

function sarifLog(audit: AuditResult) {
  const artifactIndex = new Map(audit.inputs.map((input, i) => [input.path, i]));
  const locate = new Map(audit.documents.map((d) => [d.path, lineLocator(d.text)]));
  const artifacts = audit.inputs.map((input) => ({
    location: { uri: pathToUri(input.path) },
    roles: input.role === 'document' ? ['analysisTarget'] : ['userSpecifiedConfiguration'],
    ...(input.role === 'document' ? { mimeType: 'text/plain', encoding: 'utf-8' } : {}),
    hashes: { 'sha-256': input.sha256 },
    properties: { role: input.role },
  }));

  const ruleIds: string[] = [];
  const rulesById = new Map<string, RuleResult>();
  for (const r of audit.results) {
    if (!rulesById.has(r.id)) {
      rulesById.set(r.id, r);
      ruleIds.push(r.id);
    }
  }
  const rules = ruleIds.map((id) => {
    const r = rulesById.get(id)!;
    const summary = r.quote ? `${r.kind === 'assert' ? 'Assertion' : 'Claim'}: “${r.quote}”` : `Assertion: ${r.expr || id}`;
    return {
      id,
      shortDescription: { text: summary },
      fullDescription: { text: [summary, r.expr ? `Checked with: ${r.expr}` : '', r.note ? `Note: ${r.note}` : ''].filter(Boolean).join('\n') },
      defaultConfiguration: { level: LEVEL[r.severity] },
      properties: { kind: r.kind, severity: r.severity, file: r.declared.file, ...(r.tags.length ? { tags: [...new Set(r.tags)] } : {}) },
    };
  });
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));

  const documentLocation = (r: RuleResult) => {
    if (!r.anchor || !r.document) return undefined;
    const end = locate.get(r.document)?.(r.anchor.end);
    return {
      ...physical(r.document, artifactIndex.get(r.document), {
        startLine: r.anchor.line,
        startColumn: r.anchor.col,
        ...(end ? { endLine: end.line, endColumn: end.col } : {}),
        charOffset: r.anchor.start,
        charLength: r.anchor.end - r.anchor.start,
        ...(r.quote !== undefined ? { snippet: { text: r.quote } } : {}),
      }),
      message: { text: r.kind === 'assert' ? 'checked here' : 'claim stated here' },
    };
  };
  const ruleLocation = (r: RuleResult) => ({
    ...physical(r.declared.file, artifactIndex.get(r.declared.file), { startLine: r.declared.line, startColumn: r.declared.col }),
    message: { text: `rule ${r.id} declared here` },
  });

  const results = audit.results.flatMap((r) => {
    const severity = findingSeverity(r);
    if (severity === null) return [];
    const inDocument = documentLocation(r);
    const inRules = ruleLocation(r);
    const [primary, related] = r.verdict === 'error' || !inDocument ? [inRules, inDocument] : [inDocument, inRules];
    const text = r.difference && !r.message.includes(r.difference.text) ? `${r.message} (off by ${r.difference.text})` : r.message;
    return [
      {
        ruleId: r.id,
        ruleIndex: ruleIndex.get(r.id)!,
        kind: r.verdict === 'unverifiable' ? 'open' : 'fail',
        level: LEVEL[severity],
        message: { text: `${r.verdict}: ${text}` },
        locations: [{ id: 0, ...primary }],
        ...(related ? { relatedLocations: [{ id: 1, ...related }] } : {}),
        partialFingerprints: { 'tallyRule/v1': `${r.declared.file}#${r.id}` },
        ...(r.waiver
          ? {
              suppressions: [
                {
                  kind: 'external',
                  status: 'accepted',
                  justification: r.waiver.reason,
                  location: physical(r.waiver.declared.file, artifactIndex.get(r.waiver.declared.file), {
                    startLine: r.waiver.declared.line,
                    startColumn: r.waiver.declared.col,
                  }),
                  properties: { reviewer: r.waiver.reviewer, expires: r.waiver.expires },
                },
              ],
            }
          : {}),
        properties: {
          verdict: r.verdict,
          severity: r.severity,
          ...(r.tags.length ? { tags: [...new Set(r.tags)] } : {}),
          ...(r.stated ? { stated: r.stated } : {}),
          ...(r.reading ? { reading: r.reading } : {}),
          ...(r.computed ? { computed: r.computed } : {}),
          ...(r.difference ? { difference: r.difference } : {}),
          ...(r.warning ? { warning: r.warning } : {}),
          ...(r.witness ? { witness: r.witness, witnessAtWritten: r.witnessAtWritten ?? false } : {}),
          ...(r.proof ? { proof: r.proof } : {}),
          ...(r.missing ? { missing: r.missing } : {}),
          figures: r.figures,
          ...(r.diagnosis ? { diagnosis: r.diagnosis } : {}),
          ...(r.note ? { note: r.note } : {}),
        },
      },
    ];
  });

  const notification = (d: Diagnostic) => ({
    level: d.severity,
    message: { text: `${d.code}: ${d.message}${d.suggestions?.length ? ` (did you mean ${d.suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}` },
    descriptor: { id: d.code },
    locations: [physical(d.position.file, artifactIndex.get(d.position.file), { startLine: d.position.line, startColumn: d.position.col })],
  });

  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: audit.tool.name,
            version: audit.tool.version,
            semanticVersion: audit.tool.version,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: !audit.diagnostics.some((d) => d.severity === 'error') && !audit.results.some((r) => r.verdict === 'error'),
            ...(audit.diagnostics.length ? { toolConfigurationNotifications: audit.diagnostics.map(notification) } : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
      },
    ],
  };
  return log;
}

export const sarifReporter: Reporter = {
  name: 'sarif',
  fileName: 'tally-report.sarif',
  render: (audit) => renderSarif(audit),
  pieces: sarifPieces,
};
