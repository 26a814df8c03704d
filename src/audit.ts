/**
 * The library entry point: `audit(paths)` loads every rule file, judges every rule and returns
 * the results. The CLI is a thin layer over it; reporters only format what it returns.
 */
import path from 'node:path';
import { judgeRule } from './judge/judge-rule.js';
import { summarize } from './judge/outcome.js';
import { findRuleFiles, loadRuleFile } from './load/index.js';
import type { AuditResult, BrokenRule, Diagnostic, ReportedDocument, RuleResult, RuleSet } from './model.js';
import { VERSION } from './version.js';

export interface AuditOptions {
  /** Rule files or folders; default `rules`. */
  paths: string[];
  /** Paths in reports are written relative to this folder, so reports do not depend on where a checkout lives. */
  cwd?: string;
}

export interface LoadedAudit {
  ruleSets: RuleSet[];
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
  return { ruleSets: files.map((file) => loadRuleFile(file)) };
}

export function judgeAudit(loaded: LoadedAudit, options: Pick<AuditOptions, 'cwd'> = {}): AuditResult {
  const cwd = options.cwd ?? process.cwd();
  const rel = (p: string) => path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/');
  const inputs = new Map<string, AuditResult['inputs'][number]>();
  const diagnostics: Diagnostic[] = [];
  const results: RuleResult[] = [];
  const documents = new Map<string, ReportedDocument>();
  for (const set of loaded.ruleSets) {
    inputs.set(`rules:${set.file}`, { path: rel(set.file), sha256: set.sha256, role: 'rules' });
    diagnostics.push(...set.diagnostics);
    if (set.diagnostics.some((d) => d.severity === 'error') && set.rules.length === 0) continue;
    const { document } = set;
    inputs.set(`document:${document.path}`, { path: rel(document.path), sha256: document.sha256, role: 'document' });
    documents.set(document.path, { path: rel(document.path), sha256: document.sha256, locale: document.locale, text: document.text });
    for (const f of set.figureFiles) inputs.set(`figures:${f.path}`, { path: rel(f.path), sha256: f.sha256, role: 'figures' });
    for (const broken of set.broken) {
      diagnostics.push(...broken.diagnostics);
      results.push(brokenResult(broken));
    }
    for (const rule of set.rules) results.push(judgeRule(rule, { figures: set.figures, locale: set.document.locale }));
  }
  const relocate = <T extends { file: string }>(p: T): T => ({ ...p, file: rel(p.file) });
  for (const r of results) {
    r.declared = relocate(r.declared);
    if (r.document) r.document = rel(r.document);
  }
  return {
    tool: { name: 'tally', version: VERSION },
    inputs: [...inputs.values()].sort((a, b) => a.role.localeCompare(b.role) || a.path.localeCompare(b.path)),
    documents: [...documents.values()].sort((a, b) => a.path.localeCompare(b.path)),
    results,
    diagnostics: diagnostics.map((d) => ({ ...d, position: relocate(d.position) })),
    coverage: [],
    summary: summarize(results),
  };
}

export function audit(options: AuditOptions): AuditResult {
  return judgeAudit(loadAudit(options), options);
}
