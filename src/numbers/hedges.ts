/**
 * The hedge of a number, before or after it, with its direction (DESIGN §3.4): "khoảng 55.500"
 * is about 55.500, "gần 195" just below 195, "hơn 12.000" more than 12.000, "60% trở lên" and
 * "60% or more" at least 60%, "không quá 5%" and "not more than 5%" at most 5%.
 *
 * The table (HEDGES) is the whole vocabulary; rules/README.md prints it. The guards say when a
 * phrase of the table is NOT a hedge, and why:
 *  - comparative: "hơn" after a comparative adjective ("cao hơn 1,53% so với" is higher BY 1,53
 *    points: the number is a difference, written as is); "nhiều hơn" / "ít hơn" only when
 *    "so với" follows ("nhiều hơn 5 doanh nghiệp so với năm trước"). English "higher than 5%"
 *    is not in the table at all: the number after a comparative is the other side's value.
 *    Verbs are no comparatives: "tăng hơn 50%", "giảm trên 11%", "rose by more than 25%" hedge
 *    the amount of the change.
 *  - motion: "up to", "lên đến", "lên tới" after a verb of motion mean the value reached X
 *    ("shot up to 43.7%", "tăng lên đến 20%", "đã lên tới 5 tỷ"): no hedge.
 *  - plan: "vượt X% kế hoạch / dự toán / so với" is a claim word (exceeded the plan by X%), not
 *    "more than X%".
 *  - out-of: "thứ 5 trên 63 tỉnh" is "5th out of 63": "trên" after a number or an ordinal.
 *  - duration: "over 5 years" is a span of time, not "more than 5 years".
 *  - degree: "độ" is "about" only after a verb or at the start ("mất độ 5 ngày"), never in
 *    "nhiệt độ 30", "tốc độ 7%".
 * A negation before a bound turns it round: "không trên 5%", "not above 5%" → at most;
 * "không dưới", "not below" → at least.
 */
import type { Dimension, Locale, Reading, Span } from '../model.js';

type Guard = 'comparative' | 'versus' | 'motion' | 'plan' | 'out-of' | 'duration' | 'degree';

export interface HedgeEntry {
  phrase: string;
  reading: Exclude<Reading, 'round' | 'truncate' | 'range'>;
  position: 'before' | 'after';
  guard?: Guard;
  /** What the phrase means, for the table in rules/README.md. */
  lang: 'vi' | 'en' | 'symbol';
}

const e = (lang: HedgeEntry['lang'], position: HedgeEntry['position'], reading: HedgeEntry['reading'], phrases: string[], guard?: Guard): HedgeEntry[] =>
  phrases.map((phrase) => ({ phrase, reading, position, lang, ...(guard ? { guard } : {}) }));

