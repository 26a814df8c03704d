/**
 * The character helpers the scanner runs at every character: fast paths that must agree with
 * their plain definitions (regular expressions, whole-slice comparison) on every input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpace, isWordChar, matchPhrase, matchWord, prevWord, skipSpaces } from '../../src/numbers/text.js';

/** The definitions the fast paths replace. */
const reference = {
  isWordChar: (ch: string | undefined) => ch !== undefined && /[\p{L}\p{M}\p{N}]/u.test(ch),
  isSpace: (ch: string | undefined) => ch !== undefined && /[ \t\u00a0\u202f\u2009]/u.test(ch),
  matchPhrase(text: string, pos: number, word: string, caseSensitive = false): number {
    let p = pos;
    for (const part of word.split(' ')) {
      if (p !== pos) {
        const q = skipSpaces(text, p);
        if (q === p) return -1;
        p = q;
      }
      const got = text.slice(p, p + part.length);
      if (!(caseSensitive ? got === part : got.toLowerCase() === part.toLowerCase())) return -1;
      p += part.length;
    }
    return p;
  },
};

/** Letters with and without diacritics in both cases, digits, every kind of space, line breaks, punctuation. */
const CHARS = ['t', 'T', 'ỷ', 'Ỷ', 'đ', 'Đ', 'ồ', 'n', 'g', 'U', 'S', 'D', '5', ' ', '\u00a0', '\u202f', '\t', '\n', '\r', '.', '%', '$'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 14 }).map((cs) => cs.join(''));
/** Phrases as the word tables write them: words of letters and digits, one space between. */
const phrase = fc
  .array(fc.array(fc.constantFrom('t', 'T', 'ỷ', 'đ', 'ồ', 'n', 'g', 'U', 'S', 'D', '5', '%', '$'), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
  .map((words) => words.map((w) => w.join('')).join(' '));

describe('character helpers', () => {
  it('isWordChar and isSpace agree with their regular expressions on every code unit of the BMP (exhaustive)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      expect(isWordChar(ch), `U+${c.toString(16)}`).toBe(reference.isWordChar(ch));
      expect(isSpace(ch), `U+${c.toString(16)}`).toBe(reference.isSpace(ch));
    }
    expect(isWordChar(undefined)).toBe(false);
    expect(isSpace(undefined)).toBe(false);
  });

  it('matchPhrase agrees with the whole-slice comparison, at every offset, in both case modes (property)', () => {
    fc.assert(
      fc.property(text, phrase, fc.boolean(), (t, w, caseSensitive) => {
        for (let pos = 0; pos <= t.length; pos++) {
          expect(matchPhrase(t, pos, w, caseSensitive)).toBe(reference.matchPhrase(t, pos, w, caseSensitive));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('prevWord agrees with the regular expression over the window, at every offset (property)', () => {
    const reference = (t: string, pos: number) => {
      const from = Math.max(0, pos - 24);
      const m = /([\p{L}\p{M}]+)[ \t\u00a0\u202f\u2009\n]+$/u.exec(t.slice(from, pos));
      return m ? { word: m[1]!.toLowerCase(), start: from + m.index } : null;
    };
    const piece = fc.constantFrom('Từ', 'năm', 'from', 'x', 'ế', '\u0301', '𝐀', '5', ' ', '\u00a0', '\n', '\t', ',', '.');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const t = pieces.join('');
        for (let pos = 0; pos <= t.length; pos++) expect(prevWord(t, pos)).toEqual(reference(t, pos));
      }),
      { numRuns: 1500 },
    );
  });

  it('matches phrases across spaces and one line break, case-insensitively, with word boundaries', () => {
    expect(matchPhrase('Tỷ  ĐỒNG.', 0, 'tỷ đồng')).toBe(8);
    expect(matchPhrase('tỷ\nđồng', 0, 'tỷ đồng')).toBe(7);
    expect(matchPhrase('tỷ\n\nđồng', 0, 'tỷ đồng')).toBe(-1);
    expect(matchPhrase('tỷđồng', 0, 'tỷ đồng')).toBe(-1);
    expect(matchPhrase('USD', 0, 'usd', true)).toBe(-1);
    expect(matchWord('tỷđồng', 0, 'tỷ')).toBe(-1);
    expect(matchWord('tỷ đồng', 0, 'tỷ')).toBe(2);
  });
});
