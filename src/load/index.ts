/**
 * The "load" stage: rule files, figure files and documents, validated and anchored, with every
 * problem as a Diagnostic at file:line:col.
 */
import { join, resolve, sep } from 'node:path';
import { inputFiles } from './files.js';
import { confinementFor, refusal } from './confine.js';
import { DEFAULT_MAX_YAML_BYTES, loadPolicy, type LoadPolicy } from './policy.js';
import { readInput, ReadScratch } from './read-input.js';
import { hasTopLevelKey } from './top-level-keys.js';
import { UsageError } from './usage-error.js';

export { loadRuleFile, loadRuleFileGuarded, loadRuleFiles, type LoadRuleFileOptions } from './rules.js';
export { parseTolerance, DEFAULT_TOLERANCE } from './rule.js';
export { loadFigureFile, DEFAULT_LOCALE, type FigureFileResult, type LoadFigureFileOptions } from './figures.js';
export { readFigureFileHeader, type FigureFileHeader } from './figure-header.js';
export { ruleFileDocument } from './rule-document.js';
export { ReadScratch } from './read-input.js';
export { FIGURE_ID } from './figure-build.js';
export { halfWidthOf } from './figure-values.js';
export { TABLE_COLUMNS } from './figure-tables.js';
export { createLoadCache, clearLoadCache, defaultLoadCache, releaseLoadScratch, type LoadCache } from './load-cache.js';
export { loadDocument, normaliseText, positionOf, DocumentLoadError } from './document.js';
export { normaliseQuote, findQuote, type FindQuoteResult } from './find-quote.js';
export { selectNumber, documentNumbers, numbersInSpan, type SelectNumberResult } from './select-number.js';
export { codeFrame, formatDiagnostic, makeDiagnostic, sortDiagnostics, type DiagnosticInit } from './diagnostics.js';
export { didYouMean, editDistance } from '../suggest.js';
export { validateRuleFile, validateFigureFile, validateFigureFileDetailed, type FigureFileValidation } from './validate.js';
export { parseYaml, readYamlFile, pointerToPath, MAX_ALIAS_COUNT, type ParsedYaml, type ReadYamlResult, type PathSegment, type YamlLimits } from './yaml.js';
export { findConfigFile, loadConfigFile, projectConfig, CONFIG_FILE_NAMES, type TallyConfig } from './config.js';
export { validateConfigFile } from './validate.js';
export { loadPolicy, formatBytes, parseBytes, type LoadPolicy } from './policy.js';
export { confinementFor, refusal, type Confinement } from './confine.js';
export { loadWaiverFile, loadWaiverFilesFor, findWaiverFile, isCalendarDate, WAIVER_FILE_NAMES, type LoadedWaiver, type WaiverFileResult } from './waivers.js';

export { UsageError } from './usage-error.js';

const YAML_FILE = /\.ya?ml$/i;

/**
 * Is the file a rule file (has a top-level `rules:` key)? Read within the size limit, and only
 * if it is a regular file (a FIFO named rules.yaml must not block the walk). A file over the
 * limit is taken, so loading it says it is too large instead of skipping it silently.
 */
function looksLikeRuleFile(path: string, maxBytes: number, scratch: ReadScratch): boolean {
  const read = readInput(path, maxBytes, 'file', '--max-yaml-size', scratch);
  if (!read.ok) return read.code === 'file-too-large';
  return hasTopLevelKey(read.bytes, 'rules');
}

/** What a walk needs: the size limit, where a symbolic link found may point, a buffer to read files into. */
interface WalkOptions {
  maxBytes: number;
  policy: Partial<LoadPolicy>;
  scratch: ReadScratch;
}

/** Is the path one the config's `ignore` names, or below one? */
function ignored(p: string, policy: Partial<LoadPolicy>): boolean {
  if (!policy.ignore?.length) return false;
  const cwd = policy.cwd ?? process.cwd();
  const abs = resolve(cwd, p);
  return policy.ignore.some((i) => {
    const skip = resolve(cwd, i);
    return abs === skip || abs.startsWith(skip.endsWith(sep) ? skip : skip + sep);
  });
}

function walk(dir: string, out: string[], options: WalkOptions): void {
  let entries;
  try {
    entries = inputFiles().entries(dir);
  } catch {
    // An unreadable folder below a named one holds nothing we can audit.
    return;
  }
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = join(dir, e.name);
    if (ignored(p, options.policy)) continue;
    if (e.kind === 'folder' && !e.link) walk(p, out, options);
    else if (!YAML_FILE.test(e.name)) continue;
    // A link out of the project is not even looked into: loading it reports the refusal.
    else if (e.link && refusal('rule file', p, p, confinementFor(p, loadPolicy(options.policy)))) out.push(p);
    else if ((e.kind === 'file' || e.link) && looksLikeRuleFile(p, options.maxBytes, options.scratch)) out.push(p);
  }
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The rule files named by command-line paths: a file is taken as is; a directory gives every
 * `*.yaml`/`*.yml` below it that is a rule file (has a top-level `rules:` key), sorted. Figure
 * files living beside rule files are skipped. Hidden folders and node_modules are not entered. A
 * symbolic link out of the project is taken without being read (loading it reports the refusal).
 * Throws UsageError naming a path that does not exist.
 */
export function findRuleFiles(paths: string[], policy: Partial<LoadPolicy> = {}): string[] {
  const walkOptions = { maxBytes: policy.maxYamlBytes ?? DEFAULT_MAX_YAML_BYTES, policy, scratch: new ReadScratch() };
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (p: string) => {
    if (!seen.has(p)) {
      seen.add(p);
      out.push(p);
    }
  };
  for (const p of paths) {
    const kind = inputFiles().kindOf(p);
    if (kind === undefined) throw new UsageError(`no such file or directory: ${p}`);
    if (kind === 'folder') {
      const found: string[] = [];
      walk(p, found, walkOptions);
      found.sort(byCodePoint).forEach(push);
    } else {
      push(p);
    }
  }
  return out;
}