/** Every hedge, with its meaning. Longest phrase wins where several end at the number. */
export const HEDGES: readonly HedgeEntry[] = [
  // two-sided
  ...e('vi', 'before', 'about', ['khoảng', 'xấp xỉ', 'chừng', 'khoảng chừng']),
  ...e('vi', 'before', 'about', ['độ'], 'degree'),
  ...e('en', 'before', 'about', ['about', 'around', 'approximately', 'approx.', 'roughly', 'some', 'circa', 'ca.', 'close to', 'in the region of']),
  ...e('symbol', 'before', 'about', ['~', '≈']),
  // just below
  ...e('vi', 'before', 'nearly', ['gần', 'gần như', 'suýt', 'suýt soát']),
  ...e('en', 'before', 'nearly', ['nearly', 'almost', 'just under', 'just below', 'not quite']),
  // lower bounds
  ...e('vi', 'before', 'more-than', ['hơn'], 'comparative'),
  ...e('vi', 'before', 'more-than', ['nhiều hơn'], 'versus'),
  ...e('vi', 'before', 'more-than', ['trên'], 'out-of'),
  ...e('vi', 'before', 'more-than', ['vượt', 'vượt quá', 'vượt trên', 'hơn hẳn'], 'plan'),
  ...e('en', 'before', 'more-than', ['more than', 'above', 'exceeding', 'in excess of', 'upwards of', 'just over', 'well over', 'well above']),
  ...e('en', 'before', 'more-than', ['over'], 'duration'),
  ...e('symbol', 'before', 'more-than', ['>']),
  ...e('vi', 'before', 'at-least', ['ít nhất', 'tối thiểu', 'không dưới', 'không ít hơn', 'không thấp hơn', 'thấp nhất là']),
  ...e('en', 'before', 'at-least', ['at least', 'no fewer than', 'no less than', 'not less than', 'not fewer than', 'a minimum of', 'minimum of', 'not below', 'not under']),
  ...e('symbol', 'before', 'at-least', ['≥', '>=']),
  // upper bounds
  ...e('vi', 'before', 'less-than', ['dưới', 'chưa đến', 'chưa tới', 'chưa đầy', 'không đầy']),
  ...e('vi', 'before', 'less-than', ['ít hơn'], 'versus'),
  ...e('en', 'before', 'less-than', ['less than', 'under', 'below', 'fewer than', 'well below', 'well under']),
  ...e('symbol', 'before', 'less-than', ['<']),
  ...e('vi', 'before', 'at-most', ['tối đa', 'không quá', 'không vượt quá', 'không vượt', 'không hơn', 'không nhiều hơn', 'nhiều nhất', 'không cao hơn', 'cao nhất là']),
  ...e('vi', 'before', 'at-most', ['lên đến', 'lên tới'], 'motion'),
  ...e('en', 'before', 'at-most', ['at most', 'no more than', 'not more than', 'a maximum of', 'maximum of', 'not exceeding', 'not over', 'not above', 'no greater than']),
  ...e('en', 'before', 'at-most', ['up to'], 'motion'),
  ...e('symbol', 'before', 'at-most', ['≤', '<=']),
  // after the number
  ...e('en', 'after', 'at-least', ['plus', 'or more', 'and above', 'or higher', 'or above', 'and over', 'and more', 'or greater', 'and older', 'or older']),
  ...e('symbol', 'after', 'at-least', ['+']),
  ...e('vi', 'after', 'at-least', ['trở lên', 'hoặc hơn', 'hoặc nhiều hơn']),
  ...e('en', 'after', 'at-most', ['or less', 'or fewer', 'and below', 'or lower', 'and under', 'or below', 'and younger', 'or younger']),
  ...e('vi', 'after', 'at-most', ['trở xuống', 'hoặc ít hơn']),
];

export interface HedgeFound {
  /** The hedge as written in the text, e.g. "hơn", "or more". */
  word: string;
  reading: Reading;
  position: 'before' | 'after';
  /** Where the hedge words stand in the text. */
  span: Span;
}

/** The number whose hedge is sought: its span, and its unit's dimension when known. */
export interface HedgedNumber {
  span: Span;
  unitInfo?: { dimension: Dimension };
}

/** The hedges by phrase (lower-case, single spaces), for each side of the number. */
const BY_PHRASE: Record<'before' | 'after', Map<string, HedgeEntry>> = { before: new Map(), after: new Map() };
for (const h of HEDGES) BY_PHRASE[h.position].set(h.phrase.toLowerCase(), h);
const LONGEST = Math.max(...HEDGES.map((h) => h.phrase.split(' ').length));

interface Token {
  text: string;
  start: number;
  end: number;
}

const SPACE = /[\s\u00a0\u202f\u2009]/u;
const LETTER = /[\p{L}\p{M}]/u;
const WORD_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;
const SYMBOLS = ['<=', '>=', '~', '≈', '<', '>', '≤', '≥'];

/**
 * The words (or hedge symbols) right before `pos`, nearest last, at most `max`: only spaces
 * between them and the number (a symbol may touch it: "~5%"). A word may end with an
 * abbreviation's dot ("approx.", "ca."). Scanning words by hand, not matching a pattern per hedge,
 * keeps this cheap: it runs for every claim and every anchored figure.
 */
function tokensBefore(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  let p = pos;
  while (out.length < max) {
    let q = p;
    while (q > 0 && SPACE.test(text[q - 1]!)) q--;
    const sym = SYMBOLS.find((x) => text.slice(q - x.length, q) === x);
    if (q === p && !(out.length === 0 && sym)) break;
    if (sym) {
      out.unshift({ text: sym, start: q - sym.length, end: q });
      p = q - sym.length;
      continue;
    }
    let s = q;
    if (text[s - 1] === '.') s--;
    const wordEnd = s;
    while (s > 0 && LETTER.test(text[s - 1]!)) s--;
    if (s === wordEnd || (s > 0 && WORD_OR_DIGIT.test(text[s - 1]!))) break;
    out.unshift({ text: text.slice(s, q), start: s, end: q });
    p = s;
  }
  return out;
}

