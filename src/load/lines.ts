/** Line and column of an offset into a text, through the offsets where its lines start. */

/** Offsets where each line of `text` starts (after each "\n"). */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column (UTF-16 units) of `offset`, clamped into a text of `length` units. */
export function lineColOf(starts: readonly number[], offset: number, length: number): { line: number; col: number } {
  const o = Math.max(0, Math.min(offset, length));
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: o - starts[lo]! + 1 };
}
