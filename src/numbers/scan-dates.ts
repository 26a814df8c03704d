/**
 * Dates and times among the numbers of a document: "27/8/2021", "8/2021", "2021-08-27",
 * "ngày 27/8", "ngày 30", "tháng 11", "quý 2", "January 5", "5 January", "10:30", "7h30",
 * "9 a.m.". They are classified (kind `date`), never counted: a date is no claim.
 *
 * The value is a sort key yyyymmdd with unknown parts 0 (hhmm for a time); nothing more is claimed.
 */
import Fraction from 'fraction.js';
import type { Locale, WrittenNumber } from '../model.js';

const DATE_DMY = /([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})(?![0-9])/y;
const DATE_ISO = /([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])/y;
const DATE_MY = /([0-9]{1,2})\/([0-9]{4})(?![0-9/])/y;
/** A time of day ("10:30", "7h30") is reported as a date: it is no more a claim than a date is. */
export const TIME = /([01]?[0-9]|2[0-3])[:h]([0-5][0-9])(?![0-9:])/y;
const TIME_AMPM = /([0-9]{1,2})(?::([0-5][0-9]))?[ \t\u00a0\u202f\u2009\n]?([ap]\.m\.|[ap]m)(?![\p{L}])/iuy;
const DATE_DM = /([0-9]{1,2})\/([0-9]{1,2})(?![0-9/])/y;
const BARE = /([0-9]{1,2})(?![0-9]|[.,:/][0-9]|[ \t]?%|\p{L})/uy;

/**
 * The word right before a number that makes it a day, a month, a quarter, a week or a time: the
 * kind is the group that matched. One pattern, not one per kind: each class of letters costs a
 * regular expression ~0.5 ms to compile, at the first document of a run. The last word before the
 * spaces is one word, so at most one kind can match.
 */
const BEFORE = /(?:^|[^\p{L}\p{M}])(?:(ngày)|(tháng)|(quý|quarter)|(tuần|week)|(lúc|vào[ \t\u00a0\u202f\u2009\n]+lúc))[ \t\u00a0\u202f\u2009\n]+$/iu;
const KINDS = ['day', 'month', 'quarter', 'week', 'time'] as const;
const LIMIT = { day: 31, month: 12, quarter: 4, week: 53, time: 23 } as const;

/** The kind the word right before a number gives it ("ngày 30": day), if any. */
function kindBefore(before: string): (typeof KINDS)[number] | undefined {
  const m = BEFORE.exec(before);
  return m ? KINDS[m.slice(1).findIndex((g) => g !== undefined)] : undefined;
}

/** Capitalised, as English writes them: "may 5" is no date. */
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${MONTHS})\\.?[ \\t\\u00a0\\u202f\\u2009\\n]+$`, 'u');
const MONTH_AFTER = new RegExp(`[ \\t\\u00a0\\u202f\\u2009\\n]+(?:${MONTHS})(?![\\p{L}])`, 'uy');

const between = (x: number, lo: number, hi: number): boolean => x >= lo && x <= hi;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function dateToken(text: string, start: number, end: number, key: number, why: string): WrittenNumber {
  return {
    text: text.slice(start, end),
    span: { start, end },
    kind: 'date',
    numeral: text.slice(start, end),
    value: new Fraction(key),
    decimals: 0,
    scaleExponent: 0,
    percent: false,
    why,
  };
}

/** A time "hh:mm" at `pos`, if one is written there (the scanner tells it from a ratio "1:30"). */
export function timeAt(text: string, pos: number): WrittenNumber | null {
  const m = sticky(TIME, text, pos);
  if (!m) return null;
  return dateToken(text, pos, pos + m[0].length, +m[1]! * 100 + +m[2]!, 'date: a time of day hh:mm');
}

/** The date written at the digit `pos`, if any. `before`: the text just before it (≤ 16 chars). */
export function dateAt(text: string, pos: number, locale: Locale, before: string): WrittenNumber | null {
  const at = (m: RegExpExecArray, y: number, mo: number, d: number, why: string): WrittenNumber =>
    dateToken(text, pos, pos + m[0].length, y * 10000 + mo * 100 + d, why);
  let m = sticky(DATE_ISO, text, pos);
  if (m && between(+m[2]!, 1, 12) && between(+m[3]!, 1, 31)) return at(m, +m[1]!, +m[2]!, +m[3]!, 'date: yyyy-mm-dd');
  m = sticky(DATE_DMY, text, pos);
  if (m) {
    const [a, b, y] = [+m[1]!, +m[3]!, +m[4]!];
    if (between(a, 1, 31) && between(b, 1, 12)) return at(m, y, b, a, 'date: d/m/yyyy');
    if (locale === 'en' && between(a, 1, 12) && between(b, 1, 31)) return at(m, y, a, b, 'date: m/d/yyyy (en)');
  }
  m = sticky(DATE_MY, text, pos);
  if (m && between(+m[1]!, 1, 12) && between(+m[2]!, 1900, 2100)) return at(m, +m[2]!, +m[1]!, 0, 'date: m/yyyy');
  m = sticky(TIME, text, pos);
  if (m && m[0].includes('h')) return dateToken(text, pos, pos + m[0].length, +m[1]! * 100 + +m[2]!, 'date: a time of day (7h30)');
  m = sticky(TIME_AMPM, text, pos);
  if (m && between(+m[1]!, 1, 12)) return dateToken(text, pos, pos + m[0].length, +m[1]! * 100 + +(m[2] ?? 0), 'date: a time of day with am/pm');
  m = sticky(DATE_DM, text, pos);
  if (m && kindBefore(before) === 'day' && between(+m[1]!, 1, 31) && between(+m[2]!, 1, 12)) {
    return at(m, 0, +m[2]!, +m[1]!, 'date: d/m after "ngày"');
  }
  m = sticky(BARE, text, pos);
  if (m) {
    const n = +m[1]!;
    const what = kindBefore(before);
    if (what && between(n, what === 'time' ? 0 : 1, LIMIT[what])) {
      const word = /(\p{L}+)[ \t\u00a0\u202f\u2009\n]+$/u.exec(before)?.[1] ?? '';
      return dateToken(text, pos, pos + m[0].length, what === 'month' || what === 'time' ? n * 100 : n, `date: a ${what} number after "${word}"`);
    }
    if (between(n, 1, 31) && (MONTH_BEFORE.test(before) || sticky(MONTH_AFTER, text, pos + m[0].length))) {
      return dateToken(text, pos, pos + m[0].length, n, 'date: a day of the month next to a month name');
    }
  }
  return null;
}

/** A day/month "d/m" written bare (no "ngày"): a date in both locales, when it can be one. */
export function bareDayMonth(text: string, pos: number, locale: Locale): WrittenNumber | null {
  const m = sticky(DATE_DM, text, pos);
  if (!m) return null;
  const [a, b] = [+m[1]!, +m[2]!];
  if (between(a, 1, 31) && between(b, 1, 12)) return dateToken(text, pos, pos + m[0].length, b * 100 + a, 'date: d/m without a year (no ratio word before it)');
  if (locale === 'en' && between(a, 1, 12) && between(b, 1, 31)) return dateToken(text, pos, pos + m[0].length, a * 100 + b, 'date: m/d without a year (en)');
  return null;
}