/** The words after `pos`, nearest first, at most `max`, each after spaces (punctuation ends them). */
function tokensAfter(text: string, pos: number, max: number): Token[] {
  const out: Token[] = [];
  let p = pos;
  while (out.length < max) {
    let q = p;
    while (q < text.length && SPACE.test(text[q]!)) q++;
    if (q === p) break;
    let e = q;
    while (e < text.length && LETTER.test(text[e]!)) e++;
    if (e === q || WORD_OR_DIGIT.test(text[e] ?? '')) break;
    out.push({ text: text.slice(q, e), start: q, end: e });
    p = e;
  }
  return out;
}

const phraseOf = (tokens: Token[]): string => tokens.map((t) => t.text.toLowerCase()).join(' ');

const VI_COMPARATIVE_ADJ = new Set([
  'cao', 'thấp', 'lớn', 'nhỏ', 'nhanh', 'chậm', 'mạnh', 'yếu', 'rộng', 'hẹp', 'dài', 'ngắn', 'đắt', 'rẻ', 'tốt', 'kém',
  'sớm', 'muộn', 'trễ', 'xa', 'nặng', 'nhẹ', 'giàu', 'nghèo', 'đông', 'khá', 'tệ', 'sâu', 'nông', 'nhiều', 'ít', 'hơn',
]);
const MOTION_EN = new Set([
  'shot', 'shoot', 'shoots', 'went', 'go', 'goes', 'gone', 'going', 'rose', 'rise', 'rises', 'risen', 'rising', 'climbed',
  'climb', 'climbs', 'jumped', 'jump', 'jumps', 'soared', 'soar', 'surged', 'surge', 'moved', 'move', 'crept', 'edged',
  'ticked', 'came', 'come', 'grew', 'grow', 'grown', 'increased', 'increase', 'spiked', 'leapt', 'leaped', 'rocketed',
  'skyrocketed', 'ramped', 'built', 'stepped', 'shot',
]);
const MOTION_VI = new Set(['tăng', 'vọt', 'đã', 'nâng', 'đưa', 'đẩy', 'leo', 'bật', 'tiến', 'vươn', 'sẽ', 'vượt', 'dâng', 'tăng vọt']);
const DEGREE_OK_BEFORE = new Set(['có', 'chỉ', 'mất', 'còn', 'được', 'là', 'đạt', 'tăng', 'giảm', 'thêm', 'vào', 'trong', 'ước', 'cần']);
const PLAN_AFTER = /^[^.;!?]{0,24}?(?:^|[\s\u00a0])(?:so[ \t\u00a0\u202f\u2009\n]+với|so|kế[ \t\u00a0\u202f\u2009\n]+hoạch|dự[ \t\u00a0\u202f\u2009\n]+toán|chỉ[ \t\u00a0\u202f\u2009\n]+tiêu|mục[ \t\u00a0\u202f\u2009\n]+tiêu|KH)(?![\p{L}])/iu;
const VERSUS_AFTER = /^[^.;!?]{0,80}?so[ \t\u00a0\u202f\u2009\n]+với/iu;
const WORD_BEFORE = /([\p{L}\p{M}]+)[\s\u00a0]*$/u;
/** "thứ 5 trên 63", "hạng ba trên 63", "5 trên 10": a rank or a small count before "trên" (not a year). */
const NUMBER_OR_ORDINAL_BEFORE = /(?:(?<![0-9.,])[0-9]{1,3}[\s\u00a0]*|thứ[\s\u00a0]+[\p{L}\p{M}]+[\s\u00a0]*|hạng[\s\u00a0]+[\p{L}\p{M}0-9]+[\s\u00a0]*)$/iu;

const INVERTED: Partial<Record<Reading, Reading>> = { 'more-than': 'at-most', 'less-than': 'at-least', 'at-least': 'less-than', 'at-most': 'more-than' };

function lastWord(s: string): string {
  return WORD_BEFORE.exec(s)?.[1]?.toLowerCase() ?? '';
}

