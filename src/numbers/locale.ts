/**
 * Locale tables for reading and writing numbers: separators, scale words, unit words.
 *
 * Everything locale-specific lives here so that read/scan/format stay table-driven. Matching
 * helpers work on NFC text (callers normalise) and return offsets, never a rewritten string,
 * so spans stay true to the source.
 */
import type { Locale } from '../model.js';

export interface ScaleWord {
  /** As matched; internal single spaces match any run of whitespace. */
  word: string;
  exponent: number;
}

export interface UnitWord {
  word: string;
  /** What `WrittenNumber.unit` receives: the word as written, except percentage points → "pp". */
  kind: 'unit' | 'percent' | 'pp';
  /**
   * Case-sensitive words are those that are also ordinary words or names when capitalised
   * ("Đồng Đăng", "Đồng Nai"); currency codes and symbols match in any case.
   */
  caseSensitive?: boolean;
}

export interface LocaleTable {
  group: string;
  decimal: string;
  /** Longest first, so "nghìn tỷ" wins over "nghìn". */
  scales: ScaleWord[];
  /** The word formatNumber writes for an exponent when the style gives none. */
  defaultScale: Record<number, string>;
}

const byLengthDesc = <T extends { word: string }>(xs: T[]): T[] =>
  [...xs].sort((a, b) => b.word.length - a.word.length || a.word.localeCompare(b.word));

/*
 * English abbreviations: "bn" (billion) and "mn"/"mln" (million) are unambiguous in financial
 * prose and accepted. "m", "k" and "b" are NOT scale words: "5 m" is as often metres as
 * millions, and a wrong scale multiplies a value by 10³–10⁶, which is worse than not reading it.
 */
export const LOCALES: Record<Locale, LocaleTable> = {
  'vi-VN': {
    group: '.',
    decimal: ',',
    scales: byLengthDesc([
      { word: 'nghìn tỷ', exponent: 12 },
      { word: 'ngàn tỷ', exponent: 12 },
      { word: 'nghìn tỉ', exponent: 12 },
      { word: 'ngàn tỉ', exponent: 12 },
      { word: 'nghìn', exponent: 3 },
      { word: 'ngàn', exponent: 3 },
      { word: 'triệu', exponent: 6 },
      { word: 'tỷ', exponent: 9 },
      { word: 'tỉ', exponent: 9 },
    ]),
    defaultScale: { 3: 'nghìn', 6: 'triệu', 9: 'tỷ', 12: 'nghìn tỷ' },
  },
  en: {
    group: ',',
    decimal: '.',
    scales: byLengthDesc([
      { word: 'thousand', exponent: 3 },
      { word: 'million', exponent: 6 },
      { word: 'mln', exponent: 6 },
      { word: 'mn', exponent: 6 },
      { word: 'billion', exponent: 9 },
      { word: 'bn', exponent: 9 },
      { word: 'trillion', exponent: 12 },
    ]),
    defaultScale: { 3: 'thousand', 6: 'million', 9: 'billion', 12: 'trillion' },
  },
};

/** Units written after the number, in both locales (reports mix currencies freely). */
export const SUFFIX_UNITS: UnitWord[] = byLengthDesc([
  { word: '%', kind: 'percent' },
  { word: 'phần trăm', kind: 'percent' },
  { word: 'percent', kind: 'percent' },
  { word: 'per cent', kind: 'percent' },
  { word: 'điểm phần trăm', kind: 'pp' },
  { word: 'điểm %', kind: 'pp' },
  { word: 'percentage points', kind: 'pp' },
  { word: 'percentage point', kind: 'pp' },
  { word: 'pp', kind: 'pp' },
  { word: 'đồng', kind: 'unit', caseSensitive: true },
  { word: 'đ', kind: 'unit', caseSensitive: true },
  { word: 'VNĐ', kind: 'unit' },
  { word: 'VND', kind: 'unit' },
  { word: '₫', kind: 'unit' },
  { word: 'USD', kind: 'unit' },
  { word: 'US$', kind: 'unit' },
  { word: '$', kind: 'unit' },
  { word: 'EUR', kind: 'unit' },
  { word: '€', kind: 'unit' },
]);

