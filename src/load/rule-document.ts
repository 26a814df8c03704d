/**
 * Which document a rule file audits, told cheaply: to group rule files by document before any
 * of them is loaded (a parallel audit keeps all rule files of one document together).
 */
import { dirname, extname, join } from 'node:path';
import { confinementFor, refusal, type Confinement } from './confine.js';
import { readFigureFileHeader } from './figure-header.js';
import { loadPolicy, type LoadPolicy } from './policy.js';
import { readInput } from './read-input.js';
import { parseYaml, readYamlFile, type YamlLimits } from './yaml.js';
import { isObject } from './plain.js';

/** A top-level key of a block mapping, plain or quoted, at the start of a line. */
const TOP_LEVEL_KEY = /^(?:([A-Za-z_][\w-]*)|"([A-Za-z_][\w-]*)"|'([A-Za-z_][\w-]*)')[ \t]*:(?:[ \t]|$)/;

/**
 * The lines of the top-level entries named by `keys` (with their indented continuation lines),
 * or undefined when the text is not a plain block mapping line by line (a `---` marker, a flow
 * mapping, a value continued at column 0 …): the caller then parses the whole file.
 */
function topLevelEntries(source: string, keys: readonly string[]): string | undefined {
  const out: string[] = [];
  let inKey = false;
  let taking = false;
  for (const line of source.split('\n')) {
    const c = line[0];
    if (c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '#') {
      if (taking && c !== '#') out.push(line);
      continue;
    }
    // A block sequence may sit at column 0 under its key (`figures:\n- a.yaml`).
    if (c === '-' && /^-(?:[ \t\r]|$)/.test(line)) {
      if (!inKey) return undefined;
      if (taking) out.push(line);
      continue;
    }
    const m = TOP_LEVEL_KEY.exec(line);
    if (!m) return undefined;
    inKey = true;
    taking = keys.includes((m[1] ?? m[2] ?? m[3])!);
    if (taking) out.push(line);
  }
  return out.join('\n');
}

/**
 * The top-level `keys` of a YAML mapping file, read from those entries alone when the file is
 * laid out plainly, else from the whole file as the loader reads it. Undefined when the file
 * cannot be read or is not a mapping.
 */
function topLevelValues(path: string, keys: readonly string[], limits: Required<YamlLimits>): Record<string, unknown> | undefined {
  const read = readInput(path, limits.maxBytes, 'file', '--max-yaml-size');
  if (!read.ok) return undefined;
  const source = read.bytes.toString('utf8').replace(/^\uFEFF/, '');
  const header = topLevelEntries(source, keys);
  if (header !== undefined) {
    const y = parseYaml(header, path, limits);
    if (y.diagnostics.length === 0 && (y.value === null || y.value === undefined)) return {};
    if (y.diagnostics.length === 0 && isObject(y.value)) return y.value;
  }
  const y = readYamlFile(path, limits);
  return !y.fatal && isObject(y.value) ? y.value : undefined;
}

/** The document a figure file names (none for CSV tables), as the loader resolves it. */
function figureFileDocument(path: string, limits: Required<YamlLimits>): string | undefined {
  if (extname(path).toLowerCase() === '.csv') return undefined;
  const header = topLevelValues(path, ['document'], limits);
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
 * (they often share one figure file, read once then).
 */
export function ruleFileDocument(path: string, options: Partial<LoadPolicy> = {}, figureDocuments = new Map<string, string | undefined>()): string | undefined {
  const policy = loadPolicy(options);
  const limits = { maxBytes: policy.maxYamlBytes, maxDepth: policy.maxYamlDepth };
  const header = topLevelValues(path, ['document', 'figures'], limits);
  if (header === undefined) return undefined;
  if (typeof header.document === 'string') return join(dirname(path), header.document);
  if (!Array.isArray(header.figures)) return undefined;
  // Files outside the project are not even looked at: loading the rule file says they are refused.
  const confinement = confinementFor(path, policy);
  for (const rel of header.figures) {
    if (typeof rel !== 'string') continue;
    const figures = join(dirname(path), rel);
    if (!allowed(figures, confinement)) return undefined;
    if (!figureDocuments.has(figures)) figureDocuments.set(figures, figureFileDocument(figures, limits));
    const document = figureDocuments.get(figures);
    if (document !== undefined) return document;
  }
  return undefined;
}
