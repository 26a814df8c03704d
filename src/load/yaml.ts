/**
 * YAML with positions: parse a rule or figure file with yaml v2, keep the node tree so any
 * JSON-pointer path (an ajv `instancePath`) maps back to line:col, and turn every YAML problem
 * into a Diagnostic instead of throwing.
 */
import { createHash } from 'node:crypto';
import { LineCounter, parseDocument, visit, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Diagnostic, Position } from '../model.js';
import { makeDiagnostic } from './diagnostics.js';
import { DEFAULT_MAX_YAML_BYTES, DEFAULT_MAX_YAML_DEPTH } from './policy.js';
import { lineColOf, lineStartsOf } from './lines.js';
import { decodeUtf8, readInput } from './read-input.js';
import { parseYamlFast, type FastYaml } from './yaml-fast.js';
import { prescanYaml } from './yaml-prescan.js';

/** Aliases allowed when building the plain value (YAML "billion laughs" guard, DESIGN §8). */
export const MAX_ALIAS_COUNT = 50;

/** How much YAML a parse accepts (see policy.ts). */
export interface YamlLimits {
  /** Deepest nesting of lists and mappings, checked before parsing. */
  maxDepth?: number;
  /** Largest file read, in bytes (readYamlFile only). */
  maxBytes?: number;
}

export type PathSegment = string | number;

export interface ParsedYaml {
  file: string;
  /** The file's text as read (positions and frames refer to it). */
  source: string;
  /** The plain JS value; undefined when the file could not be read or parsed at all. */
  value: unknown;
  /** YAML problems: syntax errors (`yaml-syntax`), duplicate keys (`duplicate-key`), aliases. */
  diagnostics: Diagnostic[];
  /** True when there is a YAML problem other than duplicate keys (the value is unreliable). */
  fatal: boolean;
  /**
   * Where the node at `path` (a JSON pointer like "/rules/0/reading", or segments) is.
   * `at: 'key'` gives the key of the last segment (for unknown keys), `'value'` (default) its value.
   * A path that goes further than the tree gives the deepest node reached.
   */
  positionOf(path: string | readonly PathSegment[], at?: 'key' | 'value'): Position;
  /** Position of a character offset into `source`. */
  positionAt(offset: number): Position;
  /** The literal source text of the scalar at `path`, if it is one (e.g. "1905.50" for a number). */
  scalarSource(path: string | readonly PathSegment[]): string | undefined;
}

/** Split a JSON pointer ("/rules/0/a~1b") into segments (["rules", "0", "a/b"]). */
export function pointerToPath(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const CODE_NAMES: Record<string, string> = {
  DUPLICATE_KEY: 'duplicate-key',
};

/**
 * Parse YAML text: YAML 1.2 core only, nested at most `limits.maxDepth` deep (both checked on
 * the tokens first, yaml-prescan.ts). Never throws.
 */
export function parseYaml(source: string, file: string, limits: YamlLimits = {}): ParsedYaml {
  const fast = parseYamlFast(source, limits.maxDepth ?? DEFAULT_MAX_YAML_DEPTH);
  const parsed = fast ? plainParsed(source, file, fast) : carefulParse(source, file, limits);
  detachStrings(parsed.value);
  return parsed;
}

/**
 * Every string of a parsed value made a string of its own, in place. In V8 a parser's scalars
 * are slices of the file's text, and any one a rule keeps (its quote, its expression) would keep
 * the whole text alive — two bytes a character of every rule and figure file of a large audit.
 * (Short slices are copied by V8 already; concatenating and slicing again copies a long one.)
 * Aliases can share a list or mapping, or make one contain itself (`&x [*x]`): each is visited once.
 */
function detachStrings(value: unknown, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      if (typeof v === 'string') value[i] = detached(v);
      else detachStrings(v, seen);
    }
  } else {
    const record = value as Record<string, unknown>;
    for (const k of Object.keys(record)) {
      const v = record[k];
      if (typeof v === 'string') record[k] = detached(v);
      else detachStrings(v, seen);
    }
  }
}

