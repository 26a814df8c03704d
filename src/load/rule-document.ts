/**
 * Which document a rule file audits, told cheaply: to group rule files by document before any
 * of them is loaded (a parallel audit keeps all rule files of one document together).
 */
import { dirname, extname, join } from 'node:path';
import { confinementFor, refusal, type Confinement } from './confine.js';
import { readFigureFileHeader } from './figure-header.js';
import { loadPolicy, type LoadPolicy } from './policy.js';
import { readInput, ReadScratch } from './read-input.js';
import { topLevelEntries } from './top-level-keys.js';
import { parseYaml, readYamlFile, type YamlLimits } from './yaml.js';
import { isObject } from './plain.js';

/**
 * The top-level `keys` of a YAML mapping file, read from those entries alone when the file is
 * laid out plainly, else from the whole file as the loader reads it. Undefined when the file
 * cannot be read or is not a mapping.
 */
function topLevelValues(path: string, keys: readonly string[], limits: Required<YamlLimits>, scratch: ReadScratch): Record<string, unknown> | undefined {
  const read = readInput(path, limits.maxBytes, 'file', '--max-yaml-size', scratch);
  if (!read.ok) return undefined;
  const header = topLevelEntries(read.bytes, keys);
  if (header !== undefined) {
    const y = parseYaml(header, path, limits);
    if (y.diagnostics.length === 0 && (y.value === null || y.value === undefined)) return {};
    if (y.diagnostics.length === 0 && isObject(y.value)) return y.value;
  }
  const y = readYamlFile(path, limits);
  return !y.fatal && isObject(y.value) ? y.value : undefined;
}

/** The document a figure file names (none for CSV tables), as the loader resolves it. */
function figureFileDocument(path: string, limits: Required<YamlLimits>, scratch: ReadScratch): string | undefined {
  if (extname(path).toLowerCase() === '.csv') return undefined;
  const header = topLevelValues(path, ['document'], limits, scratch);
  if (header === undefined) return readFigureFileHeader(path, undefined, limits).documentPath;
  return typeof header.document === 'string' ? join(dirname(path), header.document) : undefined;
}

/** Is the file one the rule file may name (inside its project root, or an allowed folder)? */
const allowed = (path: string, c: Confinement) => refusal('file', path, path, c) === undefined;

/**
 * The document a rule file audits, decided as loadRuleFile decides it — the rule file's
 * `document:`, else the first of its figure files that names one — but from the files' top-level
 * `document:` and `figures:` entries only, without validating or anchoring anything. Undefined
 * when no document can be told (the file is unreadable, malformed, or names none): loading the
 * file reports why. For a rule file that loads without errors it is the loaded set's document.
 * `figureDocuments` remembers what each figure file names, across the rule files of one audit
 * (they often share one figure file, read once then); the files are read into `scratch`, which
 * the rule files of one audit share too.
 */
export function ruleFileDocument(
  path: string,
  options: Partial<LoadPolicy> = {},
  figureDocuments = new Map<string, string | undefined>(),
  scratch = new ReadScratch(),
): string | undefined {
  const policy = loadPolicy(options);
  const limits = { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth };
  const header = topLevelValues(path, ['document', 'figures'], limits, scratch);
  if (header === undefined) return undefined;
  if (typeof header.document === 'string') return join(dirname(path), header.document);
  if (!Array.isArray(header.figures)) return undefined;
  // Files outside the project are not even looked at: loading the rule file says they are refused.
  const confinement = confinementFor(path, policy);
  for (const rel of header.figures) {
    if (typeof rel !== 'string') continue;
    const figures = join(dirname(path), rel);
    if (!allowed(figures, confinement)) return undefined;
    if (!figureDocuments.has(figures)) figureDocuments.set(figures, figureFileDocument(figures, limits, scratch));
    const document = figureDocuments.get(figures);
    if (document !== undefined) return document;
  }
  return undefined;
}
