/**
 * Characters a reader cannot see, written as escapes they can: control characters (C0, DEL,
 * C1 — ESC among them), bidirectional overrides and isolates, zero-width and other format
 * characters, line and paragraph separators, spaces other than U+0020 (NBSP…), lone surrogates
 * and the noncharacters U+FFFE/U+FFFF. Shared by the loader (diagnostic messages and code frames)
 * and by every text report (src/report/escape.ts), so a rule file can neither rewrite a terminal
 * nor hide a character in a message.
 *
 * Code points below U+0100 are written `\xHH`, the others `\uHHHH` (`\u{HHHHH}` above U+FFFF).
 * The result holds only characters that are visible (or plain spaces, and tabs when kept).
 */

/**
 * Cc: controls; Cf: format characters (bidi controls U+202A–U+202E and U+2066–U+2069, ZWSP,
 * ZWJ, soft hyphen, BOM, tag characters …); Zl/Zp: U+2028/U+2029; Zs other than the space;
 * Cs: lone surrogates (the `u` flag sees a valid pair as one character); Hangul fillers, which
 * render as nothing; U+FFFE/U+FFFF.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0\uFFFE\uFFFF]|(?! )\p{Zs}/gu;

/**
 * Text made only of printable ASCII, Latin letters (Vietnamese included) and typographic quotes
 * and dashes holds nothing to escape: the common case, answered without the Unicode classes.
 */
const SEEN = /^[\x20-\x7E\u00C0-\u024F\u1E00-\u1EFF\u2013\u2014\u2018-\u201D\u2026]*$/;

/** `\x1B`, `\u202E`, `\u{E0041}`: the escape a reader sees for one invisible character. */
export function escapeCodePoint(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const hex = cp.toString(16).toUpperCase();
  if (cp < 0x100) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\u{${hex}}`;
}

/**
 * The text with every invisible character written as its escape. `keep` lists characters left
 * as they are (a code frame keeps its tabs so a terminal expands them like the file's).
 */
export function visible(text: string, keep: readonly string[] = []): string {
  if (SEEN.test(text)) return text;
  return text.replace(INVISIBLE, (ch) => (keep.includes(ch) ? ch : escapeCodePoint(ch)));
}

/** Does the text hold a character `visible` would escape (other than those kept)? */
export function hasInvisible(text: string, keep: readonly string[] = []): boolean {
  for (const m of text.matchAll(INVISIBLE)) if (!keep.includes(m[0])) return true;
  return false;
}
