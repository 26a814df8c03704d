/**
 * The unit model: every word or symbol the reader takes for a unit, with its canonical code and
 * dimension (for dimension checks of expressions), and where it may stand.
 *
 * Units are language words, not locale conventions: both tables are consulted whatever the
 * numeral locale, since an English text may write vi-VN numerals ("45.481 billion VND") and the
 * reverse. What stays per locale is listed with `locales`.
 *
 * Why some words are missing: a unit word that is also an ordinary word right after a number
 * would take the next word of the sentence for a unit. "trường" (school) is left out because
 * "5 trường hợp" is five cases; "pounds" because it is both sterling and a weight; "points"
 * because index points are not percentage points; "¥" is read as JPY (CNY writes "CN¥" or
 * "RMB"). An unlisted noun after a number is simply not part of the number: a rule can still
 * name it in `number: "35 chỉ tiêu"` (see select-number.ts).
 */
import type { Dimension, Locale, UnitInfo } from '../model.js';
import { isWordChar, matchWord, skipSpaces } from './text.js';
import { byCodeUnits } from '../compare.js';

export interface UnitWord {
  /** As matched; internal single spaces match any run of whitespace. */
  word: string;
  code: string;
  dimension: Dimension;
  /** What `WrittenNumber.unit` receives: the word as written, except percentage points → "pp". */
  kind: 'unit' | 'percent' | 'pp';
  /** Also an ordinary word or a name when capitalised ("Đồng Nai"): match the case as listed. */
  caseSensitive?: boolean;
  /** May stand before the numeral: "$5", "US$5", "USD 1.2bn", "€3m", "£40 million". */
  prefix?: boolean;
  /** Only after a space: en "5 m" is metres, "5m" is millions (see locale.ts). */
  spacedOnly?: boolean;
  /** Only glued to the numeral: "3x" is three times, "3 x 4" is not. */
  gluedOnly?: boolean;
  /** Only in these numeral locales (default: both). */
  locales?: Locale[];
  /** Not a unit when a number follows it: "năm 2023" names a year, "tháng 11" a month. */
  notBeforeNumber?: boolean;
}

const money = (code: string, words: string[], opts: Partial<UnitWord> = {}, prefixes: string[] = []): UnitWord[] => [
  ...words.map((word) => ({ word, code, dimension: 'money' as const, kind: 'unit' as const, ...opts })),
  ...prefixes.map((word) => ({ word, code, dimension: 'money' as const, kind: 'unit' as const, prefix: true })),
];
const unit = (code: string, dimension: Dimension, words: string[], opts: Partial<UnitWord> = {}): UnitWord[] =>
  words.map((word) => ({ word, code, dimension, kind: 'unit' as const, ...opts }));
/** Count nouns: each keeps its own code (its base form), dimension count. */
const counts = (pairs: [code: string, words: string[]][]): UnitWord[] => pairs.flatMap(([code, words]) => unit(code, 'count', words));

