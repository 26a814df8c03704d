/**
 * Where a document's locale is decided: as a rule or figure file states it — refused, with the
 * evidence, when the numerals of the text read as the other locale — or, when nothing states
 * one, as the numerals (and, if they cannot tell, the words) of the text read
 * (numbers/locale-evidence.ts).
 */
import type { AuditedDocument, Locale } from '../model.js';
import { detectLocale, localeContradiction } from '../numbers/locale-evidence.js';

export interface DecidedLocale {
  locale: Locale;
  /** Why: stated, or the evidence of the text. */
  reason: string;
  /** Set when the stated locale contradicts the text: the refusal, with the evidence. */
  problem?: string;
}

export function decideLocale(doc: Pick<AuditedDocument, 'path' | 'text'>, stated: Locale | undefined): DecidedLocale {
  if (stated) {
    const against = localeContradiction(doc.text, stated);
    if (!against) return { locale: stated, reason: 'stated' };
    const other: Locale = stated === 'en' ? 'vi-VN' : 'en';
    return {
      locale: stated,
      reason: 'stated',
      problem: `the document ${doc.path} does not read as ${stated}: ${against}; set "locale: ${other}" if it is written so, or correct the numerals`,
    };
  }
  const detected = detectLocale(doc.text);
  return { locale: detected.locale, reason: `detected: ${detected.reason}` };
}
