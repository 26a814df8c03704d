/**
 * Finding every number in a document, in order, and saying what kind of token it is.
 *
 * Coverage (DESIGN §3.8) needs every digit run accounted for, so the scanner never drops one:
 * each lands in exactly one WrittenNumber. Only `quantity` and `range` bear claims; dates,
 * years, document numbers, names and ordinals are reported so a rule file can ignore them by
 * kind. Roman numerals ("XIII") are words, not numbers, and never appear.
 *
 * Order of tests at a digit, and why:
 *  1. glued to a word on the left ("H5N1", "COVID-19") → name: it is part of an identifier;
 *  2. document number ("23-CTr/TU", "1234/QĐ-UBND") before dates, because "10/2018/NĐ-CP"
 *     starts like a date;
 *  3. date ("27/8/2021", "8/2021", "2021-08-27", "ngày 27/8", and times "10:30") before
 *     ranges, because "27-8-2021" would otherwise read as a range;
 *  4. ordinal ("thứ 3", "21st");
 *  5. a number expression (read.ts): glued to letters on the right ("4B") or badly grouped for
 *     the locale ("1.5" in vi-VN) → name; a bare 4-digit 1900–2100 → year; two such joined
 *     by a dash → a year range; otherwise quantity or range.
 */
import Fraction from 'fraction.js';
import type { Locale, WrittenNumber } from '../model.js';
import { isWordChar, PREFIX_UNITS } from './locale.js';
import { exprToWritten, isFail, parseExpr, rawNumeralEnd, type ExprParse, type SingleParse } from './read.js';

const DIGIT = /[0-9]/;
const LETTER = /[\p{L}\p{M}]/u;
const CONNECTORS = '-_';
const SIGNS = '-−+';

const DOC_NUMBER = /[0-9]+(?:\/[0-9]+)*[-/]\p{Lu}[\p{L}\p{M}]+(?:[-/.][\p{L}\p{M}0-9]+)*/uy;
const DATE_DMY = /([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})(?![0-9])/y;
const DATE_ISO = /([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])/y;
const DATE_MY = /([0-9]{1,2})\/([0-9]{4})(?![0-9/])/y;
/** A time of day ("10:30", "7h30") is reported as a date: it is no more a claim than a date is. */
const TIME = /([01]?[0-9]|2[0-3])[:h]([0-5][0-9])(?![0-9:])/y;
const DATE_DM = /([0-9]{1,2})\/([0-9]{1,2})(?![0-9/])/y;
const ORDINAL_EN = /[0-9]+(?:st|nd|rd|th)(?![\p{L}\p{M}0-9])/uy;
const BEFORE_ORDINAL_VI = /(?:^|[^\p{L}\p{M}])thứ[ \t\u00a0]+$/iu;
const BEFORE_DAY_VI = /(?:^|[^\p{L}\p{M}])ngày[ \t\u00a0]+$/iu;

const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && DIGIT.test(c);
const between = (x: number, lo: number, hi: number): boolean => x >= lo && x <= hi;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function plain(text: string, start: number, end: number, kind: WrittenNumber['kind'], value: bigint, numeral: string): WrittenNumber {
  return { text: text.slice(start, end), span: { start, end }, kind, numeral, value: new Fraction(value), decimals: 0, scaleExponent: 0, percent: false };
}

/** The identifier around [from, to): word characters and - or _ between them. */
function identifier(text: string, from: number, to: number, floor: number): { start: number; end: number } {
  let s = from;
  while (s > floor && (isWordChar(text[s - 1]) || (CONNECTORS.includes(text[s - 1]!) && isWordChar(text[s - 2]) && s - 1 > floor))) s--;
  let e = to;
  while (e < text.length && (isWordChar(text[e]) || (CONNECTORS.includes(text[e]!) && isWordChar(text[e + 1])))) e++;
  return { start: s, end: e };
}

function name(text: string, digitAt: number, to: number, floor: number): WrittenNumber {
  let d = digitAt;
  while (isDigit(text[d])) d++;
  const { start, end } = identifier(text, digitAt, Math.max(to, d), floor);
  return plain(text, start, end, 'name', BigInt(text.slice(digitAt, d)), text.slice(digitAt, d));
}

/** Value yyyymmdd with unknown parts 0 (hhmm for a time): a sort key, nothing more is claimed. */
function date(text: string, pos: number, locale: Locale): WrittenNumber | null {
  const at = (m: RegExpExecArray, y: number, mo: number, d: number): WrittenNumber =>
    plain(text, pos, pos + m[0].length, 'date', BigInt(y * 10000 + mo * 100 + d), m[0]);
  let m = sticky(DATE_ISO, text, pos);
  if (m && between(+m[2]!, 1, 12) && between(+m[3]!, 1, 31)) return at(m, +m[1]!, +m[2]!, +m[3]!);
  m = sticky(DATE_DMY, text, pos);
  if (m) {
    const [a, b, y] = [+m[1]!, +m[3]!, +m[4]!];
    if (between(a, 1, 31) && between(b, 1, 12)) return at(m, y, b, a);
    if (locale === 'en' && between(a, 1, 12) && between(b, 1, 31)) return at(m, y, a, b);
  }
  m = sticky(DATE_MY, text, pos);
  if (m && between(+m[1]!, 1, 12) && between(+m[2]!, 1900, 2100)) return at(m, +m[2]!, +m[1]!, 0);
  m = sticky(TIME, text, pos);
  if (m) return plain(text, pos, pos + m[0].length, 'date', BigInt(+m[1]! * 100 + +m[2]!), m[0]);
  m = sticky(DATE_DM, text, pos);
  if (m && locale === 'vi-VN' && BEFORE_DAY_VI.test(text.slice(Math.max(0, pos - 12), pos))) {
    if (between(+m[1]!, 1, 31) && between(+m[2]!, 1, 12)) return at(m, 0, +m[2]!, +m[1]!);
  }
  return null;
}

