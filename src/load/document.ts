/**
 * The audited document: read once, hashed, NFC-normalised; quotes are found in it after Unicode
 * NFC and whitespace normalisation (DESIGN §3.7), and the numbers of a quote are picked out.
 */
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Anchor, AuditedDocument, Locale, WrittenNumber } from '../model.js';
import { scanNumbers } from '../numbers/index.js';

/** Thrown by loadDocument when the file cannot be read or is not UTF-8. */
export class DocumentLoadError extends Error {
  constructor(
    message: string,
    readonly code: 'file-not-found' | 'file-unreadable' | 'file-encoding',
    readonly path: string,
  ) {
    super(message);
    this.name = 'DocumentLoadError';
  }
}

/**
 * Read a document: SHA-256 of the bytes as read, UTF-8 decoded (BOM dropped), line endings
 * normalised to \n, then NFC. Positions of the pipeline refer to this text.
 * Throws DocumentLoadError.
 */
export function loadDocument(path: string, locale: Locale): AuditedDocument {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') throw new DocumentLoadError(`document not found: ${path}`, 'file-not-found', path);
    throw new DocumentLoadError(`cannot read document ${path}: ${err.message}`, 'file-unreadable', path);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentLoadError(`document ${path} is not valid UTF-8`, 'file-encoding', path);
  }
  return { path, text: normaliseText(text), locale, sha256 };
}

