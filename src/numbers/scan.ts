/**
 * Finding every number in a document, in order, and saying what kind of token it is.
 *
 * Coverage (DESIGN §3.8) needs every digit run accounted for, so the scanner never drops one:
 * each lands in exactly one WrittenNumber. Only `quantity` and `range` bear claims; the others
 * are classified (year, date, document-number, name, ordinal, identifier, label) and `malformed`
 * numerals carry their problem. Numbers written in words are found too (words.ts). Roman
 * numerals ("XIII", "quý II") are words, not numbers, and never appear.
 *
 * Order of tests at a digit, and why (each token's `why` names the test that decided it):
 *  1. inside a URL or an e-mail address → identifier: "/2023/report-5" counts nothing;
 *  2. glued to a word on the left ("COVID-19", "H5N1", "G20") → identifier, unless the word is a
 *     currency code ("USD1.2bn"); "Q2", "H1" → date, "FY2023" → year;
 *  3. a phone number ("+84 912 345 678", "0912.345.678", after "Tel:") → identifier;
 *  4. a document number ("23-CTr/TU", "1234/QĐ-UBND") before dates, because "10/2018/NĐ-CP"
 *     starts like a date;
 *  5. a date or time ("27/8/2021", "8/2021", "2021-08-27", "ngày 27/8", "tháng 11", "quý 2",
 *     "January 5", "9 a.m.") before ranges, because "27-8-2021" would otherwise read as a range;
 *  6. a ratio "1:3", "2:1", "1:50.000", or a time "10:30" — a colon between a 0–23 hour and two
 *     minute digits is a time unless a ratio word (tỷ lệ, ratio, scale) comes just before; "a/b"
 *     after a ratio word or before a count noun or "of"/"số" is a ratio, a bare d/m a date
 *     (see slashAt);
 *  7. a section number "1.2.3", or a numbered item at the start of a line → label;
 *  8. an ordinal ("thứ 3", "hạng 2", "21st");
 *  9. a number expression (read.ts): after a label word and bare ("Hình 1", "Top 10") → label, or
 *     after a road word ("Quốc lộ 4B") → name; unreadable for the locale (",5%", "1.5" in
 *     vi-VN) → malformed; glued to letters on the right ("4B") → identifier; a bare 4-digit
 *     1900–2100 → year, two such joined → a year range; "from X to Y", "between X and Y",
 *     "từ X đến Y" → a range whose ends share the scale and unit; after a verb of motion
 *     ("rose from 100 to 109.4 billion", "tăng từ 5 lên 7 tỷ") two quantities, the first taking
 *     the scale of the second; otherwise a quantity or a range.
 */
import Fraction from 'fraction.js';
import type { Locale, WrittenNumber } from '../model.js';
import { isWordChar, matchWord, prevWord, skipSpaces } from './text.js';
import { prefixEndingAt } from './units.js';
import {
  exprToWritten,
  inheritedBy,
  isFail,
  leadingSeparatorAt,
  leadingSeparatorProblem,
  parseExpr,
  rawNumeralEnd,
  RANGE_JOINERS,
  ratioToWritten,
  sharedWords,
  singleToWritten,
  type ExprParse,
  type SingleParse,
} from './read.js';
import { bareDayMonth, dateAt, timeAt } from './scan-dates.js';
import { classified, gluedIdentifier, labelAt, phoneAt, sectionAt, urlAround } from './scan-labels.js';
import { parseWordNumber, startsWordNumber, wordToWritten } from './words.js';
import { matchSuffixUnit } from './units.js';

const DIGIT = /[0-9]/;
const LETTER = /[\p{L}\p{M}]/u;
const CONNECTORS = '-_';
const SIGNS = '-−+';

