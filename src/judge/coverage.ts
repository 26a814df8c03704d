/**
 * Coverage (DESIGN §3.8): every number of a document is accounted for, or it is listed.
 *
 * Each number `scanNumbers` finds in a document's NFC text gets exactly one status:
 *  - covered   — it is the stated number of a claim rule, or the anchored number of a figure
 *                (`by` names every rule and figure that states or anchors it);
 *  - ignored   — an ignore entry of a rule file matches it (`reason` says why it is no claim);
 *  - uncovered — nothing accounts for it.
 * Covered wins over ignored. A number the reader classifies as no quantity — a year, a date or
 * time, a document number, a name, an ordinal, an identifier, a label (Hình 1, Điều 5, Top 10)
 * — is ignored by its class (`classified`, with the reader's reason) unless an ignore entry
 * matches it first: coverage asks for rules only where a quantity may be claimed. A malformed
 * numeral (",5%") is never accounted for: it stays uncovered with its problem, and is reported
 * as a warning at its place. A range ("8-9%", "3 - 4") is one number, not two; a claim stating
 * one of its ends ("109.4 billion" of "from 100 to 109.4 billion") covers it.
 *
 * Several rule files on one document are united: a number one file covers is covered. An
 * ignore entry that accounts for no number (it matches none, or only numbers that rules
 * cover) is stale and reported as a warning, so ignore lists do not rot.
 */
import type { AuditedDocument, CoveredNumber, Diagnostic, DocumentCoverage, IgnoreRule, NumberKind, RuleSet, Span, WrittenNumber } from '../model.js';
import { documentNumbers, findQuote, makeDiagnostic, normaliseQuote, positionOf } from '../load/index.js';

export interface CoverageResult {
  coverage: DocumentCoverage[];
  /** Stale ignore entries (warnings). */
  diagnostics: Diagnostic[];
}

/** The coverage of one audited document, with its stale ignores. */
export interface DocumentCoverageResult {
  /** The document's path as loaded and its locale: rule files with the same key are united. */
  key: string;
  coverage: DocumentCoverage;
  diagnostics: Diagnostic[];
}

/** The key under which rule files are united for coverage; undefined when the set's document could not be read. */
export function coverageKey(set: RuleSet): string | undefined {
  const doc = set.document;
  // A rule file whose document could not be read (already a diagnostic) has nothing to measure.
  return doc.path && doc.sha256 ? `${doc.path}\0${doc.locale}` : undefined;
}

/** Each audited document's coverage, in the order the sets first name it. */
export function coverageByDocument(sets: readonly RuleSet[]): DocumentCoverageResult[] {
  const byDocument = new Map<string, { doc: AuditedDocument; sets: RuleSet[] }>();
  for (const set of sets) {
    const key = coverageKey(set);
    if (key === undefined) continue;
    const entry = byDocument.get(key);
    if (entry) entry.sets.push(set);
    else byDocument.set(key, { doc: set.document, sets: [set] });
  }
  return [...byDocument].map(([key, { doc, sets: group }]) => ({ key, ...documentCoverage(doc, group) }));
}

/** Coverage sorted by document path, and the stale ignores in the order the documents are met. */
export function joinCoverage(documents: readonly DocumentCoverageResult[]): CoverageResult {
  const coverage = documents.map((d) => d.coverage).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { coverage, diagnostics: documents.flatMap((d) => d.diagnostics) };
}

/** Every number of every audited document with its status, and the stale ignores. */
export function measureCoverage(sets: readonly RuleSet[]): CoverageResult {
  return joinCoverage(coverageByDocument(sets));
}

/** Every number of every audited document with its status (see measureCoverage for stale ignores). */
export function computeCoverage(sets: readonly RuleSet[]): DocumentCoverage[] {
  return measureCoverage(sets).coverage;
}

/** The share of a document's numbers accounted for (covered or ignored); 1 for a document without numbers. */
export function accountedShare(c: Pick<DocumentCoverage, 'total' | 'covered' | 'ignored'>): number {
  return c.total === 0 ? 1 : (c.covered + c.ignored) / c.total;
}

/** What no rule or figure states. */
const NONE: readonly string[] = [];