const UNIT_WORDS: UnitWord[] = [
  // shares and differences of shares
  ...['%', 'phần trăm', 'percent', 'per cent', 'pct'].map((word) => ({ word, code: '%', dimension: 'percent' as const, kind: 'percent' as const })),
  ...['điểm phần trăm', 'điểm %', 'percentage points', 'percentage point', 'pp', 'p.p.'].map((word) => ({ word, code: 'pp', dimension: 'pp' as const, kind: 'pp' as const })),
  // currencies (symbols and ISO codes in any case; words that are also names keep their case)
  ...money('VND', ['đồng', 'đ'], { caseSensitive: true }),
  ...money('VND', ['VNĐ', 'VND', '₫'], {}, ['VND', 'VNĐ']),
  ...money('USD', ['USD', 'US$', '$', 'đô la Mỹ', 'đô-la Mỹ', 'đô la', 'US dollars', 'dollars'], {}, ['US$', '$', 'USD']),
  ...money('EUR', ['EUR', '€', 'euros', 'euro'], {}, ['€', 'EUR']),
  ...money('GBP', ['GBP', '£', 'pounds sterling', 'bảng Anh'], {}, ['£', 'GBP']),
  ...money('CNY', ['CNY', 'RMB', 'nhân dân tệ', 'NDT', 'yuan', 'renminbi'], {}, ['CN¥', 'CNY', 'RMB']),
  ...money('JPY', ['JPY', 'yên Nhật', 'yen'], {}, ['¥', 'JPY']),
  // mass, area, length, volume
  ...unit('t', 'mass', ['tấn', 'tonnes', 'tonne', 'tons', 'ton', 'metric tons']),
  ...unit('kg', 'mass', ['kg', 'kilôgam', 'kilograms', 'kilogram']),
  ...unit('ha', 'area', ['ha', 'hecta', 'héc-ta', 'héc ta', 'hectares', 'hectare']),
  ...unit('m2', 'area', ['m2', 'm²', 'mét vuông', 'square metres', 'square meters', 'sq m', 'sqm']),
  ...unit('km2', 'area', ['km2', 'km²', 'ki-lô-mét vuông', 'square kilometres', 'square kilometers', 'sq km']),
  ...unit('km', 'length', ['km', 'kilômét', 'ki-lô-mét', 'cây số', 'kilometres', 'kilometers', 'kilometre', 'kilometer']),
  ...unit('m', 'length', ['mét', 'metres', 'meters', 'metre', 'meter']),
  ...unit('m', 'length', ['m'], { locales: ['vi-VN'] }),
  ...unit('m', 'length', ['m'], { locales: ['en'], spacedOnly: true }),
  ...unit('cm', 'length', ['cm']),
  ...unit('mm', 'length', ['mm']),
  ...unit('m3', 'volume', ['m3', 'm³', 'mét khối', 'cubic metres', 'cubic meters']),
  ...unit('l', 'volume', ['lít', 'litres', 'liters', 'litre', 'liter']),
  ...unit('kWh', 'other', ['kWh']),
  ...unit('MW', 'other', ['MW']),
  // time: a number of years, months … ("5 năm", "11 tháng"), never "năm 2023"
  ...unit('year', 'time', ['năm', 'years', 'year'], { notBeforeNumber: true }),
  ...unit('month', 'time', ['tháng', 'months', 'month'], { notBeforeNumber: true }),
  ...unit('day', 'time', ['ngày', 'days', 'day'], { notBeforeNumber: true }),
  ...unit('week', 'time', ['tuần', 'weeks', 'week'], { notBeforeNumber: true }),
  ...unit('hour', 'time', ['giờ', 'hours', 'hour'], { notBeforeNumber: true }),
  // "a 5-year plan", "a 10-day break"
  ...unit('year', 'time', ['-year'], { gluedOnly: true }),
  ...unit('month', 'time', ['-month'], { gluedOnly: true }),
  ...unit('day', 'time', ['-day'], { gluedOnly: true }),
  ...unit('week', 'time', ['-week'], { gluedOnly: true }),
  // multiples: "gấp 7 lần", "3 times", "3x", "3-fold"
  ...unit('times', 'percent', ['lần', 'times', 'fold']),
  ...unit('times', 'percent', ['x', '-fold'], { gluedOnly: true }),
  // count nouns
  ...counts([
    ['person', ['người', 'people', 'persons', 'person']],
    ['doanh nghiệp', ['doanh nghiệp']],
    ['hợp tác xã', ['hợp tác xã', 'HTX']],
    ['dự án', ['dự án']],
    ['hộ', ['hộ gia đình', 'hộ']],
    ['lao động', ['lao động']],
    ['xã', ['xã']],
    ['huyện', ['huyện']],
    ['tỉnh', ['tỉnh']],
    ['thôn', ['thôn']],
    ['khu công nghiệp', ['khu công nghiệp']],
    ['cụm công nghiệp', ['cụm công nghiệp']],
    ['chỉ tiêu', ['chỉ tiêu']],
    ['chương trình', ['chương trình']],
    ['nhóm', ['nhóm']],
    ['sản phẩm', ['sản phẩm']],
    ['trường hợp', ['trường hợp']],
    ['lượt', ['lượt']],
    ['firm', ['firms', 'firm']],
    ['company', ['companies', 'company']],
    ['enterprise', ['enterprises', 'enterprise']],
    ['business', ['businesses']],
    ['project', ['projects', 'project']],
    ['household', ['households', 'household']],
    ['job', ['jobs']],
    ['worker', ['workers', 'employees']],
    ['student', ['students', 'pupils']],
    ['cooperative', ['cooperatives', 'co-operatives']],
    ['commune', ['communes']],
    ['district', ['districts']],
    ['province', ['provinces']],
    ['village', ['villages']],
    ['school', ['schools']],
    ['hospital', ['hospitals']],
    ['case', ['cases']],
    ['death', ['deaths']],
    ['visitor', ['visitors', 'tourists']],
    ['member', ['members']],
    ['vehicle', ['vehicles', 'cars']],
    ['home', ['homes', 'houses', 'dwellings']],
  ]),
];