const detached = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** A plain file (yaml-fast.ts): no problem to report, positions from js-yaml's node events. */
function plainParsed(source: string, file: string, fast: FastYaml): ParsedYaml {
  let starts: number[] | undefined;
  // One literal: a spread would put line and col in a second array of fields, on every position a rule or figure keeps.
  const positionAt = (offset: number): Position => {
    const { line, col } = lineColOf((starts ??= lineStartsOf(source)), offset, source.length);
    return { file, line, col };
  };
  const toSegments = (path: string | readonly PathSegment[]): readonly PathSegment[] => (typeof path === 'string' ? pointerToPath(path) : path);
  return {
    file,
    source,
    value: fast.value,
    diagnostics: [],
    fatal: false,
    positionAt,
    positionOf(path, at = 'value') {
      const segs = toSegments(path);
      const { node, keyStart, depth } = fast.walk(segs);
      if (depth === segs.length && at === 'key' && keyStart !== undefined) return positionAt(keyStart);
      // As the careful path: an empty value is shown at its key.
      if (node.start === node.end && keyStart !== undefined) return positionAt(keyStart);
      return positionAt(node.start);
    },
    scalarSource(path) {
      const segs = toSegments(path);
      const { node, depth } = fast.walk(segs);
      if (depth !== segs.length || node.entries || node.items) return undefined;
      return source.slice(node.start, node.end).trim();
    },
  };
}

