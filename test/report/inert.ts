/**
 * What "inert" means for each output format, as the tests (escape.test.ts, the hostile
 * scenarios, the fuzzer) check it.
 */

/** Characters a terminal or log acts on, or that hide text; XML and JSON keep other data (an NBSP) as it is. */
export const DANGEROUS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/;

/** What .NET's TrimStart removes before a GitHub runner looks for `::`. */
const NET_SPACE = /^[\s\u0085\u180E]*/u;

/** Would a GitHub runner take this line as a workflow command (`::` at its start, or the legacy `##[` anywhere)? */
export function isCommand(line: string): boolean {
  return line.replace(NET_SPACE, '').startsWith('::') || line.includes('##[');
}

/** The runner's reading of a workflow command line (actions/runner ActionCommand.TryParseV2), or undefined. */
export function runnerParse(line: string): { command: string; props: string; data: string } | undefined {
  const trimmed = line.replace(NET_SPACE, '');
  if (!trimmed.startsWith('::')) return undefined;
  const end = trimmed.indexOf('::', 2);
  if (end < 0) return undefined;
  const info = trimmed.slice(2, end);
  const space = info.indexOf(' ');
  return { command: space < 0 ? info : info.slice(0, space), props: space < 0 ? '' : info.slice(space + 1), data: trimmed.slice(end + 2) };
}

/** Markdown with its code spans left out (their content is literal, never markup). */
export function outsideCodeSpans(md: string): string {
  let out = '';
  for (let i = 0; i < md.length; ) {
    if (md[i] === '\\') {
      out += md.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (md[i] === '`') {
      let n = 1;
      while (md[i + n] === '`') n++;
      const run = '`'.repeat(n);
      // The closing run has exactly as many backticks.
      let close = md.indexOf(run, i + n);
      while (close >= 0 && (md[close - 1] === '`' || md[close + n] === '`')) close = md.indexOf(run, close + 1);
      if (close >= 0) {
        i = close + n;
        continue;
      }
      out += run;
      i += n;
      continue;
    }
    out += md[i++];
  }
  return out;
}
