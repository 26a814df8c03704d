/**
 * Building and printing Diagnostics: code frames, "did you mean" lists (the candidates come from
 * ../suggest.ts), and the one-line `file:line:col error[code] message` form that editors and
 * terminals link to.
 */
import type { Diagnostic, Position } from '../model.js';
import { visible } from '../visible.js';

/** Split a text into lines, accepting \n, \r\n and lone \r. */
function splitLines(source: string): string[] {
  return source.split(/\r\n|\r|\n/);
}

/** Columns of a frame line shown on each side of the caret: a 5 MB line is not echoed whole. */
export const FRAME_HALF_WIDTH = 60;

/**
 * The text a caret must be indented by to sit under the end of `before`: tabs are kept (so the
 * terminal expands them the same way), combining marks take no room.
 */
function caretIndent(before: string): string {
  let out = '';
  for (const ch of before) {
    if (ch === '\t') out += '\t';
    else if (/\p{M}/u.test(ch)) continue;
    else out += ' ';
  }
  return out;
}

/**
 * The part of a line a frame shows: the characters within FRAME_HALF_WIDTH of column `col`
 * (1-based, UTF-16 units), with "…" where the line was cut, and every invisible character
 * written as an escape (`\x1B`, `\u202E`; src/visible.ts) so the frame can neither rewrite a
 * terminal nor hide what is wrong. `caret` is the indent that puts a caret under `col`.
 */
function frameSlice(line: string, col: number): { text: string; caret: string } {
  const at = Math.max(0, col - 1);
  let from = Math.max(0, at - FRAME_HALF_WIDTH);
  let to = Math.min(line.length, at + FRAME_HALF_WIDTH);
  // Never cut a surrogate pair in half.
  if (from > 0 && /[\uDC00-\uDFFF]/.test(line[from] ?? '')) from--;
  if (to < line.length && /[\uD800-\uDBFF]/.test(line[to - 1] ?? '')) to++;
  const head = from > 0 ? '…' : '';
  const tail = to < line.length ? '…' : '';
  const before = head + visible(line.slice(from, Math.min(at, to)), ['\t']);
  // A column past the end of the line (e.g. at the newline) still gets its caret.
  const past = Math.max(0, at - line.length);
  return {
    text: (before + visible(line.slice(Math.min(at, to), to), ['\t']) + tail).replace(/\s+$/u, ''),
    caret: caretIndent(before) + ' '.repeat(past),
  };
}

/**
 * A code frame: `context` lines before the offending one, the line itself marked with `>`,
 * and a caret under the column. Long lines are cut to FRAME_HALF_WIDTH columns around the caret.
 *
 *       3 | rules:
 *     > 4 |   - exprr: growth(a, b)
 *         |     ^
 */
export function codeFrame(source: string, line: number, col: number, context = 1): string {
  const lines = splitLines(source);
  if (line < 1 || line > lines.length) return '';
  const first = Math.max(1, line - context);
  const width = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= line; n++) {
    const { text } = frameSlice(lines[n - 1] ?? '', col);
    const mark = n === line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(width)} | ${text}`.trimEnd());
  }
  const { caret } = frameSlice(lines[line - 1] ?? '', col);
  out.push(`  ${' '.repeat(width)} | ${caret}^`);
  return out.join('\n');
}

export interface DiagnosticInit {
  code: string;
  message: string;
  position: Position;
  severity?: 'error' | 'warning';
  /** The file's text, to build the code frame from. */
  source?: string;
  suggestions?: string[];
}

/** A Diagnostic with its code frame built from `source` (when given). */
export function makeDiagnostic(init: DiagnosticInit): Diagnostic {
  const d: Diagnostic = {
    severity: init.severity ?? 'error',
    code: init.code,
    // A message quotes what the file says: a zero-width space or an NBSP in it must show.
    message: visible(init.message),
    position: init.position,
  };
  if (init.source !== undefined) {
    const frame = codeFrame(init.source, init.position.line, init.position.col);
    if (frame) d.frame = frame;
  }
  if (init.suggestions && init.suggestions.length > 0) d.suggestions = init.suggestions;
  return d;
}

/** "a", "a" or "b", "a", "b" or "c" — quoted. */
export function orList(items: readonly string[]): string {
  const q = items.map((s) => `"${s}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** `file:line:col error[code] message`, then the frame and the suggestions, one per line. */
export function formatDiagnostic(d: Diagnostic): string {
  const p = d.position;
  const parts = [`${p.file}:${p.line}:${p.col} ${d.severity}[${d.code}] ${d.message}`];
  if (d.frame) parts.push(d.frame);
  if (d.suggestions && d.suggestions.length > 0) parts.push(`  did you mean ${orList(d.suggestions)}?`);
  return parts.join('\n');
}

/** Diagnostics in reading order: by file, line, column, then code (stable). */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => {
      const p = a.d.position;
      const q = b.d.position;
      if (p.file !== q.file) return p.file < q.file ? -1 : 1;
      return p.line - q.line || p.col - q.col || a.i - b.i;
    })
    .map((x) => x.d);
}
