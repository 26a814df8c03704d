/**
 * The library entry point: `audit(paths)` loads every rule file, judges every rule and returns
 * the results. The CLI is a thin layer over it; reporters only format what it returns.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { finishAudit, judgeRuleSets, relativeTo } from './judge/assemble.js';
import type { Today } from './judge/waive.js';
import { explainAgreement, explainRule, type Explanation } from './judge/explain.js';
import { collectImplied } from './judge/implied/registry.js';
import { findRuleFiles, loadPolicy, loadRuleFileGuarded, releaseLoadScratch, UsageError, type LoadPolicy } from './load/index.js';
import { didYouMean } from './suggest.js';
import { checkFilter, noFilter, selects, type RuleFilter } from './judge/select.js';
import { loadWaiverFilesFor, type WaiverFileResult } from './load/waivers.js';
import type { AuditResult, Diagnostic, RuleSet } from './model.js';
import { memoryFiles, withInputFiles } from './load/files.js';

export interface AuditOptions {
  /** Rule files or folders; default `rules`. */
  paths: string[];
  /** Paths in reports are written relative to this folder, so reports do not depend on where a checkout lives. */
  cwd?: string;
  /**
   * The date waivers expire against (YYYY-MM-DD, a Date or a clock function); default the
   * TALLY_TODAY environment variable, else the system clock. Injected so tests and reports are
   * deterministic.
   */
  today?: Today;
  /**
   * The project root: every file a rule or figure file names (figure files, documents, CSV
   * tables) must resolve inside it, symbolic links followed. Default: for each rule file, the
   * nearest folder above it holding `tally.config.*` or `package.json`, else `cwd`.
   */
  root?: string;
  /** Folders outside the project root that rule and figure files may still name (`--allow-outside`). */
  allowOutside?: string[];
  /** Largest document read, in bytes; default 10 MiB (`--max-document-size`). */
  maxDocumentSize?: number;
  /** Largest rule, figure, waiver or CSV file read, in bytes; default 2 MiB (`--max-yaml-size`). */
  maxYamlSize?: number;
  /** Deepest nesting of lists and mappings in a YAML file, checked before parsing; default 64. */
  maxYamlDepth?: number;
  /** The locale of rule sets whose files state none; default: as the document's numerals show. */
  locale?: 'vi-VN' | 'en';
  /** Materiality thresholds of rule files that set none (a file's `defaults.materiality` wins). */
  materiality?: { relative?: string; points?: number };
  /** Files and folders the search for rule files skips. */
  ignore?: string[];
}

/** What the loaders may read under these options (plain data: worker threads get it too). */
export function policyOf(options: AuditOptions): LoadPolicy {
  return loadPolicy({
    ...(options.root !== undefined ? { root: options.root } : {}),
    ...(options.allowOutside !== undefined ? { allowOutside: options.allowOutside } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.maxDocumentSize !== undefined ? { maxDocumentBytes: options.maxDocumentSize } : {}),
    ...(options.maxYamlSize !== undefined ? { maxYamlBytes: options.maxYamlSize } : {}),
    ...(options.maxYamlDepth !== undefined ? { maxYamlDepth: options.maxYamlDepth } : {}),
    ...(options.locale !== undefined ? { locale: options.locale } : {}),
    ...(options.materiality !== undefined ? { materiality: options.materiality } : {}),
    ...(options.ignore !== undefined ? { ignore: options.ignore } : {}),
  });
}

export interface LoadedAudit {
  ruleSets: RuleSet[];
  /** The waiver files of the rule files' folders (`waivers.yaml`). */
  waivers?: WaiverFileResult[];
}

/**
 * Load every rule set named by the paths (throws UsageError for a missing path). Each file is
 * loaded on its own: a broken or hostile file gives its own problems, the others still load.
 */
export function loadAudit(options: AuditOptions): LoadedAudit {
  const policy = policyOf(options);
  const files = findRuleFiles(options.paths.length ? options.paths : ['rules'], policy);
  const ruleSets = files.map((file) => loadRuleFileGuarded(file, { policy }));
  releaseLoadScratch();
  return { ruleSets, waivers: loadWaiverFilesFor(files, { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth }) };
}

/** Judge every rule, apply the waivers, measure coverage (src/judge/assemble.ts says how). */
export function judgeAudit(loaded: LoadedAudit, options: Pick<AuditOptions, 'cwd' | 'today'> = {}): AuditResult {
  return finishAudit(judgeRuleSets(loaded.ruleSets, options), { ...options, waivers: loaded.waivers });
}

export function audit(options: AuditOptions): AuditResult {
  return judgeAudit(loadAudit(options), options);
}

/** A file's text, or a plain object (a rule or figure file kept as data) written out as YAML. */
export type SourceText = string | Record<string, unknown>;

export interface SourcesInput extends Omit<AuditOptions, 'paths' | 'cwd' | 'root' | 'allowOutside'> {
  /** Rule files by path relative to the project ('rules/economy.yaml'), audited in this order. */
  ruleSets: Record<string, SourceText>;
  /** Figure files by the path the rule files name them by ('data/lang-son.figures.yaml'). */
  figureSets?: Record<string, SourceText>;
  /** Documents (and CSV tables, waiver files) by the path the rule and figure files name them by. */
  documents?: Record<string, string>;
}

