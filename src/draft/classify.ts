/**
 * Every number of the document, classified by what it is in its sentence (level, rate, growth,
 * share, ratio to plan, multiple, count, average, year, date, label …), with the time it speaks
 * of and the words that name it. The numbers come from the reader (scanNumbers): the drafter
 * reads no numeral itself, it only looks at the words around each one.
 */
import type { Locale, WrittenNumber } from '../model.js';
import { scanNumbers } from '../numbers/index.js';
import { CLASSIFIED_KINDS } from '../judge/coverage.js';
import { clauses, sentences, words, type Span } from './text.js';
import { en, vi, type ClaimWords } from './patterns.js';

/** What a number is. Claim roles state a value computed from others; the rest are figures or no quantity. */
export type Role =
  | 'level' | 'count' | 'rate'
  | 'growth' | 'decline' | 'average-growth' | 'average' | 'plan-ratio' | 'plan-excess' | 'share' | 'multiple'
  | 'higher' | 'lower' | 'points-up' | 'points-down' | 'difference-up' | 'difference-down' | 'target-range'
  | 'classified' | 'malformed';

export const CLAIM_ROLES: ReadonlySet<Role> = new Set<Role>([
  'growth', 'decline', 'average-growth', 'average', 'plan-ratio', 'plan-excess', 'share', 'multiple', 'higher', 'lower',
  'points-up', 'points-down', 'difference-up', 'difference-down', 'target-range',
]);

/** A year (from = to) or a period of years. */
export interface Time {
  from: number;
  to: number;
  /** "between 2019 and 2023": changes over the years after the first (not "giai đoạn 2019 - 2023", which counts 2019's). */
  between?: boolean;
}

export interface Mention {
  n: WrittenNumber;
  /** Index among the mentions (document order). */
  index: number;
  sentence: Span;
  sentenceIndex: number;
  clause: Span;
  role: Role;
  /** Where the claim word starts (for the quote), when a pattern matched before the number. */
  cueStart?: number;
  /** 'percent' (rates, shares, growth), 'points', 'multiple', or the unit code of a level ('' when none). */
  unitKey: string;
  time?: Time;
  /** Words naming what the number measures, as written (lower case). */
  topic: string[];
  /** The topic words are the number's own clause's (not borrowed from an earlier clause). */
  topicOwn?: boolean;
}

/** A level or count (or a stated average of them) that claims can be said of: not a rate, points or a multiple. */
export const isLevel = (m: Mention): boolean =>
  m.unitKey !== 'percent' && m.unitKey !== 'points' && m.unitKey !== 'multiple' && (m.role === 'level' || m.role === 'count' || m.role === 'average');

export const isPercent = (n: WrittenNumber): boolean => n.unitInfo?.code === '%' || n.unitInfo?.code === '%/year' || (n.percent && !n.unitInfo);

export function unitKeyOf(n: WrittenNumber): string {
  const code = n.unitInfo?.code;
  if (code === 'pp') return 'points';
  if (code === 'times') return 'multiple';
  if (isPercent(n)) return 'percent';
  return code ?? '';
}

export const wordsFor = (locale: Locale): ClaimWords => (locale === 'en' ? en : vi);

const YEARS = /(\d{4})(?:\s*(?:[-–—/]|and|to|until|through|đến|tới|và)\s*(\d{2,4}))?/u;

export function timeOfYearToken(n: WrittenNumber): Time | undefined {
  const m = YEARS.exec(n.text);
  if (!m) return undefined;
  const from = Number(m[1]);
  let to = from;
  if (m[2]) to = m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
  return to >= from ? { from, to } : { from, to: from };
}

