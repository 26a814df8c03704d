/**
 * Top-level keys of a YAML file read from its bytes, before (or instead of) loading it: is it a
 * rule file, and which document does it audit? Both questions are asked of every YAML file of a
 * folder an audit walks, figure files of megabytes among them. Decoding a whole file to answer
 * was most of the walk's time (UTF-8 with Vietnamese text decodes at about 100 MB/s): here only
 * the lines that matter are decoded, and the search for a key runs on the bytes.
 *
 * A line starts where a JavaScript /m regex's `^` would match in the decoded text: at the start,
 * after a byte-order mark, and after \n, \r, U+2028 or U+2029 (these bytes never occur inside
 * another character's UTF-8 encoding, so the bytes and the decoded text agree).
 */

const BOM = [0xef, 0xbb, 0xbf] as const;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const COLON = 0x3a;
const HASH = 0x23;
const DASH = 0x2d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

const hasBom = (b: Uint8Array) => b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2];

/** Does a line start at byte p? */
function atLineStart(b: Uint8Array, p: number): boolean {
  if (p === 0 || (p === 3 && hasBom(b))) return true;
  const prev = b[p - 1];
  if (prev === LF || prev === CR) return true;
  // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
  return p >= 3 && b[p - 3] === 0xe2 && b[p - 2] === 0x80 && (prev === 0xa8 || prev === 0xa9);
}

/** Is byte p, after spaces and tabs, a colon? */
function colonAt(b: Uint8Array, p: number): boolean {
  while (b[p] === SPACE || b[p] === TAB) p++;
  return b[p] === COLON;
}

/**
 * Does a line start with `key:` (the key plain, or in double or single quotes; spaces or tabs
 * before the colon)? `key` is ASCII. The test the walk uses to tell a rule file (`rules:`).
 */
export function hasTopLevelKey(bytes: Buffer, key: string): boolean {
  const k = Buffer.from(key, 'latin1');
  for (let i = bytes.indexOf(k); i !== -1; i = bytes.indexOf(k, i + 1)) {
    const end = i + k.length;
    if (atLineStart(bytes, i) && colonAt(bytes, end)) return true;
    const q = bytes[i - 1];
    if ((q === DOUBLE_QUOTE || q === SINGLE_QUOTE) && atLineStart(bytes, i - 1) && bytes[end] === q && colonAt(bytes, end + 1)) return true;
  }
  return false;
}

/** A top-level key of a block mapping, plain or quoted, at the start of a line (which may end in CR). */
const TOP_LEVEL_KEY = /^(?:([A-Za-z_][\w-]*)|"([A-Za-z_][\w-]*)"|'([A-Za-z_][\w-]*)')[ \t]*:(?:[ \t\r]|$)/;

/**
 * The lines of the top-level entries named by `keys` (with their indented continuation lines),
 * or undefined when the text is not a plain block mapping line by line (a `---` marker, a flow
 * mapping, a value continued at column 0 …): the caller then parses the whole file. Lines are
 * split at \n, a leading byte-order mark is dropped; only a key's own line and the lines taken
 * are decoded.
 */
export function topLevelEntries(bytes: Buffer, keys: readonly string[]): string | undefined {
  const out: string[] = [];
  let inKey = false;
  let taking = false;
  const end = bytes.length;
  for (let start = hasBom(bytes) ? 3 : 0; start <= end; ) {
    const nl = bytes.indexOf(LF, start);
    const stop = nl === -1 ? end : nl;
    const c = start < stop ? bytes[start] : undefined;
    if (c === undefined || c === SPACE || c === TAB || c === CR || c === HASH) {
      if (taking && c !== HASH) out.push(bytes.toString('utf8', start, stop));
    } else if (c === DASH && (stop === start + 1 || bytes[start + 1] === SPACE || bytes[start + 1] === TAB || bytes[start + 1] === CR)) {
      // A block sequence may sit at column 0 under its key (`figures:\n- a.yaml`).
      if (!inKey) return undefined;
      if (taking) out.push(bytes.toString('utf8', start, stop));
    } else {
      const text = bytes.toString('utf8', start, stop);
      const m = TOP_LEVEL_KEY.exec(text);
      if (!m) return undefined;
      inKey = true;
      taking = keys.includes((m[1] ?? m[2] ?? m[3])!);
      if (taking) out.push(text);
    }
    if (nl === -1) break;
    start = nl + 1;
  }
  return out.join('\n');
}
