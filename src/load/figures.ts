/**
 * Figure files: named numbers taken from the document (anchored by a quote), cited from an
 * external source (a value as written), or declared unknown. YAML files with optional CSV tables,
 * or a CSV table on its own.
 */
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, extname, join, normalize } from 'node:path';
import Fraction from 'fraction.js';
import { parse as parseCsv } from 'csv-parse/sync';
import type { AuditedDocument, Diagnostic, Figure, Interval, Locale, Position, WrittenNumber } from '../model.js';
import { readNumber, writtenInterval } from '../numbers/index.js';
import { DocumentLoadError, findQuote, loadDocument, selectNumber } from './document.js';
import { didYouMean, makeDiagnostic, sortDiagnostics } from './diagnostics.js';
import { readYamlFile, type ParsedYaml } from './yaml.js';
import { validateFigureFileDetailed } from './validate.js';

export const FIGURE_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const DEFAULT_LOCALE: Locale = 'vi-VN';

export interface FigureFileResult {
  path: string;
  figures: Figure[];
  /** The document named by the file (`document:`), resolved against the file's folder. */
  documentPath?: string;
  /** The locale the file's values are read in: its own `locale`, else the caller's, else vi-VN. */
  locale: Locale;
  /** The locale the file itself declares, if any. */
  declaredLocale?: Locale;
  sha256: string;
  diagnostics: Diagnostic[];
  /** CSV tables the file brings in, with their hashes. */
  tables: { path: string; sha256: string }[];
}

/** What a figure file says before any quote is anchored (for choosing a rule set's document). */
export interface FigureFileHeader {
  path: string;
  documentPath?: string;
  /** Where `document:` is written, for mismatch messages. */
  documentPosition?: Position;
  declaredLocale?: Locale;
  localePosition?: Position;
  sha256: string;
  /** YAML / schema problems of the file as a whole: it yields no figures. */
  diagnostics: Diagnostic[];
}

interface ParsedFigureFile extends FigureFileHeader {
  sig: string;
  kind: 'yaml' | 'csv';
  yaml?: ParsedYaml;
  value?: Record<string, unknown>;
  figureDiagnostics: Map<string, Diagnostic[]>;
}

/**
 * Shared between loads so a figure file (or document) used by several rule files is read once.
 * Every entry remembers its file's stat signature (mtime, size, inode) and is re-read when the
 * file changed, so a long-lived process never sees stale figures.
 */
export interface LoadCache {
  parsed: Map<string, ParsedFigureFile>;
  figureFiles: Map<string, { result: FigureFileResult; tableSigs: [string, string][] }>;
  documents: Map<string, { sig: string; doc: AuditedDocument | DocumentLoadError }>;
}

export function createLoadCache(): LoadCache {
  return { parsed: new Map(), figureFiles: new Map(), documents: new Map() };
}

/** The cache used when none is passed. */
export const defaultLoadCache: LoadCache = createLoadCache();

/** Forget everything the default cache holds. */
export function clearLoadCache(cache: LoadCache = defaultLoadCache): void {
  cache.parsed.clear();
  cache.figureFiles.clear();
  cache.documents.clear();
}

