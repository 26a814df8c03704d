/**
 * The fast way through a YAML file: js-yaml builds the plain value about ten times faster than
 * yaml's document model, and its node events give every node's place, so positions stay exact.
 *
 * It takes only the plain files tally's users write — YAML 1.2 core scalars, no directive, tag,
 * anchor, alias or merge key, no repeated key — and says no to anything else (returns null): the
 * careful path (yaml.ts, with its prescan) then parses the file and reports every problem at its
 * place. So the two never disagree on a value, a position or a diagnostic; the fast path only
 * skips work when there is nothing to report.
 */
import jsyaml from 'js-yaml';
import type { PathSegment } from './yaml.js';

/** Where a node of the value sits in the source, and the nodes under it. */
interface PlacedNode {
  start: number;
  end: number;
  /** Levels of lists and mappings at and under this node (0 for a scalar). */
  depth: number;
  /** A mapping's entries by key: the key's start and the value's node. */
  entries?: Map<string, { keyStart: number; value: PlacedNode }>;
  /** A sequence's items. */
  items?: PlacedNode[];
}

export interface FastYaml {
  value: unknown;
  /** The node at the path and how far the path reached (see ParsedYaml.positionOf). */
  walk(path: readonly PathSegment[]): { node: PlacedNode; keyStart: number | undefined; depth: number };
}

interface Frame {
  open: number;
  children: { node: PlacedNode; result: unknown }[];
}

/** A plain YAML 1.2 core scalar, written so that js-yaml and yaml read it alike. */
const PLAIN_NUMBER = /^[-+]?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$|^[-+]?\.[0-9]+(?:[eE][-+]?[0-9]+)?$/;
const PLAIN_TRUE = /^(?:true|True|TRUE)$/;
const PLAIN_FALSE = /^(?:false|False|FALSE)$/;
const PLAIN_NULL = /^(?:null|Null|NULL|~|)$/;

/** Not a case for the fast path: the careful one decides. */
class NotPlain extends Error {}

/** The first offset at or after `from` that is not a space, a line break or a comment. */
function contentStart(source: string, from: number): number {
  let i = from;
  for (;;) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const eol = source.indexOf('\n', i);
      if (eol < 0) return source.length;
      i = eol + 1;
    } else return i;
  }
}

/**
 * Parse with js-yaml when the file is plain (see above); null when it is not, or when js-yaml has
 * anything to say about it (a syntax error, a repeated key, nesting deeper than `maxDepth`).
 */
