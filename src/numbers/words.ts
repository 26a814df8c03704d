/**
 * Numbers written in words: fractions ("một nửa", "hai phần ba", "two thirds", "a quarter"),
 * multiples ("gấp đôi", "gấp rưỡi", "twice", "doubled", "threefold"), English cardinals ("five",
 * "twenty-five", "two hundred", "five million") and ordinal words ("thứ ba", "hạng nhì", "third
 * largest").
 *
 * What is scanned, and why so little: Vietnamese "một", "hai", "ba" … are everywhere ("một số",
 * "một trong những", "ba bên"), so Vietnamese cardinals are read ONLY inside a fraction
 * ("<số> phần <số>", "một nửa") or a multiple ("gấp <số> [lần]"), and as ordinals after "thứ" /
 * "hạng". English cardinals are read from "two" up (and "one"/"zero" only before a scale word,
 * "hundred" or a percent: "one million", "zero per cent"), never as part of a hyphenated
 * adjective ("two-way", "five-star") or an ordinal ("twenty-first"). English ordinal words are
 * read only where they rank ("third largest", "second-biggest", "the third quarter"): "first" in
 * prose is not a number. "a third", "a fifth" are fractions only when "of", a comparative or the
 * end of the clause follows ("a third of", "cut by a third"); "a third term" is an ordinal use.
 *
 * Values are exact (Fraction from integers); the written form says how a claim is read
 * (WrittenForm in model.ts).
 */
import Fraction from 'fraction.js';
import { lookupTable } from '../lookup.js';
import type { Locale, UnitInfo, WrittenForm, WrittenNumber } from '../model.js';
import { matchScale, type ScaleMatch } from './locale.js';
import { isWordChar, skipSpaces } from './text.js';
import { matchSuffixUnit, PERCENT_UNIT, type UnitMatch } from './units.js';

export interface WordParse {
  start: number;
  end: number;
  /** End of the words that make the number (before any scale or unit). */
  wordsEnd: number;
  value: Fraction;
  form: Exclude<WrittenForm, 'numeral' | 'ratio'>;
  kind: 'quantity' | 'ordinal';
  scale?: ScaleMatch;
  unit?: UnitMatch;
  unitInfo?: UnitInfo;
  why: string;
}

const VI_CARDINALS: Record<string, number> = lookupTable({
  một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9, mười: 10,
});
const VI_DENOMINATORS: Record<string, number> = lookupTable({ ...VI_CARDINALS, tư: 4, trăm: 100, nghìn: 1000, ngàn: 1000 });
delete VI_DENOMINATORS['một'];
const VI_ORDINALS: Record<string, number> = lookupTable({ ...VI_CARDINALS, nhất: 1, nhì: 2, tư: 4 });
delete VI_ORDINALS['một'];

const EN_ONES: Record<string, number> = lookupTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
});
const EN_TENS: Record<string, number> = lookupTable({ twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 });
const EN_NUMERATORS: Record<string, number> = lookupTable({ a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 });
const EN_DENOMINATORS: Record<string, [number, 'singular' | 'plural']> = lookupTable({
  half: [2, 'singular'], halves: [2, 'plural'], third: [3, 'singular'], thirds: [3, 'plural'], quarter: [4, 'singular'],
  quarters: [4, 'plural'], fourth: [4, 'singular'], fourths: [4, 'plural'], fifth: [5, 'singular'], fifths: [5, 'plural'],
  sixth: [6, 'singular'], sixths: [6, 'plural'], seventh: [7, 'singular'], sevenths: [7, 'plural'], eighth: [8, 'singular'],
  eighths: [8, 'plural'], ninth: [9, 'singular'], ninths: [9, 'plural'], tenth: [10, 'singular'], tenths: [10, 'plural'],
});
const EN_ORDINALS: Record<string, number> = lookupTable({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20,
});
const EN_MULTIPLES: Record<string, [number, number]> = lookupTable({
  twice: [2, 1], thrice: [3, 1], doubled: [2, 1], doubles: [2, 1], doubling: [2, 1], tripled: [3, 1], triples: [3, 1],
  tripling: [3, 1], trebled: [3, 1], quadrupled: [4, 1], halved: [1, 2], halving: [1, 2],
});
/** Words after an ordinal that show it ranks: "third largest", "the second quarter". */
const EN_RANKED = new Set(['quarter', 'half', 'place', 'position', 'rank', 'term', 'round', 'phase', 'stage', 'year', 'consecutive', 'most', 'least', 'largest', 'biggest', 'highest', 'lowest', 'smallest']);
const COMPARATIVE_AFTER = new Set(['of', 'more', 'less', 'fewer', 'higher', 'lower', 'larger', 'smaller', 'bigger', 'greater', 'above', 'below']);
const WORD = /[\p{L}\p{M}]+/uy;