/** The role a quantity's words give it. `before` and `after` are lower-case text around it. */
function roleOf(n: WrittenNumber, before: string, after: string, w: ClaimWords, time: Time | undefined, clauseBefore: string): { role: Role; cue?: RegExpExecArray | null; cueInClause?: boolean } {
  const key = unitKeyOf(n);
  const test = (re: RegExp) => re.exec(before);
  // "bình quân 3 năm 2021 - 2023 đạt 7,4%": an average's word may stand before another number of its clause.
  const averageCue = () => w.average.exec(clauseBefore);
  if (n.kind === 'range') {
    const cue = test(w.targetRange);
    return cue && key === 'percent' ? { role: 'target-range', cue } : { role: key === 'percent' ? 'rate' : 'level' };
  }
  if (key === 'multiple') return { role: 'multiple', cue: test(w.multiple) };
  if (key === 'points') {
    const up = test(w.up) ?? test(w.higher);
    if (up || w.higherAfter.test(after)) return { role: 'points-up', cue: up };
    const down = test(w.down) ?? test(w.lower);
    return down || w.lowerAfter.test(after) ? { role: 'points-down', cue: down } : { role: 'rate' };
  }
  const period = time !== undefined && time.to > time.from;
  if (key === 'percent') {
    let cue = test(w.averageGrowth);
    if (cue) return { role: 'average-growth', cue };
    if (w.planAfter.test(after)) {
      cue = test(w.exceed);
      return cue ? { role: 'plan-excess', cue } : { role: 'plan-ratio', cue: /\S+\s*$/u.exec(before) };
    }
    cue = test(w.share);
    if (cue || w.shareAfter.test(after)) return { role: 'share', cue };
    if ((cue = test(w.up))) return { role: 'growth', cue };
    if ((cue = test(w.down))) return { role: 'decline', cue };
    if ((cue = test(w.higher))) return { role: 'higher', cue };
    if ((cue = test(w.lower))) return { role: 'lower', cue };
    if (w.higherAfter.test(after)) return { role: 'higher' };
    if (w.lowerAfter.test(after)) return { role: 'lower' };
    if (period && (cue = averageCue())) return { role: 'average', cue, cueInClause: true };
    return { role: 'rate' };
  }
  let cue = averageCue();
  if (period && cue) return { role: 'average', cue, cueInClause: true };
  if (w.base.test(after) || w.changeTo.test(after)) {
    if ((cue = test(w.up) ?? test(w.higher))) return { role: 'difference-up', cue };
    if ((cue = test(w.down) ?? test(w.lower))) return { role: 'difference-down', cue };
  }
  const count = n.unitInfo?.dimension === 'count' || (!n.unitInfo && !n.scaleWord && n.decimals === 0);
  return { role: count ? 'count' : 'level' };
}

/** Subject words of a clause: its first content words, up to the first verb of stating. */
function subjectWords(text: string, w: ClaimWords): string[] {
  const out: string[] = [];
  for (const word of words(text)) {
    if (w.verbs.has(word)) break;
    if (w.stop.has(word)) continue;
    out.push(word);
    if (out.length === 3) break;
  }
  return out;
}

export function classify(text: string, locale: Locale): Mention[] {
  const w = wordsFor(locale);
  const numbers = scanNumbers(text, locale);
  const sents = sentences(text);
  const mentions: Mention[] = [];
  let s = 0;
  let prevEnd = 0;
  for (const n of numbers) {
    while (s < sents.length - 1 && n.span.start >= sents[s]!.end) s++;
    const sentence = sents[s] ?? { start: 0, end: text.length };
    if (sentence.start > prevEnd) prevEnd = sentence.start;
    const cls = clauses(text, sentence);
    const clauseIndex = Math.max(0, cls.findIndex((c) => n.span.start >= c.start && n.span.start <= c.end));
    const clause = cls[clauseIndex] ?? sentence;
    const base: Omit<Mention, 'role' | 'unitKey' | 'topic'> = { n, index: mentions.length, sentence, sentenceIndex: s, clause };
    if (CLASSIFIED_KINDS.has(n.kind) || n.kind === 'malformed') {
      mentions.push({ ...base, role: n.kind === 'malformed' ? 'malformed' : 'classified', unitKey: '', topic: [] });
      continue;
    }
    const time = timeOf(text, numbers, n, cls, clauseIndex, sentence, locale);
    // Claim words count only in the number's own clause: "bình quân" three brackets back is not its word.
    const from = Math.max(prevEnd, clause.start);
    const before = text.slice(from, n.span.start).toLowerCase();
    const after = text.slice(n.span.end, sentence.end).toLowerCase();
    const { role, cue, cueInClause } = roleOf(n, before, after, w, time, text.slice(clause.start, n.span.start).toLowerCase());
    const unitKey = unitKeyOf(n);
    const { topic, own } = topicOf(text, cls, clauseIndex, n, w);
    const m: Mention = { ...base, role, unitKey, topic, topicOwn: own, ...(time ? { time } : {}) };
    // The pattern may start on the character before the claim word (a word boundary): skip it.
    if (cue) m.cueStart = (cueInClause ? clause.start : from) + cue.index + Math.max(0, cue[0].search(/\p{L}/u));
    mentions.push(m);
    prevEnd = n.span.end;
  }
  return mentions;
}

/**
 * The time a number speaks of: the nearest year before it in its clause ("năm 2021 đạt 10.795"),
 * else in English a year just after it ("4.2% in 2023"), else the year or period the sentence
 * opens with ("Tổng thu … năm 2024 ước 9.805,4 tỷ đồng, trong đó thu nội địa 3.195,6 …").
 */
