/**
 * Hedged wording before a number changes how it is read (DESIGN §3.4): "khoảng 55.500" is about
 * 55.500, "hơn 12.000" is more than 12.000, "ít nhất 1" is at least 1. Only a hedge that stands
 * right before the number counts, and comparatives are not hedges: "cao hơn 1,53%" says
 * "higher by 1,53 points", not "more than 1,53%".
 */
import type { Locale, Reading } from '../model.js';

type Hedge = readonly [phrase: string, reading: Reading];

const HEDGES: Record<Locale, readonly Hedge[]> = {
  'vi-VN': [
    ['không dưới', 'at-least'],
    ['ít nhất', 'at-least'],
    ['tối thiểu', 'at-least'],
    ['không quá', 'at-most'],
    ['tối đa', 'at-most'],
    ['chưa đến', 'less-than'],
    ['xấp xỉ', 'about'],
    ['khoảng', 'about'],
    ['gần', 'about'],
    ['hơn', 'more-than'],
    ['trên', 'more-than'],
    ['dưới', 'less-than'],
  ],
  en: [
    ['no more than', 'at-most'],
    ['no less than', 'at-least'],
    ['more than', 'more-than'],
    ['less than', 'less-than'],
    ['fewer than', 'less-than'],
    ['at least', 'at-least'],
    ['at most', 'at-most'],
    ['up to', 'at-most'],
    ['approximately', 'about'],
    ['roughly', 'about'],
    ['around', 'about'],
    ['nearly', 'about'],
    ['almost', 'about'],
    ['about', 'about'],
    ['over', 'more-than'],
    ['above', 'more-than'],
    ['under', 'less-than'],
    ['below', 'less-than'],
  ],
};

/** Words that make the following "hơn" a comparative ("cao hơn X": higher by X). */
const COMPARATIVES: Record<Locale, ReadonlySet<string>> = {
  'vi-VN': new Set(['cao', 'thấp', 'lớn', 'nhỏ', 'nhiều', 'ít', 'tăng', 'giảm', 'nhanh', 'chậm', 'mạnh', 'hơn']),
  en: new Set(),
};

/** Each hedge as a pattern anchored at the end of the text before a number, compiled once. */
const PATTERNS: Record<Locale, readonly (readonly [RegExp, Reading])[]> = {
  'vi-VN': compile(HEDGES['vi-VN']),
  en: compile(HEDGES.en),
};

function compile(hedges: readonly Hedge[]): (readonly [RegExp, Reading])[] {
  return hedges.map(([phrase, reading]) => [new RegExp(`(^|[^\\p{L}\\p{N}])(${phrase.replace(/ /g, '\\s+')})\\s+$`, 'u'), reading] as const);
}

export interface HedgeFound {
  /** The hedge as written in the text, e.g. "hơn". */
  word: string;
  reading: Reading;
}

/** The hedge written right before `offset` in `text` (only whitespace between), if any. */
export function hedgeBefore(text: string, offset: number, locale: Locale): HedgeFound | undefined {
  const before = text.slice(Math.max(0, offset - 40), offset);
  const lower = before.toLowerCase();
  for (const [pattern, reading] of PATTERNS[locale]) {
    const match = pattern.exec(lower);
    if (!match) continue;
    const start = match.index + match[1]!.length;
    const previousWord = /(\p{L}+)\s*$/u.exec(lower.slice(0, start))?.[1];
    if (previousWord && COMPARATIVES[locale].has(previousWord)) return undefined;
    return { word: before.slice(start, start + match[2]!.length), reading };
  }
  return undefined;
}