/** The lower-cased word at `pos` and its end, if a word starts there. */
function wordAt(text: string, pos: number): { w: string; end: number } | null {
  if (pos > 0 && isWordChar(text[pos - 1])) return null;
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  if (!m || isWordChar(text[WORD.lastIndex])) return null;
  return { w: m[0].toLowerCase(), end: WORD.lastIndex };
}

/** The next word after spaces (or, with `hyphen`, a hyphen) at `pos`. */
function nextWordAt(text: string, pos: number, hyphen = false): { w: string; start: number; end: number } | null {
  let p = skipSpaces(text, pos);
  if (p === pos) {
    if (!hyphen || text[pos] !== '-') return null;
    p = pos + 1;
  }
  const n = wordAt(text, p);
  return n ? { ...n, start: p } : null;
}

const digitNext = (text: string, pos: number): boolean => /[0-9]/.test(text[skipSpaces(text, pos)] ?? '');

function make(start: number, end: number, value: Fraction, form: WordParse['form'], kind: WordParse['kind'], why: string, unitInfo?: UnitInfo): WordParse {
  return { start, end, wordsEnd: end, value, form, kind, why, ...(unitInfo ? { unitInfo } : {}) };
}

const FRACTION: UnitInfo = { code: 'fraction', dimension: 'percent' };
const TIMES: UnitInfo = { code: 'times', dimension: 'percent' };

/** A number written in words starting at `pos` (the start of a word), if any. */
export function parseWordNumber(text: string, pos: number, locale: Locale): WordParse | null {
  const first = wordAt(text, pos);
  if (!first) return null;
  return viWords(text, pos, first) ?? enWords(text, pos, first, locale);
}

function viWords(text: string, pos: number, first: { w: string; end: number }): WordParse | null {
  const { w } = first;
  const second = nextWordAt(text, first.end);
  if (w === 'một' && second?.w === 'nửa') return make(pos, second.end, new Fraction(1, 2), 'fraction', 'quantity', 'fraction in words: một nửa = 1/2', FRACTION);
  if (VI_CARDINALS[w] !== undefined && second?.w === 'phần') {
    const den = nextWordAt(text, second.end);
    const d = den ? VI_DENOMINATORS[den.w] : undefined;
    // "một phần năm 2023" is "a part of the year 2023", not a fifth.
    if (den && d !== undefined && !(den.w === 'năm' && digitNext(text, den.end))) {
      // "năm phần trăm" is 5 %: the value is written in percent, as for "5%".
      if (d === 100) return make(pos, den.end, new Fraction(VI_CARDINALS[w]!), 'word', 'quantity', `percent in words: ${w} phần trăm = ${VI_CARDINALS[w]}%`, PERCENT_UNIT);
      const v = new Fraction(VI_CARDINALS[w]!, d);
      return make(pos, den.end, v, 'fraction', 'quantity', `fraction in words: ${w} phần ${den.w} = ${v.toFraction()}`, FRACTION);
    }
  }
  if (w === 'gấp' && second) {
    let value: Fraction | undefined;
    let end = second.end;
    if (second.w === 'đôi') value = new Fraction(2);
    else if (second.w === 'rưỡi') value = new Fraction(3, 2);
    else if (VI_CARDINALS[second.w] !== undefined && !(second.w === 'năm' && digitNext(text, second.end))) value = new Fraction(VI_CARDINALS[second.w]!);
    if (value) {
      const lan = nextWordAt(text, end);
      if (lan?.w === 'lần' && second.w !== 'đôi' && second.w !== 'rưỡi') end = lan.end;
      const ruoi = nextWordAt(text, end);
      if (ruoi?.w === 'rưỡi' && second.w !== 'rưỡi' && second.w !== 'đôi') {
        value = value.add(new Fraction(1, 2));
        end = ruoi.end;
      }
      return make(pos, end, value, 'multiple', 'quantity', `multiple in words: ${text.slice(pos, end)} = ${value.toFraction()}`, TIMES);
    }
  }
  if ((w === 'thứ' || w === 'hạng') && second && VI_ORDINALS[second.w] !== undefined) {
    return make(pos, second.end, new Fraction(VI_ORDINALS[second.w]!), 'word', 'ordinal', `ordinal in words after "${w}"`);
  }
  return null;
}

