/**
 * Locale tables for reading and writing numbers: separators and scale words.
 *
 * Everything locale-specific lives here (units are in units.ts) so that read/scan/format stay
 * table-driven. Matching helpers work on NFC text (callers normalise) and return offsets, never
 * a rewritten string, so spans stay true to the source.
 */
import type { Locale, UnitInfo } from '../model.js';
import { isWordChar, matchPhrase, matchWord } from './text.js';
import { byFirstChar, matchSuffixUnit, nextWord, unitInfoOf } from './units.js';
import { byCodeUnits } from '../compare.js';

export { SPACE, isWordChar, skipSpaces, matchWord } from './text.js';
export { SUFFIX_UNITS, PREFIX_UNITS, matchSuffixUnit, matchPrefixUnit, isPrefixSymbol, isPpWord } from './units.js';

export interface ScaleWord {
  /** As matched; internal single spaces match any run of whitespace. */
  word: string;
  exponent: number;
  /** Abbreviations that are also other things when spaced: only glued to the numeral ("700k", "1.2m"). */
  gluedOnly?: boolean;
  /** Only after a currency ("$3b"): a bare "3b" is a name. */
  afterCurrency?: boolean;
  /** Match the case as listed ("tr" is triệu; "TR" is not). */
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
  [...xs].sort((a, b) => b.word.length - a.word.length || byCodeUnits(a.word, b.word));

/** Scale words written out, in both languages: a text may mix them ("45.481 tỷ", "45,481 billion"). */
const WORDS: ScaleWord[] = [
  { word: 'nghìn tỷ', exponent: 12 },
  { word: 'ngàn tỷ', exponent: 12 },
  { word: 'nghìn tỉ', exponent: 12 },
  { word: 'ngàn tỉ', exponent: 12 },
  { word: 'nghìn', exponent: 3 },
  { word: 'ngàn', exponent: 3 },
  { word: 'triệu', exponent: 6 },
  { word: 'tỷ', exponent: 9 },
  { word: 'tỉ', exponent: 9 },
  { word: 'thousand', exponent: 3 },
  { word: 'million', exponent: 6 },
  { word: 'billion', exponent: 9 },
  { word: 'trillion', exponent: 12 },
  { word: 'bn', exponent: 9 },
  { word: 'mn', exponent: 6 },
  { word: 'mln', exponent: 6 },
];

/*
 * Abbreviations. "bn", "mn", "mln" are unambiguous in financial prose and read spaced or glued.
 * "k" and, in English, "m" are read only glued to the numeral ("700k", "1.2m", "$3.5m"): spaced,
 * "5 m" is five metres (units.ts) and "5 k" nothing. A wrong scale multiplies a value by
 * 10³–10⁶, which is worse than not reading it, so the rest is narrower still: "b" only glued and
 * after a currency ("$3b"); "tn"/"trn" (trillion) glued or spaced in English; Vietnamese "tr"
 * (triệu) glued or spaced ("5tr", "5 tr") but lower-case only. In vi-VN "m" is always metres.
 */
export const LOCALES: Record<Locale, LocaleTable> = {
  'vi-VN': {
    group: '.',
    decimal: ',',
    scales: byLengthDesc([
      ...WORDS,
      { word: 'tr', exponent: 6, caseSensitive: true },
      { word: 'k', exponent: 3, gluedOnly: true },
    ]),
    defaultScale: { 3: 'nghìn', 6: 'triệu', 9: 'tỷ', 12: 'nghìn tỷ' },
  },
  en: {
    group: ',',
    decimal: '.',
    scales: byLengthDesc([
      ...WORDS,
      { word: 'trn', exponent: 12 },
      { word: 'tn', exponent: 12 },
      { word: 'k', exponent: 3, gluedOnly: true },
      { word: 'm', exponent: 6, gluedOnly: true },
      { word: 'b', exponent: 9, gluedOnly: true, afterCurrency: true },
    ]),
    defaultScale: { 3: 'thousand', 6: 'million', 9: 'billion', 12: 'trillion' },
  },
};

/** "tỷ lệ" (rate), "tỷ trọng" (share), "tỷ giá" (exchange rate), "tỷ suất" are not billions. */
const TY_COMPOUNDS = new Set(['lệ', 'trọng', 'giá', 'suất', 'số']);

export interface ScaleMatch {
  end: number;
  word: string;
  exponent: number;
}

/**
 * The scale word at `pos`. `glued`: no space between it and the numeral; `currency`: a currency
 * stands before the numeral ("$5 m" is millions even spaced: metres of dollars mean nothing).
 * A scale may be glued to a unit that follows ("1,37 tỷUSD").
 */
const SCALE_INDEX: Record<Locale, Map<string, ScaleWord[]>> = { 'vi-VN': byFirstChar(LOCALES['vi-VN'].scales), en: byFirstChar(LOCALES.en.scales) };

export function matchScale(text: string, pos: number, locale: Locale, opts: { glued?: boolean; currency?: boolean } = {}): ScaleMatch | null {
  const ch = text[pos];
  if (ch === undefined) return null;
  for (const s of SCALE_INDEX[locale].get(ch.toLowerCase()) ?? []) {
    if (s.afterCurrency && !opts.currency) continue;
    if (s.gluedOnly && !opts.glued && !(opts.currency && s.word === 'm')) continue;
    let end = matchWord(text, pos, s.word, s.caseSensitive);
    if (end < 0) {
      // "tỷUSD", "bnUSD": the scale ends where a unit begins.
      const e = matchPhrase(text, pos, s.word, s.caseSensitive);
      if (e < 0 || !isWordChar(text[e]) || /[0-9]/.test(text[e]!) || !matchSuffixUnit(text, e, locale, true)) continue;
      end = e;
    }
    if (s.word.endsWith('tỷ') || s.word.endsWith('tỉ')) {
      if (TY_COMPOUNDS.has(nextWord(text, end))) continue;
    }
    return { end, word: text.slice(pos, end), exponent: s.exponent };
  }
  return null;
}

/** The canonical unit of a figure file's `unit:` ("tỷ đồng" → VND, money; "tấn" → t, mass), when the table knows it. */
export function unitOfLabel(written: string, locale: Locale): UnitInfo | undefined {
  return unitInfoOf(written, locale, (t) => matchScale(t, 0, locale)?.end ?? 0);
}
