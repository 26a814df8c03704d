/**
 * Claims linked to the levels they speak about: for each claim number, the level it is said of
 * (the subject, nearest before it in its sentence) and the base or plan it is compared with
 * (found by its year among the levels of the same unit, nearest first; or an `unknown` figure
 * when the text does not state it, so the rule is drafted anyway and reads `unverifiable`).
 */
import type { Locale } from '../model.js';
import { CLAIM_ROLES, isLevel, timeOfYearToken, wordsFor, type Mention, type Time } from './classify.js';
import { partsRules } from './parts.js';
import type { ClaimWords } from './patterns.js';
import { fold, words, type Span } from './text.js';

export type FigureRef =
  | { kind: 'stated'; mention: Mention }
  | { kind: 'unknown'; topic: string[]; time?: string; what: string };

export interface DraftRule {
  kind: 'claim' | 'assert';
  /** The name of the pattern that produced it (a tag of the rule). */
  pattern: string;
  confidence: 'high' | 'medium' | 'low';
  /** The number the claim states. */
  stated?: Mention;
  /** The text the quote must contain. */
  core: Span;
  /** The expression with $0, $1 … for the figures in `refs`. */
  template: string;
  refs: FigureRef[];
  /** Index in `refs` of the unknown figure this claim implies (a plan). */
  implies?: number;
  reading?: 'range';
  /** For the rule id. */
  topic: string[];
  time?: Time;
  /** One line for the reviewer: what was recognised. */
  why: string;
}

/** A rate a points claim can be said of: stated plainly, as an average, or as a growth rate ("prices increased by 3.2%"). */
const RATE_ROLES = new Set(['rate', 'average', 'average-growth', 'growth', 'decline']);
const isRate = (m: Mention) => m.unitKey === 'percent' && RATE_ROLES.has(m.role);
const compatible = (a: Mention, b: Mention) => a.unitKey === b.unitKey || a.unitKey === '' || b.unitKey === '';
const sameTime = (a: Time | undefined, b: Time | undefined) => !!a && !!b && a.from === b.from && a.to === b.to;
export const timeLabel = (t: Time | undefined): string | undefined => (t ? (t.from === t.to ? `${t.from}` : `${t.from}_${t.to}`) : undefined);
const shift = (t: Time | undefined, by: number): Time | undefined => (t && t.from === t.to ? { from: t.from + by, to: t.to + by } : undefined);

interface Base {
  /** A level written in the base phrase itself. */
  given?: Mention;
  time?: Time;
  /** Words of the base when it has no year ("bình quân của nhiệm kỳ trước"). */
  words: string[];
  /** Document offset where the base phrase (up to its year) ends: the quote runs to it. */
  end: number;
}

export class Linker {
  private readonly w: ClaimWords;
  constructor(
    private readonly text: string,
    private readonly mentions: Mention[],
    locale: Locale,
  ) {
    this.w = wordsFor(locale);
  }

  private before(m: Mention, pred: (x: Mention) => boolean): Mention | undefined {
    for (let i = m.index - 1; i >= 0; i--) {
      const x = this.mentions[i]!;
      if (x.sentenceIndex !== m.sentenceIndex) return undefined;
      if (pred(x)) return x;
    }
    return undefined;
  }

  /** "rose to £642 from £611": a level after "from" / "từ" is where a change started, a base. */
  private isFrom = (x: Mention) => /(?:^|[^\p{L}])(?:from|từ)\s*$/u.test(this.text.slice(Math.max(0, x.n.span.start - 8), x.n.span.start).toLowerCase());
  /** "to 14,350", "reaching 312,000", "lên 7 tỷ": a level a change reached. */
  private isReached = (x: Mention) => /(?:^|[^\p{L}])(?:to|to reach|reaching|lên|lên mức)\s*$/u.test(this.text.slice(Math.max(0, x.n.span.start - 12), x.n.span.start).toLowerCase());

  /**
   * The level a claim is said of: the nearest before it that is not a "from" level; in "rose 5%
   * to $5.0bn" or "increased by 8.4% compared with 2022, to 14,350", the level it reached after it.
   */
  private subject(m: Mention, pred: (x: Mention) => boolean): Mention | undefined {
    const reached = this.mentions.find((x) => x.index > m.index && x.sentenceIndex === m.sentenceIndex && pred(x) && this.isReached(x));
    const next = this.mentions[m.index + 1];
    if (reached && reached === next) return reached;
    return this.before(m, (x) => pred(x) && !this.isFrom(x)) ?? reached;
  }