/** Longest first, so "điểm phần trăm" wins over "phần trăm", "hộ gia đình" over "hộ". */
export const SUFFIX_UNITS: readonly UnitWord[] = [...UNIT_WORDS].sort(
  (a, b) => b.word.length - a.word.length || byCodeUnits(a.word, b.word),
);
export const PREFIX_UNITS: readonly UnitWord[] = SUFFIX_UNITS.filter((u) => u.prefix);
const SUFFIXES = SUFFIX_UNITS.filter((u) => !u.prefix);

/** The words of a table by their first character, lower-cased (longest first within each): a lookup tries only these. */
export function byFirstChar<T extends { word: string }>(words: readonly T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const w of words) {
    const k = w.word[0]!.toLowerCase();
    index.set(k, [...(index.get(k) ?? []), w]);
  }
  return index;
}
const SUFFIX_INDEX = byFirstChar(SUFFIXES);
const PREFIX_INDEX = byFirstChar(PREFIX_UNITS);
const candidates = <T>(index: Map<string, T[]>, ch: string | undefined): readonly T[] => (ch === undefined ? [] : (index.get(ch.toLowerCase()) ?? []));

/** Per-period suffixes of a rate: "5%/năm", "5% per year", "4,5 % mỗi năm", "3% p.a.". */
const PERIODS: readonly { word: string; code: string }[] = [
  { word: '/năm', code: 'year' },
  { word: '/ năm', code: 'year' },
  { word: '/year', code: 'year' },
  { word: '/yr', code: 'year' },
  { word: '/tháng', code: 'month' },
  { word: '/month', code: 'month' },
  { word: '/quý', code: 'quarter' },
  { word: '/quarter', code: 'quarter' },
  { word: 'per annum', code: 'year' },
  { word: 'per year', code: 'year' },
  { word: 'a year', code: 'year' },
  { word: 'p.a.', code: 'year' },
  { word: 'mỗi năm', code: 'year' },
  { word: 'per month', code: 'month' },
  { word: 'mỗi tháng', code: 'month' },
];

export interface UnitMatch {
  end: number;
  /** As written (pp words → "pp"; a percentage per period keeps its period: "%/năm"). */
  written: string;
  kind: UnitWord['kind'];
  info: UnitInfo;
}

/** Words that begin with "đồng" but are not the currency ("năm 2020 đồng thời …"). */
const DONG_COMPOUNDS = new Set([
  'thời', 'bộ', 'chí', 'bào', 'ý', 'hành', 'nghĩa', 'tình', 'loạt', 'bằng', 'ruộng', 'đều',
  'thuận', 'lòng', 'tâm', 'minh', 'hồ', 'nhất', 'phục', 'sở', 'chủ', 'cảm', 'dạng', 'điệu',
]);

const NEXT_WORD = /[ \t\u00a0\u202f\u2009\n]+([\p{L}\p{M}]+)/uy;
const NUMBER_NEXT = /[ \t\u00a0\u202f\u2009\n]*[0-9]/y;

/** The lower-cased word after the spaces at `pos` ('' if none): "đồng| thời" → "thời". */
export function nextWord(text: string, pos: number): string {
  NEXT_WORD.lastIndex = pos;
  return NEXT_WORD.exec(text)?.[1]?.toLowerCase() ?? '';
}

function fits(u: UnitWord, locale: Locale, glued: boolean): boolean {
  return (!u.locales || u.locales.includes(locale)) && !(u.spacedOnly && glued) && !(u.gluedOnly && !glued);
}

/**
 * The unit written at `pos` (after a numeral or a scale word), if any, with a per-period or
 * per-unit tail ("%/năm", "USD/tấn", "triệu đồng/người"). `glued`: nothing separates it from
 * the numeral.
 */
export function matchSuffixUnit(text: string, pos: number, locale: Locale, glued = false): UnitMatch | null {
  for (const u of candidates(SUFFIX_INDEX, text[pos])) {
    if (!fits(u, locale, glued)) continue;
    const end = matchWord(text, pos, u.word, u.caseSensitive);
    if (end < 0) continue;
    if (u.word === 'đồng' && DONG_COMPOUNDS.has(nextWord(text, end))) continue;
    if (u.notBeforeNumber) {
      NUMBER_NEXT.lastIndex = end;
      if (NUMBER_NEXT.test(text)) continue;
    }
    return withTail(text, pos, end, u, locale);
  }
  return null;
}

/** "%/năm" → %/year; "USD/tấn" → USD/t (a rate: dimension other). */
function withTail(text: string, start: number, end: number, u: UnitWord, locale: Locale): UnitMatch {
  const info: UnitInfo = { code: u.code, dimension: u.dimension };
  let e = end;
  if (u.kind !== 'pp') {
    const tail = periodAt(text, e, u.kind === 'percent') ?? perUnitAt(text, e, locale);
    if (tail) {
      info.code = `${u.code}/${tail.code}`;
      if (u.kind !== 'percent') info.dimension = 'other';
      e = tail.end;
    }
  }
  const written = u.kind === 'pp' ? 'pp' : text.slice(start, e);
  return { end: e, written, kind: u.kind, info };
}

