/**
 * Which locale a document's numerals are written in, with the evidence (DESIGN §3.1: "a document
 * that reads as another locale is refused with the evidence").
 *
 * A numeral with a separator reads in one locale only ("1,200.5", "12.5%", "3,75" are en-only or
 * vi-VN-only: the other locale refuses their grouping), or in both with different values
 * ("1,200" is 1200 in en and 1,2 in vi-VN; "45.481" the reverse). Numerals without a separator
 * read the same everywhere and say nothing. Separators that are not numerals are skipped: dates
 * "27.8.2021", section numbers "1.2.3", labels "Hình 1.2", codes glued to letters ("v2.0").
 *
 * - Detection (no locale stated): the locale with more numerals read only in it; on a tie, the
 *   language of the words (Vietnamese letters vs common English words) if some numeral reads
 *   differently in the two; otherwise vi-VN, the default.
 * - Contradiction (a locale stated): refused when numerals read only in the other locale
 *   outnumber those read only in the stated one. Numerals that merely read differently never
 *   contradict a stated locale: stating it is what settles them.
 */
import type { Locale } from '../model.js';
import { isFail, parseNumeral } from './read.js';
import { labelAt, sectionAt } from './scan-labels.js';

export interface LocaleEvidence {
  /** Numerals (as written) that read only as en, in document order. */
  onlyEn: string[];
  /** Numerals that read only as vi-VN. */
  onlyVi: string[];
  /** Numerals that read in both, to different values ("1,200", "45.481"). */
  differ: string[];
}

/** Words that show the language: Vietnamese (with Vietnamese letters) and common English words. */
export function languageWords(text: string): { vi: number; en: number } {
  return { vi: text.match(VI_WORD)?.length ?? 0, en: text.match(EN_WORDS)?.length ?? 0 };
}

const NUMERAL = /(?<![\p{L}\p{N}.,])[0-9]+(?:[.,][0-9]+)+(?![\p{L}]|[.,]?[0-9])/gu;
const DATE_DOTTED = /^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2,4}$/;
const VI_WORD = /[\p{L}]*[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ][\p{L}]*/giu;
const EN_WORDS = /\b(?:the|and|of|to|in|is|was|were|for|that|with|by|from|on|are|this|has|have|million|billion|percent|per cent)\b/giu;

const evidenceCache = new Map<string, LocaleEvidence>();

/** The numerals of `text` sorted by which locale reads them, and the words that show its language. */
export function localeEvidence(text: string): LocaleEvidence {
  const hit = evidenceCache.get(text);
  if (hit) return hit;
  const ev: LocaleEvidence = { onlyEn: [], onlyVi: [], differ: [] };
  for (const m of text.matchAll(NUMERAL)) {
    const tok = m[0];
    const at = m.index;
    if (DATE_DOTTED.test(tok) || sectionAt(text, at) || labelAt(text, at)) continue;
    const vi = parseNumeral(tok, 0, 'vi-VN');
    const en = parseNumeral(tok, 0, 'en');
    const viOk = !isFail(vi) && vi.end === tok.length;
    const enOk = !isFail(en) && en.end === tok.length;
    if (viOk && !enOk) ev.onlyVi.push(tok);
    else if (enOk && !viOk) ev.onlyEn.push(tok);
    else if (viOk && enOk) ev.differ.push(tok);
  }
  if (evidenceCache.size > 64) evidenceCache.clear();
  evidenceCache.set(text, ev);
  return ev;
}

const only = (ev: LocaleEvidence, l: Locale): string[] => (l === 'en' ? ev.onlyEn : ev.onlyVi);
const other = (l: Locale): Locale => (l === 'en' ? 'vi-VN' : 'en');
const examples = (xs: string[]): string => xs.slice(0, 3).map((x) => `"${x}"`).join(', ');
const numerals = (n: number): string => `${n} numeral${n === 1 ? '' : 's'}`;

export interface DetectedLocale {
  locale: Locale;
  /** Why, in words: "12 numerals read only as en (e.g. "1,200.5") and none only as vi-VN". */
  reason: string;
}

/** The locale the document's numerals are written in, when nothing states one. */
export function detectLocale(text: string, fallback: Locale = 'vi-VN'): DetectedLocale {
  const ev = localeEvidence(text);
  const [en, vi] = [ev.onlyEn.length, ev.onlyVi.length];
  const byNumerals = (l: Locale): string =>
    `${numerals(only(ev, l).length)} read only as ${l} (e.g. ${examples(only(ev, l))}), ${only(ev, other(l)).length} only as ${other(l)}`;
  if (en > vi) return { locale: 'en', reason: byNumerals('en') };
  if (vi > en) return { locale: 'vi-VN', reason: byNumerals('vi-VN') };
  // Only numerals that read differently need the words to decide (counting them costs a pass).
  const words = ev.differ.length > 0 ? languageWords(text) : { vi: 0, en: 0 };
  if (words.en !== words.vi) {
    const locale: Locale = words.en > words.vi ? 'en' : 'vi-VN';
    return {
      locale,
      reason: `${numerals(ev.differ.length)} read differently in en and vi-VN (e.g. ${examples(ev.differ)}); the words are ${locale === 'en' ? 'English' : 'Vietnamese'} (${words.en} common English words, ${words.vi} words with Vietnamese letters)`,
    };
  }
  return { locale: fallback, reason: `no numeral tells the locales apart: ${fallback}, the default` };
}

/** Why the text contradicts the stated locale, with the evidence; undefined when it does not. */
export function localeContradiction(text: string, stated: Locale): string | undefined {
  const ev = localeEvidence(text);
  const o = other(stated);
  const against = only(ev, o);
  const for_ = only(ev, stated);
  if (against.length === 0 || against.length <= for_.length) return undefined;
  return `${numerals(against.length)} read only as ${o}, e.g. ${examples(against)}; ${for_.length === 0 ? 'none' : `${for_.length}${for_.length ? ` (e.g. ${examples(for_)})` : ''}`} only as ${stated}`;
}