/** Currency symbols that may stand before the numeral ("$1.2 billion", "US$5"). */
export const PREFIX_UNITS: string[] = ['US$', '$', '€'];

/** Written first by formatNumber unless the style says otherwise (en convention). */
export function isPrefixSymbol(unit: string): boolean {
  return PREFIX_UNITS.includes(unit);
}

/** Words that begin with "đồng" but are not the currency ("năm 2020 đồng thời …"). */
const DONG_COMPOUNDS = new Set([
  'thời', 'bộ', 'chí', 'bào', 'ý', 'hành', 'nghĩa', 'tình', 'loạt', 'bằng', 'ruộng', 'đều',
  'thuận', 'lòng', 'tâm', 'minh', 'hồ', 'nhất', 'phục', 'sở', 'chủ', 'cảm', 'dạng', 'điệu',
]);

export const SPACE = /[ \t\u00a0\u202f\u2009]/u;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

export function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (p < text.length && SPACE.test(text[p]!)) p++;
  return p;
}

/**
 * Does `word` occur at `pos`? Internal spaces match any run of spaces; a word ending in a
 * letter must end at a word boundary ("tỷ lệ" is not "tỷ" + "lệ" only because of the next
 * word, but "tỷđồng" must not match "tỷ" + junk). Returns the end offset or -1.
 */
export function matchWord(text: string, pos: number, word: string, caseSensitive = false): number {
  const first = text[pos];
  if (first === undefined || (first !== word[0] && (caseSensitive || first.toLowerCase() !== word[0]!.toLowerCase()))) return -1;
  let p = pos;
  for (const part of word.split(' ')) {
    if (p !== pos) {
      const q = skipSpaces(text, p);
      if (q === p) return -1;
      p = q;
    }
    const got = text.slice(p, p + part.length);
    const same = caseSensitive ? got === part : got.toLowerCase() === part.toLowerCase();
    if (!same) return -1;
    p += part.length;
  }
  if (isWordChar(word[word.length - 1]) && isWordChar(text[p])) return -1;
  return p;
}

const NEXT_WORD = /[ \t\u00a0]+([\p{L}\p{M}]+)/uy;

/** The lower-cased word after the spaces at `pos` ('' if none): "đồng| thời" → "thời". */
function nextWord(text: string, pos: number): string {
  NEXT_WORD.lastIndex = pos;
  return NEXT_WORD.exec(text)?.[1]?.toLowerCase() ?? '';
}

/** "tỷ lệ" (rate), "tỷ trọng" (share), "tỷ giá" (exchange rate), "tỷ suất" are not billions. */
const TY_COMPOUNDS = new Set(['lệ', 'trọng', 'giá', 'suất']);

export function matchScale(text: string, pos: number, locale: Locale): { end: number; word: string; exponent: number } | null {
  for (const s of LOCALES[locale].scales) {
    const end = matchWord(text, pos, s.word);
    if (end < 0) continue;
    if (s.word.endsWith('tỷ') || s.word.endsWith('tỉ')) {
      if (TY_COMPOUNDS.has(nextWord(text, end))) continue;
    }
    return { end, word: text.slice(pos, end), exponent: s.exponent };
  }
  return null;
}

export function matchSuffixUnit(text: string, pos: number): { end: number; written: string; kind: UnitWord['kind'] } | null {
  for (const u of SUFFIX_UNITS) {
    const end = matchWord(text, pos, u.word, u.caseSensitive);
    if (end < 0) continue;
    if (u.word === 'đồng') {
      if (DONG_COMPOUNDS.has(nextWord(text, end))) continue;
    }
    return { end, written: text.slice(pos, end), kind: u.kind };
  }
  return null;
}

export function matchPrefixUnit(text: string, pos: number): { end: number; written: string } | null {
  for (const w of PREFIX_UNITS) {
    const end = matchWord(text, pos, w);
    if (end >= 0) return { end, written: text.slice(pos, end) };
  }
  return null;
}

/** The unit word for percentage points as formatNumber writes it when the style says only "pp". */
export function isPpWord(unit: string | undefined): boolean {
  return unit !== undefined && SUFFIX_UNITS.some((u) => u.kind === 'pp' && u.word.toLowerCase() === unit.toLowerCase());
}
