/**
 * Building and printing Diagnostics: code frames, "did you mean" lists (the candidates come from
 * ../suggest.ts), and the one-line `file:line:col error[code] message` form that editors and
 * terminals link to.
 */
import type { Diagnostic, Position } from '../model.js';

/** Split a text into lines, accepting \n, \r\n and lone \r. */
function splitLines(source: string): string[] {
  return source.split(/\r\n|\r|\n/);
}

/**
 * The text a caret must be indented by to sit under `col` (1-based, UTF-16 units) of `line`:
 * tabs are kept (so the terminal expands them the same way), combining marks take no room.
 */
function caretIndent(line: string, col: number): string {
  const before = line.slice(0, Math.max(0, col - 1));
  let out = '';
  for (const ch of before) {
    if (ch === '\t') out += '\t';
    else if (/\p{M}/u.test(ch)) continue;
    else out += ' ';
  }
  // A column past the end of the line (e.g. at the newline) still gets its caret.
  const past = col - 1 - before.length;
  return past > 0 ? out + ' '.repeat(past) : out;
}

/**
 * A code frame: `context` lines before the offending one, the line itself marked with `>`,
 * and a caret under the column.
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
    const text = (lines[n - 1] ?? '').replace(/\s+$/u, '');
    const mark = n === line ? '>' : ' ';
    out.push(`${mark} ${String(n).padStart(width)} | ${text}`.trimEnd());
  }
  const target = lines[line - 1] ?? '';
  out.push(`  ${' '.repeat(width)} | ${caretIndent(target, col)}^`);
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
    message: init.message,
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