/** A cardinal from "two" to "nine hundred and ninety-nine" at `pos`: value and end. */
function enCardinal(text: string, pos: number, first: { w: string; end: number }): { value: number; end: number } | null {
  let value: number;
  let end = first.end;
  if (EN_ONES[first.w] !== undefined) value = EN_ONES[first.w]!;
  else if (EN_TENS[first.w] !== undefined) {
    value = EN_TENS[first.w]!;
    const unit = nextWordAt(text, end, true);
    const u = unit ? EN_ONES[unit.w] : undefined;
    if (unit && u !== undefined && u >= 1 && u <= 9) {
      value += u;
      end = unit.end;
    }
  } else return null;
  const hundred = nextWordAt(text, end);
  if (hundred?.w === 'hundred' && value >= 1 && value <= 9) {
    value *= 100;
    end = hundred.end;
    let rest = nextWordAt(text, end);
    if (rest?.w === 'and') rest = nextWordAt(text, rest.end);
    if (rest) {
      const more = enCardinal(text, rest.start, rest);
      if (more && more.value >= 1 && more.value <= 99) {
        value += more.value;
        end = more.end;
      }
    }
  }
  return { value, end };
}

function enWords(text: string, pos: number, first: { w: string; end: number }, locale: Locale): WordParse | null {
  const { w } = first;
  // fractions: "two thirds", "two-thirds", "a quarter", "one half", "half"
  const numerator = EN_NUMERATORS[w];
  if (numerator !== undefined) {
    const den = nextWordAt(text, first.end, true);
    const d = den ? EN_DENOMINATORS[den.w] : undefined;
    if (den && d && (numerator === 1) === (d[1] === 'singular')) {
      // "a third term", "a fifth consecutive year": ordinal uses of "a <ordinal>".
      const ordinalUse = w === 'a' && d[0] >= 3 && d[0] !== 4 && !fractionFollows(text, den.end, nextWordAt(text, den.end)?.w);
      if (!ordinalUse) {
        const v = new Fraction(numerator, d[0]);
        return make(pos, den.end, v, 'fraction', 'quantity', `fraction in words: ${text.slice(pos, den.end)} = ${v.toFraction()}`, FRACTION);
      }
    }
  }
  if (w === 'half') {
    const before = text.slice(Math.max(0, pos - 16), pos).toLowerCase();
    const ordinalBefore = /(first|second|last|latter|other)\s+$/u.test(before) || /(first|second)-$/u.test(before);
    if (!ordinalBefore && text[first.end] !== '-') return make(pos, first.end, new Fraction(1, 2), 'fraction', 'quantity', 'fraction in words: half = 1/2', FRACTION);
  }
  // multiples: "twice", "doubled", "threefold", "three-fold"
  const mult = EN_MULTIPLES[w];
  if (mult) return make(pos, first.end, new Fraction(mult[0], mult[1]), 'multiple', 'quantity', `multiple in words: ${w}`, TIMES);
  const fold = /^(.+?)-?fold$/u.exec(w);
  if (fold && (EN_ONES[fold[1]!] ?? EN_TENS[fold[1]!] ?? (fold[1] === 'hundred' ? 100 : undefined)) !== undefined) {
    const v = EN_ONES[fold[1]!] ?? EN_TENS[fold[1]!] ?? 100;
    return make(pos, first.end, new Fraction(v), 'multiple', 'quantity', `multiple in words: ${w}`, TIMES);
  }
  if (EN_ONES[w] !== undefined && text[first.end] === '-' && nextWordAt(text, first.end, true)?.w === 'fold') {
    const f = nextWordAt(text, first.end, true)!;
    return make(pos, f.end, new Fraction(EN_ONES[w]!), 'multiple', 'quantity', `multiple in words: ${text.slice(pos, f.end)}`, TIMES);
  }
  // ordinals that rank: "third largest", "second-biggest", "the third quarter"
  const ord = EN_ORDINALS[w];
  if (ord !== undefined) {
    const next = nextWordAt(text, first.end, true);
    if (next && (EN_RANKED.has(next.w) || /.{2,}est$/u.test(next.w))) return make(pos, first.end, new Fraction(ord), 'word', 'ordinal', `ordinal word before "${next.w}"`);
    return null;
  }
  // cardinals
  const card = enCardinal(text, pos, first);
  if (!card) return null;
  let end = card.end;
  // "twenty-first" is an ordinal, "two-way" an adjective: not quantities.
  if (text[end] === '-' && isWordChar(text[end + 1])) {
    const next = nextWordAt(text, end, true);
    if (next && EN_ORDINALS[next.w] !== undefined) return make(pos, next.end, new Fraction(card.value - EN_TENS[w]! + EN_ORDINALS[next.w]!), 'word', 'ordinal', 'ordinal in words');
    if (!next || !matchSuffixUnit(text, end, locale, true)) return null;
  }
  let value = new Fraction(card.value);
  let why = `cardinal in words: ${text.slice(pos, end)} = ${card.value}`;
  const andHalf = /^\s+and\s+a\s+half\b/iu.exec(text.slice(end, end + 16));
  if (andHalf) {
    value = value.add(new Fraction(1, 2));
    end += andHalf[0].length;
    why = `cardinal in words: ${text.slice(pos, end)} = ${value.toFraction()}`;
  }
  const p: WordParse = make(pos, end, value, 'word', 'quantity', why);
  const scaleAt = skipSpaces(text, end);
  const scale = scaleAt > end ? matchScale(text, scaleAt, locale) : null;
  if (scale) {
    p.scale = scale;
    p.end = scale.end;
  }
  const unitAt = skipSpaces(text, p.end);
  const unit = unitAt > p.end || text[unitAt] === '-' ? matchSuffixUnit(text, unitAt, locale, unitAt === p.end) : null;
  if (unit) {
    p.unit = unit;
    p.end = unit.end;
  }
  // "one" and "zero" only where they plainly quantify: "one million", "zero per cent".
  if ((card.value === 1 || card.value === 0) && !p.scale && unit?.kind !== 'percent' && nextWordAt(text, end)?.w !== 'hundred') return null;
  return p;
}

