/**
 * Rule files: validated, their figure files and document loaded, every claim anchored in the
 * document with its stated number read from the quote (one rule at a time, rule.ts). A rule that
 * cannot be anchored becomes a BrokenRule (reported as verdict `error`), never a silent omission,
 * and never stops the others.
 */
import { inputFiles } from './files.js';
import { dirname, join, normalize } from 'node:path';
import Fraction from 'fraction.js';
import type { AuditedDocument, BrokenRule, Diagnostic, Figure, JudgingSettings, Locale, Position, Reading, RuleSet, Severity } from '../model.js';
import { confinementFor, refusal, type Confinement } from './confine.js';
import { addRuleFileDerived, checkDerivedFigures, checkImplies, sourcesFrom } from './derived-check.js';
import { DocumentLoadError } from './document.js';
import { makeDiagnostic, sortDiagnostics } from './diagnostics.js';
import { parseFigureFile, readFigureFileHeader } from './figure-header.js';
import { DEFAULT_LOCALE, documentLoadProblem, loadFigureFile } from './figures.js';
import { decideLocale } from './locale.js';
import { loadPolicy, type LoadPolicy } from './policy.js';
import { cachedDocument, defaultLoadCache, statSignature, type LoadCache } from './load-cache.js';
import { loadIgnore, loadRule, parseTolerance } from './rule.js';
import { plainDecimal } from './figure-values.js';
import { validateRuleFileDetailed } from './validate.js';
import { checkRuleNames } from './rule-names.js';
import { readYamlFile } from './yaml.js';
import { isObject, str } from './plain.js';

export interface LoadRuleFileOptions {
  /** Shared between rule files so common figure files and documents are read once. */
  cache?: LoadCache;
  /**
   * What may be read: the project root (default: found above the rule file), allowed folders,
   * size and nesting limits (default: loadPolicy()).
   */
  policy?: Partial<LoadPolicy>;
}

function placeholderDocument(path: string, locale: Locale): AuditedDocument {
  return { path, text: '', locale, sha256: '' };
}

/**
 * Why a rule file that is a symbolic link may not be read: one found in a rules folder points
 * outside the project (a contributor's link to /etc/… would otherwise be read and echoed).
 */
function symlinkOutside(path: string, confinement: Confinement): string | undefined {
  if (!inputFiles().isLink(path)) return undefined;
  return refusal('rule file', path, path, confinement);
}

/** A rule set that yields nothing but one problem (refused before it was read, or it could not be loaded). */
function refusedRuleFile(path: string, message: string, code = 'path-outside-root'): RuleSet {
  return emptyRuleSet(path, '', [makeDiagnostic({ code, message, position: { file: path, line: 1, col: 1 } })]);
}

/** A rule set with nothing loaded yet: the loader fills it, or it stays empty with its problems. */
function emptyRuleSet(path: string, sha256: string, diagnostics: Diagnostic[]): RuleSet {
  return {
    file: path,
    sha256,
    document: placeholderDocument('', DEFAULT_LOCALE),
    figures: new Map(),
    brokenFigures: new Map(),
    figureFiles: [],
    rules: [],
    broken: [],
    ignores: [],
    diagnostics,
  };
}

/**
 * Load a rule file. Never throws on bad input: file-level problems (YAML, schema, document or
 * locale conflicts, a missing document) are `diagnostics` and the set has no rules; problems of
 * one rule make it a BrokenRule; problems of figures are `diagnostics` and the figure is left out.
 */