/** Where a number starting with the digit at `i` really starts: a sign and/or "$" before it. */
function expressionStart(text: string, i: number, floor: number): number {
  let s = i;
  const signAt = (p: number): boolean =>
    p - 1 >= floor && SIGNS.includes(text[p - 1]!) && !isWordChar(text[p - 2]) && !isDigit(text[p - 2]);
  if (signAt(s) && PREFIX_UNITS.some((u) => text.slice(Math.max(floor, s - 1 - u.length), s - 1) === u)) s--;
  const pre = PREFIX_UNITS.find((u) => text.slice(Math.max(floor, s - u.length), s) === u && !isWordChar(text[s - u.length - 1]));
  if (pre) s -= pre.length;
  if (signAt(s)) s--;
  return s;
}

const bare = (s: SingleParse): boolean => !s.negative && !s.scale && !s.unit && s.decimals === 0 && s.numEnd - s.numStart === s.digits.toString().length;
const yearLike = (text: string, s: SingleParse): boolean =>
  bare(s) && /^[0-9]{4}$/.test(text.slice(s.numStart, s.numEnd)) && between(Number(s.digits), 1900, 2100);
/** Glued to letters on the right ("4B", "5-G"), so part of a name. */
const gluedRight = (text: string, s: SingleParse): boolean =>
  s.end === s.numEnd && (isLetter(text[s.end]) || (CONNECTORS.includes(text[s.end] ?? '') && isLetter(text[s.end + 1])));

function numberAt(text: string, i: number, floor: number, locale: Locale): WrittenNumber {
  const e = parseExpr(text, expressionStart(text, i, floor), locale);
  if (isFail(e)) return name(text, i, rawNumeralEnd(text, i), floor);
  if (gluedRight(text, e.lo)) return name(text, i, e.lo.numEnd, floor);
  let expr: ExprParse = e;
  if (e.hi) {
    const { lo, hi } = e;
    // "2019-20" continues the year: a year range; "2020-05" does not: year and month.
    const twoDigits = /^[0-9]{2}$/.test(text.slice(hi.numStart, hi.numEnd)) && !hi.negative && !hi.scale && !hi.unit;
    if (yearLike(text, lo) && twoDigits && text.slice(lo.end, hi.start) === '-') {
      const full = (lo.digits / 100n) * 100n + hi.digits;
      if (full > lo.digits) {
        const w = exprToWritten(text, e, 'year');
        w.range![1].value = new Fraction(full);
        return w;
      }
      if (between(Number(hi.digits), 1, 12)) return plain(text, e.start, e.end, 'date', lo.digits * 10000n + hi.digits * 100n, text.slice(e.start, e.end));
    }
    const years = yearLike(text, lo) && yearLike(text, hi);
    if (years) return exprToWritten(text, e, 'year');
    if (gluedRight(text, hi) || yearLike(text, lo) || yearLike(text, hi)) expr = { start: e.start, end: lo.end, lo };
  }
  if (!expr.hi && yearLike(text, expr.lo)) return exprToWritten(text, expr, 'year');
  return exprToWritten(text, expr);
}

/** Every number of `text`, in order, each with its kind and a span into `text`. */
export function scanNumbers(text: string, locale: Locale): WrittenNumber[] {
  // Spans must point into the document as given, and the word tables are NFC: refuse to guess.
  if (text.normalize('NFC') !== text) throw new RangeError('scanNumbers needs NFC-normalised text; normalise the document first');
  const out: WrittenNumber[] = [];
  let floor = 0;
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const w = tokenAt(text, i, floor, locale);
    out.push(w);
    floor = w.span.end;
    i = Math.max(w.span.end, i + 1);
  }
  return out;
}

function tokenAt(text: string, i: number, floor: number, locale: Locale): WrittenNumber {
  const prev = text[i - 1];
  const glued = i > floor && (isLetter(prev) || (CONNECTORS.includes(prev ?? '') && isLetter(text[i - 2])));
  if (glued) return name(text, i, i + 1, floor);
  const doc = sticky(DOC_NUMBER, text, i);
  if (doc) return plain(text, i, i + doc[0].length, 'document-number', BigInt(/^[0-9]+/.exec(doc[0])![0]), doc[0]);
  const d = date(text, i, locale);
  if (d) return d;
  const ord = locale === 'en' ? sticky(ORDINAL_EN, text, i) : null;
  if (ord) return plain(text, i, i + ord[0].length, 'ordinal', BigInt(/^[0-9]+/.exec(ord[0])![0]), ord[0]);
  if (locale === 'vi-VN' && BEFORE_ORDINAL_VI.test(text.slice(Math.max(0, i - 12), i))) {
    let e = i;
    while (isDigit(text[e])) e++;
    const decimalNext = (text[e] === '.' || text[e] === ',') && isDigit(text[e + 1]);
    if (!isWordChar(text[e]) && !decimalNext) return plain(text, i, e, 'ordinal', BigInt(text.slice(i, e)), text.slice(i, e));
  }
  return numberAt(text, i, floor, locale);
}
