/**
 * Where a quote occurs in a (whitespace-collapsed) document. One search is a plain indexOf scan;
 * an audit of thousands of quotes against a long document would make that quadratic, so after a
 * few searches of the same text an index of every position by the hash of the K characters
 * starting there is built once. A search then picks the rarest K-character window of the quote
 * (quotes often share their first words, "năm 2021 đạt …", but rarely their figures) and checks
 * only the positions where that window occurs.
 */

const K = 8;
/** 31^(K−1), modulo 2^32: what the first character of a window weighs in its hash. */
const POWER = Array.from({ length: K - 1 }).reduce<number>((p) => Math.imul(p, 31), 1);
/** The inverse of 31 modulo 2^32: rolling a window's hash one character back divides by 31. */
const INVERSE_31 = 0xbdef7bdf;
/** Searches of one text answered by scanning before the index pays for itself. */
const SCANS_BEFORE_INDEX = 32;

/**
 * An open hash table in typed arrays (a Map of millions of positions costs seconds and hundreds
 * of megabytes): `heads[b]` is the first position whose window falls in bucket b, `next` chains
 * the others in ascending order, `counts[b]` says how many there are. Windows of different text
 * may share a bucket: every candidate position is checked against the quote anyway.
 */
interface TextIndex {
  heads: Int32Array;
  next: Int32Array;
  counts: Int32Array;
  mask: number;
}

/** Searches whose index is built: released together when a load is done. */
const indexed = new Set<QuoteSearch>();
/** Indexes kept at once (each is three Int32Arrays as long as its text). */
const MAX_INDEXED = 8;

function hashAt(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + K; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** The bucket of a window's hash (its bits mixed, so that windows differing at the end spread out). */
function bucketOf(h: number, mask: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) & mask;
}

function buildIndex(text: string): TextIndex {
  const positions = Math.max(0, text.length - K + 1);
  let size = 1024;
  while (size < positions) size *= 2;
  const mask = size - 1;
  const heads = new Int32Array(size).fill(-1);
  const counts = new Int32Array(size);
  const next = new Int32Array(positions).fill(-1);
  // Walk backwards so each chain lists positions in ascending order; the hash rolls backwards
  // too (from the window at+1 to the window at).
  let h = positions > 0 ? hashAt(text, positions - 1) : 0;
  for (let at = positions - 1; at >= 0; at--) {
    if (at < positions - 1) h = (Math.imul(h - text.charCodeAt(at + K), INVERSE_31) + Math.imul(text.charCodeAt(at), POWER)) | 0;
    const b = bucketOf(h, mask);
    next[at] = heads[b]!;
    heads[b] = at;
    counts[b]!++;
  }
  return { heads, next, counts, mask };
}

function scan(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Forget every index (they are rebuilt on demand): a finished load needs none of them. */
export function releaseQuoteIndexes(): void {
  for (const search of indexed) search.release();
  indexed.clear();
}

/**
 * The searches of one text. It is held by whoever owns the text (the document's collapsed text),
 * never looked up by the text itself: a Map keyed by a long string compares whole texts whenever
 * two have the same length (V8 hashes a string longer than 16 383 characters by its length alone),
 * which made every search of an audit of identical documents cost a comparison of the document.
 */
export class QuoteSearch {
  private scans = 0;
  private index: TextIndex | undefined;

  constructor(readonly text: string) {}

  /** Every (overlapping) start of `needle` in the text, in ascending order. */
  occurrences(needle: string): number[] {
    const hay = this.text;
    if (needle.length === 0) return [];
    if (needle.length < K) return scan(hay, needle);
    if (!this.index && ++this.scans > SCANS_BEFORE_INDEX) {
      // Only the texts of the current audit keep an index: a ninth lets the others go.
      if (indexed.size >= MAX_INDEXED) releaseQuoteIndexes();
      this.index = buildIndex(hay);
      indexed.add(this);
    }
    if (!this.index) return scan(hay, needle);
    const { heads, next, counts, mask } = this.index;
    // The hash of each window follows from the last (rolling); a window found once is as good as any.
    let window = 0;
    let rarest = Infinity;
    let h = hashAt(needle, 0);
    for (let j = 0; ; j++) {
      const count = counts[bucketOf(h, mask)]!;
      if (count < rarest) [window, rarest] = [j, count];
      if (rarest <= 1 || j + K >= needle.length) break;
      h = (Math.imul(h - Math.imul(needle.charCodeAt(j), POWER), 31) + needle.charCodeAt(j + K)) | 0;
    }
    const out: number[] = [];
    for (let at = heads[bucketOf(hashAt(needle, window), mask)]!; at >= 0; at = next[at]!) {
      const start = at - window;
      if (start >= 0 && hay.startsWith(needle, start)) out.push(start);
    }
    return out;
  }

  /** Drop the index (it is rebuilt if searched again). */
  release(): void {
    this.index = undefined;
    this.scans = 0;
  }
}
