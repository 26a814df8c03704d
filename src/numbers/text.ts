/**
 * Character-level helpers shared by the reader, the scanner and the hedge finder: what a space
 * is, what a word character is, and matching a (multi-word) phrase at an offset without ever
 * rewriting the text, so spans stay true to the source.
 */

/** Spaces inside a sentence: space, tab, NBSP, narrow NBSP, thin space. */
export const SPACE = /[ \t\u00a0\u202f\u2009]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Both run for every character the scanner looks at: ASCII is decided without a regular expression.
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return WORD_CHAR.test(ch);
}

export const isSpace = (ch: string | undefined): boolean =>
  ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\u202f' || ch === '\u2009';

/**
 * The end of the spaces at `pos`. One line break among them counts as a space — a sentence
 * wrapped across lines reads as on one line — but a blank line ends the sentence.
 */
export function skipSpaces(text: string, pos: number): number {
  let p = pos;
  let breaks = 0;
  for (;;) {
    const ch = text[p];
    if (isSpace(ch)) p++;
    else if (ch === '\n' && breaks === 0) {
      breaks++;
      p++;
    } else if (ch === '\r' && text[p + 1] === '\n' && breaks === 0) {
      breaks++;
      p += 2;
    } else return p;
  }
}

/**
 * Does `word` occur at `pos`? Internal spaces match any run of spaces (and one line break); a
 * word ending in a letter or digit must end at a word boundary ("tỷ lệ" is not "tỷ" + "lệ"
 * only because of the next word, but "tỷđồng" must not match "tỷ" + junk). Returns the end
 * offset or -1.
 */
export function matchWord(text: string, pos: number, word: string, caseSensitive = false): number {
  const first = text[pos];
  if (first === undefined || (first !== word[0] && (caseSensitive || first.toLowerCase() !== word[0]!.toLowerCase()))) return -1;
  const end = matchPhrase(text, pos, word, caseSensitive);
  if (end < 0) return -1;
  if (isWordChar(word[word.length - 1]) && isWordChar(text[end])) return -1;
  return end;
}

/** `word` at `pos` with no boundary check at its end (for words glued to what follows). */
export function matchPhrase(text: string, pos: number, word: string, caseSensitive = false): number {
  // Character by character, nothing allocated: the scanner asks this for every unit and scale
  // word at every number of the document.
  let p = pos;
  for (let k = 0; k < word.length; k++) {
    const w = word[k]!;
    if (w === ' ') {
      const q = skipSpaces(text, p);
      if (q === p) return -1;
      p = q;
      continue;
    }
    const ch = text[p];
    if (ch === undefined || (ch !== w && (caseSensitive || ch.toLowerCase() !== w.toLowerCase()))) return -1;
    p++;
  }
  return p;
}

const WORD_BEFORE = /([\p{L}\p{M}]+)[^\p{L}\p{M}\p{N}]*$/u;

/** The last word (letters only) in `text` before `end`, lower-cased, looking back at most `span` characters. */
export function wordBefore(text: string, end: number, span = 24): string {
  return WORD_BEFORE.exec(text.slice(Math.max(0, end - span), end))?.[1]?.toLowerCase() ?? '';
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** Spaces that may stand between a word and the number after it (one line break among them too). */
const isGap = (ch: string | undefined): boolean => ch === '\n' || isSpace(ch);

/**
 * The word (letters and marks) right before `pos` with only spaces between, looking back at most
 * 24 characters, lower-cased, and where it starts. Read backwards from `pos` without slicing or a
 * regular expression over the window: the scanner asks it before every number.
 */
export function prevWord(text: string, pos: number): { word: string; start: number } | null {
  const from = Math.max(0, pos - 24);
  let end = pos;
  while (end > from && isGap(text[end - 1])) end--;
  if (end === pos) return null;
  let start = end;
  while (start > from) {
    const c = text.charCodeAt(start - 1);
    // A letter outside the BMP is a surrogate pair: test the whole code point.
    const width = c >= 0xdc00 && c <= 0xdfff && start - 2 >= from && /[\ud800-\udbff]/.test(text[start - 2]!) ? 2 : 1;
    if (c < 0x80 ? !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) : !LETTER_OR_MARK.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return start === end ? null : { word: text.slice(start, end).toLowerCase(), start };
}