function timeOf(text: string, numbers: WrittenNumber[], n: WrittenNumber, cls: Span[], clauseIndex: number, sentence: Span, locale: Locale): Time | undefined {
  const years = numbers.filter((y) => y.kind === 'year');
  const isQuantity = (x: WrittenNumber) => x.kind === 'quantity' || x.kind === 'range';
  const at = (y: WrittenNumber) => periodAround(text, years, y);
  // "năm 2021 (6,76%)", "so với năm 2022 (4,5%)", "2021: 5.1%": the year just before, nothing counted in between.
  // Not across a ";" nor after "to" / "lên" (the level a change reached is not the base year's).
  const prior = years.filter((y) => y.span.start >= sentence.start && y.span.end <= n.span.start).pop();
  const gap = prior ? text.slice(prior.span.end, n.span.start).toLowerCase() : '';
  const reached = /(?:^|[^\p{L}])(?:to|to reach|reaching|lên|lên mức|xuống|còn)\s*$/u.test(gap);
  if (prior && !gap.includes(';') && !reached && !numbers.some((x) => x !== n && isQuantity(x) && x.span.start > prior.span.end && x.span.end <= n.span.start)) return at(prior);
  const clause = cls[clauseIndex]!;
  const inClause = years.filter((y) => y.span.start >= clause.start && y.span.end <= n.span.start);
  if (inClause.length) return at(inClause[inClause.length - 1]!);
  if (locale === 'en') {
    const next = years.find((y) => y.span.start >= n.span.end && y.span.start <= clause.end);
    if (next && /^\s*(?:in|for|during|of|over|across)?\s*(?:the\s+(?:year|period)\s+)?(?:fy)?\s*$/iu.test(text.slice(n.span.end, next.span.start))) return at(next);
  }
  const firstQuantity = numbers.find((q) => q.span.start >= sentence.start && isQuantity(q));
  const opening = years.filter((y) => y.span.start >= sentence.start && y.span.end <= (firstQuantity?.span.start ?? sentence.start));
  return opening.length ? at(opening[0]!) : undefined;
}

const BETWEEN_BEFORE = /(?:between|from|từ|giữa)\s+$/iu;
const BETWEEN_JOIN = /^\s*(?:and|to|until|through|đến|tới|và)\s*$/iu;

/** "between 2019 and 2023", "từ 2019 đến 2023": two year tokens joined make one period (its first year a level, not a growth year). */
function periodAround(text: string, years: WrittenNumber[], y: WrittenNumber): Time | undefined {
  const i = years.indexOf(y);
  const pair = (a: WrittenNumber | undefined, b: WrittenNumber | undefined): Time | undefined => {
    if (!a || !b || !BETWEEN_JOIN.test(text.slice(a.span.end, b.span.start)) || !BETWEEN_BEFORE.test(text.slice(Math.max(0, a.span.start - 12), a.span.start))) return undefined;
    const from = timeOfYearToken(a);
    const to = timeOfYearToken(b);
    return from && to && to.to > from.from ? { from: from.from, to: to.to, between: true } : undefined;
  };
  const one = timeOfYearToken(y);
  // The reader may have made one token of "2019 and 2023" already.
  if (one && one.to > one.from && /\d\s+\p{L}+\s+\d/u.test(y.text) && BETWEEN_BEFORE.test(text.slice(Math.max(0, y.span.start - 12), y.span.start))) return { ...one, between: true };
  return pair(y, years[i + 1]) ?? pair(years[i - 1], y) ?? one;
}

/** Words naming the number: its clause's subject words, else an earlier clause's ("năm 2021 đạt …" after "Thu ngân sách năm 2020 đạt …"). */
function topicOf(text: string, cls: Span[], clauseIndex: number, n: WrittenNumber, w: ClaimWords): { topic: string[]; own: boolean } {
  // A count names what it counts ("1.905 doanh nghiệp", "12,400 jobs"): the best name there is.
  if (n.unitInfo?.dimension === 'count' && n.unit) return { topic: words(n.unit).slice(0, 3), own: true };
  const own = subjectWords(text.slice(cls[clauseIndex]!.start, n.span.start), w);
  if (own.length) return { topic: own, own: true };
  for (let i = clauseIndex - 1; i >= 0; i--) {
    const got = subjectWords(text.slice(cls[i]!.start, cls[i]!.end), w);
    if (got.length) return { topic: got, own: false };
  }
  return { topic: [], own: false };
}