  /**
   * The base after a claim number (or after its subject, in "fell 3.2% to $7.4 billion, compared
   * with $7.65 billion"): "so với năm 2020", "so với cùng kỳ", "on 2022", "than in 2022". A
   * number of the base phrase itself ("so với năm 2019 = 1.905 doanh nghiệp") is the base.
   */
  private base(m: Mention, subject: Mention | undefined, pred: (x: Mention) => boolean): Base | undefined {
    const from = subject && subject.index > m.index ? subject.n.span.end : m.n.span.end;
    const after = this.text.slice(from, m.sentence.end);
    const hit = this.w.base.exec(after.toLowerCase()) ?? (m.role === 'multiple' ? this.w.multipleBase.exec(after.toLowerCase()) : null);
    if (!hit) return undefined;
    const phrase = hit[1] ?? '';
    const at = from + hit.index + hit[0].length - phrase.length;
    // A number in brackets after the base's year is found by its year; one written in the phrase is the base.
    const cut = /,\s|;|\(/u.exec(phrase);
    const phraseEnd = at + (cut ? cut.index : phrase.length);
    const given = this.mentions.find((x) => x.n.span.start >= at && x.n.span.end <= phraseEnd && x !== subject && pred(x) && (!subject || compatible(x, subject)));
    const prev = this.w.previous.exec(phrase);
    const year = /\d{4}(?:\s*[-–—]\s*\d{2,4})?/u.exec(phrase);
    const extra = given ? { given } : {};
    if (prev && (!year || prev.index < year.index)) return { ...extra, time: shift(subject?.time, -1), words: [], end: at + prev.index + prev[0].length };
    if (year) {
      const time = timeOfYearToken({ text: year[0] } as Mention['n']);
      return { ...extra, ...(time ? { time } : {}), words: [], end: at + year.index + year[0].length };
    }
    const first = /^(?:\S+\s+){0,3}\S+/u.exec(phrase);
    return { ...extra, words: words(first?.[0] ?? '').filter((x) => !this.w.stop.has(x)).slice(0, 4), end: at + (first?.[0].length ?? 0) };
  }

  /**
   * A level like `like` (same unit) stated for `time`: in the claim's sentence first, nearest the
   * claim (the base usually follows it: "so với năm 2019 = 251 hợp tác xã"), the same unit before
   * a level with no unit; then earlier sentences, nearest first; then later ones.
   */
  private levelAt(time: Time | undefined, like: Mention, claim: Mention, pred: (x: Mention) => boolean): Mention | undefined {
    if (!time) return undefined;
    // Outside the claim's sentence, only a level with a word of the same name ("thu ngân sách … cùng kỳ").
    const related = (x: Mention) => x.sentenceIndex === claim.sentenceIndex || x.topic.some((t) => like.topic.includes(t));
    const found = this.mentions.filter((x) => x !== like && pred(x) && compatible(x, like) && sameTime(x.time, time) && related(x));
    const place = (x: Mention) =>
      x.sentenceIndex === claim.sentenceIndex ? Math.abs(x.index - claim.index) : x.index < claim.index ? 1e6 + (claim.index - x.index) : 2e6 + x.index;
    const rank = (x: Mention) => place(x) * 2 + (x.unitKey === like.unitKey ? 0 : 1);
    return found.sort((a, b) => rank(a) - rank(b))[0];
  }

  private stated = (mention: Mention): FigureRef => ({ kind: 'stated', mention });
  private unknown = (topic: string[], time: Time | undefined, what: string, extra: string[] = []): FigureRef => ({
    kind: 'unknown',
    topic: [...topic, ...extra],
    ...(timeLabel(time) ? { time: timeLabel(time)! } : {}),
    what,
  });

  /** The base figure of a comparison: stated when the text gives it, else unknown. */
  private baseRef(m: Mention, subject: Mention | undefined, topic: string[], pred: (x: Mention) => boolean): { ref: FigureRef; end: number } {
    const b = this.base(m, subject, pred);
    const time = b ? b.time : shift(subject?.time, -1);
    const from = b ? undefined : this.before(m, (x) => pred(x) && this.isFrom(x) && x !== subject && (!subject || compatible(x, subject)));
    const found = b?.given ?? from ?? (subject && b ? this.levelAt(time, subject, m, pred) : undefined);
    // The quote runs to the end of the base phrase, unless the claim's subject came in between.
    const end = b && !(subject && subject.index > m.index) ? b.end : m.n.span.end;
    if (found) {
      // "(năm 2020 là 34.887 tỷ đồng)": a base with no name of its own is named after what it is the base of.
      if (!found.topicOwn && subject?.topic.length) found.topic = subject.topic;
      return { ref: this.stated(found), end };
    }
    const what = b ? `the base “${this.text.slice(m.n.span.end, end).trim()}” of “${m.n.text}”, not stated in the text` : `the base of “${m.n.text}” (the period before), not stated in the text`;
    return { ref: this.unknown(topic, time, what, time ? [] : b?.words.length ? b.words : ['base']), end };
  }

  private claim(m: Mention, pattern: string, template: string, refs: FigureRef[], end: number, why: string, extra: Partial<DraftRule> = {}): DraftRule {
    const subject = refs[0]?.kind === 'stated' ? refs[0].mention : undefined;
    let score = 1;
    for (const r of refs) {
      if (r.kind === 'unknown') score -= refs.indexOf(r) === extra.implies ? 0.1 : 0.3;
      else if (r.mention.sentenceIndex !== m.sentenceIndex) score -= 0.2;
    }
    const confidence = score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : 'low';
    const topic = subject?.topic.length ? subject.topic : m.topic;
    const time = subject?.time ?? m.time;
    return {
      kind: 'claim', pattern, confidence, stated: m, template, refs, why, topic, ...(time ? { time } : {}),
      core: { start: Math.min(m.cueStart ?? m.n.span.start, m.n.span.start), end: Math.max(end, m.n.span.end) },
      ...extra,
    };
  }

  /** The rule drafted for one claim number, or undefined when its words are not enough to place it. */
  ruleFor(m: Mention): DraftRule | undefined {
    const subjectLevel = this.subject(m, isLevel);
    const topicOf = (s: Mention | undefined) => (s?.topic.length ? s.topic : m.topic);
    const subjectRef = (s: Mention | undefined) => (s ? this.stated(s) : this.unknown(m.topic, m.time, `the level “${m.n.text}” is said of, not found before it`));
    switch (m.role) {
      case 'growth':
      case 'decline':
      case 'multiple':
      case 'difference-up':
      case 'difference-down': {
        const s = subjectLevel;
        const { ref, end } = this.baseRef(m, s, topicOf(s), isLevel);
        const fn = { growth: 'growth($0, $1)', decline: 'decline($0, $1)', multiple: 'times($0, $1)', 'difference-up': '$0 - $1', 'difference-down': '$1 - $0' }[m.role];
        return this.claim(m, m.role, fn, [subjectRef(s), ref], end, `${m.role} of a level against its base`);
      }
      case 'higher':
      case 'lower':
      case 'points-up':
      case 'points-down': {
        const rate = this.before(m, isRate);
        if (!rate && (m.role === 'higher' || m.role === 'lower')) {
          const { ref, end } = this.baseRef(m, subjectLevel, topicOf(subjectLevel), isLevel);
          return this.claim(m, `${m.role}-relative`, m.role === 'higher' ? 'growth($0, $1)' : 'decline($0, $1)', [subjectRef(subjectLevel), ref], end, 'a level above or below its base, as a relative change');
        }
        const { ref, end } = this.baseRef(m, rate, topicOf(rate), isRate);
        const up = m.role === 'higher' || m.role === 'points-up';
        const s = rate ? this.stated(rate) : this.unknown(m.topic, m.time, `the rate “${m.n.text}” is said of, not found before it`);
        return this.claim(m, `${m.role}-points`, up ? 'pp($0, $1)' : 'pp($1, $0)', [s, ref], end, 'a rate above or below another, in percentage points');
      }
      case 'plan-ratio':
      case 'plan-excess': {
        const plan = this.unknown(topicOf(subjectLevel), subjectLevel?.time ?? m.time, `the plan “${m.n.text}” is measured against, not stated in the text`, ['plan']);
        const after = this.w.planAfter.exec(this.text.slice(m.n.span.end, m.sentence.end).toLowerCase());
        const end = m.n.span.end + (after?.[0].length ?? 0);
        const template = m.role === 'plan-ratio' ? 'ratio($0, $1)' : 'ratio($0, $1) - 1';
        return this.claim(m, m.role, template, [subjectRef(subjectLevel), plan], end, 'a level against its plan; the plan is implied by the claim', { implies: 1 });
      }
      case 'share': {
        const part = subjectLevel;
        const whole = part ? this.wholeOf(part, m) : undefined;
        const w = whole ? this.stated(whole) : this.unknown(topicOf(part), part?.time ?? m.time, `the whole “${m.n.text}” is a share of, not found`, ['total']);
        return this.claim(m, 'share', 'share($0, $1)', [subjectRef(part), w], m.n.span.end, 'a part as a share of its whole');
      }
      case 'target-range': {
        const rate = this.before(m, (x) => x.unitKey === 'percent');
        if (!rate) return undefined;
        return this.claim(m, 'target-range', '$0', [this.stated(rate)], m.n.span.end, 'a rate said to meet a target range', { reading: 'range' });
      }
      case 'average':
      case 'average-growth':
        return this.average(m);
      default:
        return undefined;
    }
  }

  /**
   * The whole of a share: the level of the same unit before "trong đó" / "of which" when the part
   * follows those words; else the level named by the words after the share ("of gross regional
   * product", "tổng giá trị sản xuất"), its own clause's words, nearest first.
   */
  private wholeOf(part: Mention, share: Mention): Mention | undefined {
    const lead = this.text.slice(part.sentence.start, part.n.span.start).toLowerCase();
    const cue = [...lead.matchAll(new RegExp(this.w.partsOf.source, 'gu'))].pop();
    if (cue) {
      const cueAt = part.sentence.start + cue.index;
      const total = this.before(part, (x) => isLevel(x) && x.n.span.end <= cueAt && x.unitKey === part.unitKey);
      if (total) return total;
    }
    const named = this.w.wholeAfter.exec(this.text.slice(share.n.span.end, share.sentence.end).toLowerCase());
    const want = words(named?.[1] ?? '').filter((x) => !this.w.stop.has(x)).map(fold);
    if (want.length === 0) return undefined;
    // The first words of the name, in a row among the level's words ("GRDP" in "quy mô GRDP").
    const head = want.slice(0, 2).join(' ');
    const same = (topic: string[]) => ` ${topic.map(fold).join(' ')} `.includes(` ${head} `);
    const rank = (x: Mention) => (x.topicOwn ? 0 : 1e7) + (sameTime(x.time, part.time) ? 0 : 1e6) + Math.abs(x.index - part.index);
    return this.mentions
      // A whole is at least its part (a share stated above 100 % is a multiple, not a share).
      .filter((x) => x !== part && isLevel(x) && x.unitKey === part.unitKey && same(x.topic) && x.n.value.compare(part.n.value) >= 0)
      .sort((a, b) => rank(a) - rank(b))[0];
  }

  /** Averages of a period: of the yearly values stated in the sentence, else a compound rate over unknown levels. */
  private average(m: Mention): DraftRule | undefined {
    const t = m.time;
    if (!t || t.to <= t.from || t.to - t.from > 30) return undefined;
    const percent = m.unitKey === 'percent';
    const yearly: Mention[] = [];
    // "between 2019 and 2023" counts the changes after 2019; "giai đoạn 2021 - 2023" those of 2021 too.
    const first = t.between && percent ? t.from + 1 : t.from;
    for (let y = first; y <= t.to; y++) {
      const x = this.mentions.find(
        (c) => c.sentenceIndex === m.sentenceIndex && c !== m && sameTime(c.time, { from: y, to: y }) && (percent ? c.unitKey === 'percent' && (c.role === 'rate' || c.role === 'growth') : isLevel(c) && compatible(c, m)),
      );
      if (x) yearly.push(x);
    }
    const growthWords = m.role === 'average-growth' || this.w.growthWord.test(this.text.slice(m.sentence.start, m.n.span.start).toLowerCase());
    const refs = yearly.map((x) => this.stated(x));
    const args = refs.map((_, i) => `$${i}`).join(', ');
    if (yearly.length === t.to - first + 1) {
      const fn = percent && growthWords ? 'gavg' : 'avg';
      for (const x of yearly) if (!x.topicOwn && m.topic.length) x.topic = m.topic;
      return this.claim(m, `average-of-yearly-${percent ? 'rates' : 'values'}`, `${fn}(${args})`, refs, m.n.span.end, `the period's average of the ${yearly.length} yearly values stated with it`, { topic: m.topic, time: t });
    }
    if (m.role !== 'average-growth') return undefined;
    const start = t.between ? t.from : t.from - 1;
    const years = t.to - start;
    // "grew by an average of 1.2% a year, reaching 312,000": the end level is stated.
    const reached = this.mentions.find((x) => x.index > m.index && x.sentenceIndex === m.sentenceIndex && isLevel(x) && this.isReached(x));
    const endLevel = reached ? this.stated(reached) : this.unknown(m.topic, { from: t.to, to: t.to }, `the level at the end of ${t.from}–${t.to}, not stated in the text`);
    const startLevel = this.unknown(m.topic, { from: start, to: start }, `the level ${t.between ? 'in' : 'before'} ${t.from}, not stated in the text`);
    return this.claim(m, 'average-growth-compound', `cagr($0, $1, ${years})`, [endLevel, startLevel], m.n.span.end, `average yearly growth over ${years} years, compounded`);
  }

}

export function linkClaims(text: string, mentions: Mention[], locale: Locale): { rules: DraftRule[]; unplaced: Mention[] } {
  const linker = new Linker(text, mentions, locale);
  const rules: DraftRule[] = [];
  const unplaced: Mention[] = [];
  for (const m of mentions) {
    if (!CLAIM_ROLES.has(m.role)) continue;
    const r = linker.ruleFor(m);
    if (r) rules.push(r);
    else unplaced.push(m);
  }
  return { rules: [...rules, ...partsRules(text, mentions, wordsFor(locale))], unplaced };
}