export function loadRuleFile(path: string, options: LoadRuleFileOptions = {}): RuleSet {
  const cache = options.cache ?? defaultLoadCache;
  const policy = loadPolicy(options.policy);
  const limits = { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth };
  const confinement = confinementFor(path, policy);
  const escapes = symlinkOutside(path, confinement);
  if (escapes) return refusedRuleFile(path, escapes);
  const y = readYamlFile(path, limits);
  const set = emptyRuleSet(path, y.sha256, [...y.diagnostics]);
  const done = () => {
    set.diagnostics = sortDiagnostics(set.diagnostics);
    return set;
  };
  if (y.fatal) return done();

  // Schema problems are reported together with duplicate keys (every problem at once). A file
  // with duplicate keys or a problem outside its rules yields no rules (which of two duplicate
  // values was meant is anyone's guess); a problem inside one rule breaks that rule only.
  const schema = validateRuleFileDetailed(y.value, y);
  set.diagnostics.push(...schema.file);
  if (set.diagnostics.some((d) => d.severity === 'error') || !isObject(y.value)) {
    // The file yields nothing: its rules' problems are still said, every problem at once.
    set.diagnostics.push(...[...schema.rules.values()].flat());
    return done();
  }
  const file = y.value;
  const diag = (code: string, message: string, position: Position, severity: 'error' | 'warning' = 'error') =>
    makeDiagnostic({ code, message, position, source: y.source, severity });

  // ── figure files, document, locale ──
  // Every file named here must lie inside the project root (confine.ts): a refused one is not read.
  let fileLevel = false;
  const figurePaths: { path: string; position: Position }[] = [];
  const seenFigurePaths = new Set<string>();
  (file.figures as string[]).forEach((rel, i) => {
    const p = join(dirname(path), rel);
    if (seenFigurePaths.has(normalize(p))) return;
    seenFigurePaths.add(normalize(p));
    const outside = refusal('figure file', rel, p, confinement);
    if (outside) {
      set.diagnostics.push(diag('path-outside-root', outside, y.positionOf(['figures', i])));
      fileLevel = true;
      return;
    }
    figurePaths.push({ path: p, position: y.positionOf(['figures', i]) });
  });
  const headers = figurePaths.map((f) => ({ ...f, header: parseFigureFile(f.path, cache, limits) }));

  for (const h of headers) {
    if (statSignature(h.path) === 'missing') {
      set.diagnostics.push(diag('file-not-found', `figure file not found: ${h.path}`, h.position));
      fileLevel = true;
      continue;
    }
    // A figure file that cannot be read, parsed or validated as a whole makes the set unusable.
    set.diagnostics.push(...h.header.diagnostics);
    if (h.header.diagnostics.some((d) => d.severity === 'error')) fileLevel = true;
  }

  const ruleDoc = str(file.document) !== undefined ? join(dirname(path), str(file.document)!) : undefined;
  // A document outside the project is refused before anything is compared with it.
  const ruleDocOutside = ruleDoc === undefined ? undefined : refusal('document', str(file.document)!, ruleDoc, confinement);
  if (ruleDocOutside) {
    set.diagnostics.push(diag('path-outside-root', ruleDocOutside, y.positionOf(['document'])));
    return done();
  }
  let documentPath = ruleDoc;
  let documentFrom = ruleDoc ? y.positionOf(['document']) : undefined;
  for (const h of headers) {
    const d = h.header.documentPath;
    if (d === undefined) continue;
    if (documentPath === undefined) {
      documentPath = d;
      documentFrom = h.header.documentPosition;
    } else if (normalize(d) !== normalize(documentPath)) {
      const at = documentFrom ? ` (${documentFrom.file}:${documentFrom.line}:${documentFrom.col})` : '';
      set.diagnostics.push(
        diag(
          'document-mismatch',
          `figure file ${h.path} quotes ${d}, but this rule set audits ${documentPath}${at}; a rule file and its figure files must name the same document`,
          h.position,
        ),
      );
      fileLevel = true;
    }
  }

  const ruleLocale = file.locale === 'vi-VN' || file.locale === 'en' ? (file.locale as Locale) : undefined;
  const figureHeader = headers.find((h) => h.header.declaredLocale)?.header;
  // A locale the project config states counts as stated: the text may not contradict it.
  const statedLocale = ruleLocale ?? figureHeader?.declaredLocale ?? policy.locale;
  let locale: Locale = statedLocale ?? DEFAULT_LOCALE;
  for (const h of headers) {
    const l = h.header.declaredLocale;
    if (l && l !== locale) {
      set.diagnostics.push(
        diag(
          'locale-mismatch',
          `figure file ${h.path} declares locale ${l}, but this rule set reads ${documentPath ?? 'its document'} as ${locale}`,
          ruleLocale ? y.positionOf(['locale']) : h.position,
        ),
      );
      fileLevel = true;
    }
  }

  if (documentPath === undefined) {
    set.diagnostics.push(
      diag('no-document', 'no document to audit: set "document:" in the rule file or in its figure files', y.positionOf([])),
    );
    set.document = placeholderDocument('', locale);
    return done();
  }
  const fromRule = ruleDoc !== undefined;
  const documentAt = (fromRule ? y.positionOf(['document']) : documentFrom) ?? y.positionOf([]);
  const namer = headers.find((h) => h.header.documentPath === documentPath)?.header;
  const documentSource = fromRule ? y.source : namer?.yaml?.source;
  const written = fromRule ? str(file.document)! : (namer?.documentWritten ?? documentPath);
  const outside = refusal('document', written, documentPath, confinement);
  if (outside) {
    set.diagnostics.push(makeDiagnostic({ code: 'path-outside-root', message: outside, position: documentAt, source: documentSource }));
    set.document = placeholderDocument(documentPath, locale);
    return done();
  }
  let loaded = cachedDocument(cache, documentPath, locale, policy.maxDocumentBytes);
  if (!(loaded instanceof DocumentLoadError)) {
    // The locale: as stated (refused when the text contradicts it), else as the text reads.
    const decided = decideLocale(loaded, statedLocale);
    if (decided.problem) {
      const at = ruleLocale ? y.positionOf(['locale']) : (figureHeader?.localePosition ?? y.positionOf([]));
      set.diagnostics.push(
        makeDiagnostic({ code: 'locale-contradicts-document', message: decided.problem, position: at, source: ruleLocale ? y.source : undefined }),
      );
      fileLevel = true;
    } else if (decided.locale !== locale) {
      locale = decided.locale;
      loaded = cachedDocument(cache, documentPath, locale, policy.maxDocumentBytes);
    }
  }
  if (loaded instanceof DocumentLoadError) {
    set.diagnostics.push(documentLoadProblem(loaded, documentAt, documentSource));
    set.document = placeholderDocument(documentPath, locale);
    return done();
  }
  const doc = loaded;
  set.document = doc;
  if (fileLevel) return done();

  // ── figures ──
  const figureOrigin = new Map<string, Figure>();
  for (const f of figurePaths) {
    const r = loadFigureFile(f.path, { document: doc, locale, cache, policy, confinement });
    if (r.sha256) set.figureFiles.push({ path: f.path, sha256: r.sha256 });
    set.figureFiles.push(...r.tables);
    // File-level problems of the figure file were reported with its header above.
    const headerDiags = new Set(readFigureFileHeader(f.path, cache, limits).diagnostics);
    set.diagnostics.push(...r.diagnostics.filter((d) => !headerDiags.has(d)));
    for (const [id, position] of r.failed) if (!set.brokenFigures.has(id)) set.brokenFigures.set(id, position);
    for (const fig of r.figures) {
      const prev = figureOrigin.get(fig.id);
      if (prev) {
        set.diagnostics.push(
          makeDiagnostic({
            code: 'duplicate-figure',
            message: `figure "${fig.id}" is declared in two figure files; the first (${prev.declared.file}:${prev.declared.line}:${prev.declared.col}) is used`,
            position: fig.declared,
          }),
        );
        continue;
      }
      figureOrigin.set(fig.id, fig);
      set.figures.set(fig.id, fig);
    }
  }

  // ── derived figures: the rule file's own, then every one checked against the set ──
  addRuleFileDerived(set, file.derived, y);
  checkDerivedFigures(set, sourcesFrom(y, cache.parsed));

  // ── rules ──
  const defaults = isObject(file.defaults) ? file.defaults : {};
  const defaultSeverity = (str(defaults.severity) as Severity | undefined) ?? 'error';
  const defaultReading = str(defaults.reading) as Reading | undefined;
  // The config's materiality is the default of a file that sets none; the file's own wins key by key.
  const materiality = policy.materiality ? { ...policy.materiality, ...(isObject(defaults.materiality) ? defaults.materiality : {}) } : defaults.materiality;
  const judging = judgingSettings({ ...defaults, ...(materiality !== undefined ? { materiality } : {}) });
  if (judging) set.judging = judging;
  const ids = new Map<string, Position>();
  (file.rules as Record<string, unknown>[]).forEach((rule, i) => {
    const declared = y.positionOf(['rules', i]);
    const id = isObject(rule) && typeof rule.id === 'string' ? rule.id : `rules[${i}]`;
    const prev = ids.get(id);
    if (prev) {
      set.diagnostics.push(
        diag('duplicate-rule-id', `rule id "${id}" is already used at ${prev.file}:${prev.line}:${prev.col}; this rule is not loaded`, y.positionOf(['rules', i, 'id'])),
      );
      return;
    }
    ids.set(id, declared);
    const problems = schema.rules.get(i);
    if (problems) {
      set.broken.push(schemaBroken(rule, i, problems, { declared, doc, defaultSeverity }));
      return;
    }
    const r = loadRule(rule, i, { y, doc, declared, defaultSeverity, defaultReading });
    if ('broken' in r) set.broken.push(r.broken);
    else set.rules.push(r.rule);
  });

  checkImplies(set, file.rules as unknown[], y);
  // Unknown functions and figures are the rule writer's typos: caught here, at their place.
  checkRuleNames(set, file.rules as unknown[], y);

  // ── ignores ──
  const ignores = Array.isArray(file.ignore) ? (file.ignore as Record<string, unknown>[]) : [];
  ignores.forEach((spec, i) => {
    const r = loadIgnore(spec, i, y, doc);
    if ('problem' in r) set.diagnostics.push(r.problem);
    else set.ignores.push(r.ignore);
  });

  return done();
}

