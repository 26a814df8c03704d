/**
 * A cheap look at a YAML file's tokens before the parser builds anything (DESIGN §8):
 *
 *  - nesting depth: 10 000 nested `[` or `- - -` made the parser overflow its stack or abort
 *    Node outright (out of memory), losing every other file's results. The depth is counted on
 *    the token stream of yaml's own lexer, which is a loop, not a recursion: flow brackets
 *    exactly, block levels from each line's indentation and the `- `, `? `, `: ` indicators. It
 *    may count a level more than the parser builds (a plain scalar continued on a deeper line),
 *    never fewer; the default limit (64) is far above any real rule or figure file.
 *  - YAML 1.2 core only: a `%YAML 1.1` directive would switch on yes/no booleans, octal and
 *    base-60 numbers and merge keys, silently changing values; `%TAG` directives and explicit
 *    tags (`!!str`, `!foo`) have no meaning in tally's files; a merge key (`<<:`) is 1.1 only.
 *    Each is an error at its own position.
 */
import { CST, Lexer } from 'yaml';

export interface PrescanProblem {
  code: 'yaml-nesting' | 'yaml-directive' | 'yaml-tag' | 'yaml-merge-key';
  message: string;
  /** Character offset into the source. */
  offset: number;
}

export interface PrescanResult {
  problems: PrescanProblem[];
  /** The file nests deeper than allowed: it must not be parsed at all. */
  tooDeep: boolean;
}

/** Lexer tokens that mark a mode and hold no source text. */
const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);
const INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);
const ALLOWED_DIRECTIVE = /^%YAML[ \t]+1\.2(?:[ \t]|$)/;

export function prescanYaml(source: string, maxDepth: number): PrescanResult {
  const problems: PrescanProblem[] = [];
  let offset = 0;
  let lineStart = 0;
  let flow = 0;
  /** The open block levels, outermost first: their column, and whether they are a sequence. */
  let levels: { col: number; seq: boolean }[] = [];
  let atLineStart = true;
  let afterIndicator = false;
  let scalarNext = false;
  let blockScalarNext = false;
  let mergeCandidate: number | undefined;

  /**
   * A token with content at `start` (not a space, comment or line break): where its level is.
   * `dash` for a `- ` entry, which may open a sequence at its key's own column (`key:\n- a`).
   */
  const content = (start: number, dash = false): boolean => {
    if (flow === 0) {
      const col = start - lineStart;
      const top = () => levels[levels.length - 1];
      if (atLineStart) {
        while (levels.length > 0 && top()!.col > col) levels.pop();
        // A key back at the column of a sequence that sat under the previous key ends that sequence.
        if (!dash && top()?.col === col && top()!.seq) levels.pop();
        if (levels.length === 0 || top()!.col < col || (dash && !top()!.seq)) levels.push({ col, seq: dash });
      } else if (afterIndicator && (levels.length === 0 || top()!.col < col)) {
        levels.push({ col, seq: dash });
      }
    }
    atLineStart = false;
    afterIndicator = false;
    return levels.length + flow > maxDepth;
  };
  const tooDeep = (start: number): PrescanResult => {
    problems.push({
      code: 'yaml-nesting',
      message: `nesting too deep: more than ${maxDepth} levels of lists and mappings (a rule or figure file needs a handful)`,
      offset: start,
    });
    return { problems, tooDeep: true };
  };

  for (const token of new Lexer().lex(source)) {
    if (MARKERS.has(token)) {
      if (token === '\u001f') scalarNext = true;
      continue;
    }
    const start = offset;
    offset += token.length;
    const newline = token.lastIndexOf('\n');

    if (scalarNext) {
      // The text of a scalar: plain, quoted, or a block scalar's whole body.
      scalarNext = false;
      const body = blockScalarNext;
      blockScalarNext = false;
      if (!body && content(start)) return tooDeep(start);
      mergeCandidate = token === '<<' ? start : undefined;
      if (newline >= 0) lineStart = start + newline + 1;
      if (body) atLineStart = true;
      continue;
    }

    const type = CST.tokenType(token);
    if (newline >= 0) lineStart = start + newline + 1;
    switch (type) {
      case 'newline':
        atLineStart = true;
        afterIndicator = false;
        continue;
      case 'space':
      case 'comment':
      case 'byte-order-mark':
        continue;
      case 'directive-line':
        if (!ALLOWED_DIRECTIVE.test(token)) {
          problems.push({
            code: 'yaml-directive',
            message: `only YAML 1.2 is read: the directive "${token.trim().slice(0, 40)}" is not allowed (remove it)`,
            offset: start,
          });
        }
        continue;
      case 'doc-start':
      case 'doc-end':
        levels = [];
        continue;
      case 'block-scalar-header':
        blockScalarNext = true;
        break;
      case 'tag':
        problems.push({
          code: 'yaml-tag',
          message: `explicit YAML tags are not allowed: remove "${token.slice(0, 40)}" (write the value plainly, or quote it to make it a string)`,
          offset: start,
        });
        break;
      default:
        break;
    }
    // A block scalar's body follows its header (after the line break); anything else ends the wait.
    if (type !== 'block-scalar-header') blockScalarNext = false;
    if (type === 'map-value-ind' && mergeCandidate !== undefined) {
      problems.push({
        code: 'yaml-merge-key',
        message: 'merge keys ("<<") are YAML 1.1 only and not allowed: write the keys out',
        offset: mergeCandidate,
      });
    }
    mergeCandidate = undefined;
    if (type === 'flow-seq-start' || type === 'flow-map-start') {
      if (content(start)) return tooDeep(start);
      flow++;
      if (levels.length + flow > maxDepth) return tooDeep(start);
      continue;
    }
    if (type === 'flow-seq-end' || type === 'flow-map-end') {
      flow = Math.max(0, flow - 1);
      continue;
    }
    if (type === 'comma' || type === 'flow-error-end') continue;
    if (content(start, type === 'seq-item-ind')) return tooDeep(start);
    if (INDICATORS.has(type ?? '')) afterIndicator = flow === 0;
  }
  return { problems, tooDeep: false };
}