/** Anything not plain: yaml's document model, every problem reported at its place. */
export function carefulParse(source: string, file: string, limits: YamlLimits): ParsedYaml {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed | undefined;
  let fatal = false;

  // Until the parser has seen the text, positions come from the text itself.
  let starts: number[] | undefined;
  const positionAt = (offset: number): Position => {
    if (!doc) {
      const { line, col } = lineColOf((starts ??= lineStartsOf(source)), offset, source.length);
      return { file, line, col };
    }
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, source.length)));
    // linePos gives line 0 when no newline was ever seen before `offset`.
    return { file, line: Math.max(1, line), col: Math.max(1, col) };
  };

  const prescan = prescanYaml(source, limits.maxDepth ?? DEFAULT_MAX_YAML_DEPTH);
  for (const p of prescan.problems) {
    diagnostics.push(makeDiagnostic({ code: p.code, message: p.message, position: positionAt(p.offset), source }));
  }
  if (prescan.problems.length > 0) fatal = true;

  // A file nested too deep is never given to the parser (it could overflow the stack or the heap).
  if (!prescan.tooDeep) {
    try {
      doc = parseDocument(source, {
        lineCounter,
        // Duplicate keys are found below in one pass: yaml's own check compares every pair of keys
        // of a mapping, which is quadratic in a figure file with thousands of figures.
        uniqueKeys: false,
        // A list or mapping used as a key is an error here, not a silently stringified key.
        stringKeys: true,
        prettyErrors: false,
        strict: true,
        // Problems are returned as Diagnostics; nothing is printed to the console.
        logLevel: 'error',
        // YAML 1.2 core schema (a `%YAML 1.1` directive is refused by the prescan): no yes/no
        // booleans, no octal or base-60 numbers, `<<` is not a merge key.
        version: '1.2',
        schema: 'core',
        merge: false,
      });
    } catch (e) {
      fatal = true;
      diagnostics.push(
        makeDiagnostic({
          code: 'yaml-syntax',
          message: `cannot parse YAML: ${(e as Error).message}`,
          position: { file, line: 1, col: 1 },
          source,
        }),
      );
    }
  }

  let value: unknown;
  if (doc) {
    for (const keyNode of duplicateKeys(doc)) {
      const key = keyString(keyNode) ?? '';
      diagnostics.push(
        makeDiagnostic({
          code: 'duplicate-key',
          message: `duplicate key "${key}": a YAML mapping must not repeat a key`,
          position: positionAt(rangeStart(keyNode) ?? 0),
          source,
        }),
      );
    }
    for (const err of doc.errors) {
      const code = CODE_NAMES[err.code] ?? 'yaml-syntax';
      if (code !== 'duplicate-key') fatal = true;
      const position = positionAt(err.pos[0]);
      let message = err.message.replace(/\s+at line \d+, column \d+:?[\s\S]*$/, '');
      if (code === 'duplicate-key') {
        const key = keyTextAt(source, err.pos[0]);
        message = `duplicate key "${key}": a YAML mapping must not repeat a key`;
      }
      diagnostics.push(makeDiagnostic({ code, message, position, source }));
    }
    for (const w of doc.warnings) {
      // An explicit tag is already an error of its own (the prescan's).
      if (w.code === 'TAG_RESOLVE_FAILED') continue;
      diagnostics.push(
        makeDiagnostic({
          code: 'yaml-warning',
          severity: 'warning',
          message: w.message,
          position: positionAt(w.pos[0]),
          source,
        }),
      );
    }
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      fatal = true;
      value = undefined;
      const msg = (e as Error).message;
      const isBomb = /alias/i.test(msg) && /exhaustion|excessive/i.test(msg);
      diagnostics.push(
        makeDiagnostic({
          code: isBomb ? 'yaml-alias-limit' : 'yaml-syntax',
          message: isBomb
            ? `too many YAML aliases (more than ${MAX_ALIAS_COUNT} expansions): refusing a possible alias bomb`
            : `cannot build the YAML value: ${msg}`,
          position: isBomb ? firstAliasPosition(doc) ?? { file, line: 1, col: 1 } : { file, line: 1, col: 1 },
          source,
        }),
      );
    }
  }

  /** The first alias (`*name`) of the document, where an alias bomb is reported. */
  function firstAliasPosition(d: Document.Parsed): Position | undefined {
    let found: number | undefined;
    visit(d, {
      Alias(_k, n) {
        if (n.range) found = n.range[0];
        return visit.BREAK;
      },
    });
    return found === undefined ? undefined : positionAt(found);
  }

  const toSegments = (path: string | readonly PathSegment[]): PathSegment[] =>
    typeof path === 'string' ? pointerToPath(path) : [...path];

  /** Walk the node tree; returns the node reached, the pair of the last step, and how far it got. */
  function walk(path: readonly PathSegment[]): { node: unknown; keyNode: unknown; depth: number; parent: unknown } {
    let node: unknown = doc?.contents ?? null;
    let keyNode: unknown = undefined;
    let parent: unknown = undefined;
    let depth = 0;
    for (const seg of path) {
      if (isAlias(node) && doc) node = node.resolve(doc) ?? node;
      if (isMap(node)) {
        const pair = pairsByKey(node).get(String(seg));
        if (!pair) break;
        parent = node;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node)) {
        const i = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : NaN;
        const item = Number.isInteger(i) ? node.items[i] : undefined;
        if (item === undefined) break;
        parent = node;
        keyNode = undefined;
        node = item;
      } else {
        break;
      }
      depth++;
    }
    return { node, keyNode, depth, parent };
  }

  function rangeStart(n: unknown): number | undefined {
    const r = (n as Node | null | undefined)?.range;
    return Array.isArray(r) ? r[0] : undefined;
  }

  function positionOf(path: string | readonly PathSegment[], at: 'key' | 'value' = 'value'): Position {
    const segs = toSegments(path);
    const { node, keyNode, depth } = walk(segs);
    const complete = depth === segs.length;
    if (complete && at === 'key' && keyNode !== undefined) {
      const k = rangeStart(keyNode);
      if (k !== undefined) return positionAt(k);
    }
    // An empty value (`key:` with nothing after it) sits where the key is more useful.
    const v = rangeStart(node);
    const r = (node as Node | null | undefined)?.range;
    const empty = Array.isArray(r) && r[0] === r[1];
    if (v !== undefined && !(empty && keyNode !== undefined)) return positionAt(v);
    const k = rangeStart(keyNode);
    if (k !== undefined) return positionAt(k);
    if (v !== undefined) return positionAt(v);
    const c = rangeStart(doc?.contents);
    return c !== undefined ? positionAt(c) : { file, line: 1, col: 1 };
  }

  function scalarSource(path: string | readonly PathSegment[]): string | undefined {
    const segs = toSegments(path);
    const { node, depth } = walk(segs);
    if (depth !== segs.length || !isScalar(node) || !node.range) return undefined;
    return source.slice(node.range[0], node.range[1]).trim();
  }

  return { file, source, value, diagnostics, fatal, positionOf, positionAt, scalarSource };
}