/** A rule the schema refuses (a misspelt key, a wrong value): broken, reported with its problems. */
function schemaBroken(
  rule: unknown,
  i: number,
  diagnostics: Diagnostic[],
  ctx: { declared: Position; doc: AuditedDocument; defaultSeverity: Severity },
): BrokenRule {
  const fields = isObject(rule) ? rule : {};
  const severity = fields.severity === 'error' || fields.severity === 'warning' || fields.severity === 'info' ? fields.severity : ctx.defaultSeverity;
  return {
    id: typeof fields.id === 'string' ? fields.id : `rules[${i}]`,
    severity,
    declared: ctx.declared,
    documentPath: ctx.doc.path,
    ...(typeof fields.quote === 'string' ? { quote: fields.quote } : {}),
    ...(Array.isArray(fields.tags) && fields.tags.every((t) => typeof t === 'string') && fields.tags.length ? { tags: fields.tags as string[] } : {}),
    diagnostics,
  };
}

/** The file's budget and materiality thresholds (the schema has checked their form). */
function judgingSettings(defaults: Record<string, unknown>): JudgingSettings | undefined {
  const out: JudgingSettings = {};
  if (typeof defaults.budget === 'number') out.budget = defaults.budget;
  if (isObject(defaults.materiality)) {
    const m = defaults.materiality;
    const materiality: JudgingSettings['materiality'] = {};
    if (typeof m.relative === 'string') materiality.relative = parseTolerance(m.relative);
    if (typeof m.points === 'number') materiality.points = new Fraction(plainDecimal(m.points));
    out.materiality = materiality;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * loadRuleFile, and if it throws (a bug: bad input is a Diagnostic, never an exception), a rule
 * set holding that one problem: one file's failure never takes the other files' results with it.
 */
export function loadRuleFileGuarded(path: string, options: LoadRuleFileOptions = {}): RuleSet {
  try {
    return loadRuleFile(path, options);
  } catch (e) {
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return refusedRuleFile(path, `tally could not load this file (${why}); this is a bug in tally, please report it`, 'internal-error');
  }
}

/** Load several rule files sharing one cache (each figure file and document read once). */
export function loadRuleFiles(paths: string[], options: LoadRuleFileOptions = {}): RuleSet[] {
  const cache = options.cache ?? defaultLoadCache;
  return paths.map((p) => loadRuleFile(p, { ...options, cache }));
}
