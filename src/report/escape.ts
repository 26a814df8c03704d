/**
 * Text from rule files and documents (ids, quotes, notes, messages, file names) is untrusted: a
 * rule file comes from a contributor's pull request. Each output format neutralises what it must
 * (DESIGN §8), here, in one place:
 *
 *  - terminals (console, explain, coverage): control characters, ESC sequences, bidi overrides
 *    and invisible characters become visible escapes (`\x1B`, `\u202E`, src/visible.ts);
 *  - CI logs read by GitHub Actions: a line starting with `::` is a workflow command, and so is
 *    `##[command]` anywhere in a line (the runner's legacy form) — `::stop-commands::` would
 *    silence every later annotation; neither can come from user text;
 *  - GitHub workflow commands: the data and property encodings of the Actions toolkit;
 *  - Markdown: HTML (`<!--` would hide every later finding, `<img onerror>` would run), link and
 *    image syntax, table pipes, line breaks;
 *  - XML (JUnit): characters XML 1.0 cannot carry are removed as visible escapes, markup escaped;
 *  - JSON (json, sarif): the same data, with invisible characters and `##[` written as \u escapes.
 *
 * The HTML report has its own escaping by construction (html/escape.ts).
 */
import { visible } from '../visible.js';

// ── terminals ──────────────────────────────────────────────────────────────────────────────

/** One field for a terminal: every control, bidi or invisible character (line breaks too) as an escape. */
export function terminalText(text: string): string {
  return visible(text);
}

/** A block of lines for a terminal (a code frame): each line as terminalText, tabs kept. */
export function terminalLines(text: string): string {
  return text
    .split('\n')
    .map((line) => visible(line, ['\t']))
    .join('\n');
}

/**
 * Every string of a value (an audit result, an explanation) made safe for a terminal: code
 * frames line by line, every other string as one field. Reporters render what this returns (a
 * copy where anything changed), so no field can be forgotten, whatever fields the result grows.
 */
export function terminalSafe<T>(value: T): T {
  return mapStrings(value, (s, key) => (key === 'frame' ? terminalLines(s) : terminalText(s)));
}

/**
 * The value (objects, arrays, strings, numbers…) with every string passed through `f`. Only what
 * changes is copied: a result with nothing to escape (nearly all) comes back as it is, so a
 * report of 100 000 results does not copy them all.
 */
function mapStrings<T>(value: T, f: (s: string, key: string | undefined) => string, key?: string): T {
  if (typeof value === 'string') return f(value, key) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const mapped = mapStrings(value[i], f, key);
      if (mapped !== value[i]) (out ??= value.slice())[i] = mapped;
    }
    return (out ?? value) as T;
  }
  // Prototype-free objects too: records keyed by figure ids may be made without one.
  const proto: unknown = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    const record = value as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const k of Object.keys(record)) {
      const mapped = mapStrings(record[k], f, k);
      if (mapped !== record[k]) (out ??= Object.assign(proto === null ? Object.create(null) : {}, record))[k] = mapped;
    }
    return (out ?? value) as T;
  }
  return value;
}

/**
 * A whole text report as a CI log reads it. After terminalSafe no user text holds a line break,
 * so every line starts with tally's own text or with a field (a file name, a message): a line
 * that would start with `::` (after spaces or colour codes) gets its first colon escaped, and
 * `##[` anywhere becomes `##\x5B`. tally's own lines never contain either.
 */
export function ciLogSafe(output: string): string {
  return output
    .replace(/^([\s\u0085]*(?:\u001b\[[0-9;]*m[\s\u0085]*)*):(?=:)/gmu, '$1\\x3A')
    .replace(/##\[/g, '##\\x5B');
}

// ── GitHub workflow commands ───────────────────────────────────────────────────────────────

/**
 * The message of a workflow command: invisible characters visible, then `%`, CR and LF encoded
 * as the Actions toolkit does, so the whole message stays on the command's one line.
 */
export function githubData(text: string): string {
  return visible(text, ['\n', '\r']).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: as data, and `:` and `,` encoded (they end a property). */
export function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// ── Markdown ───────────────────────────────────────────────────────────────────────────────

/**
 * Text inside a Markdown line (a list item, a table cell, a quote): rendered as the same words,
 * inert. `<` and `>` become entities (no HTML, no `<!--`), `&` too (the text shows as written);
 * `\`, backticks, `|` and `](` are backslash-escaped (no code span, table cell or link/image can
 * start); line breaks become spaces (no new block); `##[` is broken for CI logs; invisible
 * characters are shown.
 */
export function markdownText(text: string): string {
  return visible(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '))
    .replace(/\\/g, '\\\\')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[`|]/g, (c) => `\\${c}`)
    .replace(/\]\(/g, '\\](')
    .replace(/##\[/g, '##\\[');
}

/**
 * Text as a Markdown code span: literal inside, so nothing in it is markup; fenced with more
 * backticks than it holds. Inside a table a `|` must still be escaped. A text a code span cannot
 * hold safely (one with `##[`, which no escape inside a span can break) is written as markdownText.
 */
export function markdownCode(text: string, options: { table?: boolean } = {}): string {
  const flat = visible(text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
  if (flat.includes('##[')) return markdownText(text);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  const body = options.table ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

// ── XML (JUnit) ────────────────────────────────────────────────────────────────────────────

/**
 * Characters XML 1.0 cannot carry at all (C0 controls other than tab, newline, carriage return;
 * U+FFFE, U+FFFF; lone surrogates) are written as visible "\u0001" escapes instead.
 */
function xmlSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

/**
 * Characters XML may carry but a log or terminal would act on (ESC-less C1 controls, bidi
 * overrides, invisible characters) as character references: the same data for a parser, inert
 * for a reader; `##[` likewise (`&#91;`).
 */
function xmlInert(text: string): string {
  return text
    .replace(/[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`)
    .replace(/##\[/g, '##&#91;');
}

/** Text content; a carriage return is a reference, or a parser would turn CR LF into LF. */
export function xmlText(text: string): string {
  return xmlInert(xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;'));
}

/** Attribute values also keep their tabs and line breaks (an XML parser would normalise them to spaces). */
export function xmlAttribute(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

// ── JSON (json, sarif) ─────────────────────────────────────────────────────────────────────

/**
 * JSON text with the same data, but every character a terminal or CI log would act on written
 * as a \u escape: JSON.stringify escapes C0 controls but leaves C1 controls, bidi overrides and
 * `##[` as they are. Outside strings JSON holds none of these, so only string contents change.
 */
export function jsonInert(json: string): string {
  return json
    .replace(/[\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '##\\u005b');
}