/** Kinds that are no quantity: accounted for by their class. */
export const CLASSIFIED_KINDS: ReadonlySet<NumberKind> = new Set(['year', 'date', 'document-number', 'name', 'ordinal', 'identifier', 'label']);

const CLASS_REASON: Partial<Record<NumberKind, string>> = {
  year: 'a year: it says when, not how much',
  date: 'a date or time',
  'document-number': 'a document number',
  name: 'part of a name',
  ordinal: 'an ordinal: a rank, not an amount',
  identifier: 'an identifier (a code, a phone number, part of a URL or e-mail)',
  label: 'a label (a figure, table, article or section number, a list item)',
};

interface IgnoreMatcher {
  rule: IgnoreRule;
  /** Spans of every occurrence of the rule's quote, when it has one. */
  quoteSpans?: Span[];
  /** Did it account for a number no rule covers? */
  used: boolean;
  /** Did it match any number at all? */
  matched: boolean;
}

/** Every place the quote occurs (an ignore may name a sentence repeated verbatim). */
function quoteSpans(doc: AuditedDocument, quote: string): Span[] {
  const first = findQuote(doc, quote);
  if (first.ok) return [first.anchor.span];
  if (first.code !== 'quote-ambiguous' || !first.count) return [];
  const spans: Span[] = [];
  for (let i = 1; i <= first.count; i++) {
    const r = findQuote(doc, quote, i);
    if (r.ok) spans.push(r.anchor.span);
  }
  return spans;
}

/** Where the numeral itself lies (a number's text may carry a prefix such as "$"). */
function numeralSpan(n: WrittenNumber): Span {
  const k = n.text.indexOf(n.numeral);
  const start = n.span.start + (k >= 0 ? k : 0);
  return { start, end: k >= 0 ? start + n.numeral.length : n.span.end };
}

const compact = (s: string) => normaliseQuote(s).replace(/\s+/gu, '');

/** Does the ignore entry match the number? Every field it gives must match. */
function matches(m: IgnoreMatcher, n: WrittenNumber): boolean {
  const { rule } = m;
  if (rule.kind !== undefined && n.kind !== rule.kind) return false;
  if (rule.text !== undefined) {
    const want = compact(rule.text);
    if (compact(n.text) !== want && compact(n.numeral) !== want) return false;
  }
  if (rule.pattern !== undefined) {
    rule.pattern.lastIndex = 0;
    if (!rule.pattern.test(n.text)) return false;
  }
  if (m.quoteSpans !== undefined) {
    const s = numeralSpan(n);
    if (!m.quoteSpans.some((q) => s.start >= q.start && s.end <= q.end)) return false;
  }
  return true;
}

