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

interface TextIndex {
  scans: number;
  /**
   * An open hash table in typed arrays (a Map of millions of positions costs seconds and hundreds
   * of megabytes): `heads[b]` is the first position whose window falls in bucket b, `next` chains
   * the others in ascending order, `counts[b]` says how many there are. Windows of different text
   * may share a bucket: every candidate position is checked against the quote anyway.
   */
  heads?: Int32Array;
  next?: Int32Array;
  counts?: Int32Array;
  mask?: number;
}

const indexes = new Map<string, TextIndex>();

function hashAt(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + K; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

/** The bucket of a window's hash (its bits mixed, so that windows differing at the end spread out). */
function bucketOf(h: number, mask: number): number {
  return Math.imul(h ^ (h >>> 16), 0x45d9f3b) & mask;
}

function buildIndex(text: string, index: TextIndex): void {
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
  index.heads = heads;
  index.next = next;
  index.counts = counts;
  index.mask = mask;
}

function scan(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Forget every index (they are rebuilt on demand): a finished load needs none of them. */
export function releaseQuoteIndexes(): void {
  indexes.clear();
}

/** Every (overlapping) start of `needle` in `hay`, in ascending order. */
export function occurrences(hay: string, needle: string): number[] {
  if (needle.length === 0) return [];
  let index = indexes.get(hay);
  if (!index) {
    // Only the texts of the current audit are kept: a new text replaces the old ones.
    if (indexes.size > 8) indexes.clear();
    index = { scans: 0 };
    indexes.set(hay, index);
  }
  if (needle.length < K) return scan(hay, needle);
  if (!index.heads && ++index.scans > SCANS_BEFORE_INDEX) buildIndex(hay, index);
  if (!index.heads || !index.next || !index.counts || index.mask === undefined) return scan(hay, needle);
  const { heads, next, counts, mask } = index;
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