export function parseYamlFast(source: string, maxDepth: number): FastYaml | null {
  // A directive line (%YAML, %TAG) is the careful path's to judge.
  if (/^%/m.test(source)) return null;
  // A lone carriage return ends a line for js-yaml, not for yaml.
  if (/\r(?!\n)/.test(source)) return null;
  // A tab in the indentation: the two parsers tolerate different ones.
  if (/^[ \t?:-]*\t/m.test(source)) return null;
  // A comment glued to a closing quote or bracket (`"a"#`): js-yaml takes it, yaml does not.
  if (/["'\]}]#/.test(source)) return null;
  const stack: Frame[] = [];
  let root: PlacedNode | undefined;
  let value: unknown;
  // js-yaml 4.3 bounds nesting (`maxDepth`); its type declarations predate the option.
  const options: jsyaml.LoadOptions & { maxDepth: number } = {
    schema: jsyaml.CORE_SCHEMA,
    // js-yaml counts a key and a flow collection's wrapper as levels too: three per level is ample.
    maxDepth: maxDepth * 3 + 2,
    listener(event, state) {
      if (event === 'open') {
        stack.push({ open: state.position, children: [] });
        return;
      }
      const frame = stack.pop()!;
      // An empty node (`key:` with nothing after it) sits where it ends, before any later content.
      // (js-yaml reads a final line break it adds itself: an end may lie past the source.)
      const end = Math.min(state.position, source.length);
      const start = Math.min(contentStart(source, frame.open), end);
      const first = source[start];
      // a tag, an anchor or an alias: not plain
      if (first === '!' || first === '&' || first === '*') throw new NotPlain();
      const result: unknown = state.result;
      const node = place(source, start, end, result, frame.children);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push({ node, result });
      else root = node;
    },
  };
  try {
    value = jsyaml.load(source, options);
  } catch {
    return null;
  }
  // The prescan may count a level or two more than a file builds (yaml-prescan.ts): near the limit,
  // the careful path decides, so both paths refuse exactly the same files. A document with no
  // value (nothing but comments, or a lone null) is placed differently by the two parsers (its
  // end, its start): the careful path's too.
  if (!root || value === null || value === undefined || root.depth + 2 > maxDepth) return null;
  const top = root;
  return {
    value,
    walk(path) {
      let node = top;
      let keyStart: number | undefined;
      let depth = 0;
      for (const seg of path) {
        if (node.entries) {
          const entry = node.entries.get(String(seg));
          if (!entry) break;
          keyStart = entry.keyStart;
          node = entry.value;
        } else if (node.items) {
          const i = typeof seg === 'number' ? seg : /^\d+$/.test(seg) ? Number(seg) : NaN;
          const item = Number.isInteger(i) ? node.items[i] : undefined;
          if (!item) break;
          keyStart = undefined;
          node = item;
        } else break;
        depth++;
      }
      return { node, keyStart, depth };
    },
  };
}

/** The node of one closed event: a scalar checked to be plain, a mapping or a sequence with its children. */
function place(source: string, start: number, end: number, result: unknown, children: Frame['children']): PlacedNode {
  // js-yaml wraps a flow collection in a second node with the same value: keep the inner one.
  if (children.length === 1 && children[0]!.result === result && typeof result === 'object' && result !== null) return children[0]!.node;
  // A flow collection or a quoted scalar over several lines: js-yaml lets its later lines sit less
  // indented than yaml allows, so only the careful path can tell whether it is well formed.
  const opener = source[start];
  if ((opener === '[' || opener === '{' || opener === '"' || opener === "'") && source.lastIndexOf('\n', end - 1) >= start) throw new NotPlain();
  if (Array.isArray(result)) {
    // A pair in a flow sequence (`[a: 1]`) is a mapping js-yaml builds without events of its own.
    if (children.length !== result.length || children.some((c, i) => !Object.is(c.result, result[i]))) throw new NotPlain();
    const items = children.map((c) => c.node);
    return { start, end, depth: 1 + deepest(items), items };
  }
  if (typeof result === 'object' && result !== null) {
    if (children.length % 2 !== 0 || children.length / 2 !== Object.keys(result).length) throw new NotPlain();
    const entries = new Map<string, { keyStart: number; value: PlacedNode }>();
    let depth = 0;
    for (let k = 0; k < children.length; k += 2) {
      const key = children[k]!;
      // An explicit key (`? key`): rare, and read differently by the two parsers.
      if (explicitKeyBefore(source, key.node.start)) throw new NotPlain();
      const name = plainKey(source, key.node, key.result);
      if (name === '<<' || name === '__proto__' || entries.has(name)) throw new NotPlain();
      const value = children[k + 1]!.node;
      // `a: b: c` (a block mapping begun on its key's line): js-yaml takes it, yaml does not.
      if (value.entries && source[value.start] !== '{' && !newlineWithin(source, key.node.start, value.start)) throw new NotPlain();
      entries.set(name, { keyStart: key.node.start, value });
      if (value.depth > depth) depth = value.depth;
    }
    return { start, end, depth: 1 + depth, entries };
  }
  checkPlainScalar(source, start, end, result);
  return { start, end, depth: 0 };
}

/** Does `?` and nothing but spaces or tabs come right before `at`, within 8 characters (`? key`)? */
function explicitKeyBefore(source: string, at: number): boolean {
  const from = Math.max(0, at - 8);
  let i = at - 1;
  while (i >= from && (source[i] === ' ' || source[i] === '\t')) i--;
  return i >= from && source[i] === '?';
}

function newlineWithin(source: string, start: number, end: number): boolean {
  const at = source.indexOf('\n', start);
  return at >= 0 && at < end;
}

function deepest(nodes: readonly PlacedNode[]): number {
  let d = 0;
  for (const n of nodes) if (n.depth > d) d = n.depth;
  return d;
}

/**
 * What YAML 1.2 core reads as other than a string, when written plain (yaml's core schema tags).
 * js-yaml's own core schema differs at the edges (`-.5`, `0o17`, `1_000`): a plain string that
 * yaml would read otherwise is not plain.
 */
const CORE_NOT_STRING =
  /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;

/**
 * Could the scalar at `start` be read as other than a string, judged by its first character:
 * false when that is surely not white space and no core scalar starts with it (a letter other
 * than n, t or f, a quote, a block indicator…). Most keys and strings are told apart so, without
 * cutting their text out of the file.
 */
function mayBeCore(source: string, start: number): boolean {
  const c = source.charCodeAt(start);
  // Past U+167F lie Unicode's spaces (U+1680, U+2000…, U+FEFF): not told here.
  if (!(c > 0x20 && c < 0x1680 && c !== 0xa0 && c !== 0x85)) return true;
  return c === 0x7e || c === 0x4e || c === 0x6e || c === 0x54 || c === 0x74 || c === 0x46 || c === 0x66 || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
}

/** Quoted or block text: never anything but a string. */
function isPlainWritten(text: string): boolean {
  const c = text[0];
  return c !== '"' && c !== "'" && c !== '|' && c !== '>';
}

/** A key's string, when yaml and js-yaml make the same one of it: a string, or a plain decimal integer like 2021. */
function plainKey(source: string, node: PlacedNode, result: unknown): string {
  if (node.depth > 0) throw new NotPlain();
  if (typeof result === 'string' && node.end > node.start && !mayBeCore(source, node.start)) return result;
  const text = source.slice(node.start, node.end).trim();
  if (typeof result === 'number' && /^(?:0|[1-9][0-9]*)$/.test(text)) return text;
  if (typeof result !== 'string' || (isPlainWritten(text) && CORE_NOT_STRING.test(text))) throw new NotPlain();
  return result;
}

/** A number, boolean or null written exactly as YAML 1.2 core and js-yaml both read it; else not plain. */
function checkPlainScalar(source: string, start: number, end: number, result: unknown): void {
  if (typeof result === 'string' && end > start && !mayBeCore(source, start)) return;
  const text = source.slice(start, end).trim();
  if (typeof result === 'string') {
    if (isPlainWritten(text) && CORE_NOT_STRING.test(text)) throw new NotPlain();
    return;
  }
  // (js-yaml reads `-0` as 0, yaml as -0.)
  if (typeof result === 'number' && Number.isFinite(result) && PLAIN_NUMBER.test(text) && !(result === 0 && text.startsWith('-'))) return;
  if (result === true && PLAIN_TRUE.test(text)) return;
  if (result === false && PLAIN_FALSE.test(text)) return;
  if (result === null && PLAIN_NULL.test(text)) return;
  throw new NotPlain();
}
