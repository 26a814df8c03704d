/**
 * The shortest unique quote around a span: whole words of its sentence, grown one word at a time
 * on either side until the loader's own quote matching (findQuote) finds it exactly once. The
 * loader is the judge of uniqueness, so a drafted quote always anchors where it was taken.
 */
import { findQuote } from '../load/find-quote.js';
import { numbersInSpan } from '../load/select-number.js';
import type { AuditedDocument, WrittenNumber } from '../model.js';
import type { Span } from './text.js';

export interface DraftQuote {
  quote: string;
  /** The stated number as written, when the quote holds several numbers. */
  number?: string;
  occurrence?: number;
}

function tokens(text: string, within: Span): Span[] {
  const out: Span[] = [];
  for (const m of text.slice(within.start, within.end).matchAll(/\S+/gu)) out.push({ start: within.start + m.index, end: within.start + m.index + m[0].length });
  return out;
}

/** Edge punctuation outside the core is dropped ("(tăng 34% …)" reads as well without its brackets). */
function trimmed(text: string, s: Span, core: Span): Span {
  let { start, end } = s;
  while (start < core.start && /[,;:(“"'[]/u.test(text[start]!)) start++;
  while (end > core.end && /[,;:.)”"'\]]/u.test(text[end - 1]!)) end--;
  return { start, end };
}

const compact = (s: string) => s.replace(/\s+/gu, '');

/** Does the quote pick `stated` unambiguously (alone, or by its text among the numbers inside)? */
function picks(doc: AuditedDocument, span: Span, stated: WrittenNumber | undefined): { ok: boolean; several: boolean } {
  if (!stated) return { ok: true, several: false };
  const claims = numbersInSpan(doc, span).filter((n) => n.kind === 'quantity' || n.kind === 'range');
  const same = claims.filter((n) => compact(n.text) === compact(stated.text));
  return { ok: same.length === 1, several: claims.length > 1 };
}

export function quoteFor(doc: AuditedDocument, core: Span, within: Span, stated?: WrittenNumber): DraftQuote {
  const toks = tokens(doc.text, within);
  const first = Math.max(0, toks.findIndex((t) => t.end > core.start));
  let last = toks.findIndex((t) => t.end >= core.end);
  if (last < 0) last = toks.length - 1;
  for (let k = 0; k < toks.length; k++) {
    for (let l = 0; l <= k; l++) {
      const s = first - l;
      const e = last + (k - l);
      if (s < 0 || e >= toks.length) continue;
      const span = trimmed(doc.text, { start: toks[s]!.start, end: toks[e]!.end }, core);
      const quote = doc.text.slice(span.start, span.end);
      const pick = picks(doc, span, stated);
      if (!pick.ok || !findQuote(doc, quote).ok) continue;
      return { quote, ...(pick.several ? { number: stated!.text } : {}) };
    }
  }
  // The whole sentence occurs more than once: name which occurrence.
  const span = { start: toks[0]?.start ?? within.start, end: toks[toks.length - 1]?.end ?? within.end };
  const quote = doc.text.slice(span.start, span.end);
  let occurrence = 1;
  for (let k = 1; k <= 1000; k++) {
    const r = findQuote(doc, quote, k);
    if (!r.ok) break;
    if (r.anchor.span.start === span.start) occurrence = k;
  }
  return { quote, occurrence, ...(picks(doc, span, stated).several && stated ? { number: stated.text } : {}) };
}
