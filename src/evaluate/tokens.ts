/**
 * An expression's source cut into tokens the way mathjs's lexer cuts it. mathjs nodes carry no
 * source positions, so positions.ts matches each node to the token that stands for it; for that,
 * the tokens must be mathjs's own (same delimiters, same number and identifier rules).
 */
import { instance } from './instance.js';

export interface Token {
  /** What nodes look the token up by: the text, or '#num' / '#str' for literals. */
  key: string;
  text: string;
  col: number;
}

const DELIMITERS_3 = new Set(['>>>']);
const DELIMITERS_2 = new Set(['.*', './', '.^', '^|', '==', '!=', '<=', '>=', '<<', '>>', '?.', '??']);
const DELIMITERS_1 = new Set(',()[]{};+-*/%^~!&|=:?<>\''.split(''));
const NAMED_DELIMITERS = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not']);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** mathjs's own rule; for ASCII it is exactly a letter, `_` or `$` (its math symbols are surrogate pairs). */
const isAlpha = (c: string, prev: string, next: string): boolean => {
  const code = c.charCodeAt(0);
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || c === '_' || c === '$';
  return instance().statics.isAlpha?.(c, prev, next) ?? /[\p{L}_$]/u.test(c);
};
const isDecimalMark = (c: string | undefined, next: string | undefined) =>
  c === '.' && next !== '/' && next !== '*' && next !== '^';
/** Characters a two- or three-character delimiter starts with (the others need no lookahead). */
const STARTS_LONGER = new Set([...DELIMITERS_3, ...DELIMITERS_2].map((d) => d[0]!));
const isSpaceChar = (c: string) => (c.charCodeAt(0) < 0x80 ? c === ' ' || (c >= '\t' && c <= '\r') : /\s/u.test(c));

// Every rule compiles through here (twice: its shape, then its names): a closure or a slice per
// character cost kilobytes per expression, so neither is made.
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const at = (k: number) => src.charAt(k);
  /** Whether a quote here closes an operand (transpose) rather than opening a string. */
  const afterOperand = () => {
    const t = tokens[tokens.length - 1];
    if (!t) return false;
    if (t.key === '#num' || t.key === '#str' || t.key === ')' || t.key === ']' || t.key === '}' || t.key === "'") return true;
    return /^[\p{L}_$]/u.test(t.text) && !NAMED_DELIMITERS.has(t.text);
  };
  let i = 0;
  const push = (key: string, start: number, end: number) => {
    tokens.push({ key, text: src.slice(start, end), col: start + 1 });
    i = end;
  };
  while (i < src.length) {
    const c = at(i);
    const start = i;
    if (c === '#') {
      while (i < src.length && at(i) !== '\n') i++;
      continue;
    }
    if (isSpaceChar(c)) {
      i++;
      continue;
    }
    if (c === '"' || (c === "'" && !afterOperand())) {
      let j = i + 1;
      while (j < src.length && at(j) !== c) j += at(j) === '\\' ? 2 : 1;
      push('#str', start, Math.min(j + 1, src.length));
      continue;
    }
    if (STARTS_LONGER.has(c)) {
      const c3 = src.slice(i, i + 3);
      const c2 = src.slice(i, i + 2);
      if (DELIMITERS_3.has(c3)) {
        push(c3, start, i + 3);
        continue;
      }
      if (DELIMITERS_2.has(c2) && (c2 !== '?.' || !isDigit(at(i + 2)))) {
        push(c2, start, i + 2);
        continue;
      }
    }
    if (DELIMITERS_1.has(c)) {
      push(c, start, i + 1);
      continue;
    }
    if (isDigit(c) || c === '.') {
      let j = i;
      if (c === '0' && (at(i + 1) === 'b' || at(i + 1) === 'o' || at(i + 1) === 'x')) {
        j += 2;
        while (j < src.length && /[0-9A-Za-z.]/.test(at(j))) j++;
        push('#num', start, j);
        continue;
      }
      if (c === '.') {
        if (!isDigit(at(i + 1))) {
          push('.', start, i + 1);
          continue;
        }
        j++;
      } else {
        while (isDigit(at(j))) j++;
        if (isDecimalMark(at(j), at(j + 1))) j++;
      }
      while (isDigit(at(j))) j++;
      if ((at(j) === 'e' || at(j) === 'E') && (isDigit(at(j + 1)) || at(j + 1) === '+' || at(j + 1) === '-')) {
        j += at(j + 1) === '+' || at(j + 1) === '-' ? 2 : 1;
        while (isDigit(at(j))) j++;
      }
      push('#num', start, j);
      continue;
    }
    if (isAlpha(c, at(i - 1), at(i + 1))) {
      let j = i + 1;
      while (j < src.length && (isAlpha(at(j), at(j - 1), at(j + 1)) || isDigit(at(j)))) j++;
      push(src.slice(i, j), start, j);
      continue;
    }
    push(c, start, i + 1);
  }
  return tokens;
}
