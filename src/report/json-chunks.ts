/**
 * `JSON.stringify(value, null, 2)` (or compact, `JSON.stringify(value)`) as a sequence of pieces
 * whose concatenation is exactly that text, so a large report is written piece by piece instead of built as one string of hundreds of
 * megabytes. Arrays and objects holding large arrays are opened up, one element or member at a
 * time; everything else is one `JSON.stringify` call, re-indented to its depth (JSON text has no
 * raw line break inside a string, so indenting after each "\n" is exact).
 */

/** Arrays shorter than this are written in one piece (opening them up would only cost calls). */
const SMALL = 64;

/** Does the value hold an array long enough to open up, at most `depth` levels down? */
function holdsLargeArray(value: unknown, depth: number): boolean {
  if (Array.isArray(value)) return value.length >= SMALL || (depth > 0 && value.some((v) => holdsLargeArray(v, depth - 1)));
  if (value !== null && typeof value === 'object') return depth > 0 && Object.values(value).some((v) => holdsLargeArray(v, depth - 1));
  return false;
}

/** What JSON.stringify writes for a member: nothing for undefined, functions and symbols. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** `step`: the indentation of one level ('  ', or '' for compact JSON without line breaks). */
function* pieces(value: unknown, indent: string, step: string): Generator<string> {
  const toJson = (value as { toJSON?: unknown } | null)?.toJSON;
  if (typeof toJson !== 'function' && holdsLargeArray(value, 3)) {
    const inner = indent + step;
    // Before each member and before the closing bracket: a line break and the indentation, if any.
    const line = (depth: string) => (step ? `\n${depth}` : '');
    if (Array.isArray(value)) {
      yield '[';
      for (let i = 0; i < value.length; i++) {
        yield `${i ? ',' : ''}${line(inner)}`;
        // In an array, what an object would omit is written as null.
        if (omitted(value[i])) yield 'null';
        else yield* pieces(value[i], inner, step);
      }
      yield `${line(indent)}]`;
      return;
    }
    let first = true;
    yield '{';
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (omitted(member)) continue;
      yield `${first ? '' : ','}${line(inner)}${JSON.stringify(key)}:${step ? ' ' : ''}`;
      first = false;
      yield* pieces(member, inner, step);
    }
    yield first ? '}' : `${line(indent)}}`;
    return;
  }
  const text = step ? JSON.stringify(value, null, step) : JSON.stringify(value);
  yield indent ? text.replaceAll('\n', `\n${indent}`) : text;
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` — or of `JSON.stringify(value)` when `compact` —
 * in order (for a value JSON can write: not undefined).
 */
export function jsonPieces(value: unknown, { compact = false }: { compact?: boolean } = {}): Iterable<string> {
  return pieces(value, '', compact ? '' : '  ');
}
