/**
 * Readable ids from the words around a number: "Thu ngân sách … năm 2021" → thu_ngan_sach_2021
 * (figures, usable in expressions) and thu-ngan-sach-growth-2021 (rules). Vietnamese is folded
 * to ASCII; ids are unique in their file by a numeric suffix given in document order, so the
 * same document always gives the same ids.
 */
import { fold } from './text.js';

const MAX_WORDS_CHARS = 40;

/** Words folded to ASCII and joined: only [a-z0-9] and the separator. */
export function slug(words: readonly string[], sep: '_' | '-'): string {
  const parts = words.map((w) => fold(w).replace(/[^a-z0-9]+/gu, '')).filter(Boolean);
  let out = '';
  for (const p of parts) {
    const next = out ? `${out}${sep}${p}` : p;
    if (next.length > MAX_WORDS_CHARS) break;
    out = next;
  }
  return out;
}

/** Hands out ids unique in one file: the first keeps its name, later ones get _2, _3 … */
export class IdMaker {
  private readonly used = new Set<string>();
  constructor(
    private readonly sep: '_' | '-',
    private readonly fallback: string,
    /** Names an id must not be (a figure called "share" would hide the function share()). */
    private readonly reserved: ReadonlySet<string> = new Set(),
  ) {}

  make(words: readonly string[], ...suffixes: (string | undefined)[]): string {
    const head = slug(words, this.sep) || this.fallback;
    const tail = suffixes.filter((s): s is string => !!s).map((s) => s.replace(/[^a-z0-9]+/giu, this.sep).toLowerCase());
    let base = [head, ...tail].join(this.sep);
    // Figure ids are identifiers (a letter first); rule ids may start with a digit, but read better without.
    if (!/^[a-z]/u.test(base)) base = `${this.fallback}${this.sep}${base}`;
    if (this.reserved.has(base)) base = `${base}${this.sep}${this.fallback}`;
    let id = base;
    for (let k = 2; this.used.has(id); k++) id = `${base}${this.sep}${k}`;
    this.used.add(id);
    return id;
  }
}