/**
 * Where in-memory files live. Nothing is read from the disk while they are loaded, so this folder
 * need not exist; paths in results are relative to it, as a CLI run's are to the project.
 */
const MEMORY_ROOT = path.resolve('/', 'tally-sources');

/**
 * `audit`, from texts and objects instead of files (for a service that keeps rules in a database or
 * receives them over HTTP). The same loader reads them, through an in-memory file system
 * (load/files.ts), so a rule set gives the same verdicts, positions and messages as the same files
 * on disk. An object is written as YAML first: positions then refer to that text. Throws
 * UsageError for a path that is absolute or leaves the project.
 */
export function auditSources(input: SourcesInput): AuditResult {
  const { ruleSets, figureSets = {}, documents = {}, ...options } = input;
  const texts = new Map<string, string>();
  for (const [name, text] of [...Object.entries(documents), ...Object.entries(figureSets), ...Object.entries(ruleSets)]) {
    const inside = path.resolve(MEMORY_ROOT, name);
    if (path.isAbsolute(name) || !inside.startsWith(MEMORY_ROOT + path.sep)) {
      throw new UsageError(`an in-memory file must be named by a path inside the project, not "${name}"`);
    }
    texts.set(name, typeof text === 'string' ? text : stringify(text));
  }
  const files = memoryFiles(MEMORY_ROOT, texts);
  const paths = Object.keys(ruleSets).map((name) => path.resolve(MEMORY_ROOT, name));
  const all: AuditOptions = { ...options, paths, cwd: MEMORY_ROOT, root: MEMORY_ROOT };
  return withInputFiles(files, () => judgeAudit(loadAudit(all), all));
}

/** `explain` was asked for a rule id that no loaded rule file has. */
export class UnknownRuleError extends UsageError {
  constructor(
    readonly rule: string,
    /** Close rule ids, best first. */
    readonly suggestions: string[],
    /** Problems of the rule files (a file with errors yields no rules, which may be why). */
    readonly diagnostics: Diagnostic[],
  ) {
    super(`no rule "${rule}"${suggestions.length ? ` (did you mean ${suggestions.map((x) => `"${x}"`).join(', ')}?)` : ''}`);
    this.name = 'UnknownRuleError';
  }
}

export interface ExplainOptions extends AuditOptions {
  /** The rule id to explain (or give `filter`). */
  rule?: string;
  /** Explain every rule these `--rule` / `--tag` flags select (with `rule`: that rule, if selected). */
  filter?: RuleFilter;
}

/**
 * Explain one rule, step by step (one explanation per rule file that declares the id). The rule
 * is judged with its whole audit, so its waiver and diagnosis are those the audit reports.
 * Throws UnknownRuleError (with "did you mean") when no rule has the id.
 */
export function explain(options: ExplainOptions): Explanation[] {
  const loaded = loadAudit(options);
  // As judgeAudit, each claim's exact range kept for its explanation.
  const audited = finishAudit(judgeRuleSets(loaded.ruleSets, { ...options, keepRanges: true }), { ...options, waivers: loaded.waivers });
  const cwd = options.cwd ?? process.cwd();
  const rel = relativeTo(cwd);
  const same = (a: { file: string; line: number; col: number }, b: { file: string; line: number; col: number }) =>
    rel(a.file) === b.file && a.line === b.line && a.col === b.col;
  const filter = options.filter ?? {};
  if (options.rule === undefined && noFilter(filter)) throw new UsageError('name the rule to explain, or select rules with --rule or --tag');
  // An unknown id or tag in the flags is a usage error with "did you mean", as in `audit`.
  if (!noFilter(filter)) checkFilter(filter, audited.results);
  const wanted = (r: { id: string; tags: string[] }) => (options.rule === undefined || r.id === options.rule) && selects(filter, r);
  const notesOf = (id: string) => audited.diagnostics.filter((d) => d.code.startsWith('waiver-') && d.message.includes(`"${id}"`));
  // The figures as the judge read them: an implied figure as the values its claims imply.
  const implied = collectImplied(loaded.ruleSets);
  const out: Explanation[] = [];
  for (const set of loaded.ruleSets) {
    for (const rule of [...set.broken, ...set.rules]) {
      const result = audited.results.find((r) => r.id === rule.id && same(rule.declared, r.declared));
      if (!result || !wanted(result)) continue;
      const own = 'kind' in rule ? [] : rule.diagnostics.map((d) => ({ ...d, position: { ...d.position, file: rel(d.position.file) } }));
      out.push(explainRule(rule, set, result, [...own, ...notesOf(rule.id)], implied.figuresFor(set)));
    }
  }
  // The agreement check of an implied figure is a result of the audit, not a rule of a file.
  if (out.length === 0) out.push(...audited.results.filter((r) => r.implied && wanted(r)).map(explainAgreement));
  if (out.length === 0 && options.rule !== undefined) {
    const ids = loaded.ruleSets.flatMap((set) => [...set.rules, ...set.broken].map((r) => r.id));
    throw new UnknownRuleError(
      options.rule,
      didYouMean(options.rule, ids),
      audited.diagnostics.filter((d) => d.severity === 'error'),
    );
  }
  return out;
}
