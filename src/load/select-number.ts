/**
 * The numbers of a quote: every number of the document (scanned once and cached), those inside
 * an anchor, and the one a claim states (picked by a `number:` selector when there are several).
 */
import type { Anchor, AuditedDocument, Locale, WrittenNumber } from '../model.js';
import { scanNumbers } from '../numbers/index.js';

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

/**
 * The numbers of the document whose numeral lies inside the span (all kinds). Numbers come in
 * document order and do not overlap, so a binary search finds the first candidate: one lookup
 * costs O(log n + k), which keeps an audit of many quotes on a long document linear.
 */
export function numbersInSpan(doc: AuditedDocument, span: { start: number; end: number }): WrittenNumber[] {
  const numbers = documentNumbers(doc);
  let lo = 0;
  let hi = numbers.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (numbers[mid]!.span.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const inside: WrittenNumber[] = [];
  for (let i = lo; i < numbers.length && numbers[i]!.span.start < span.end; i++) {
    const s = numeralSpan(numbers[i]!);
    if (s.start >= span.start && s.end <= span.end) inside.push(numbers[i]!);
  }
  return inside;
}

const compact = (s: string) => {
  const nfc = s.normalize('NFC');
  return /\s/u.test(nfc) ? nfc.replace(/\s+/gu, '') : nfc;
};

/** `text` starts with `sel` and the next character does not continue the numeral. */
function startsAsNumber(text: string, sel: string): boolean {
  if (!text.startsWith(sel)) return false;
  const rest = text.slice(sel.length);
  return !/^(\d|[.,]\d)/u.test(rest);
}

/**
 * Does the document, read from the start of `n`, spell `sel` (whitespace ignored) and end there
 * at a word boundary? "880 tấn", "35 chỉ tiêu", "12 tuyến đường": a selector may name the noun
 * after a number even when the reader does not take that noun for its unit.
 */
function spelledFrom(doc: AuditedDocument, n: WrittenNumber, sel: string, limit: number): boolean {
  const text = doc.text;
  let p = n.span.start;
  let k = 0;
  while (k < sel.length) {
    if (p >= limit) return false;
    const ch = text[p]!;
    if (/\s/u.test(ch)) {
      p++;
      continue;
    }
    if (ch !== sel[k]) return false;
    p++;
    k++;
  }
  return p >= n.span.end && !(/[\p{L}\p{M}\p{N}]/u.test(sel[sel.length - 1]!) && /[\p{L}\p{M}\p{N}]/u.test(text[p] ?? ''));
}

/*
 * The texts of a quote's numbers, for the messages of a number that is not found: made only then
 * (every rule's number goes through selectNumber, and nearly all are found).
 */
const textsOf = (numbers: readonly WrittenNumber[]): string[] => numbers.map((n) => n.text);
const listOf = (numbers: readonly WrittenNumber[]): string => (numbers.length ? numbers.map((n) => `"${n.text}"`).join(', ') : 'none');
const unreadableIn = (numbers: readonly WrittenNumber[]): string =>
  numbers
    .filter((n) => n.kind === 'malformed')
    .map((n) => `"${n.text}" cannot be read: ${n.problem ?? 'malformed numeral'}`)
    .join('; ');

/**
 * The stated number of a quote: with no selector, the one quantity or range inside the anchor;
 * with a selector (as written, e.g. "30,3 %"), the number whose text equals it (ignoring
 * whitespace), or starts with it, or is it followed by the words of the selector ("880 tấn"),
 * or — inside a range or a change — the end it names ("109.4 billion" of "100 to 109.4 billion").
 */
export function selectNumber(doc: AuditedDocument, anchor: Anchor, selector?: string): SelectNumberResult {
  const inside = numbersInSpan(doc, anchor.span);
  const claims = inside.filter((n) => n.kind === 'quantity' || n.kind === 'range');
  if (selector === undefined) {
    if (claims.length === 1) return { ok: true, number: claims[0]! };
    if (claims.length === 0) {
      const others = inside.filter((n) => n.kind !== 'malformed').map((n) => `"${n.text}" (${n.kind})`);
      const unread = unreadableIn(inside);
      return {
        ok: false,
        code: 'number-not-found',
        message: `the quote holds no quantity to check${others.length ? `; it has only ${others.join(', ')}` : ''}${unread ? `; ${unread}` : ''}`,
        candidates: textsOf(claims),
      };
    }
    return {
      ok: false,
      code: 'number-ambiguous',
      message: `the quote holds ${claims.length} numbers (${listOf(claims)}); say which one with "number:"`,
      candidates: textsOf(claims),
    };
  }

  const sel = compact(selector);
  const pick = (pred: (t: string) => boolean): WrittenNumber[] => claims.filter((n) => pred(compact(n.text)));
  let found = pick((t) => t === sel);
  if (found.length === 0) found = pick((t) => startsAsNumber(t, sel));
  if (found.length === 0) found = claims.filter((n) => compact(n.numeral) === sel);
  if (found.length === 0) found = claims.filter((n) => spelledFrom(doc, n, sel, anchor.span.end));
  if (found.length === 0) {
    const ends = claims.flatMap((n) => n.range ?? []);
    found = ends.filter((e) => compact(e.text) === sel || compact(e.numeral) === sel);
  }
  if (found.length === 1) return { ok: true, number: found[0]! };
  if (found.length > 1) {
    return {
      ok: false,
      code: 'number-ambiguous',
      message: `"${selector}" occurs ${found.length} times in the quote; lengthen the quote or make "number" more specific (numbers: ${listOf(claims)})`,
      candidates: textsOf(claims),
    };
  }
  const other = inside.find((n) => n.kind !== 'quantity' && n.kind !== 'range' && (compact(n.text) === sel || startsAsNumber(compact(n.text), sel)));
  const unread = other ? '' : unreadableIn(inside);
  return {
    ok: false,
    code: 'number-not-found',
    message: other
      ? other.kind === 'malformed'
        ? `"${selector}" cannot be read: ${other.problem ?? 'malformed numeral'}`
        : `"${selector}" is read as a ${other.kind}, not a quantity that a claim can state (numbers in the quote: ${listOf(claims)})`
      : `no number "${selector}" in the quote (numbers in the quote: ${listOf(claims)})${unread ? `; ${unread}` : ''}`,
    candidates: textsOf(claims),
  };
}
