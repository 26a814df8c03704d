/**
 * An audit in two steps, so the first can run on worker threads (src/parallel/):
 *  1. judgeRuleSets: every rule file judged, and the coverage of its document — without waivers,
 *     with paths as loaded, as plain data (no Fraction, Map or RegExp: it may cross threads);
 *  2. finishAudit: the parts put together in the rule files' order, waivers applied, paths made
 *     relative, the summary counted.
 * `judgeAudit` is step 2 after step 1 on all rule sets; a parallel audit runs step 1 per group of
 * rule files (all rule files of one document in one group) and step 2 once on the merged parts.
 */
import path from 'node:path';
import type { WaiverFileResult } from '../load/waivers.js';
import type { AuditResult, BrokenRule, Diagnostic, Position, ReportedDocument, RuleResult, RuleSet } from '../model.js';
import { VERSION } from '../version.js';
import { coverageByDocument, coverageKey, joinCoverage, type DocumentCoverageResult } from './coverage.js';
import { collectImplied, type ImpliedFigures } from './implied/registry.js';
import { agreementResults } from './implied/results.js';
import { judgeRule } from './judge-rule.js';
import { findingSeverity, summarize } from './outcome.js';
import { applyWaivers, resolveToday, type Today } from './waive.js';
import { byCodeUnits } from '../compare.js';

type Input = AuditResult['inputs'][number];

/** What one rule file adds to its audit (paths as loaded). */
export interface JudgedRuleFile {
  /** Inputs by key (role and path as loaded), in the order they are met. */
  inputs: [string, Input][];
  /** The file's own problems, then those of its broken rules. */
  diagnostics: Diagnostic[];
  /** Broken rules (verdict `error`), then the judged rules, as declared. */
  results: RuleResult[];
  /** The audited document, unless the file yields nothing to judge. */
  document?: ReportedDocument;
  /** Set when the file counts towards its document's coverage (see coverageKey). */
  coverageKey?: string;
  /** How long each judged rule took, as declared (only when asked: `timed`). */
  timings?: RuleTiming[];
}

/** The wall time one rule took to judge (its search and its diagnosis), in milliseconds. */
export interface RuleTiming {
  id: string;
  declared: Position;
  ms: number;
}

/** Rule files judged without waivers: one entry per rule file, and the coverage of their documents. */
export interface JudgedRuleSets {
  files: JudgedRuleFile[];
  /** One per document, in the order the files first name it. */
  coverage: DocumentCoverageResult[];
}

function brokenResult(broken: BrokenRule): RuleResult {
  return {
    id: broken.id,
    kind: 'claim',
    severity: broken.severity,
    verdict: 'error',
    // A problem's "did you mean" stays with its diagnostic, which every report prints: said once.
    message: broken.diagnostics.map((d) => d.message).join('; '),
    declared: broken.declared,
    ...(broken.documentPath !== undefined ? { document: broken.documentPath } : {}),
    ...(broken.quote !== undefined ? { quote: broken.quote } : {}),
    expr: '',
    figures: [],
    tags: broken.tags ?? [],
  };
}

/** Paths as reports write them: relative to `cwd`, with forward slashes. */
export function relativeTo(cwd: string): (p: string) => string {
  return (p) => path.relative(cwd, path.resolve(cwd, p)).split(path.sep).join('/');
}

/** `f` computed once per distinct path: every result of a rule file names the same two files, and keeps one copy of each name. */
function onceEach(f: (p: string) => string): (p: string) => string {
  const known = new Map<string, string>();
  return (p) => {
    let out = known.get(p);
    if (out === undefined) known.set(p, (out = f(p)));
    return out;
  };
}

/** How rule files are judged: `keepRanges` keeps each claim's exact range (JudgeContext); `timed` times each rule. */
export interface JudgeOptions {
  keepRanges?: boolean;
  timed?: boolean;
}

export function judgeRuleFile(set: RuleSet, rel: (p: string) => string, implied: ImpliedFigures, options: JudgeOptions = {}): JudgedRuleFile {
  const judged: JudgedRuleFile = {
    inputs: [[`rules:${set.file}`, { path: set.file, sha256: set.sha256, role: 'rules' }]],
    diagnostics: [...set.diagnostics],
    results: [],
  };
  // A file with errors and no rules is reported by its diagnostics alone.
  if (set.diagnostics.some((d) => d.severity === 'error') && set.rules.length === 0) return judged;
  const { document } = set;
  judged.inputs.push([`document:${document.path}`, { path: document.path, sha256: document.sha256, role: 'document' }]);
  judged.document = { path: document.path, sha256: document.sha256, locale: document.locale, text: document.text };
  const key = coverageKey(set);
  if (key !== undefined) judged.coverageKey = key;
  for (const f of set.figureFiles) judged.inputs.push([`figures:${f.path}`, { path: f.path, sha256: f.sha256, role: 'figures' }]);
  for (const broken of set.broken) {
    judged.diagnostics.push(...broken.diagnostics);
    judged.results.push(brokenResult(broken));
  }
  // Messages point at a broken figure where the reports will show it.
  const brokenFigures = new Map([...set.brokenFigures].map(([id, position]) => [id, { ...position, file: rel(position.file) }]));
  // Implied figures are read as the values their claims imply (implied/registry.ts).
  const ctx = {
    figures: implied.figuresFor(set),
    brokenFigures,
    locale: document.locale,
    ...(set.judging ? { judging: set.judging } : {}),
    implied: (id: string) => implied.of(set, id),
    ...(options.keepRanges ? { keepRanges: true } : {}),
  };
  if (options.timed) {
    const timings: RuleTiming[] = (judged.timings = []);
    for (const rule of set.rules) {
      const started = performance.now();
      judged.results.push(judgeRule(rule, ctx));
      timings.push({ id: rule.id, declared: rule.declared, ms: performance.now() - started });
    }
  } else {
    for (const rule of set.rules) judged.results.push(judgeRule(rule, ctx));
  }
  judged.results.push(...agreementResults(implied, set.file));
  return judged;
}