function periodAt(text: string, pos: number, spacedToo: boolean): { end: number; code: string } | null {
  for (const p of PERIODS) {
    const at = p.word.startsWith('/') ? pos : skipSpaces(text, pos);
    if (!p.word.startsWith('/') && (!spacedToo || at === pos)) continue;
    const end = matchWord(text, at, p.word);
    if (end >= 0) return { end, code: p.code };
  }
  return null;
}

/** "/tấn", "/người", "/kg" right after a unit. */
function perUnitAt(text: string, pos: number, locale: Locale): { end: number; code: string } | null {
  if (text[pos] !== '/' || !isWordChar(text[pos + 1])) return null;
  const u = candidates(SUFFIX_INDEX, text[pos + 1]).find((x) => x.kind === 'unit' && fits(x, locale, true) && matchWord(text, pos + 1, x.word, x.caseSensitive) >= 0);
  if (!u) return periodAt(text, pos, false);
  return { end: matchWord(text, pos + 1, u.word, u.caseSensitive), code: u.code };
}

/** A currency written before the numeral at `pos` ("$", "US$", "USD ", "€"): its end. */
export function matchPrefixUnit(text: string, pos: number): UnitMatch | null {
  for (const u of candidates(PREFIX_INDEX, text[pos])) {
    const end = matchWordGlued(text, pos, u.word);
    if (end < 0) continue;
    return { end, written: text.slice(pos, end), kind: 'unit', info: { code: u.code, dimension: u.dimension } };
  }
  return null;
}

/** Like matchWord, but a code may be glued to the digits that follow ("USD1.2bn"). */
function matchWordGlued(text: string, pos: number, word: string): number {
  const got = text.slice(pos, pos + word.length);
  if (got.toUpperCase() !== word.toUpperCase()) return -1;
  const next = text[pos + word.length];
  if (isWordChar(next) && !/[0-9]/.test(next!)) return -1;
  return pos + word.length;
}

/** The prefix currency that ends exactly at `end` (for the scanner looking back from a digit). */
const PREFIX_LAST_CHARS = new Set(PREFIX_UNITS.map((u) => u.word[u.word.length - 1]!.toLowerCase()));

export function prefixEndingAt(text: string, end: number, floor: number): UnitWord | undefined {
  const last = text[end - 1];
  // most numbers have no currency before them: one set lookup says so
  if (last === undefined || !PREFIX_LAST_CHARS.has(last.toLowerCase())) return undefined;
  return PREFIX_UNITS.find((u) => {
    const start = end - u.word.length;
    if (start < floor) return false;
    if (text.slice(start, end).toUpperCase() !== u.word.toUpperCase()) return false;
    // a letter code must start a word: "USD5" yes, "XUSD5" no; a symbol may follow a letter code ("US$")
    return !isWordChar(text[start - 1]) || !isWordChar(u.word[0]);
  });
}

/** The canonical unit of a percentage, of percentage points, and of a prefix or suffix unit word. */
export const PERCENT_UNIT: UnitInfo = { code: '%', dimension: 'percent' };
export const PP_UNIT: UnitInfo = { code: 'pp', dimension: 'pp' };

/**
 * The canonical unit of a unit as a figure file writes it (`unit: "tấn"`, `"USD"`, `"%"`), when the
 * table knows it; a leading scale word is no part of the unit (`"tỷ đồng"` is VND). For the
 * dimension checks of expressions over figures that carry a `unit:` rather than a written one.
 */
export function unitInfoOf(written: string, locale: Locale, skipScale: (text: string) => number = () => 0): UnitInfo | undefined {
  const text = written.normalize('NFC').trim();
  const at = skipSpaces(text, skipScale(text));
  const m = matchSuffixUnit(text, at, locale) ?? matchPrefixUnit(text, at);
  return m && m.end === text.length ? m.info : undefined;
}

/** Written first by formatNumber unless the style says otherwise (en convention): symbols only. */
export function isPrefixSymbol(unit: string): boolean {
  return PREFIX_UNITS.some((u) => u.word === unit && !/^[A-Z]/.test(u.word));
}

/** The unit word for percentage points as formatNumber writes it when the style says only "pp". */
export function isPpWord(unit: string | undefined): boolean {
  return unit !== undefined && SUFFIX_UNITS.some((u) => u.kind === 'pp' && u.word.toLowerCase() === unit.toLowerCase());
}