function documentCoverage(doc: AuditedDocument, sets: RuleSet[]): { coverage: DocumentCoverage; diagnostics: Diagnostic[] } {
  // Who states or anchors each number, by its span: by its start, then its end (no key string
  // and no Set made per number of the document).
  const by = new Map<number, { end: number; ids: string[] }[]>();
  const idsAt = (span: Span): readonly string[] => by.get(span.start)?.find((c) => c.end === span.end)?.ids ?? NONE;
  const cover = (span: Span, id: string) => {
    const covers = by.get(span.start);
    const known = covers?.find((c) => c.end === span.end);
    if (known) known.ids.push(id);
    else if (covers) covers.push({ end: span.end, ids: [id] });
    else by.set(span.start, [{ end: span.end, ids: [id] }]);
  };
  for (const set of sets) {
    for (const rule of set.rules) if (rule.kind === 'claim') cover(rule.stated.span, rule.id);
    for (const figure of set.figures.values()) if (figure.anchor && figure.written) cover(figure.written.span, figure.id);
  }

  const matchers: IgnoreMatcher[] = sets.flatMap((set) =>
    set.ignores.map((rule) => ({
      rule,
      used: false,
      matched: false,
      ...(rule.quote !== undefined ? { quoteSpans: quoteSpans(doc, rule.quote) } : {}),
    })),
  );

  const numbers: CoveredNumber[] = [];
  const classes: Partial<Record<NumberKind, number>> = {};
  const diagnostics: Diagnostic[] = [];
  let covered = 0;
  let ignored = 0;
  let classified = 0;
  let uncovered = 0;
  // Thousands of years and dates give a handful of reasons: each is written once.
  const reasons = new Map<string, string>();
  const classReason = (n: WrittenNumber): string => {
    const key = `${n.kind}\0${n.why ?? ''}`;
    let reason = reasons.get(key);
    if (reason === undefined) reasons.set(key, (reason = `${CLASS_REASON[n.kind]} (classified: ${n.why ?? n.kind})`));
    return reason;
  };
  for (const n of documentNumbers(doc)) {
    classes[n.kind] = (classes[n.kind] ?? 0) + 1;
    const { line, col } = positionOf(doc, n.span.start);
    const { start, end } = n.span;
    const ids = n.range ? [...idsAt(n.span), ...n.range.flatMap((end) => idsAt(end.span))] : idsAt(n.span);
    const hits = matchers.filter((m) => matches(m, n));
    for (const m of hits) m.matched = true;
    // Each entry is one literal with all its fields, in the order the reports list them: fields
    // added afterwards would sit in a second array of their own (a long document has hundreds of
    // thousands of entries), and `{ ...base, status }` would give every number its own hidden class.
    if (ids.length > 0) {
      covered++;
      numbers.push({ text: n.text, kind: n.kind, start, end, line, col, status: 'covered', by: ids.length === 1 ? [ids[0]!] : [...new Set(ids)].sort() });
    } else if (hits.length > 0) {
      ignored++;
      for (const m of hits) m.used = true;
      numbers.push({ text: n.text, kind: n.kind, start, end, line, col, status: 'ignored', reason: hits[0]!.rule.reason });
    } else if (CLASSIFIED_KINDS.has(n.kind)) {
      ignored++;
      classified++;
      const reason = classReason(n);
      numbers.push({ text: n.text, kind: n.kind, start, end, line, col, status: 'ignored', classified: true, reason });
    } else {
      uncovered++;
      numbers.push(
        n.problem
          ? { text: n.text, kind: n.kind, start, end, line, col, status: 'uncovered', problem: n.problem }
          : { text: n.text, kind: n.kind, start, end, line, col, status: 'uncovered' },
      );
      if (n.kind === 'malformed') {
        diagnostics.push(
          makeDiagnostic({
            severity: 'warning',
            code: 'malformed-number',
            message: `"${n.text}" in ${doc.path} cannot be read as a number: ${n.problem ?? 'malformed numeral'}`,
            position: { file: doc.path, line, col },
          }),
        );
      }
    }
  }

  for (const m of matchers) {
    if (m.used) continue;
    const what = describeIgnore(m.rule);
    diagnostics.push(
      makeDiagnostic({
        severity: 'warning',
        code: 'stale-ignore',
        message: m.matched
          ? `ignore entry ${what} is stale: every number it matches in ${doc.path} is already covered by a rule or figure; remove it`
          : `ignore entry ${what} is stale: it matches no number of ${doc.path}; remove it or fix it`,
        position: m.rule.declared,
      }),
    );
  }

  return {
    coverage: { path: doc.path, total: numbers.length, covered, ignored, uncovered, classified, classes: inKindOrder(classes), numbers },
    diagnostics,
  };
}

/** The claim-bearing kinds first, the classified ones, the problem last: the order reports list them in. */
const KIND_ORDER: readonly NumberKind[] = ['quantity', 'range', 'year', 'date', 'document-number', 'name', 'ordinal', 'identifier', 'label', 'malformed'];

function inKindOrder(classes: Partial<Record<NumberKind, number>>): Partial<Record<NumberKind, number>> {
  return Object.fromEntries(KIND_ORDER.filter((k) => classes[k] !== undefined).map((k) => [k, classes[k]]));
}

function describeIgnore(rule: IgnoreRule): string {
  const parts: string[] = [];
  if (rule.text !== undefined) parts.push(`text "${rule.text}"`);
  if (rule.pattern !== undefined) parts.push(`pattern /${rule.pattern.source}/`);
  if (rule.kind !== undefined) parts.push(`kind ${rule.kind}`);
  if (rule.quote !== undefined) parts.push(`quote "${rule.quote.length > 40 ? `${rule.quote.slice(0, 40)}…` : rule.quote}"`);
  return `(${parts.join(', ')})`;
}
