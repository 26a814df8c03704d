/**
 * Finding a quote in the document after Unicode NFC and whitespace normalisation (DESIGN §3.7),
 * and saying where the closest match diverges when it is not there.
 */
import type { Anchor, AuditedDocument } from '../model.js';
import { positionOf } from './document.js';
import { QuoteSearch } from './quote-index.js';

/** Whitespace a quote's normal form would change: not a space, two in a row, or at either end. */
const UNNORMAL_SPACE = /[^\S ]| {2}|^ | $/u;

/** Any run of Unicode whitespace becomes one space; NFC; trimmed. */
export function normaliseQuote(quote: string): string {
  const nfc = quote.normalize('NFC');
  // Most quotes are written normal already: a test, not a copy of each (a rule set quotes its document thousands of times).
  return UNNORMAL_SPACE.test(nfc) ? nfc.replace(/\s+/gu, ' ').trim() : nfc;
}

interface Collapsed {
  text: string;
  /** For each UTF-16 unit of `text`, its offset in the document's NFC text. */
  map: Int32Array;
  /** The quote searches of `text`. */
  search: QuoteSearch;
}

const collapsedCache = new WeakMap<AuditedDocument, { text: string; collapsed: Collapsed }>();

/** What `\s` matches (JavaScript's whitespace and line terminators), decided on the code unit. */
export function isWhitespaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Code units turned into a string at once (an argument list of a call must stay well below the engine's limit). */
const CHUNK = 8192;

/** The document with every whitespace run as one space, and the way back to NFC offsets. */
function collapsed(doc: AuditedDocument): Collapsed {
  const hit = collapsedCache.get(doc);
  if (hit && hit.text === doc.text) return hit.collapsed;
  const src = doc.text;
  const map = new Int32Array(src.length);
  // Code units into a typed array, then strings of CHUNK units joined: a slice per word and a
  // join of millions of slices took over a second for a 7 MB document. fromCharCode keeps every
  // code unit as it is, lone surrogates included (a UTF-16 decoder would replace them).
  const units = new Uint16Array(src.length);
  let n = 0;
  let i = 0;
  while (i < src.length) {
    const c = src.charCodeAt(i);
    if (!isWhitespaceCode(c)) {
      units[n] = c;
      map[n++] = i++;
      continue;
    }
    units[n] = 0x20;
    map[n++] = i;
    while (i < src.length && isWhitespaceCode(src.charCodeAt(i))) i++;
  }
  const chunks: string[] = [];
  for (let at = 0; at < n; at += CHUNK) chunks.push(String.fromCharCode.apply(null, units.subarray(at, Math.min(n, at + CHUNK)) as unknown as number[]));
  const text = chunks.join('');
  const c = { text, map: map.slice(0, n), search: new QuoteSearch(text) };
  collapsedCache.set(doc, { text: doc.text, collapsed: c });
  return c;
}

export type FindQuoteResult =
  | { ok: true; anchor: Anchor }
  | {
      ok: false;
      code: 'quote-not-found' | 'quote-ambiguous';
      message: string;
      /** How many times the quote occurs (ambiguous, or an `occurrence` past the last). */
      count?: number;
      /** Where each occurrence is (ambiguous), or where the closest match is (not found). */
      places?: { line: number; col: number }[];
    };

function anchorAt(doc: AuditedDocument, c: Collapsed, at: number, len: number, quote: string): Anchor {
  const start = c.map[at]!;
  const end = c.map[at + len - 1]! + 1;
  const { line, col } = positionOf(doc, start);
  return { quote, span: { start, end }, line, col };
}

function excerpt(s: string, max = 40): string {
  const t = s.replace(/\s+/gu, ' ');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

/**
 * Find a quote in the document after NFC and whitespace normalisation. The anchor's span, line
 * and col refer to the document's NFC text. `occurrence` (1-based) picks one of several.
 */
export function findQuote(doc: AuditedDocument, quote: string, occurrence?: number): FindQuoteResult {
  const q = normaliseQuote(quote);
  if (q.length === 0) return { ok: false, code: 'quote-not-found', message: 'the quote is empty' };
  const c = collapsed(doc);
  const hits = c.search.occurrences(q);
  const where = (i: number) => positionOf(doc, c.map[i]!);

  if (hits.length === 0) return notFound(doc, c, q);
  if (occurrence !== undefined) {
    const at = hits[occurrence - 1];
    if (at === undefined) {
      const places = hits.map(where);
      return {
        ok: false,
        code: 'quote-not-found',
        message: `occurrence ${occurrence} of the quote was asked for, but it appears ${hits.length === 1 ? 'only once' : `only ${hits.length} times`} in ${doc.path} (at ${places.map((p) => `${p.line}:${p.col}`).join(', ')})`,
        count: hits.length,
        places,
      };
    }
    return { ok: true, anchor: anchorAt(doc, c, at, q.length, quote) };
  }
  if (hits.length > 1) {
    const places = hits.map(where);
    const shown = places.slice(0, 10).map((p) => `${p.line}:${p.col}`);
    if (places.length > 10) shown.push(`and ${places.length - 10} more`);
    return {
      ok: false,
      code: 'quote-ambiguous',
      message: `the quote appears ${hits.length} times in ${doc.path} (at ${shown.join(', ')}); make it longer or add "occurrence: n"`,
      count: hits.length,
      places,
    };
  }
  return { ok: true, anchor: anchorAt(doc, c, hits[0]!, q.length, quote) };
}

/** Length of the longest prefix of `q` found in `hay` (found-ness is monotone in the length). */
function longestFound(hay: string, q: string, fromEnd: boolean): number {
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const part = fromEnd ? q.slice(q.length - mid) : q.slice(0, mid);
    if (hay.includes(part)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function notFound(doc: AuditedDocument, c: Collapsed, q: string): FindQuoteResult {
  const pre = longestFound(c.text, q, false);
  const suf = longestFound(c.text, q, true);
  const minUseful = Math.min(8, Math.max(3, Math.floor(q.length / 4)));
  let message = `quote not found in ${doc.path}: "${excerpt(q, 60)}"`;
  let places: { line: number; col: number }[] | undefined;
  if (Math.max(pre, suf) >= minUseful) {
    if (pre >= suf) {
      const at = c.text.indexOf(q.slice(0, pre));
      const diverge = at + pre;
      const p = positionOf(doc, diverge < c.map.length ? c.map[diverge]! : doc.text.length);
      const start = positionOf(doc, c.map[at]!);
      const docHas = c.text.slice(diverge, diverge + 30);
      message += `; the closest match starts at ${start.line}:${start.col} and diverges at ${p.line}:${p.col}: the quote has "${excerpt(q.slice(pre), 30)}" where the document has "${excerpt(docHas, 30) || '(end of document)'}"`;
      places = [start, p];
    } else {
      const part = q.slice(q.length - suf);
      const at = c.text.indexOf(part);
      const p = positionOf(doc, c.map[at]!);
      const docHad = c.text.slice(Math.max(0, at - 30), at);
      message += `; its last ${suf} characters ("${excerpt(part, 30)}") are found at ${p.line}:${p.col}, but before them the quote has "…${q.slice(Math.max(0, q.length - suf - 30), q.length - suf)}" where the document has "…${docHad}"`;
      places = [p];
    }
  }
  return { ok: false, code: 'quote-not-found', message, ...(places ? { places } : {}) };
}
