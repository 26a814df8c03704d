/**
 * Cutting a document into segments so that nested and overlapping claim anchors can all be
 * marked: every boundary of every span cuts the text, and each segment knows every claim that
 * covers it (outermost first), whose stated number it is part of, and whether it lies inside an
 * uncovered number. The stated numbers come from the loader's own spans, never from searching
 * the quote's text, so where quotes overlap each claim marks its own number.
 */

export interface Span {
  start: number;
  end: number;
}

export interface ClaimSpan extends Span {
  /** Index of the result in AuditResult.results. */
  index: number;
}

export interface Segment<N extends Span = Span> extends Span {
  /** Indices of the claims covering this segment, outermost (earliest start, then longest) first. */
  claims: number[];
  /** Claims whose first segment this is (their focusable head). */
  heads: number[];
  /** Claims whose stated number covers this segment. */
  stated: number[];
  /** The segment lies inside a number of the document that no rule accounts for. */
  uncovered: boolean;
  /** That number (the one that started last, if several overlap). */
  number?: N;
}

/** Outer before inner: earlier start first, then the longer span, then the lower index. */
export function compareSpans(a: ClaimSpan, b: ClaimSpan): number {
  return a.start - b.start || b.end - a.end || a.index - b.index;
}

function clamp(span: Span, length: number): Span {
  return { start: Math.max(0, Math.min(span.start, length)), end: Math.max(0, Math.min(span.end, length)) };
}

/** Sweep over the cut points, keeping the spans that are open: linear in the text's marks, not quadratic. */
export function segmentText<N extends Span>(length: number, claims: ClaimSpan[], uncovered: N[], stated: ClaimSpan[] = []): Segment<N>[] {
  const spans = claims
    .map((c) => ({ ...c, ...clamp(c, length) }))
    .filter((c) => c.end > c.start)
    .sort(compareSpans);
  const numbers = uncovered
    .map((source) => ({ ...clamp(source, length), source }))
    .filter((u) => u.end > u.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const numerals = stated
    .map((c) => ({ ...c, ...clamp(c, length) }))
    .filter((c) => c.end > c.start)
    .sort(compareSpans);
  const cuts = new Set<number>([0, length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const u of numbers) cuts.add(u.start).add(u.end);
  for (const n of numerals) cuts.add(n.start).add(n.end);
  const points = [...cuts].sort((a, b) => a - b);

  const segments: Segment<N>[] = [];
  let active: ClaimSpan[] = [];
  let openNumbers: typeof numbers = [];
  let openNumerals: ClaimSpan[] = [];
  let nextSpan = 0;
  let nextNumber = 0;
  let nextNumeral = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((s) => s.end > start);
    openNumbers = openNumbers.filter((u) => u.end > start);
    openNumerals = openNumerals.filter((n) => n.end > start);
    const heads: number[] = [];
    let added = false;
    while (nextSpan < spans.length && spans[nextSpan]!.start === start) {
      const span = spans[nextSpan++]!;
      active.push(span);
      heads.push(span.index);
      added = true;
    }
    while (nextNumber < numbers.length && numbers[nextNumber]!.start === start) openNumbers.push(numbers[nextNumber++]!);
    while (nextNumeral < numerals.length && numerals[nextNumeral]!.start === start) openNumerals.push(numerals[nextNumeral++]!);
    if (added) active.sort(compareSpans);
    const number = openNumbers.at(-1)?.source;
    const statedHere = openNumerals.map((n) => n.index).sort((a, b) => a - b);
    segments.push({ start, end, claims: active.map((s) => s.index), heads, stated: statedHere, uncovered: number !== undefined, ...(number ? { number } : {}) });
  }
  return segments;
}