const DOC_NUMBER = /[0-9]+(?:\/[0-9]+)*[-/]\p{Lu}[\p{L}\p{M}]+(?:[-/.][\p{L}\p{M}0-9]+)*/uy;
const ORDINAL_EN = /[0-9]+(?:st|nd|rd|th)(?![\p{L}\p{M}0-9])/uy;
const BEFORE_ORDINAL_VI = /(?:^|[^\p{L}\p{M}])(?:thứ|hạng)[ \t\u00a0\u202f\u2009\n]+$/iu;
const RATIO_COLON = /([0-9]+(?:[.,][0-9]{3})*)([ \t]?:[ \t]?)([0-9]+(?:[.,][0-9]{3})*)(?![0-9:])/y;
const SLASH = /([0-9]+)\/([0-9]+)(?![0-9/])/y;
const RATIO_WORD_BEFORE = /(?:tỷ[ \t\u00a0\u202f\u2009\n]+lệ|tỉ[ \t\u00a0\u202f\u2009\n]+lệ|tỷ[ \t\u00a0\u202f\u2009\n]+số|tỉ[ \t\u00a0\u202f\u2009\n]+số|ratio|scale|proportion)(?:[ \t\u00a0\u202f\u2009\n]+[\p{L}\p{M}]+){0,4}[ \t\u00a0\u202f\u2009\n:]*(?:là|of|is|was|at|bằng)?[ \t\u00a0\u202f\u2009\n]*$/iu;
const OF_AFTER = /[ \t\u00a0\u202f\u2009\n]+(?:of|số|trong[ \t\u00a0\u202f\u2009\n]+số|tổng[ \t\u00a0\u202f\u2009\n]+số)(?![\p{L}])/iuy;
const DATE_WORD_BEFORE = /(?:dịp|lễ|ngày|hôm|sáng|chiều|tối|on|since|until|by)[ \t\u00a0\u202f\u2009\n]+$/iu;
/** "30/4 - 1/5": the second day/month of a span of dates. */
const DATE_RANGE_BEFORE = /[0-9]{1,2}\/[0-9]{1,2}[ \t\u00a0\u202f\u2009\n]*(?:[-–—]|đến|to)[ \t\u00a0\u202f\u2009\n]*$/u;
const MOTION_BEFORE_FROM = new Set([
  'rose', 'rise', 'rises', 'risen', 'rising', 'grew', 'grow', 'grows', 'grown', 'growing', 'increased', 'increase', 'increases',
  'increasing', 'fell', 'fall', 'falls', 'fallen', 'falling', 'dropped', 'drop', 'drops', 'declined', 'decline', 'declines',
  'decreased', 'decrease', 'decreases', 'jumped', 'climbed', 'surged', 'soared', 'slipped', 'slid', 'shrank', 'went', 'up',
  'down', 'moved', 'tăng', 'giảm', 'nâng', 'hạ', 'lên', 'xuống', 'trưởng',
]);
/** "tăng từ 5 lên 7 tỷ", "giảm từ 12 xuống còn 9%": the change's words between its two ends. */
const CHANGE_JOINERS = ['xuống còn', 'xuống', 'lên', 'còn'];
const PUNCT_BEFORE_SEPARATOR = /[\s([{"“'‘:;=~≈<>]/u;

const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && DIGIT.test(c);
const between = (x: number, lo: number, hi: number): boolean => x >= lo && x <= hi;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** Every number of `text`, in order, each with its kind and a span into `text`. */
export function scanNumbers(text: string, locale: Locale): WrittenNumber[] {
  // Spans must point into the document as given, and the word tables are NFC: refuse to guess.
  if (text.normalize('NFC') !== text) throw new RangeError('scanNumbers needs NFC-normalised text; normalise the document first');
  const out: WrittenNumber[] = [];
  let floor = 0;
  let i = 0;
  const push = (ws: WrittenNumber[]): void => {
    for (const w of ws) out.push(w);
    const last = ws[ws.length - 1]!;
    floor = last.span.end;
    i = Math.max(last.span.end, i + 1);
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (isDigit(ch)) {
      push(digitTokens(text, i, floor, locale));
    } else if (leadingSeparatorAt(text, i) && (i === 0 || PUNCT_BEFORE_SEPARATOR.test(text[i - 1]!)) && !isDigit(text[i - 1])) {
      push([malformedAt(text, i, locale)]);
    } else if (isLetter(ch)) {
      const end = wordEnd(text, i);
      const p = !isWordChar(text[i - 1]) && startsWordNumber(text.slice(i, end).toLowerCase()) ? parseWordNumber(text, i, locale) : null;
      if (p) push([wordToWritten(text, p)]);
      else i = end;
    } else {
      i++;
    }
  }
  return out;
}

const WORD_RUN = /[\p{L}\p{M}]+/uy;
function wordEnd(text: string, i: number): number {
  WORD_RUN.lastIndex = i;
  return WORD_RUN.exec(text) ? WORD_RUN.lastIndex : i + 1;
}

/** ",5%", ".5": an error with its position, never 5. The token spans the separator, numeral and its suffixes. */
function malformedAt(text: string, i: number, locale: Locale): WrittenNumber {
  const e = parseExpr(text, i + 1, locale);
  const end = isFail(e) ? rawNumeralEnd(text, i + 1) : e.end;
  const w = classified(text, i, end, 'malformed', 'malformed: a numeral that starts with a separator', i + 1);
  w.problem = leadingSeparatorProblem(text, i, locale);
  w.value = new Fraction(0);
  return w;
}

function digitTokens(text: string, i: number, floor: number, locale: Locale): WrittenNumber[] {
  const url = urlAround(text, i, floor);
  if (url) return [url];
  const prev = text[i - 1];
  const glued = i > floor && (isLetter(prev) || (CONNECTORS.includes(prev ?? '') && isLetter(text[i - 2])));
  if (glued && !prefixEndingAt(text, i, floor)) return [gluedIdentifier(text, i, floor)];
  const phone = phoneAt(text, i);
  if (phone && phone.span.start >= floor) return [phone];
  const doc = sticky(DOC_NUMBER, text, i);
  if (doc) {
    const w = classified(text, i, i + doc[0].length, 'document-number', 'document-number: number/ISSUER code');
    return [w];
  }
  const before = text.slice(Math.max(0, i - 16), i);
  const d = dateAt(text, i, locale, before);
  if (d) return [d];
  const colon = colonAt(text, i, locale);
  if (colon) return [colon];
  const slash = slashAt(text, i, locale);
  if (slash) return [slash];
  const section = sectionAt(text, i);
  if (section) return [section];
  const ord = sticky(ORDINAL_EN, text, i);
  if (ord) return [classified(text, i, i + ord[0].length, 'ordinal', 'ordinal: a digit ordinal (21st)')];
  if (BEFORE_ORDINAL_VI.test(before)) {
    let e = i;
    while (isDigit(text[e])) e++;
    const decimalNext = (text[e] === '.' || text[e] === ',') && isDigit(text[e + 1]);
    if (!isWordChar(text[e]) && !decimalNext) return [classified(text, i, e, 'ordinal', `ordinal: a number after "${/(\p{L}+)[ \t\u00a0\u202f\u2009\n]+$/u.exec(before)?.[1]}"`)];
  }
  return numberTokens(text, i, floor, locale);
}

/** "1:3", "2:1", "1:50.000" → a ratio; "10:30" → a time, unless a ratio word comes before. */
function colonAt(text: string, i: number, locale: Locale): WrittenNumber | null {
  const m = sticky(RATIO_COLON, text, i);
  if (!m) return null;
  const ratioWord = RATIO_WORD_BEFORE.test(text.slice(Math.max(0, i - 48), i));
  if (m[2] !== ':' && !ratioWord) return null;
  if (!ratioWord) {
    const t = timeAt(text, i);
    if (t && t.span.end === i + m[0].length) return t;
  }
  const why = ratioWord ? 'ratio: a:b after a ratio word' : 'ratio: a:b (not a time: no hh:mm with two minute digits)';
  return ratioToWritten(text, i, i + m[0].length, m[1]!, m[3]!, locale, why);
}

/**
 * "a/b": after a ratio word ("tỷ lệ 1/3") or before a count noun or "of" ("5/7 chỉ tiêu", "3/4 of")
 * a ratio; after a date word ("dịp 30/4") or a bare valid day/month with a ≥ b ("30/4") a date;
 * "1/3", "2/5" (a < b ≤ 10) a fraction; otherwise a date if it can be one.
 */
function slashAt(text: string, i: number, locale: Locale): WrittenNumber | null {
  const m = sticky(SLASH, text, i);
  if (!m) return null;
  const end = i + m[0].length;
  const [a, b] = [Number(m[1]), Number(m[2])];
  const before = text.slice(Math.max(0, i - 48), i);
  const ratio = (why: string) => ratioToWritten(text, i, end, m[1]!, m[2]!, locale, why);
  if (RATIO_WORD_BEFORE.test(before)) return ratio('ratio: a/b after a ratio word');
  if (sticky(OF_AFTER, text, end) || (skipSpaces(text, end) > end && matchSuffixUnit(text, skipSpaces(text, end), locale)?.info.dimension === 'count')) {
    return ratio('ratio: a/b before "of" or a count noun (a out of b)');
  }
  if (DATE_WORD_BEFORE.test(text.slice(Math.max(0, i - 12), i)) || DATE_RANGE_BEFORE.test(before)) return bareDayMonth(text, i, locale) ?? ratio('ratio: a/b');
  if (a < b && b <= 10) return ratio('ratio: a fraction a/b (a < b ≤ 10, no date word before it)');
  return bareDayMonth(text, i, locale) ?? ratio('ratio: a/b');
}

/** The numeral's value alone (no scale or percent): enough to order the ends of a pair. */
const singleValue = (s: SingleParse): Fraction => new Fraction(s.digits, 10n ** BigInt(s.decimals));
const bare = (s: SingleParse): boolean => !s.negative && !s.scale && !s.unit && s.decimals === 0 && s.numEnd - s.numStart === s.digits.toString().length;
const yearLike = (text: string, s: SingleParse): boolean =>
  bare(s) && /^[0-9]{4}$/.test(text.slice(s.numStart, s.numEnd)) && between(Number(s.digits), 1900, 2100);
/** Glued to letters on the right ("4B", "5-G"), so part of a name. */
const gluedRight = (text: string, s: SingleParse): boolean =>
  s.end === s.numEnd && (isLetter(text[s.end]) || (CONNECTORS.includes(text[s.end] ?? '') && isLetter(text[s.end + 1])));
/** No unit, scale or percent: what a label or a name can be (an en decimal "Figure 1.2" too). */
const labelShaped = (text: string, s: SingleParse): boolean => !s.negative && !s.scale && !s.unit && !text.slice(s.numStart, s.numEnd).includes(',');

/** Where a number starting with the digit at `i` really starts: a sign and/or a currency before it. */
function expressionStart(text: string, i: number, floor: number): number {
  let s = i;
  const signAt = (p: number): boolean =>
    p - 1 >= floor && SIGNS.includes(text[p - 1]!) && !isWordChar(text[p - 2]) && !isDigit(text[p - 2]);
  if (signAt(s) && prefixEndingAt(text, s - 1, floor)) s--;
  const pre = prefixEndingAt(text, s, floor);
  const spaced = text[s - 1] === ' ' ? prefixEndingAt(text, s - 1, floor) : undefined;
  if (pre) s -= pre.word.length;
  // "USD 1.2 billion", "VND 5 tỷ": a letter code, then a space
  else if (spaced && /^[A-Z]{3}$/u.test(spaced.word)) s -= 1 + spaced.word.length;
  if (signAt(s)) s--;
  return s;
}

/** After the number at `end`, a "/" or ":" and a digit: the number is part of a date, not an end of a range. */
const continuesAsDate = (text: string, end: number): boolean => (text[end] === '/' || text[end] === ':') && isDigit(text[end + 1]);

function numberTokens(text: string, i: number, floor: number, locale: Locale): WrittenNumber[] {
  const start = expressionStart(text, i, floor);
  const opener = prevWord(text, start);
  const joiners = opener ? RANGE_JOINERS[opener.word] ?? [] : [];
  const motion = opener && (opener.word === 'from' || opener.word === 'từ') ? prevWord(text, opener.start) : null;
  const isChange = motion !== null && MOTION_BEFORE_FROM.has(motion.word);
  const e = parseExpr(text, start, locale, isChange ? [] : joiners);
  if (isFail(e)) {
    const label = labelAt(text, i);
    if (label) return [label];
    const end = rawNumeralEnd(text, i);
    const w = classified(text, i, end, 'malformed', `malformed: not a ${locale} numeral`);
    w.problem = e.message;
    w.value = new Fraction(0);
    return [w];
  }
  if (labelShaped(text, e.lo)) {
    const label = labelAt(text, i);
    if (label) return [label];
  }
  if (gluedRight(text, e.lo)) return [gluedIdentifier(text, i, floor)];
  let expr: ExprParse = e;
  if (e.hi && e.joiner && e.joiner.length > 1 && continuesAsDate(text, e.hi.end)) expr = { start: e.start, end: e.lo.end, lo: e.lo };
  // "won 3-2", "10-5": a descending pair is no range (a score, a ratio of sorts): two numbers.
  if (expr.hi && !expr.hi.negative && !expr.lo.negative && singleValue(expr.lo).gt(singleValue(expr.hi)) && !yearLike(text, expr.lo)) {
    expr = { start: e.start, end: e.lo.end, lo: e.lo };
  }
  if (expr.hi) {
    const e = expr as Required<ExprParse>;
    const { lo, hi } = e;
    // "2019-20" continues the year: a year range; "2020-05" does not: year and month.
    const twoDigits = /^[0-9]{2}$/.test(text.slice(hi.numStart, hi.numEnd)) && !hi.negative && !hi.scale && !hi.unit;
    if (yearLike(text, lo) && twoDigits && text.slice(lo.end, hi.start) === '-') {
      const full = (lo.digits / 100n) * 100n + hi.digits;
      if (full > lo.digits) {
        const w = exprToWritten(text, e, 'year');
        w.range![1].value = new Fraction(full);
        w.why = 'year: a year range yyyy-yy';
        return [w];
      }
      if (between(Number(hi.digits), 1, 12)) {
        const date = classified(text, e.start, e.end, 'date', 'date: yyyy-mm');
        date.value = new Fraction(lo.digits * 10000n + hi.digits * 100n);
        return [date];
      }
    }
    const years = yearLike(text, lo) && yearLike(text, hi);
    if (years) return [withWhy(exprToWritten(text, e, 'year'), 'year: a range of years')];
    if (gluedRight(text, hi) || yearLike(text, lo) || yearLike(text, hi)) expr = { start: e.start, end: lo.end, lo };
  }
  if (!expr.hi && yearLike(text, expr.lo)) return [withWhy(exprToWritten(text, expr, 'year'), 'year: a bare 4-digit number 1900–2100')];
  if (isChange && !expr.hi) {
    const change = changeFrom(text, expr, locale);
    if (change) return change;
  }
  const w = exprToWritten(text, expr);
  w.why = whyQuantity(w, expr.joiner);
  return [w];
}

/** "rose from 100 to 109.4 billion", "tăng từ 5 lên 7 tỷ": two quantities; the first shares the second's scale and unit. */

/** The number, with why it was classified (set in place: a spread would give it a hidden class of its own). */
function withWhy(w: WrittenNumber, why: string): WrittenNumber {
  w.why = why;
  return w;
}

function changeFrom(text: string, first: ExprParse, locale: Locale): WrittenNumber[] | null {
  let q = skipSpaces(text, first.end);
  const joiner = [...CHANGE_JOINERS, 'to', 'đến', 'tới'].find((j) => matchWord(text, q, j) > q);
  if (!joiner) return null;
  q = skipSpaces(text, matchWord(text, q, joiner));
  const second = parseExpr(text, q, locale);
  if (isFail(second) || second.hi || yearLike(text, second.lo) || continuesAsDate(text, second.end)) return null;
  const from = inheritedBy(first.lo, second.lo);
  const shared = sharedWords(first.lo, from);
  const a = singleToWritten(text, first.lo, 'quantity', from);
  a.why = shared
    ? `quantity: the start of a change "from … ${joiner} …"; "${shared}" of the end applies to it`
    : 'quantity: the start of a change "from … to …"';
  const b = singleToWritten(text, second.lo, 'quantity');
  b.why = `quantity: the end of a change "from … ${joiner} …"`;
  return [a, b];
}

/** Reasons of quantities by scale word and unit (both from the readers' word tables: a bounded set). */
const QUANTITY_REASONS = new Map<string, string>();

function whyQuantity(w: WrittenNumber, joiner: string | undefined): string {
  if (w.kind === 'range') {
    const shared = w.range && w.range[0].scaleWord && !w.range[0].text.includes(w.range[0].scaleWord) ? ` ("${w.range[0].scaleWord}" of the upper end applies to both)` : '';
    const ambiguous = joiner === 'to' || joiner === 'đến' || joiner === 'tới' ? '; it could also be a change from one to the other — state a rule on the end you mean with `number:`' : '';
    return `range: two numbers joined by "${joiner ?? '-'}"${shared}${ambiguous}`;
  }
  // A document's quantities share a handful of reasons: each is written once (a long document has
  // hundreds of thousands of numbers, and the reason stays with each).
  const key = `${w.scaleWord ?? ''}\0${w.unitInfo?.code ?? ''}`;
  let why = QUANTITY_REASONS.get(key);
  if (why === undefined) {
    why = 'quantity: a numeral in the locale' + (w.scaleWord ? `, scale "${w.scaleWord}"` : '') + (w.unitInfo ? `, unit ${w.unitInfo.code}` : '');
    QUANTITY_REASONS.set(key, why);
  }
  return why;
}
