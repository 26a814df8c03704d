/**
 * Where a quote occurs in a (whitespace-collapsed) document. One search is a plain indexOf scan;
 * an audit of thousands of quotes against a long document would make that quadratic, so after a
 * few searches of the same text an index of every word start by the hash of the K characters
 * starting there is built once. A search then picks the rarest K-character window of the quote
 * that starts a word (quotes often share their first words, "năm 2021 đạt …", but rarely their
 * figures) and checks only the positions where that window occurs.
 */

const K = 8;
/** Searches of one text answered by scanning before the index pays for itself. */
const SCANS_BEFORE_INDEX = 32;

/**
 * An open hash table in typed arrays (a Map of millions of positions costs seconds and hundreds
 * of megabytes) of the windows starting at the indexed positions of the text, `starts` (ascending):
 * `heads[b]` is the first of them whose window falls in bucket b, `next` chains the others in
 * ascending order (both hold indexes into `starts`), `counts[b]` says how many there are. Windows
 * of different text may share a bucket: every candidate position is checked against the quote anyway.
 *
 * Only the starts of words are indexed (the positions right after a space), a fifth of the
 * positions of a prose text: an occurrence of a quote holds each of the quote's windows that
 * starts right after one of its spaces at a word start of the text, so searching by such a
 * window misses none. A text with few spaces (a language written without them) indexes every
 * position, and so does a second index built for a quote with no window after a space.
 */
interface TextIndex {
  starts: Int32Array;
  heads: Int32Array;
  next: Int32Array;
  counts: Int32Array;
  mask: number;
  /** Every position is indexed (else only word starts). */
  everyPosition: boolean;
}

/** Searches whose index is built: released together when a load is done. */
const indexed = new Set<QuoteSearch>();
/** Indexes kept at once (each is a few Int32Arrays as long as its text's words). */
const MAX_INDEXED = 8;
/** Fewer spaces than one per this many code units: index every position. */
const SPARSE_SPACES = 32;
const SPACE = 0x20;

function hashAt(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + K; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** The bucket of a window's hash (its bits mixed, so that windows differing at the end spread out). */
function bucketOf(h: number, mask: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) & mask;
}

/** The index of the text's word starts, or of every position (`everyPosition`, or when the text has few spaces). */
function buildIndex(text: string, everyPosition: boolean): TextIndex {
  const positions = Math.max(0, text.length - K + 1);
  let words = 0;
  if (!everyPosition) for (let at = 1; at < positions; at++) if (text.charCodeAt(at - 1) === SPACE) words++;
  everyPosition ||= words * SPARSE_SPACES < positions;
  const starts = new Int32Array(everyPosition ? positions : words);
  let count = 0;
  for (let at = everyPosition ? 0 : 1; at < positions; at++) if (everyPosition || text.charCodeAt(at - 1) === SPACE) starts[count++] = at;
  let size = 1024;
  while (size < count) size *= 2;
  const mask = size - 1;
  const heads = new Int32Array(size).fill(-1);
  const counts = new Int32Array(size);
  const next = new Int32Array(count);
  // Backwards, so that each chain lists its positions in ascending order.
  for (let k = count - 1; k >= 0; k--) {
    const b = bucketOf(hashAt(text, starts[k]!), mask);
    next[k] = heads[b]!;
    heads[b] = k;
    counts[b]!++;
  }
  return { starts, heads, next, counts, mask, everyPosition };
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
  /** The index of word starts. */
  private index: TextIndex | undefined;
  /** The index of every position, built only for a needle with no window after a space ("45.481.200"). */
  private full: TextIndex | undefined;

  constructor(readonly text: string) {}

  /** Every (overlapping) start of `needle` in the text, in ascending order. */
  occurrences(needle: string): number[] {
    const hay = this.text;
    if (needle.length === 0) return [];
    if (needle.length < K) return scan(hay, needle);
    if (!this.index && ++this.scans > SCANS_BEFORE_INDEX) {
      this.keepIndexed();
      this.index = buildIndex(hay, false);
    }
    if (!this.index) return scan(hay, needle);
    let found = search(this.index, hay, needle);
    if (found === null) {
      // No window of the needle follows a space: only an index of every position can find it
      // (scanning the text for each such quote of a rule set would be quadratic).
      this.full ??= this.index.everyPosition ? this.index : buildIndex(hay, true);
      found = search(this.full, hay, needle)!;
    }
    return found;
  }

  /** Only the texts of the current audit keep an index: a ninth lets the others go. */
  private keepIndexed(): void {
    if (indexed.size >= MAX_INDEXED) releaseQuoteIndexes();
    indexed.add(this);
  }

  /** Drop the indexes (they are rebuilt if searched again). */
  release(): void {
    this.index = undefined;
    this.full = undefined;
    this.scans = 0;
  }
}

/** The needle's starts found through the index, in ascending order; null when no window of the needle is indexed. */
function search(index: TextIndex, hay: string, needle: string): number[] | null {
  const { starts, heads, next, counts, mask, everyPosition } = index;
  // The rarest of the needle's windows that the index can find: any, or those after a space.
  let window = -1;
  let rarest = Infinity;
  for (let j = everyPosition ? 0 : 1; j + K <= needle.length && rarest > 1; j++) {
    if (!everyPosition && needle.charCodeAt(j - 1) !== SPACE) continue;
    const count = counts[bucketOf(hashAt(needle, j), mask)]!;
    if (count < rarest) [window, rarest] = [j, count];
  }
  if (window < 0) return null;
  const out: number[] = [];
  for (let k = heads[bucketOf(hashAt(needle, window), mask)]!; k >= 0; k = next[k]!) {
    const start = starts[k]! - window;
    if (start >= 0 && hay.startsWith(needle, start)) out.push(start);
  }
  return out;
}
