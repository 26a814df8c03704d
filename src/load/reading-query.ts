/**
 * `tally explain doc.txt:LINE:COL`: which number stands at that place of a document and how it
 * was read. The document is read in the locale its rule files read it in (stated or detected),
 * or, with no rule file auditing it, in the locale its numerals show (or `--locale`).
 */
import { inputFiles } from './files.js';
import { normalize, resolve } from 'node:path';
import Fraction from 'fraction.js';
import type { AuditedDocument, Locale, RuleSet } from '../model.js';
import { describeReading, numberAt, numbersNear, type NumberReading } from '../numbers/reading-of.js';
import { DocumentLoadError, loadDocument, positionOf } from './document.js';
import { createLoadCache } from './load-cache.js';
import { decideLocale } from './locale.js';
import { findRuleFiles, UsageError } from './index.js';
import { loadRuleFile } from './rules.js';

const QUERY = /^(.+):([0-9]+):([0-9]+)$/;

/** Does the argument look like `path:line:col` naming an existing file? */
export function isReadingQuery(arg: string): boolean {
  const m = QUERY.exec(arg);
  return m !== null && inputFiles().kindOf(m[1]!) !== undefined;
}

export interface ReadingExplanation {
  document: string;
  line: number;
  col: number;
  locale: Locale;
  /** How the locale was decided: stated by a rule set, detected from the text, or given. */
  localeFrom: string;
  number: NumberReading;
  /** Rules and figures whose quote states or anchors this number. */
  coveredBy: string[];
}

/** The offset of 1-based line:col in the NFC text, or undefined when the place is outside it. */
function offsetOf(text: string, line: number, col: number): number | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
  const offset = start + col - 1;
  return col >= 1 && offset <= end ? offset : undefined;
}

function ruleSetsOf(documentPath: string, paths: string[]): RuleSet[] {
  let files: string[];
  try {
    files = findRuleFiles(paths.length ? paths : ['rules']);
  } catch (e) {
    if (e instanceof UsageError && paths.length === 0) return [];
    throw e;
  }
  const cache = createLoadCache();
  const want = resolve(documentPath);
  return files.map((f) => loadRuleFile(f, { cache })).filter((s) => s.document.path && resolve(s.document.path) === want);
}

/** Explain the reading of the number at `query` (`path:line:col`). Throws UsageError when there is none. */
export function explainReadingAt(query: string, options: { paths?: string[]; locale?: Locale } = {}): ReadingExplanation {
  const m = QUERY.exec(query);
  if (!m) throw new UsageError(`"${query}" is not a place in a document: write path:line:col, e.g. data/report.txt:6:49`);
  const [path, line, col] = [normalize(m[1]!), Number(m[2]), Number(m[3])];
  const sets = ruleSetsOf(path, options.paths ?? []);
  let doc: AuditedDocument;
  let localeFrom: string;
  if (options.locale) {
    doc = loadOrThrow(path, options.locale);
    localeFrom = 'given with --locale';
  } else if (sets.length > 0) {
    doc = sets[0]!.document;
    const text = decideLocale(doc, undefined);
    localeFrom =
      text.locale === doc.locale
        ? `as ${sets[0]!.file} reads it; the text agrees (${text.reason.replace(/^detected: /u, '')})`
        : `as ${sets[0]!.file} states it (the numerals alone would read as ${text.locale}: ${text.reason.replace(/^detected: /u, '')})`;
  } else {
    const first = loadOrThrow(path, 'vi-VN');
    const decided = decideLocale(first, undefined);
    doc = decided.locale === first.locale ? first : loadOrThrow(path, decided.locale);
    localeFrom = `no rule file audits it; ${decided.reason}`;
  }
  const offset = offsetOf(doc.text, line, col);
  if (offset === undefined) throw new UsageError(`${path}:${line}:${col} is outside the document`);
  const n = numberAt(doc.text, offset, doc.locale);
  if (!n) {
    const near = numbersNear(doc.text, offset, doc.locale).map((x) => {
      const p = positionOf(doc, x.span.start);
      return `${p.line}:${p.col} “${x.text}”`;
    });
    throw new UsageError(`no number at ${path}:${line}:${col}${near.length ? `; numbers on that line: ${near.join(', ')}` : ''}`);
  }
  const coveredBy = new Set<string>();
  for (const s of sets) {
    for (const r of s.rules) if (r.kind === 'claim' && overlaps(r.stated.span, n.span)) coveredBy.add(r.id);
    for (const f of s.figures.values()) if (f.anchor && f.written && overlaps(f.written.span, n.span)) coveredBy.add(f.id);
  }
  const at = positionOf(doc, n.span.start);
  return {
    document: path,
    line: at.line,
    col: at.col,
    locale: doc.locale,
    localeFrom,
    number: describeReading(doc.text, n, doc.locale, new Fraction(1, 20)),
    coveredBy: [...coveredBy].sort(),
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

function loadOrThrow(path: string, locale: Locale): AuditedDocument {
  try {
    return loadDocument(path, locale);
  } catch (e) {
    if (e instanceof DocumentLoadError) throw new UsageError(e.message);
    throw e;
  }
}
