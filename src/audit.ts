/**
 * The library entry point: `audit(paths)` loads every rule file, judges every rule and returns
 * the results. The CLI is a thin layer over it; reporters only format what it returns.
 */
import path from 'node:path';
import { measureCoverage } from './judge/coverage.js';
import { judgeRule } from './judge/judge-rule.js';
import { summarize } from './judge/outcome.js';
import { applyWaivers, resolveToday, type Today } from './judge/waive.js';
import { explainRule, type Explanation } from './judge/explain.js';
import { findRuleFiles, loadRuleFile, UsageError } from './load/index.js';
import { didYouMean } from './suggest.js';
import { findWaiverFile, loadWaiverFile, type WaiverFileResult } from './load/waivers.js';
import type { AuditResult, BrokenRule, Diagnostic, ReportedDocument, RuleResult, RuleSet } from './model.js';
import { VERSION } from './version.js';

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
}

export interface LoadedAudit {
  ruleSets: RuleSet[];
  /** The waiver files of the rule files' folders (`waivers.yaml`). */
  waivers?: WaiverFileResult[];
}

function brokenResult(broken: BrokenRule): RuleResult {
  return {
    id: broken.id,
    kind: 'claim',
    severity: broken.severity,
    verdict: 'error',
    message: broken.diagnostics.map((d) => d.message).join('; '),
    declared: broken.declared,
    ...(broken.documentPath !== undefined ? { document: broken.documentPath } : {}),
    ...(broken.quote !== undefined ? { quote: broken.quote } : {}),
    expr: '',
    figures: [],
    tags: [],
  };
}

/** Load every rule set named by the paths (throws UsageError for a missing path). */
export function loadAudit(options: AuditOptions): LoadedAudit {
  const files = findRuleFiles(options.paths.length ? options.paths : ['rules']);
  const ruleSets = files.map((file) => loadRuleFile(file));
  const folders = [...new Set(files.map((f) => path.dirname(f)))];
  const waivers = folders.flatMap((folder) => {
    const file = findWaiverFile(folder);
    return file ? [loadWaiverFile(file)] : [];
  });
  return { ruleSets, waivers };
}

export function judgeAudit(loaded: LoadedAudit, options: Pick<AuditOptions, 'cwd' | 'today'> = {}): AuditResult {
  const cwd = options.cwd ?? process.cwd();
  const rel = (p: string) => path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/');
  const relocate = <T extends { file: string }>(p: T): T => ({ ...p, file: rel(p.file) });
  // Loader messages may name another file by its absolute path ("first declared at …"): reports
  // must not depend on where the checkout lives.
  const prefix = `${path.resolve(cwd)}${path.sep}`;
  const relText = (text: string) => text.split(prefix).join('');
  const inputs = new Map<string, AuditResult['inputs'][number]>();
  const diagnostics: Diagnostic[] = [];
  const results: RuleResult[] = [];
  const documents = new Map<string, ReportedDocument>();
  const measured: RuleSet[] = [];
  for (const set of loaded.ruleSets) {
    inputs.set(`rules:${set.file}`, { path: rel(set.file), sha256: set.sha256, role: 'rules' });
    diagnostics.push(...set.diagnostics);
    if (set.diagnostics.some((d) => d.severity === 'error') && set.rules.length === 0) continue;
    const { document } = set;
    measured.push(set);
    inputs.set(`document:${document.path}`, { path: rel(document.path), sha256: document.sha256, role: 'document' });
    documents.set(document.path, { path: rel(document.path), sha256: document.sha256, locale: document.locale, text: document.text });
    for (const f of set.figureFiles) inputs.set(`figures:${f.path}`, { path: rel(f.path), sha256: f.sha256, role: 'figures' });
    for (const broken of set.broken) {
      diagnostics.push(...broken.diagnostics);
      results.push(brokenResult(broken));
    }
    const brokenFigures = new Map([...set.brokenFigures].map(([id, position]) => [id, relocate(position)]));
    for (const rule of set.rules) results.push(judgeRule(rule, { figures: set.figures, brokenFigures, locale: set.document.locale }));
  }
  // Waivers: reviewed findings still shown and counted, but they no longer fail the run.
  for (const w of loaded.waivers ?? []) {
    inputs.set(`rules:${w.path}`, { path: rel(w.path), sha256: w.sha256, role: 'rules' });
    diagnostics.push(...w.diagnostics);
  }
  if (loaded.waivers?.length) diagnostics.push(...applyWaivers(results, loaded.waivers, resolveToday(options.today)));
  // Coverage of every audited document, united over its rule files; stale ignores are warnings.
  const coverage = measureCoverage(measured);
  diagnostics.push(...coverage.diagnostics);
  for (const r of results) {
    r.message = relText(r.message);
    r.declared = relocate(r.declared);
    if (r.document) r.document = rel(r.document);
    if (r.waiver) r.waiver.declared = relocate(r.waiver.declared);
  }
  return {
    tool: { name: 'tally', version: VERSION },
    inputs: [...inputs.values()].sort((a, b) => a.role.localeCompare(b.role) || a.path.localeCompare(b.path)),
    documents: [...documents.values()].sort((a, b) => a.path.localeCompare(b.path)),
    results,
    diagnostics: diagnostics.map((d) => ({ ...d, message: relText(d.message), position: relocate(d.position) })),
    coverage: coverage.coverage.map((c) => ({ ...c, path: rel(c.path) })).sort((a, b) => a.path.localeCompare(b.path)),
    summary: summarize(results),
  };
}

export function audit(options: AuditOptions): AuditResult {
  return judgeAudit(loadAudit(options), options);
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
  /** The rule id to explain. */
  rule: string;
}

/**
 * Explain one rule, step by step (one explanation per rule file that declares the id). The rule
 * is judged with its whole audit, so its waiver and diagnosis are those the audit reports.
 * Throws UnknownRuleError (with "did you mean") when no rule has the id.
 */
export function explain(options: ExplainOptions): Explanation[] {
  const loaded = loadAudit(options);
  const audited = judgeAudit(loaded, options);
  const cwd = options.cwd ?? process.cwd();
  const rel = (p: string) => path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/');
  const same = (a: { file: string; line: number; col: number }, b: { file: string; line: number; col: number }) =>
    rel(a.file) === b.file && a.line === b.line && a.col === b.col;
  const notes = audited.diagnostics.filter((d) => d.code.startsWith('waiver-') && d.message.includes(`"${options.rule}"`));
  const out: Explanation[] = [];
  for (const set of loaded.ruleSets) {
    for (const rule of [...set.broken, ...set.rules]) {
      if (rule.id !== options.rule) continue;
      const result = audited.results.find((r) => r.id === rule.id && same(rule.declared, r.declared));
      if (!result) continue;
      const own = 'kind' in rule ? [] : rule.diagnostics.map((d) => ({ ...d, position: { ...d.position, file: rel(d.position.file) } }));
      out.push(explainRule(rule, set, result, [...own, ...notes]));
    }
  }
  if (out.length === 0) {
    const ids = loaded.ruleSets.flatMap((set) => [...set.rules, ...set.broken].map((r) => r.id));
    throw new UnknownRuleError(
      options.rule,
      didYouMean(options.rule, ids),
      audited.diagnostics.filter((d) => d.severity === 'error'),
    );
  }
  return out;
}
