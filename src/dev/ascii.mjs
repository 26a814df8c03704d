// The bundles as ASCII. esbuild writes every string in ASCII, with escapes (and, told that the
// target has no templates, every template as strings: build.mjs), but leaves regular expression
// literals as written, and tally's Vietnamese patterns put hundreds of non-ASCII characters into
// them. One such character makes the whole source a two-byte string: a fresh Node decodes the 1 MB
// engine in about 10.5 ms instead of 8, on every run, before the code cache is of any use, keeps
// twice the memory for it, and scans two bytes a character where it compiles.
//
// Here each non-ASCII character of a regular expression literal becomes the escape \uXXXX, which a
// regular expression reads as the same character, with or without the u flag (a surrogate pair
// written as two escapes is one code point under u, as the pair itself was). An identity escape of
// such a character (`\é`, allowed without u) becomes the escape alone.
import { parseAst } from 'rolldown/parseAst';

const NON_ASCII = /[^\x00-\x7f]/g;
const ANY_NON_ASCII = /[^\x00-\x7f]/;

/** [start, end) of every regular expression literal of `program` (an ESTree AST). */
function regexSpans(program) {
  const spans = [];
  const stack = [program];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
    } else if (node && typeof node === 'object') {
      if (node.type === 'Literal' && node.regex) spans.push([node.start, node.end]);
      else for (const key in node) if (key !== 'parent') stack.push(node[key]);
    }
  }
  return spans.sort((a, b) => a[0] - b[0]);
}

/**
 * `code` with every non-ASCII character inside a regular expression literal escaped; unchanged
 * when there is none. `sourceType` is 'script' or 'module'. Positions are UTF-16 offsets, as
 * rolldown's parser gives them for a JavaScript string.
 */
export function escapeRegexLiterals(code, sourceType) {
  if (!ANY_NON_ASCII.test(code)) return code;
  const spans = regexSpans(parseAst(code, { sourceType }));
  let out = '';
  let copied = 0;
  let span = 0;
  for (const match of code.matchAll(NON_ASCII)) {
    const at = match.index;
    while (span < spans.length && spans[span][1] <= at) span++;
    if (span === spans.length || spans[span][0] > at) continue;
    // An odd run of backslashes before it escapes it: the escape replaces that backslash.
    let slashes = 0;
    while (code[at - 1 - slashes] === '\\') slashes++;
    out += code.slice(copied, slashes % 2 === 1 ? at - 1 : at);
    out += `\\u${code.charCodeAt(at).toString(16).padStart(4, '0')}`;
    copied = at + 1;
  }
  return out + code.slice(copied);
}

/** Whether `code` is ASCII. */
export const isAscii = (code) => !ANY_NON_ASCII.test(code);