/** Every key that repeats an earlier key of the same mapping (linear: one Set per mapping). */
function duplicateKeys(doc: Document.Parsed): unknown[] {
  const repeated: unknown[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = keyString(pair.key);
        if (key === undefined) continue;
        if (seen.has(key)) repeated.push(pair.key);
        else seen.add(key);
      }
    },
  });
  return repeated;
}

/** A mapping's pairs by key (the first of repeated keys), built once per mapping. */
const pairIndex = new WeakMap<object, Map<string, Pair>>();
function pairsByKey(map: YAMLMap): Map<string, Pair> {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      const key = keyString(pair.key);
      if (isPair(pair) && key !== undefined && !index.has(key)) index.set(key, pair);
    }
    pairIndex.set(map, index);
  }
  return index;
}

/**
 * The text of a scalar key; undefined for anything else. A mapping or list used as a key is
 * already an error (stringKeys), and printing one is exponential in its depth: yaml's toString
 * lays out a complex key twice per level, so `{{{{…` 27 levels deep ran out of memory.
 */
function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  if (typeof key === 'string') return key;
  return undefined;
}

/** The text of the mapping key starting at `offset` (quotes removed). */
function keyTextAt(source: string, offset: number): string {
  const rest = source.slice(offset);
  const quoted = /^(["'])((?:(?!\1)[^\n\\]|\\.)*)\1/.exec(rest);
  if (quoted) return quoted[2]!;
  const m = /^[^\n,{}[\]]*?(?=:(\s|$)|[,}\n]|$)/.exec(rest);
  return (m?.[0] ?? '').trim();
}

export interface ReadYamlResult extends ParsedYaml {
  /** SHA-256 (hex) of the bytes read; '' when unreadable. */
  sha256: string;
}

/** A result for a file that yields no text: its one problem, at `line:col`. */
function unreadable(path: string, code: string, message: string, sha256: string, at = { line: 1, col: 1 }): ReadYamlResult {
  const parsed = parseYaml('', path);
  parsed.fatal = true;
  parsed.value = undefined;
  parsed.diagnostics.push(makeDiagnostic({ code, message, position: { file: path, ...at } }));
  return { ...parsed, sha256 };
}

/**
 * Read and parse a YAML file of at most `limits.maxBytes`. A missing, unreadable, over-size or
 * non-UTF-8 file is a Diagnostic (`file-not-found`, `file-unreadable`, `file-too-large`,
 * `file-encoding` at the bad byte), never an exception.
 */
export function readYamlFile(path: string, limits: YamlLimits = {}): ReadYamlResult {
  const read = readInput(path, limits.maxBytes ?? DEFAULT_MAX_YAML_BYTES, 'file', '--max-yaml-size');
  if (!read.ok) return unreadable(path, read.code, read.message, '');
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  const decoded = decodeUtf8(read.bytes, path, 'file');
  if (!decoded.ok) return unreadable(path, 'file-encoding', decoded.message, sha256, { line: decoded.line, col: decoded.col });
  return { ...parseYaml(decoded.text, path, limits), sha256 };
}
