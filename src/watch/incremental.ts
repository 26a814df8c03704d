/**
 * An audit that remembers its last run (`tally audit --watch`): a rule file whose inputs — the
 * file itself, its figure files and tables, its document — are unchanged since it was last loaded
 * keeps its rule set and its judged results; only changed files are loaded and judged again.
 *
 * What is always redone, because it spans rule files: implied figures (a claim of one file may
 * imply a figure that rules of another use; when what they imply changes, every file is judged
 * again), each document's coverage, the waivers and the summary. The result is the one `audit()`
 * gives for the same files (a test compares them).
 */
import { policyOf, type AuditOptions } from '../audit.js';
import { finishAudit, judgeRuleFile, relativeTo, type JudgedRuleFile } from '../judge/assemble.js';
import { coverageByDocument } from '../judge/coverage.js';
import { collectImplied, valuesText, type ImpliedFigures } from '../judge/implied/registry.js';
import { findRuleFiles, loadRuleFileGuarded, loadWaiverFilesFor } from '../load/index.js';
import { statSignature } from '../load/load-cache.js';
import type { AuditResult, RuleSet } from '../model.js';

interface Remembered {
  /** The stat signatures of the files the set was loaded from. */
  signature: string;
  set: RuleSet;
  /** Its judged part, and the implied figures it was judged with. */
  judged?: { file: JudgedRuleFile; implied: string };
}

/** What one run did. */
export interface IncrementalRun {
  result: AuditResult;
  /** Rule files judged again / in all. */
  judged: number;
  total: number;
  /** Every file the audit read (rule, figure, document, waiver files): what a watcher watches. */
  inputs: string[];
}

/** The files a rule set was loaded from. */
function inputsOf(set: RuleSet): string[] {
  return [set.file, ...set.figureFiles.map((f) => f.path), ...(set.document.path ? [set.document.path] : [])];
}

const signatureOf = (paths: readonly string[]) => paths.map((p) => `${p}=${statSignature(p)}`).join('\n');

/** The implied figures in words: when this changes, results that use them may change too. */
function impliedKey(implied: ImpliedFigures): string {
  return [...implied.byFigure.values()]
    .map((e) => `${e.figure.id}@${e.figure.declared.file}:${valuesText(e)}:${e.claims.map((c) => c.rule.id)}:${e.usedBy}`)
    .join('\n');
}

export class IncrementalAudit {
  private remembered = new Map<string, Remembered>();
  private optionsKey = '';

  /** Audit with these options, judging again only what changed since the last run. */
  run(options: AuditOptions): IncrementalRun {
    // Other options (a config edited): nothing remembered holds.
    const key = JSON.stringify(options);
    if (key !== this.optionsKey) this.remembered.clear();
    this.optionsKey = key;
    const policy = policyOf(options);
    const cwd = options.cwd ?? process.cwd();
    const files = findRuleFiles(options.paths.length ? options.paths : ['rules'], policy);
    const fresh = new Set<string>();
    const sets = files.map((file) => {
      const before = this.remembered.get(file);
      // A set with errors may be waiting for a file that does not exist yet: always loaded again.
      const clean = before && !before.set.diagnostics.some((d) => d.severity === 'error');
      if (before && clean && signatureOf(inputsOf(before.set)) === before.signature) return before.set;
      const set = loadRuleFileGuarded(file, { policy });
      this.remembered.set(file, { signature: signatureOf(inputsOf(set)), set });
      fresh.add(file);
      return set;
    });
    for (const file of this.remembered.keys()) if (!files.includes(file)) this.remembered.delete(file);

    const rel = relativeTo(cwd);
    const implied = collectImplied(sets);
    const impliedNow = impliedKey(implied);
    let judged = 0;
    const parts = sets.map((set) => {
      const memory = this.remembered.get(set.file)!;
      if (!fresh.has(set.file) && memory.judged && memory.judged.implied === impliedNow) return structuredClone(memory.judged.file);
      judged++;
      const file = judgeRuleFile(set, rel, implied);
      memory.judged = { file, implied: impliedNow };
      // finishAudit writes into the results (waivers, levels): it gets a copy, the memory stays as judged.
      return structuredClone(file);
    });
    const measured = sets.filter((_, i) => parts[i]!.document !== undefined);
    const waivers = loadWaiverFilesFor(files, { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth });
    const result = finishAudit({ files: parts, coverage: coverageByDocument(measured) }, { cwd, waivers, ...(options.today !== undefined ? { today: options.today } : {}) });
    const inputs = [...new Set([...sets.flatMap(inputsOf), ...waivers.map((w) => w.path)])];
    return { result, judged, total: sets.length, inputs };
  }
}