/**
 * Step 1: judge every rule set and measure the coverage of every document they audit. `cwd`
 * (default the working directory) is where rule messages name other files from (and see
 * JudgeOptions).
 */
export function judgeRuleSets(sets: readonly RuleSet[], options: JudgeOptions & { cwd?: string } = {}): JudgedRuleSets {
  const rel = relativeTo(options.cwd ?? process.cwd());
  // Claims may imply a figure that rules of another file of the same document use: all first.
  const implied = collectImplied(sets);
  const files = sets.map((set) => judgeRuleFile(set, rel, implied, options));
  const measured = sets.filter((_, i) => files[i]!.document !== undefined);
  return { files, coverage: coverageByDocument(measured) };
}

/** What finishAudit needs besides the judged parts. */
export interface FinishOptions {
  /** The waiver files of the rule files' folders. */
  waivers?: readonly WaiverFileResult[];
  /** Paths in reports are written relative to this folder; default the working directory. */
  cwd?: string;
  /** The date waivers expire against (see AuditOptions.today). */
  today?: Today;
}

/**
 * Step 2: the audit result of judged rule files, given in the order they were found. Coverage
 * parts may come in any order; each document's part must unite all rule files of that document.
 */
export function finishAudit(judged: JudgedRuleSets, options: FinishOptions = {}): AuditResult {
  const cwd = options.cwd ?? process.cwd();
  const rel = onceEach(relativeTo(cwd));
  const relocate = <T extends { file: string }>(p: T): T => ({ ...p, file: rel(p.file) });
  // Loader messages may name another file by its absolute path ("first declared at …"): reports
  // must not depend on where the checkout lives.
  const prefix = `${path.resolve(cwd)}${path.sep}`;
  const relText = (text: string) => (text.includes(prefix) ? text.split(prefix).join('') : text);
  const inputs = new Map<string, Input>();
  const diagnostics: Diagnostic[] = [];
  const results: RuleResult[] = [];
  const documents = new Map<string, ReportedDocument>();
  for (const file of judged.files) {
    for (const [key, input] of file.inputs) inputs.set(key, { ...input, path: rel(input.path) });
    diagnostics.push(...file.diagnostics);
    results.push(...file.results);
    if (file.document) documents.set(file.document.path, { ...file.document, path: rel(file.document.path) });
  }
  // Within one file the loader refuses a second rule with an id already: only across files is there anything to find.
  if (judged.files.length > 1) diagnostics.push(...duplicateIds(results));
  const waivers = options.waivers ?? [];
  // Waivers: reviewed findings still shown and counted, but they no longer fail the run.
  for (const w of waivers) {
    inputs.set(`rules:${w.path}`, { path: rel(w.path), sha256: w.sha256, role: 'rules' });
    diagnostics.push(...w.diagnostics);
  }
  if (waivers.length) diagnostics.push(...applyWaivers(results, waivers, resolveToday(options.today)));
  // Coverage of every audited document, united over its rule files; stale ignores are warnings,
  // in the order the rule files first name their documents.
  const byKey = new Map(judged.coverage.map((c) => [c.key, c]));
  const keys = new Set(judged.files.flatMap((f) => (f.coverageKey !== undefined ? [f.coverageKey] : [])));
  const coverage = joinCoverage([...keys].map((k) => byKey.get(k)!));
  diagnostics.push(...coverage.diagnostics);
  for (const r of results) {
    r.level = findingSeverity(r) ?? 'none';
    r.message = relText(r.message);
    r.declared = relocate(r.declared);
    if (r.document) r.document = rel(r.document);
    if (r.waiver) r.waiver.declared = relocate(r.waiver.declared);
  }
  return {
    tool: { name: 'tally', version: VERSION },
    inputs: [...inputs.values()].sort((a, b) => byCodeUnits(a.role, b.role) || byCodeUnits(a.path, b.path)),
    documents: [...documents.values()].sort((a, b) => byCodeUnits(a.path, b.path)),
    results,
    diagnostics: diagnostics.map((d) => ({ ...d, message: relText(d.message), position: relocate(d.position) })),
    coverage: coverage.coverage.map((c) => ({ ...c, path: rel(c.path) })).sort((a, b) => byCodeUnits(a.path, b.path)),
    summary: summarize(results),
  };
}

/**
 * Rule ids are unique across the whole audit, not only within a file: waivers, `--rule` and
 * `explain` name a rule by its id, and a second rule with the id would silently share its
 * waiver. Both rules are still judged and reported; each later one is an error naming the first.
 * (Within one file the loader refuses the second rule already.)
 */
function duplicateIds(results: readonly RuleResult[]): Diagnostic[] {
  const first = new Map<string, RuleResult>();
  const out: Diagnostic[] = [];
  for (const r of results) {
    if (r.implied) continue; // an agreement check is the audit's, named after its figure
    const prev = first.get(r.id);
    if (!prev) {
      first.set(r.id, r);
      continue;
    }
    if (prev.declared.file === r.declared.file) continue;
    const p = prev.declared;
    out.push({
      severity: 'error',
      code: 'duplicate-rule-id',
      message: `rule id "${r.id}" is already used at ${p.file}:${p.line}:${p.col}; rule ids must be unique across all rule files audited together (waivers, --rule and explain name rules by id)`,
      position: r.declared,
    });
  }
  return out;
}