/** Does a guard of the entry say that the phrase is no hedge here? */
function guarded(h: HedgeEntry, head: string, after: string, n: HedgedNumber): boolean {
  switch (h.guard) {
    case 'comparative':
      return VI_COMPARATIVE_ADJ.has(lastWord(head));
    case 'versus':
      return VERSUS_AFTER.test(after);
    case 'motion': {
      const w = lastWord(head);
      return h.phrase === 'up to' ? MOTION_EN.has(w) : MOTION_VI.has(w);
    }
    case 'plan':
      return PLAN_AFTER.test(after);
    case 'out-of':
      return NUMBER_OR_ORDINAL_BEFORE.test(head);
    case 'duration':
      return n.unitInfo?.dimension === 'time';
    case 'degree': {
      const w = lastWord(head);
      return w !== '' && !DEGREE_OK_BEFORE.has(w) && !/[.,;:!?(]\s*$/u.test(head);
    }
    default:
      return false;
  }
}

/**
 * The hedge of the number at `n.span` in `text`: the longest phrase of the table that ends right
 * before it (only spaces between; a currency prefix is part of the number) or starts right
 * after it, unless a guard says otherwise. Before wins over after ("khoảng 60% trở lên" is rare;
 * the nearer qualifier of a Vietnamese or English number is the one before it). `locale` is not
 * needed to read words — both languages' tables apply, since an English text may quote
 * Vietnamese and the reverse — but is kept for symmetry with the reader.
 */
export function findHedge(text: string, n: HedgedNumber, _locale?: Locale): HedgeFound | undefined {
  const after = text.slice(n.span.end, n.span.end + 120);
  const before = tokensBefore(text, n.span.start, LONGEST);
  // the longest phrase that ends at the number and no guard turns away
  for (let k = before.length; k >= 1; k--) {
    const words = before.slice(before.length - k);
    const h = BY_PHRASE.before.get(phraseOf(words));
    if (!h) continue;
    const start = words[0]!.start;
    const head = text.slice(Math.max(0, start - 60), start);
    if (guarded(h, head, after, n)) continue;
    const end = words[words.length - 1]!.end;
    // "không trên 5%", "not above 5%": a negated bound turns round (listed phrases already say it).
    const neg = /^(không|chưa|not|no)\b/iu.test(h.phrase) ? null : /(không|chưa|not|no)[\s\u00a0]+$/iu.exec(head);
    const negStart = neg && /(?:^|[^\p{L}\p{M}])$/u.test(head.slice(0, neg.index)) && INVERTED[h.reading] ? start - (head.length - neg.index) : undefined;
    if (negStart !== undefined) return { word: text.slice(negStart, end), reading: INVERTED[h.reading]!, position: 'before', span: { start: negStart, end } };
    return { word: text.slice(start, end), reading: h.reading, position: 'before', span: { start, end } };
  }
  // "60%+": a plus sign glued to the number, that starts no sum
  if (text[n.span.end] === '+' && !WORD_OR_DIGIT.test(text[n.span.end + 1] ?? '')) {
    return { word: '+', reading: BY_PHRASE.after.get('+')!.reading, position: 'after', span: { start: n.span.end, end: n.span.end + 1 } };
  }
  // a phrase right after the number, or after the noun it counts ("18 tuổi trở lên", "5 firms or more")
  const next = tokensAfter(text, n.span.end, 2 + LONGEST);
  for (let skip = 0; skip <= 2; skip++) {
    for (let k = Math.min(LONGEST, next.length - skip); k >= 1; k--) {
      const words = next.slice(skip, skip + k);
      const h = BY_PHRASE.after.get(phraseOf(words));
      if (!h) continue;
      const end = words[words.length - 1]!.end;
      // "60 plus 5" is a sum
      if (h.phrase === 'plus' && (skip > 0 || /^[\s\u00a0]*[0-9$€£]/u.test(text.slice(end, end + 8)))) continue;
      return { word: text.slice(words[0]!.start, end), reading: h.reading, position: 'after', span: { start: words[0]!.start, end } };
    }
  }
  return undefined;
}

/**
 * The hedge written right before `offset` (only whitespace between), if any.
 * @deprecated use findHedge, which also finds hedges after the number ("60% trở lên").
 */
export function hedgeBefore(text: string, offset: number, locale: Locale): HedgeFound | undefined {
  const h = findHedge(text, { span: { start: offset, end: offset } }, locale);
  return h?.position === 'before' ? h : undefined;
}
