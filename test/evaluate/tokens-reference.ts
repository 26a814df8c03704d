/**
 * The tokenizer as first written (a closure and slices per character), kept as the reference the
 * faster one in src/evaluate/tokens.ts is held equal to. An expression's source cut into tokens
 * the way mathjs's lexer cuts it. mathjs nodes carry no
 * source positions, so positions.ts matches each node to the token that stands for it; for that,
 * the tokens must be mathjs's own (same delimiters, same number and identifier rules).
 */
import { instance } from '../../src/evaluate/instance.js';
import type { Token } from '../../src/evaluate/tokens.js';


const DELIMITERS_3 = new Set(['>>>']);
const DELIMITERS_2 = new Set(['.*', './', '.^', '^|', '==', '!=', '<=', '>=', '<<', '>>', '?.', '??']);
const DELIMITERS_1 = new Set(',()[]{};+-*/%^~!&|=:?<>\''.split(''));
const NAMED_DELIMITERS = new Set(['mod', 'to', 'in', 'and', 'xor', 'or', 'not']);

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isAlpha = (c: string, prev: string, next: string): boolean =>
  instance().statics.isAlpha?.(c, prev, next) ?? /[\p{L}_$]/u.test(c);
const isDecimalMark = (c: string | undefined, next: string | undefined) =>
  c === '.' && next !== '/' && next !== '*' && next !== '^';

export function tokenizeReference(src: string): Token[] {
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
  while (i < src.length) {
    const c = at(i);
    const start = i;
    const push = (key: string, end: number) => {
      tokens.push({ key, text: src.slice(start, end), col: start + 1 });
      i = end;
    };
    if (c === '#') {
      while (i < src.length && at(i) !== '\n') i++;
      continue;
    }
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || (c === "'" && !afterOperand())) {
      let j = i + 1;
      while (j < src.length && at(j) !== c) j += at(j) === '\\' ? 2 : 1;
      push('#str', Math.min(j + 1, src.length));
      continue;
    }
    const c3 = src.slice(i, i + 3);
    const c2 = src.slice(i, i + 2);
    if (DELIMITERS_3.has(c3)) {
      push(c3, i + 3);
      continue;
    }
    if (DELIMITERS_2.has(c2) && (c2 !== '?.' || !isDigit(at(i + 2)))) {
      push(c2, i + 2);
      continue;
    }
    if (DELIMITERS_1.has(c)) {
      push(c, i + 1);
      continue;
    }
    if (isDigit(c) || c === '.') {
      let j = i;
      if (c2 === '0b' || c2 === '0o' || c2 === '0x') {
        j += 2;
        while (j < src.length && /[0-9A-Za-z.]/.test(at(j))) j++;
        push('#num', j);
        continue;
      }
      if (c === '.') {
        if (!isDigit(at(i + 1))) {
          push('.', i + 1);
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
      push('#num', j);
      continue;
    }
    if (isAlpha(c, at(i - 1), at(i + 1))) {
      let j = i + 1;
      while (j < src.length && (isAlpha(at(j), at(j - 1), at(j + 1)) || isDigit(at(j)))) j++;
      push(src.slice(i, j), j);
      continue;
    }
    push(c, i + 1);
  }
  return tokens;
}