/** CRLF and lone CR to LF, then NFC. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

// ── positions ───────────────────────────────────────────────────────────────────────────────

const lineStartsCache = new WeakMap<AuditedDocument, { text: string; starts: number[] }>();

function lineStarts(doc: AuditedDocument): number[] {
  const hit = lineStartsCache.get(doc);
  if (hit && hit.text === doc.text) return hit.starts;
  const starts = [0];
  for (let i = 0; i < doc.text.length; i++) if (doc.text.charCodeAt(i) === 10) starts.push(i + 1);
  lineStartsCache.set(doc, { text: doc.text, starts });
  return starts;
}

/** 1-based line and column (UTF-16 units) of an offset into the document's NFC text. */
export function positionOf(doc: AuditedDocument, offset: number): { line: number; col: number } {
  const starts = lineStarts(doc);
  const o = Math.max(0, Math.min(offset, doc.text.length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: o - starts[lo]! + 1 };
}

// ── quote search ────────────────────────────────────────────────────────────────────────────

const WS = /\s/u;

/** Any run of Unicode whitespace becomes one space; NFC; trimmed. */
export function normaliseQuote(quote: string): string {
  return quote.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

interface Collapsed {
  text: string;
  /** For each UTF-16 unit of `text`, its offset in the document's NFC text. */
  map: Int32Array;
}

const collapsedCache = new WeakMap<AuditedDocument, { text: string; collapsed: Collapsed }>();

/** The document with every whitespace run as one space, and the way back to NFC offsets. */
function collapsed(doc: AuditedDocument): Collapsed {
  const hit = collapsedCache.get(doc);
  if (hit && hit.text === doc.text) return hit.collapsed;
  const src = doc.text;
  const map = new Int32Array(src.length);
  const parts: string[] = [];
  let n = 0;
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (WS.test(ch)) {
      map[n++] = i;
      parts.push(' ');
      while (i < src.length && WS.test(src[i]!)) i++;
    } else {
      map[n++] = i;
      parts.push(ch);
      i++;
    }
  }
  const c = { text: parts.join(''), map: map.slice(0, n) };
  collapsedCache.set(doc, { text: doc.text, collapsed: c });
  return c;
}

/** Every (overlapping) start of `needle` in `hay`. */
function allIndexes(hay: string, needle: string): number[] {
  const out: number[] = [];
  if (needle.length === 0) return out;
  let i = hay.indexOf(needle);
  while (i >= 0) {
    out.push(i);
    i = hay.indexOf(needle, i + 1);
  }
  return out;
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
  const hits = allIndexes(c.text, q);
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

// ── numbers of a quote ──────────────────────────────────────────────────────────────────────

const numbersCache = new WeakMap<AuditedDocument, { text: string; locale: Locale; numbers: WrittenNumber[] }>();

/** Every number of the document (scanNumbers, cached per document). Spans are document offsets. */
export function documentNumbers(doc: AuditedDocument): WrittenNumber[] {
  const hit = numbersCache.get(doc);
  if (hit && hit.text === doc.text && hit.locale === doc.locale) return hit.numbers;
  const numbers = scanNumbers(doc.text, doc.locale);
  numbersCache.set(doc, { text: doc.text, locale: doc.locale, numbers });
  return numbers;
}

export type SelectNumberResult =
  | { ok: true; number: WrittenNumber }
  | {
      ok: false;
      code: 'number-not-found' | 'number-ambiguous';
      message: string;
      /** The claims-bearing numbers found in the quote, as written. */
      candidates: string[];
    };

/** Where the numeral itself sits in the document (the text may carry a prefix like "$"). */
function numeralSpan(n: WrittenNumber): { start: number; end: number } {
  const k = n.text.indexOf(n.numeral);
  const start = n.span.start + (k >= 0 ? k : 0);
  return { start, end: k >= 0 ? start + n.numeral.length : n.span.end };
}

/** The numbers of the document whose numeral lies inside the span (all kinds). */
export function numbersInSpan(doc: AuditedDocument, span: { start: number; end: number }): WrittenNumber[] {
  return documentNumbers(doc).filter((n) => {
    const s = numeralSpan(n);
    return s.start >= span.start && s.end <= span.end;
  });
}

const compact = (s: string) => s.normalize('NFC').replace(/\s+/gu, '');

/** `text` starts with `sel` and the next character does not continue the numeral. */
function startsAsNumber(text: string, sel: string): boolean {
  if (!text.startsWith(sel)) return false;
  const rest = text.slice(sel.length);
  return !/^(\d|[.,]\d)/u.test(rest);
}

/**
 * The stated number of a quote: with no selector, the one quantity or range inside the anchor;
 * with a selector (as written, e.g. "30,3 %"), the number whose text equals it (ignoring
 * whitespace) or, failing that, starts with it.
 */
export function selectNumber(doc: AuditedDocument, anchor: Anchor, selector?: string): SelectNumberResult {
  const inside = numbersInSpan(doc, anchor.span);
  const claims = inside.filter((n) => n.kind === 'quantity' || n.kind === 'range');
  const candidates = claims.map((n) => n.text);
  const list = candidates.length ? candidates.map((t) => `"${t}"`).join(', ') : 'none';

  if (selector === undefined) {
    if (claims.length === 1) return { ok: true, number: claims[0]! };
    if (claims.length === 0) {
      const others = inside.map((n) => `"${n.text}" (${n.kind})`);
      return {
        ok: false,
        code: 'number-not-found',
        message: `the quote holds no quantity to check${others.length ? `; it has only ${others.join(', ')}` : ''}`,
        candidates,
      };
    }
    return {
      ok: false,
      code: 'number-ambiguous',
      message: `the quote holds ${claims.length} numbers (${list}); say which one with "number:"`,
      candidates,
    };
  }

  const sel = compact(selector);
  const pick = (pred: (t: string) => boolean): WrittenNumber[] => claims.filter((n) => pred(compact(n.text)));
  let found = pick((t) => t === sel);
  if (found.length === 0) found = pick((t) => startsAsNumber(t, sel));
  if (found.length === 0) found = claims.filter((n) => compact(n.numeral) === sel);
  if (found.length === 1) return { ok: true, number: found[0]! };
  if (found.length > 1) {
    return {
      ok: false,
      code: 'number-ambiguous',
      message: `"${selector}" occurs ${found.length} times in the quote; lengthen the quote or make "number" more specific (numbers: ${list})`,
      candidates,
    };
  }
  const other = inside.find((n) => n.kind !== 'quantity' && n.kind !== 'range' && (compact(n.text) === sel || startsAsNumber(compact(n.text), sel)));
  return {
    ok: false,
    code: 'number-not-found',
    message: other
      ? `"${selector}" is read as a ${other.kind}, not a quantity that a claim can state (numbers in the quote: ${list})`
      : `no number "${selector}" in the quote (numbers in the quote: ${list})`,
    candidates,
  };
}