/** "a third of", "by a third.", "a fifth more": the fraction reading of "a <ordinal>". */
function fractionFollows(text: string, end: number, next: string | undefined): boolean {
  if (next !== undefined && COMPARATIVE_AFTER.has(next)) return true;
  const after = text[skipSpaces(text, end)];
  return after === undefined || /[.,;:!?)\]”"]/u.test(after);
}

/** The WrittenNumber of a number in words. */
export function wordToWritten(text: string, p: WordParse): WrittenNumber {
  let value = p.value;
  if (p.scale) value = value.mul(new Fraction(10n ** BigInt(p.scale.exponent)));
  const percent = p.unitInfo?.code === '%' || (p.unit !== undefined && p.unit.kind !== 'unit');
  if (percent) value = value.div(100);
  const w: WrittenNumber = {
    text: text.slice(p.start, p.end),
    span: { start: p.start, end: p.end },
    kind: p.kind,
    numeral: text.slice(p.start, p.wordsEnd),
    value,
    decimals: 0,
    scaleExponent: p.scale?.exponent ?? 0,
    percent,
    form: p.form,
    why: p.why,
  };
  if (p.scale) w.scaleWord = p.scale.word;
  if (p.unit) {
    if (p.unit.kind === 'unit') w.unit = p.unit.written;
    else if (p.unit.kind === 'pp') w.unit = 'pp';
    w.unitInfo = p.unit.kind === 'pp' ? { code: 'pp', dimension: 'pp' } : { ...p.unit.info };
  } else if (p.unitInfo) w.unitInfo = { ...p.unitInfo };
  return w;
}

/** First words that can start a number in words (cheap pre-check for the scanner). */
const FIRST_WORDS = new Set([
  'một', 'gấp', 'thứ', 'hạng', 'half', ...Object.keys(VI_CARDINALS), ...Object.keys(EN_NUMERATORS), ...Object.keys(EN_ONES),
  ...Object.keys(EN_TENS), ...Object.keys(EN_MULTIPLES), ...Object.keys(EN_ORDINALS),
]);

/** Can the (lower-cased) word start a number in words? */
export function startsWordNumber(word: string): boolean {
  return FIRST_WORDS.has(word) || word.endsWith('fold');
}
