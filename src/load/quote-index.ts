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
/** Searches of one text answered by scanning before the index pays for itself. */
const SCANS_BEFORE_INDEX = 32;

interface TextIndex {
  scans: number;
  /** Positions by hash of the K characters starting there (chains in `next`, ascending). */
  heads?: Map<number, number>;
  next?: Int32Array;
  /** How many positions share each hash. */
  counts?: Map<number, number>;
}

const indexes = new Map<string, TextIndex>();

function hashAt(text: string, at: number): number {
  let h = 0;
  for (let i = at; i < at + K; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

function buildIndex(text: string, index: TextIndex): void {
  const heads = new Map<number, number>();
  const counts = new Map<number, number>();
  const next = new Int32Array(Math.max(0, text.length - K + 1)).fill(-1);
  // Walk backwards so each chain lists positions in ascending order.
  for (let at = text.length - K; at >= 0; at--) {
    const h = hashAt(text, at);
    next[at] = heads.get(h) ?? -1;
    heads.set(h, at);
    counts.set(h, (counts.get(h) ?? 0) + 1);
  }
  index.heads = heads;
  index.next = next;
  index.counts = counts;
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
  if (!index.heads || !index.next || !index.counts) return scan(hay, needle);
  // The hash of each window follows from the last (rolling); a window found once is as good as any.
  let window = 0;
  let rarest = Infinity;
  let h = hashAt(needle, 0);
  for (let j = 0; ; j++) {
    const count = index.counts.get(h) ?? 0;
    if (count < rarest) [window, rarest] = [j, count];
    if (rarest <= 1 || j + K >= needle.length) break;
    h = (Math.imul(h - Math.imul(needle.charCodeAt(j), POWER), 31) + needle.charCodeAt(j + K)) | 0;
  }
  const out: number[] = [];
  for (let at = index.heads.get(hashAt(needle, window)) ?? -1; at >= 0; at = index.next[at]!) {
    const start = at - window;
    if (start >= 0 && hay.startsWith(needle, start)) out.push(start);
  }
  return out;
}
