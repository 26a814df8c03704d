/**
 * Figure files: named numbers taken from the document (anchored by a quote), cited from an
 * external source (a value as written), or declared unknown. YAML files with optional CSV tables
 * (figure-tables.ts), or a CSV table on its own. One figure is built by figure-build.ts.
 */
import { dirname, join, normalize } from 'node:path';
import type { AuditedDocument, Diagnostic, Figure, Locale, Position } from '../model.js';
import { DocumentLoadError } from './document.js';
import { makeDiagnostic, sortDiagnostics } from './diagnostics.js';
import { buildFigure, type FigureContext, type FigureInput } from './figure-build.js';
import { parseFigureFile, type ParsedFigureFile } from './figure-header.js';
import { loadTable } from './figure-tables.js';
import { cachedDocument, defaultLoadCache, statSignature, type LoadCache } from './load-cache.js';
import { decideLocale } from './locale.js';
import { confinementFor, refusal, type Confinement } from './confine.js';
import { loadPolicy, type LoadPolicy } from './policy.js';
import { isObject } from './plain.js';

export const DEFAULT_LOCALE: Locale = 'vi-VN';

export interface FigureFileResult {
  path: string;
  figures: Figure[];
  /** Figures declared here that could not be read (their problems are in `diagnostics`), by id. */
  failed: Map<string, Position>;
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

export interface LoadFigureFileOptions {
  /** The document to anchor quotes in (a rule set's); default: the one the file names. */
  document?: AuditedDocument;
  /** The locale when the file declares none (a rule file's); default vi-VN. */
  locale?: Locale;
  cache?: LoadCache;
  /** Size and depth limits, and where the root is found (default: loadPolicy()). */
  policy?: Partial<LoadPolicy>;
  /** Where the files this one names may be (a rule set's); default: the root found above this file. */
  confinement?: Confinement;
}

/**
 * Load a figure file (YAML, or a CSV table): every figure it declares, anchored and read, and a
 * Diagnostic for each one that cannot be (that figure is left out; rules using it see it missing).
 * Never throws on bad input.
 */
export function loadFigureFile(path: string, options: LoadFigureFileOptions = {}): FigureFileResult {
  const cache = options.cache ?? defaultLoadCache;
  const policy = loadPolicy(options.policy);
  const confinement = options.confinement ?? confinementFor(path, policy);
  const limits = { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth };
  const parsed = parseFigureFile(path, cache, limits);
  let locale = parsed.declaredLocale ?? options.locale ?? options.document?.locale ?? DEFAULT_LOCALE;

  let document = options.document;
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  let documentProblem: Diagnostic | undefined;
  if (!document && parsed.documentPath) {
    const documentAt = parsed.documentPosition ?? { file: path, line: 1, col: 1 };
    const outside = refusal('document', parsed.documentWritten ?? parsed.documentPath, parsed.documentPath, confinement);
    let d = outside ? undefined : cachedDocument(cache, parsed.documentPath, locale, policy.maxDocumentBytes);
    // Loaded on its own, the file decides its document's locale (src/load/locale.ts).
    if (d && !(d instanceof DocumentLoadError)) {
      const decided = decideLocale(d, parsed.declaredLocale ?? options.locale);
      if (decided.problem) {
        diagnostics.push(
          makeDiagnostic({
            code: 'locale-contradicts-document',
            message: decided.problem,
            position: parsed.localePosition ?? { file: path, line: 1, col: 1 },
            source: parsed.yaml?.source,
          }),
        );
      } else if (decided.locale !== locale) {
        locale = decided.locale;
        d = cachedDocument(cache, parsed.documentPath, locale, policy.maxDocumentBytes);
      }
    }
    if (outside || d instanceof DocumentLoadError) {
      documentProblem = outside
        ? makeDiagnostic({ code: 'path-outside-root', message: outside, position: documentAt, source: parsed.yaml?.source })
        : documentLoadProblem(d as DocumentLoadError, documentAt, parsed.yaml?.source);
      diagnostics.push(documentProblem);
    } else {
      document = d;
    }
  }

  // One entry per file and way of reading it; `stamp` says which contents it was built from, so a
  // changed file replaces its entry instead of adding one (a long-lived process must not grow).
  const fence = `${confinement.root}\0${confinement.allowed.join('\0')}\0${policy.maxYamlBytes}\0${policy.maxYamlDepth}`;
  const key = `${normalize(path)}\0${document?.path ?? ''}\0${locale}\0${fence}`;
  const stamp = `${parsed.sig}\0${document?.sha256 ?? ''}`;
  const hit = cache.figureFiles.get(key);
  if (hit && hit.stamp === stamp && hit.tableSigs.every(([p, sig]) => statSignature(p) === sig)) return hit.result;
  const tableSigs: [string, string][] = [];

  const ctx: FigureContext = { document, locale, documentMissing: documentProblem !== undefined };
  const figures: Figure[] = [];
  const failed = new Map<string, Position>();
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
    const t = loadTable(path, ctx, undefined, policy.maxYamlBytes);
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
        failed.set(id, declared);
        continue;
      }
      if (!isObject(spec)) continue;
      const input: FigureInput = {
        id,
        declared,
        source: y.source,
        fields: spec,
        at: (field) => y.positionOf(['figures', id, field]),
        atPath: (path) => y.positionOf(['figures', id, ...path]),
        literal: (field) => y.scalarSource(['figures', id, field]),
      };
      const r = buildFigure(input, ctx);
      if ('figure' in r) add(r.figure);
      else failed.set(id, declared);
      diagnostics.push(...r.diagnostics);
    }
    const tablePaths = Array.isArray(parsed.value.tables) ? parsed.value.tables : [];
    tablePaths.forEach((rel, i) => {
      if (typeof rel !== 'string') return;
      const tpath = join(dirname(path), rel);
      const outside = refusal('figure table', rel, tpath, confinement);
      if (outside) {
        diagnostics.push(makeDiagnostic({ code: 'path-outside-root', message: outside, position: y.positionOf(['tables', i]), source: y.source }));
        return;
      }
      tableSigs.push([tpath, statSignature(tpath)]);
      const t = loadTable(tpath, ctx, { position: y.positionOf(['tables', i]), source: y.source }, policy.maxYamlBytes);
      if (t.sha256) tables.push({ path: tpath, sha256: t.sha256 });
      diagnostics.push(...t.diagnostics);
      t.figures.forEach(add);
    });
  }

  const result: FigureFileResult = {
    path,
    figures,
    failed,
    locale,
    sha256,
    diagnostics: sortDiagnostics(diagnostics),
    tables,
  };
  if (parsed.documentPath) result.documentPath = parsed.documentPath;
  if (parsed.declaredLocale) result.declaredLocale = parsed.declaredLocale;
  cache.figureFiles.set(key, { stamp, result, tableSigs });
  return result;
}

/**
 * A document that could not be loaded, as a Diagnostic: at the bad byte of the document for an
 * encoding error, else where the file names the document.
 */
export function documentLoadProblem(e: DocumentLoadError, namedAt: Position, source: string | undefined): Diagnostic {
  const code = e.code === 'file-not-found' ? 'document-not-found' : e.code;
  if (e.at) return makeDiagnostic({ code, message: e.message, position: { file: e.path, ...e.at } });
  return makeDiagnostic({ code, message: e.message, position: namedAt, source });
}

function sourceOf(file: string, parsed: ParsedFigureFile): string | undefined {
  return parsed.yaml && parsed.yaml.file === file ? parsed.yaml.source : undefined;
}