/** A cheap "has this file changed" signature. */
export function statSignature(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.mtimeNs}:${s.ctimeNs}:${s.size}:${s.ino}`;
  } catch {
    return 'missing';
  }
}

/** A document through the cache; a load failure is cached too (and returned, not thrown). */
export function cachedDocument(cache: LoadCache, path: string, locale: Locale): AuditedDocument | DocumentLoadError {
  const key = `${normalize(path)}\0${locale}`;
  const sig = statSignature(path);
  const hit = cache.documents.get(key);
  if (hit && hit.sig === sig) return hit.doc;
  let doc: AuditedDocument | DocumentLoadError;
  try {
    doc = loadDocument(path, locale);
  } catch (e) {
    if (!(e instanceof DocumentLoadError)) throw e;
    doc = e;
  }
  cache.documents.set(key, { sig, doc });
  return doc;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const sha256Of = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** Parse and validate a figure file without anchoring anything (cached). */
export function readFigureFileHeader(path: string, cache: LoadCache = defaultLoadCache): FigureFileHeader {
  return parseFigureFile(path, cache);
}

function parseFigureFile(path: string, cache: LoadCache): ParsedFigureFile {
  const key = normalize(path);
  const sig = statSignature(path);
  const hit = cache.parsed.get(key);
  if (hit && hit.sig === sig) return hit;
  let result: ParsedFigureFile;
  if (extname(path).toLowerCase() === '.csv') {
    result = { sig, kind: 'csv', path, sha256: '', diagnostics: [], figureDiagnostics: new Map() };
  } else {
    const y = readYamlFile(path);
    result = { sig, kind: 'yaml', path, sha256: y.sha256, yaml: y, diagnostics: [...y.diagnostics], figureDiagnostics: new Map() };
    if (!y.fatal) {
      const v = validateFigureFileDetailed(y.value, y);
      result.diagnostics.push(...v.file);
      result.figureDiagnostics = v.figures;
      if (v.file.length === 0 && isObject(y.value)) {
        result.value = y.value;
        if (typeof y.value.document === 'string') {
          result.documentPath = join(dirname(path), y.value.document);
          result.documentPosition = y.positionOf(['document']);
        }
        if (y.value.locale === 'vi-VN' || y.value.locale === 'en') {
          result.declaredLocale = y.value.locale;
          result.localePosition = y.positionOf(['locale']);
        }
      }
    }
  }
  cache.parsed.set(key, result);
  return result;
}

export interface LoadFigureFileOptions {
  /** The document to anchor quotes in (a rule set's); default: the one the file names. */
  document?: AuditedDocument;
  /** The locale when the file declares none (a rule file's); default vi-VN. */
  locale?: Locale;
  cache?: LoadCache;
}

/**
 * Load a figure file (YAML, or a CSV table): every figure it declares, anchored and read, and a
 * Diagnostic for each one that cannot be (that figure is left out; rules using it see it missing).
 * Never throws on bad input.
 */
export function loadFigureFile(path: string, options: LoadFigureFileOptions = {}): FigureFileResult {
  const cache = options.cache ?? defaultLoadCache;
  const parsed = parseFigureFile(path, cache);
  const locale = parsed.declaredLocale ?? options.locale ?? options.document?.locale ?? DEFAULT_LOCALE;

  let document = options.document;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  let documentProblem: Diagnostic | undefined;
  if (!document && parsed.documentPath) {
    const d = cachedDocument(cache, parsed.documentPath, locale);
    if (d instanceof DocumentLoadError) {
      documentProblem = makeDiagnostic({
        code: d.code === 'file-not-found' ? 'document-not-found' : d.code,
        message: d.message,
        position: parsed.documentPosition ?? { file: path, line: 1, col: 1 },
        source: parsed.yaml?.source,
      });
      diagnostics.push(documentProblem);
    } else {
      document = d;
    }
  }

  const key = `${normalize(path)}\0${parsed.sig}\0${document?.path ?? ''}\0${document?.sha256 ?? ''}\0${locale}`;
  const hit = cache.figureFiles.get(key);
  if (hit && hit.tableSigs.every(([p, sig]) => statSignature(p) === sig)) return hit.result;
  const tableSigs: [string, string][] = [];

  const ctx: FigureContext = { document, locale, documentMissing: documentProblem !== undefined };
  const figures: Figure[] = [];
  const tables: { path: string; sha256: string }[] = [];
  const firstDeclared = new Map<string, Position>();
  const add = (f: Figure) => {
    const prev = firstDeclared.get(f.id);
    if (prev) {
      diagnostics.push(
        makeDiagnostic({
          code: 'duplicate-figure',
          message: `figure "${f.id}" is declared twice; the first declaration (${prev.file}:${prev.line}:${prev.col}) is used`,
          position: f.declared,
          source: sourceOf(f.declared.file, parsed),
        }),
      );
      return;
    }
    firstDeclared.set(f.id, f.declared);
    figures.push(f);
  };

  let sha256 = parsed.sha256;
  if (parsed.kind === 'yaml' && !parsed.value) {
    // The file as a whole is invalid: no figures, but every figure's own problems are still said.
    for (const ds of parsed.figureDiagnostics.values()) diagnostics.push(...ds);
  } else if (parsed.kind === 'csv') {
    tableSigs.push([path, statSignature(path)]);
    const t = loadTable(path, ctx);
    sha256 = t.sha256;
    diagnostics.push(...t.diagnostics);
    t.figures.forEach(add);
  } else if (parsed.value && parsed.yaml) {
    const y = parsed.yaml;
    const specs = isObject(parsed.value.figures) ? parsed.value.figures : {};
    for (const [id, spec] of Object.entries(specs)) {
      const declared = y.positionOf(['figures', id], 'key');
      const own = parsed.figureDiagnostics.get(id);
      if (own && own.length > 0) {
        diagnostics.push(...own);
        continue;
      }
      if (!isObject(spec)) continue;
      const input: FigureInput = {
        id,
        declared,
        source: y.source,
        fields: spec,
        at: (field) => y.positionOf(['figures', id, field]),
        literal: (field) => y.scalarSource(['figures', id, field]),
      };
      const r = buildFigure(input, ctx);
      if ('figure' in r) add(r.figure);
      diagnostics.push(...r.diagnostics);
    }
    const tablePaths = Array.isArray(parsed.value.tables) ? parsed.value.tables : [];
    tablePaths.forEach((rel, i) => {
      if (typeof rel !== 'string') return;
      const tpath = join(dirname(path), rel);
      tableSigs.push([tpath, statSignature(tpath)]);
      const t = loadTable(tpath, ctx, { position: y.positionOf(['tables', i]), source: y.source });
      if (t.sha256) tables.push({ path: tpath, sha256: t.sha256 });
      diagnostics.push(...t.diagnostics);
      t.figures.forEach(add);
    });
  }

  const result: FigureFileResult = {
    path,
    figures,
    locale,
    sha256,
    diagnostics: sortDiagnostics(diagnostics),
    tables,
  };
  if (parsed.documentPath) result.documentPath = parsed.documentPath;
  if (parsed.declaredLocale) result.declaredLocale = parsed.declaredLocale;
  cache.figureFiles.set(key, { result, tableSigs });
  return result;
}

function sourceOf(file: string, parsed: ParsedFigureFile): string | undefined {
  return parsed.yaml && parsed.yaml.file === file ? parsed.yaml.source : undefined;
}

// ── one figure ──────────────────────────────────────────────────────────────────────────────

interface FigureContext {
  document?: AuditedDocument;
  locale: Locale;
  /** The document could not be loaded (already reported): quote figures fail silently-but-reported once. */
  documentMissing: boolean;
}

/** A figure declaration, from YAML or from a CSV row, with a way to place each field. */
interface FigureInput {
  id: string;
  declared: Position;
  /** The declaring file's text, for code frames. */
  source?: string;
  fields: {
    quote?: unknown;
    number?: unknown;
    occurrence?: unknown;
    value?: unknown;
    cite?: unknown;
    unknown?: unknown;
    exact?: unknown;
    precision?: unknown;
    unit?: unknown;
    description?: unknown;
  };
  at(field: string): Position;
  /** The literal text of a YAML scalar (to read `value: 1905.50` with its trailing zero). */
  literal?(field: string): string | undefined;
}

type BuildResult = { figure: Figure; diagnostics: Diagnostic[] } | { diagnostics: Diagnostic[] };

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function buildFigure(input: FigureInput, ctx: FigureContext): BuildResult {
  const { id, fields: f } = input;
  const diags: Diagnostic[] = [];
  const diag = (code: string, message: string, position: Position, suggestions?: string[]) =>
    diags.push(makeDiagnostic({ code, message, position, source: input.source, suggestions }));
  const fail = (): BuildResult => ({ diagnostics: diags });

  if (!FIGURE_ID.test(id)) {
    diag(
      'invalid-id',
      `invalid figure id "${id}": ids are used in expressions, so they are letters, digits and underscores, not starting with a digit`,
      input.declared,
    );
    return fail();
  }

  const hasQuote = f.quote !== undefined;
  const hasValue = f.value !== undefined;
  const isUnknown = f.unknown === true;
  const sources = [hasQuote && 'quote', hasValue && 'value', isUnknown && 'unknown: true'].filter(Boolean) as string[];
  if (sources.length !== 1) {
    diag(
      'figure-source',
      sources.length === 0
        ? `figure "${id}" needs one of "quote" (taken from the document), "value" (cited) or "unknown: true"`
        : `figure "${id}" has ${sources.map((s) => `"${s}"`).join(' and ')}; give exactly one of quote, value or unknown: true`,
      input.declared,
    );
    return fail();
  }
  if (!hasQuote && (f.number !== undefined || f.occurrence !== undefined)) {
    const field = f.number !== undefined ? 'number' : 'occurrence';
    diag('invalid-figure', `"${field}" only applies to a figure with a "quote"`, input.at(field));
    return fail();
  }
  if (f.exact === true && f.precision !== undefined) {
    diag('invalid-figure', `figure "${id}" is both "exact" and given a "precision"; keep one`, input.at('precision'));
    return fail();
  }
  if (isUnknown && (f.exact !== undefined || f.precision !== undefined)) {
    const field = f.exact !== undefined ? 'exact' : 'precision';
    diag('invalid-figure', `"${field}" has no meaning for an unknown figure`, input.at(field));
    return fail();
  }

  const base: Omit<Figure, 'interval' | 'exact'> = { id, declared: input.declared };
  if (str(f.unit) !== undefined) base.unit = str(f.unit);
  if (str(f.description) !== undefined) base.description = str(f.description);
  if (str(f.cite) !== undefined) base.cite = str(f.cite);

  if (isUnknown) return { figure: { ...base, interval: null, exact: false }, diagnostics: diags };

  let written: WrittenNumber;
  if (hasQuote) {
    const doc = ctx.document;
    if (!doc) {
      if (!ctx.documentMissing) {
        diag(
          'no-document',
          `figure "${id}" is quoted from the document, but no document is named (set "document:" in the figure or rule file)`,
          input.at('quote'),
        );
      }
      return fail();
    }
    const occurrence = typeof f.occurrence === 'number' ? f.occurrence : undefined;
    const found = findQuote(doc, String(f.quote), occurrence);
    if (!found.ok) {
      diag(found.code, `figure "${id}": ${found.message}`, input.at('quote'));
      return fail();
    }
    const sel = selectNumber(doc, found.anchor, str(f.number));
    if (!sel.ok) {
      diag(sel.code, `figure "${id}": ${sel.message}`, input.at(f.number !== undefined ? 'number' : 'quote'));
      return fail();
    }
    written = sel.number;
    base.anchor = found.anchor;
  } else {
    const r = readValue(f.value, input, ctx.locale, str(f.unit));
    if ('error' in r) {
      diag('invalid-number', `figure "${id}": cannot read value ${JSON.stringify(f.value)}: ${r.error}`, r.position);
      return fail();
    }
    written = r.written;
  }

  const exact = f.exact === true;
  let interval: Interval;
  try {
    if (exact) {
      interval = writtenInterval(written, { exact: true });
    } else if (f.precision !== undefined) {
      const h = halfWidthOf(f.precision, written, ctx.locale, input.literal?.('precision'));
      if ('error' in h) {
        diag('invalid-precision', `figure "${id}": invalid precision ${JSON.stringify(f.precision)}: ${h.error}`, input.at('precision'));
        return fail();
      }
      interval = writtenInterval(written, { halfWidth: h.halfWidth });
    } else {
      interval = writtenInterval(written);
    }
  } catch (e) {
    diag('invalid-number', `figure "${id}": ${(e as Error).message}`, input.declared);
    return fail();
  }

  const figure: Figure = { ...base, interval, written, exact };
  if (figure.unit === undefined) {
    const u = written.unit ?? (written.percent ? '%' : undefined);
    if (u !== undefined) figure.unit = u;
  }
  return { figure, diagnostics: diags };
}

/** A JS number as plain decimal text (no exponent): 1e6 → "1000000", 0.1 → "0.1". */
export function plainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** A plain decimal ("1905.50", "-3") as the locale writes it ("1905,50"). */
function toLocaleDecimal(decimal: string, locale: Locale): string {
  return locale === 'vi-VN' ? decimal.replace('.', ',') : decimal;
}

const PLAIN_DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/**
 * A cited value as written. A string is read in the locale ("5,05%", "45.481 tỷ"). A YAML number
 * is exact as its decimal text (as written in the file when it is a plain decimal, so "1905.50"
 * keeps two decimals). When the value carries neither scale, percent nor unit, the figure's
 * `unit` is read with it, so `value: 45481` with `unit: tỷ đồng` is 45 481 tỷ đồng.
 */
function readValue(
  value: unknown,
  input: FigureInput,
  locale: Locale,
  unit: string | undefined,
): { written: WrittenNumber } | { error: string; position: Position } {
  let text: string;
  let literalOffset = 0;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { error: 'not a finite number', position: input.at('value') };
    const lit = input.literal?.('value');
    text = toLocaleDecimal(lit && PLAIN_DECIMAL.test(lit) ? lit.replace(/^\+/, '') : plainDecimal(value), locale);
  } else {
    text = String(value);
    const lit = input.literal?.('value');
    if (lit && /^["']/.test(lit)) literalOffset = 1;
  }
  let written: WrittenNumber;
  try {
    written = readNumber(text, locale);
  } catch (e) {
    const offset = (e as { offset?: unknown }).offset;
    const p = input.at('value');
    const position =
      typeof value === 'string' && typeof offset === 'number' && !text.slice(0, offset).includes('\n')
        ? { ...p, col: p.col + literalOffset + offset }
        : p;
    return { error: (e as Error).message, position };
  }
  if (unit && !written.percent && written.scaleExponent === 0 && written.unit === undefined) {
    try {
      const withUnit = readNumber(`${text} ${unit}`, locale);
      if (withUnit.numeral === written.numeral && withUnit.value !== undefined) written = withUnit;
    } catch {
      // the unit is a plain label ("doanh nghiệp"): keep the number alone
    }
  }
  return { written };
}

/** 10^scaleExponent, over 100 for a percentage: what one written unit is in base units. */
function writtenUnit(w: WrittenNumber): Fraction {
  let f = new Fraction(10).pow(w.scaleExponent);
  if (w.percent) f = f.div(100);
  return f;
}

/**
 * An explicit precision as a half-width in base units. A number, or a string without scale or
 * percent, is in the written unit of the figure (0.5 of "45.481 tỷ" is 0,5 tỷ; 0.05 of "5,05%"
 * is 0,05 %); a string with its own scale or percent ("0,05%", "0,5 tỷ") says its unit itself.
 */
export function halfWidthOf(
  precision: unknown,
  written: WrittenNumber,
  locale: Locale,
  literal?: string,
): { halfWidth: Fraction } | { error: string } {
  let h: Fraction;
  if (typeof precision === 'number') {
    if (!(precision > 0) || !Number.isFinite(precision)) return { error: 'must be greater than 0' };
    const dec = literal && PLAIN_DECIMAL.test(literal) ? literal : plainDecimal(precision);
    h = new Fraction(dec).mul(writtenUnit(written));
  } else if (typeof precision === 'string') {
    let p: WrittenNumber;
    try {
      p = readNumber(precision.trim().replace(/^±\s*/u, ''), locale);
    } catch (e) {
      return { error: (e as Error).message };
    }
    h = p.percent || p.scaleExponent !== 0 ? p.value : p.value.mul(writtenUnit(written));
  } else {
    return { error: 'must be a number or a string' };
  }
  if (h.compare(0) <= 0) return { error: 'must be greater than 0' };
  return { halfWidth: h };
}

// ── CSV tables ──────────────────────────────────────────────────────────────────────────────

export const TABLE_COLUMNS = [
  'id',
  'value',
  'quote',
  'number',
  'occurrence',
  'unit',
  'exact',
  'precision',
  'cite',
  'description',
  'unknown',
] as const;

interface CsvRecordPlace {
  line: number;
  fields: { line: number; col: number }[];
}

/**
 * Where each record and field of a CSV text starts (the text has \n line ends). Empty lines are
 * skipped, as csv-parse's skip_empty_lines does, so records line up with its output.
 */
function csvPlaces(text: string): CsvRecordPlace[] {
  const out: CsvRecordPlace[] = [];
  let line = 1;
  let col = 1;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\n') {
      i++;
      line++;
      col = 1;
      continue;
    }
    const rec: CsvRecordPlace = { line, fields: [{ line, col }] };
    let quoted = false;
    while (i < text.length) {
      const ch = text[i]!;
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          i += 2;
          col += 2;
          continue;
        }
        if (ch === '"') quoted = false;
        if (ch === '\n') {
          line++;
          col = 1;
        } else col++;
        i++;
        continue;
      }
      if (ch === '"') {
        quoted = true;
        i++;
        col++;
        continue;
      }
      if (ch === ',') {
        i++;
        col++;
        rec.fields.push({ line, col });
        continue;
      }
      if (ch === '\n') break;
      i++;
      col++;
    }
    out.push(rec);
  }
  return out;
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE = new Set(['false', 'no', 'n', '0']);

function loadTable(
  path: string,
  ctx: FigureContext,
  from?: { position: Position; source: string },
): { figures: Figure[]; diagnostics: Diagnostic[]; sha256: string } {
  const diagnostics: Diagnostic[] = [];
  const figures: Figure[] = [];
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    diagnostics.push(
      makeDiagnostic({
        code: err.code === 'ENOENT' ? 'file-not-found' : 'file-unreadable',
        message: err.code === 'ENOENT' ? `figure table not found: ${path}` : `cannot read figure table ${path}: ${err.message}`,
        position: from?.position ?? { file: path, line: 1, col: 1 },
        source: from?.source,
      }),
    );
    return { figures, diagnostics, sha256: '' };
  }
  const sha256 = sha256Of(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n');
  } catch {
    diagnostics.push(makeDiagnostic({ code: 'file-encoding', message: `${path} is not valid UTF-8`, position: { file: path, line: 1, col: 1 } }));
    return { figures, diagnostics, sha256 };
  }
  const pos = (line: number, col: number): Position => ({ file: path, line, col });

  let records: Record<string, string>[];
  let columns: string[] = [];
  try {
    records = parseCsv(text, {
      // `columns: true`, keeping the header's names (trimmed) to check them below.
      columns: (head: string[]) => (columns = head.map((c) => String(c).trim())),
      skip_empty_lines: true,
      relax_column_count: true,
    }) as Record<string, string>[];
  } catch (e) {
    const err = e as Error & { lines?: number };
    diagnostics.push(
      makeDiagnostic({ code: 'csv-syntax', message: `cannot parse CSV: ${err.message}`, position: pos(err.lines ?? 1, 1), source: text }),
    );
    return { figures, diagnostics, sha256 };
  }
  const places = csvPlaces(text);
  const header = places[0];
  const known = new Set<string>(TABLE_COLUMNS);
  let headerOk = true;
  columns.forEach((c, i) => {
    if (known.has(c)) return;
    const where = header?.fields[i] ?? { line: 1, col: 1 };
    diagnostics.push(
      makeDiagnostic({
        code: 'unknown-key',
        message: `unknown column "${c}" in figure table`,
        position: pos(where.line, where.col),
        source: text,
        suggestions: didYouMean(c, TABLE_COLUMNS),
      }),
    );
    headerOk = false;
  });
  if (!columns.includes('id')) {
    diagnostics.push(makeDiagnostic({ code: 'missing-key', message: 'the figure table has no "id" column', position: pos(1, 1), source: text }));
    headerOk = false;
  }
  if (!headerOk) return { figures, diagnostics, sha256 };

  records.forEach((rec, r) => {
    const place = places[r + 1];
    const line = place?.line ?? 1;
    const fieldAt = (name: string): Position => {
      const i = columns.indexOf(name);
      const f = place?.fields[i];
      return f ? pos(f.line, f.col) : pos(line, 1);
    };
    if (place && place.fields.length !== columns.length) {
      diagnostics.push(
        makeDiagnostic({
          code: 'csv-row',
          message: `row has ${place.fields.length} fields but the header has ${columns.length}`,
          position: pos(line, 1),
          source: text,
        }),
      );
      return;
    }
    const cell = (name: string): string | undefined => {
      const raw = rec[name];
      if (raw === undefined) return undefined;
      const t = raw.trim();
      return t === '' ? undefined : t;
    };
    const id = cell('id') ?? '';
    const declared = fieldAt('id');
    const bad = (field: string, message: string) => {
      diagnostics.push(makeDiagnostic({ code: 'invalid-value', message, position: fieldAt(field), source: text }));
    };
    const bool = (field: string): boolean | undefined | null => {
      const v = cell(field);
      if (v === undefined) return undefined;
      const l = v.toLowerCase();
      if (TRUE.has(l)) return true;
      if (FALSE.has(l)) return false;
      bad(field, `"${field}" of figure "${id}" must be true or false, got "${v}"`);
      return null;
    };
    if (id === '') {
      diagnostics.push(makeDiagnostic({ code: 'missing-key', message: 'row has no figure id', position: declared, source: text }));
      return;
    }
    const exact = bool('exact');
    const unknown = bool('unknown');
    if (exact === null || unknown === null) return;
    let occurrence: number | undefined;
    const occ = cell('occurrence');
    if (occ !== undefined) {
      if (!/^\d+$/.test(occ) || Number(occ) < 1) {
        bad('occurrence', `"occurrence" of figure "${id}" must be a whole number from 1, got "${occ}"`);
        return;
      }
      occurrence = Number(occ);
    }
    const fields: FigureInput['fields'] = {
      quote: cell('quote'),
      number: cell('number'),
      occurrence,
      value: cell('value'),
      cite: cell('cite'),
      unknown,
      exact,
      precision: cell('precision'),
      unit: cell('unit'),
      description: cell('description'),
    };
    for (const k of Object.keys(fields) as (keyof typeof fields)[]) if (fields[k] === undefined) delete fields[k];
    const res = buildFigure({ id, declared, source: text, fields, at: fieldAt }, ctx);
    if ('figure' in res) figures.push(res.figure);
    diagnostics.push(...res.diagnostics);
  });
  return { figures, diagnostics, sha256 };
}
