/**
 * The places of a document the drafter reasons about: sentences (a claim and the levels it speaks
 * about are nearly always in one), clauses inside them (the enumerations "năm 2021 đạt …; năm
 * 2022 đạt …" and brackets put one level in each), and ASCII folding for readable ids.
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * Sentences as spans: a line break always ends one; ". ", "! ", "? " end one unless a digit
 * follows the dot at once (a decimal or a group separator never has a space after it).
 */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const END = /[.!?…]+(?=\s)|\n+/gu;
  let start = 0;
  for (const m of text.matchAll(END)) {
    const end = m.index + m[0].length;
    if (text.slice(start, end).trim()) out.push(trimSpan(text, { start, end }));
    start = end;
  }
  if (text.slice(start).trim()) out.push(trimSpan(text, { start, end: text.length }));
  return out;
}

function trimSpan(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Clause boundaries inside a span: ";", brackets, and a comma or colon followed by a space (a
 * comma inside a numeral, "7.126,1", has a digit after it, so numbers are never cut).
 */
export function clauses(text: string, s: Span): Span[] {
  const out: Span[] = [];
  const SEP = /[;()[\]]|[,:](?=\s)/gu;
  const part = text.slice(s.start, s.end);
  let start = 0;
  for (const m of part.matchAll(SEP)) {
    out.push({ start: s.start + start, end: s.start + m.index });
    start = m.index + m[0].length;
  }
  out.push({ start: s.start + start, end: s.end });
  return out;
}

/** Vietnamese (and any Latin text) folded to lower-case ASCII: "Đồng Đăng" → "dong dang". */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase();
}

/** The words of a piece of text, lower-case, as written (diacritics kept). */
export function words(s: string): string[] {
  return s.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
}
