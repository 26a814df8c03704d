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

export const isPercent = (n: WrittenNumber): boolean => n.unitInfo?.code === '%' || n.unitInfo?.code === '%/year' || (n.percent && !n.unitInfo);

export function unitKeyOf(n: WrittenNumber): string {
  const code = n.unitInfo?.code;
  if (code === 'pp') return 'points';
  if (code === 'times') return 'multiple';
  if (isPercent(n)) return 'percent';
  return code ?? '';
}

export const wordsFor = (locale: Locale): ClaimWords => (locale === 'en' ? en : vi);

const YEARS = /(\d{4})(?:\s*[-–—/]\s*(\d{2,4}))?/u;

export function timeOfYearToken(n: WrittenNumber): Time | undefined {
  const m = YEARS.exec(n.text);
  if (!m) return undefined;
  const from = Number(m[1]);
  let to = from;
  if (m[2]) to = m[2].length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
  return to >= from ? { from, to } : { from, to: from };
}

/** The role a quantity's words give it. `before` and `after` are lower-case text around it. */
function roleOf(n: WrittenNumber, before: string, after: string, w: ClaimWords, time: Time | undefined): { role: Role; cue?: RegExpExecArray | null } {
  const key = unitKeyOf(n);
  const test = (re: RegExp) => re.exec(before);
  if (n.kind === 'range') {
    const cue = test(w.targetRange);
    return cue && key === 'percent' ? { role: 'target-range', cue } : { role: key === 'percent' ? 'rate' : 'level' };
  }
  if (key === 'multiple') return { role: 'multiple', cue: test(w.multiple) };
  if (key === 'points') {
    const up = test(w.up) ?? test(w.higher);
    if (up) return { role: 'points-up', cue: up };
    const down = test(w.down) ?? test(w.lower);
    return down ? { role: 'points-down', cue: down } : { role: 'rate' };
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
    if (period && (cue = test(w.average))) return { role: 'average', cue };
    return { role: 'rate' };
  }
  let cue = test(w.average);
  if (period && cue) return { role: 'average', cue };
  if (w.base.test(after)) {
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
    const before = text.slice(Math.max(prevEnd, clause.start), n.span.start).toLowerCase();
    const after = text.slice(n.span.end, sentence.end).toLowerCase();
    const { role, cue } = roleOf(n, before, after, w, time);
    const unitKey = unitKeyOf(n);
    const { topic, own } = topicOf(text, cls, clauseIndex, n, w);
    const m: Mention = { ...base, role, unitKey, topic, topicOwn: own, ...(time ? { time } : {}) };
    // The pattern may start on the character before the claim word (a word boundary): skip it.
    if (cue) m.cueStart = Math.max(prevEnd, clause.start) + cue.index + Math.max(0, cue[0].search(/\p{L}/u));
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
  const clause = cls[clauseIndex]!;
  const inClause = years.filter((y) => y.span.start >= clause.start && y.span.end <= n.span.start);
  if (inClause.length) return timeOfYearToken(inClause[inClause.length - 1]!);
  // "năm 2021 (6,76%)": the year stands in the clause before, which has no number of its own.
  for (let i = clauseIndex - 1; i >= 0; i--) {
    const c = cls[i]!;
    const inside = (x: WrittenNumber) => x.span.start >= c.start && x.span.end <= c.end;
    if (numbers.some((x) => inside(x) && (x.kind === 'quantity' || x.kind === 'range'))) break;
    const ys = years.filter(inside);
    if (ys.length) return timeOfYearToken(ys[ys.length - 1]!);
  }
  if (locale === 'en') {
    const next = years.find((y) => y.span.start >= n.span.end && y.span.start <= clause.end);
    if (next && /^\s*(?:in|for|during|of)?\s*(?:fy)?\s*$/iu.test(text.slice(n.span.end, next.span.start))) return timeOfYearToken(next);
  }
  const firstQuantity = numbers.find((q) => q.span.start >= sentence.start && (q.kind === 'quantity' || q.kind === 'range'));
  const opening = years.filter((y) => y.span.start >= sentence.start && y.span.end <= (firstQuantity?.span.start ?? sentence.start));
  return opening.length ? timeOfYearToken(opening[0]!) : undefined;
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
