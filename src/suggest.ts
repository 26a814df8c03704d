/**
 * "Did you mean": the close names offered with an unknown key, column, figure id or function.
 * Shared by the load stage (rule and figure files) and the evaluate stage (expressions), so both
 * suggest the same way.
 */

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, so "exrp" is
 * one edit from "expr"). Counted in code points, so a Vietnamese letter is one character.
 */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const m = s.length;
  const n = t.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j <= n; j++) d[0]![j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[m]![n]!;
}

/**
 * Candidates close to `word`, best first: an edit distance of at most 2 or at most a third of
 * the word's length, or one being a prefix of the other ("rounding" → "round"). Comparison
 * ignores case; an exact match is not a suggestion.
 */
export function didYouMean(word: string, candidates: Iterable<string>, max = 3): string[] {
  const w = word.toLowerCase();
  const wl = Array.from(w).length;
  const scored: { c: string; d: number }[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c) || c === word) continue;
    seen.add(c);
    const lc = c.toLowerCase();
    const cl = Array.from(lc).length;
    let d = editDistance(w, lc);
    // Short words tolerate one edit only: two edits turn any three-letter name into another.
    const limit = wl <= 3 ? 1 : Math.max(2, Math.floor(wl / 3));
    const prefix = Math.min(wl, cl) >= 3 && (lc.startsWith(w) || w.startsWith(lc));
    if (d > 0 && d >= Math.max(wl, cl)) continue; // nothing in common
    if (d <= limit || prefix) {
      if (prefix) d = Math.min(d, limit);
      scored.push({ c, d });
    }
  }
  scored.sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : x.c > y.c ? 1 : 0));
  return scored.slice(0, max).map((x) => x.c);
}
