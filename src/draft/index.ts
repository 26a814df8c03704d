/**
 * `draft(document)`: the figure file and the rule file of a new document, written beside it
 * (or into `outDir`), ready to run. The draft is checked with the real loader and judge before it
 * is left on disk: a drafted rule that would not load or would break (verdict `error`) is taken
 * out and listed as a TODO with the reason, so `tally audit` on a draft exits 0 or 1, never 2.
 */
import { existsSync, mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeAudit } from '../audit.js';
import { exitCode } from '../judge/outcome.js';
import { createLoadCache, DocumentLoadError, loadDocument, loadPolicy, loadRuleFile, UsageError, type LoadPolicy } from '../load/index.js';
import { decideLocale } from '../load/locale.js';
import type { Locale } from '../model.js';
import { buildDraft } from './build.js';

export { buildDraft, type BuiltDraft, type DraftLayout } from './build.js';

export interface DraftOptions {
  /** The document's locale; default: as its numerals (and words) show. */
  locale?: Locale;
  /** Where the two files go; default: the document's folder. */
  outDir?: string;
  /** Replace draft files that exist already. */
  force?: boolean;
  /** What the loader may read when the draft is checked (root, allowed folders, limits). */
  policy?: Partial<LoadPolicy>;
}

export interface DraftResult {
  figuresFile: string;
  rulesFile: string;
  locale: Locale;
  claims: number;
  assertions: number;
  figures: number;
  /** Numbers left to place by hand (TODO comments). */
  todo: number;
  /** Drafted rules taken out because they did not load or broke, with the reason. */
  dropped: { id: string; reason: string }[];
  /** The exit code `tally audit` gives on the draft: 0 or 1. */
  auditExit: 0 | 1;
}

const posix = (p: string) => p.split(sep).join('/');

/** The published schemas: rules/schema of the package this code runs from (src/ or dist/). */
function schemaFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'rules', 'schema', 'rules.schema.json'))) return join(dir, 'rules', 'schema');
    dir = dirname(dir);
  }
  return join(dir, 'rules', 'schema');
}

/** Written whole or not at all: a temporary file, then a rename. */
function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } catch (error) {
    if (existsSync(tmp)) unlinkSync(tmp);
    throw error;
  }
}

export function draft(documentPath: string, options: DraftOptions = {}): DraftResult {
  if (!existsSync(documentPath)) throw new UsageError(`no such file: ${documentPath}`);
  const policy = loadPolicy(options.policy ?? {});
  let probe;
  try {
    probe = loadDocument(documentPath, 'vi-VN', policy.maxDocumentBytes);
  } catch (error) {
    if (error instanceof DocumentLoadError) throw new UsageError(error.message);
    throw error;
  }
  const decided = decideLocale(probe, options.locale);
  if (decided.problem) throw new UsageError(decided.problem);
  const doc = { ...probe, locale: decided.locale };

  const outDir = resolve(options.outDir ?? dirname(documentPath));
  mkdirSync(outDir, { recursive: true });
  const stem = basename(documentPath).replace(/\.(txt|md|markdown|text)$/iu, '');
  const figuresFile = join(outDir, `${stem}.figures.yaml`);
  const rulesFile = join(outDir, `${stem}.rules.yaml`);
  if (!options.force) {
    const there = [figuresFile, rulesFile].filter((f) => existsSync(f));
    if (there.length) throw new UsageError(`${there.join(' and ')} exist${there.length === 1 ? 's' : ''} already; pass --force to replace the draft`);
  }
  const layout = {
    documentName: basename(documentPath),
    documentRel: posix(relative(outDir, resolve(documentPath))),
    figuresRel: basename(figuresFile),
    schemaDir: posix(relative(outDir, schemaFolder())),
  };

  // Draft, check with the real loader and judge, take out what breaks, until nothing does.
  const excluded = new Map<string, string>();
  for (let pass = 0; ; pass++) {
    const built = buildDraft(doc, layout, excluded);
    writeAtomic(figuresFile, built.figures);
    writeAtomic(rulesFile, built.rules);
    const set = loadRuleFile(rulesFile, { cache: createLoadCache(), policy });
    const result = judgeAudit({ ruleSets: [set] });
    const code = exitCode(result, 'error');
    const broken = new Map(result.results.filter((r) => r.verdict === 'error').map((r) => [r.id, r.message]));
    // A figure that does not load breaks the rules that use it (and goes with them).
    for (const [id, figures] of built.uses) {
      const bad = figures.filter((f) => set.brokenFigures.has(f));
      if (bad.length && !broken.has(id)) broken.set(id, `a figure it uses did not load (${bad.join(', ')})`);
    }
    if (code !== 2) {
      return {
        figuresFile, rulesFile, locale: doc.locale,
        claims: built.claimIds.length, assertions: built.assertIds.length, figures: built.figureIds.length, todo: built.todo,
        dropped: [...excluded].map(([id, reason]) => ({ id, reason })),
        auditExit: code,
      };
    }
    if (broken.size === 0 || pass >= 5) {
      // A problem of the files as a whole (the document outside the project root of --out, say):
      // nothing is left behind.
      for (const f of [figuresFile, rulesFile]) if (existsSync(f)) unlinkSync(f);
      const why = result.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message);
      throw new UsageError(`the draft of ${documentPath} does not load: ${why.join('; ') || 'a drafted rule stays broken'}`);
    }
    for (const [id, message] of broken) excluded.set(id, message);
  }
}
