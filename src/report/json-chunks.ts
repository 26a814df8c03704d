/**
 * `JSON.stringify(value, null, 2)` as a sequence of pieces whose concatenation is exactly that
 * text, so a large report is written piece by piece instead of built as one string of hundreds of
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

function* pieces(value: unknown, indent: string): Generator<string> {
  const toJson = (value as { toJSON?: unknown } | null)?.toJSON;
  if (typeof toJson !== 'function' && holdsLargeArray(value, 3)) {
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      yield '[';
      for (let i = 0; i < value.length; i++) {
        yield `${i ? ',' : ''}\n${inner}`;
        // In an array, what an object would omit is written as null.
        if (omitted(value[i])) yield 'null';
        else yield* pieces(value[i], inner);
      }
      yield `\n${indent}]`;
      return;
    }
    let first = true;
    yield '{';
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (omitted(member)) continue;
      yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
      first = false;
      yield* pieces(member, inner);
    }
    yield first ? '}' : `\n${indent}}`;
    return;
  }
  const text = JSON.stringify(value, null, 2);
  yield indent ? text.replaceAll('\n', `\n${indent}`) : text;
}

/** The pieces of `JSON.stringify(value, null, 2)`, in order (for a value JSON can write: not undefined). */
export function jsonPieces(value: unknown): Iterable<string> {
  return pieces(value, '');
}
