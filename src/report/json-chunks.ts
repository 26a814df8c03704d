/**
 * `JSON.stringify(value, null, 2)` (or compact, `JSON.stringify(value)`) as a sequence of pieces
 * whose concatenation is exactly that text, so a large report is written piece by piece instead of built as one string of hundreds of
 * megabytes. Arrays and objects holding large arrays are opened up; everything else is written by
 * `JSON.stringify`, re-indented to its depth (JSON text has no raw line break inside a string, so
 * indenting after each "\n" is exact). The elements of an opened array are written in runs (RUN_CHARS).
 */

/** Arrays shorter than this are written in one piece (opening them up would only cost calls). */
const SMALL = 64;

/**
 * An opened array's elements are written in runs of about this many characters, by one
 * `JSON.stringify` call each: a piece per element made 80 000 pieces of a 10 000-claim report, and
 * each costs a call here and in every step after (escaping, writing). A string over 64 K
 * characters of two bytes goes to V8's large-object space (a run of 64 results of 1.6 K each
 * made the JSON report ×1.10 slower than a piece per result).
 */
const RUN_CHARS = 16_384;

/** Does the value hold an array long enough to open up, at most `depth` levels down? */
function holdsLargeArray(value: unknown, depth: number): boolean {
  if (Array.isArray(value)) {
    if (value.length >= SMALL) return true;
    if (depth > 0) for (const v of value) if (holdsLargeArray(v, depth - 1)) return true;
    return false;
  }
  if (value === null || typeof value !== 'object' || depth === 0) return false;
  // for…in walks V8's cached keys without making an array of the values; JSON writes own keys only.
  for (const key in value) {
    if (Object.hasOwn(value, key) && holdsLargeArray((value as Record<string, unknown>)[key], depth - 1)) return true;
  }
  return false;
}

/** Is the value written piece by piece (not by one JSON.stringify call)? */
function opens(value: unknown): boolean {
  const toJson = (value as { toJSON?: unknown } | null)?.toJSON;
  return typeof toJson !== 'function' && holdsLargeArray(value, 3);
}

/** What JSON.stringify writes for a member: nothing for undefined, functions and symbols. */
const omitted = (v: unknown) => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/** `text` (written at depth 0) re-indented to be written at `indent`. */
const indented = (text: string, indent: string) => (indent ? text.replaceAll('\n', `\n${indent}`) : text);

/**
 * Elements `from` to `to` (excluded) of an array written at `indent`, each on its own line: what
 * the whole array's text holds between its brackets for them, without the comma before the first.
 * `JSON.stringify` of the slice writes its elements one level in ("[\n  a,\n  b\n]"); re-indented
 * to `indent`, the text between the brackets is what writing each element at its own depth gives.
 * An element JSON omits is written as null, in the slice as in the whole array.
 */
function run(array: readonly unknown[], from: number, to: number, indent: string, step: string): string {
  const slice = array.slice(from, to);
  if (!step) return JSON.stringify(slice).slice(1, -1);
  const text = indented(JSON.stringify(slice, null, step), indent);
  // Less "[" at the start and "\n" + indent + "]" at the end.
  return text.slice(1, text.length - indent.length - 2);
}

/** `step`: the indentation of one level ('  ', or '' for compact JSON without line breaks). */
function* pieces(value: unknown, indent: string, step: string): Generator<string> {
  if (!opens(value)) {
    yield indented(step ? JSON.stringify(value, null, step) : JSON.stringify(value), indent);
    return;
  }
  const inner = indent + step;
  // Before each member and before the closing bracket: a line break and the indentation, if any.
  const line = (depth: string) => (step ? `\n${depth}` : '');
  if (Array.isArray(value)) {
    yield '[';
    let runLength = 1;
    for (let i = 0; i < value.length; ) {
      const comma = i ? ',' : '';
      if (!omitted(value[i]) && opens(value[i])) {
        yield `${comma}${line(inner)}`;
        yield* pieces(value[i], inner, step);
        i++;
        continue;
      }
      let end = i + 1;
      while (end < value.length && end - i < runLength && (omitted(value[end]) || !opens(value[end]))) end++;
      const text = run(value, i, end, indent, step);
      yield comma + text;
      // The next run's length, from the size of the elements so far (the joined text is the same whatever it is).
      runLength = Math.max(1, Math.min(1024, Math.floor((RUN_CHARS * (end - i)) / Math.max(1, text.length))));
      i = end;
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
}

/**
 * The pieces of `JSON.stringify(value, null, 2)` — or of `JSON.stringify(value)` when `compact` —
 * in order (for a value JSON can write: not undefined).
 */
export function jsonPieces(value: unknown, { compact = false }: { compact?: boolean } = {}): Iterable<string> {
  return pieces(value, '', compact ? '' : '  ');
}
