/**
 * An ignore entry's `pattern` is a regular expression written by a contributor and run against
 * every number of the document. JavaScript regular expressions backtrack, so `(\d+)+$` on a long
 * run of digits would hold a run for minutes. A pattern is refused when it can backtrack
 * catastrophically — a repeated group that itself repeats or alternates, or a backreference —
 * and the one it yields never looks at more than MAX_MATCHED characters (a number written longer
 * than that is no number an ignore entry is for).
 */
import { MAX_PATTERN_LENGTH } from './policy.js';

/** Numbers written longer than this never match an ignore pattern. */
export const MAX_MATCHED = 200;

/** A RegExp that declines to search texts longer than MAX_MATCHED (every search goes through exec). */
class BoundedRegExp extends RegExp {
  override exec(text: string): RegExpExecArray | null {
    return String(text).length > MAX_MATCHED ? null : super.exec(text);
  }
}

/** Does the quantifier at `i` (of `source`) repeat without bound? `?`, `{0,1}` and `{1}` do not. */
function unboundedQuantifierAt(source: string, i: number): boolean {
  const c = source[i];
  if (c === '*' || c === '+') return true;
  if (c !== '{') return false;
  const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
  if (!m) return false;
  if (m[2] === undefined) return Number(m[1]) > 1;
  return m[3] === '' || Number(m[3]) > 1;
}

/**
 * Why the pattern could backtrack catastrophically, or undefined. The check is on the source's
 * structure (groups, quantifiers, alternation, backreferences), not a proof; it refuses what
 * is known to explode and what ignore patterns never need.
 */
export function backtrackingRisk(source: string): string | undefined {
  /** Per open group: does it hold a quantifier or an alternation? */
  const groups: { repeats: boolean }[] = [];
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'a backreference';
      i++;
      if (!inClass && unboundedQuantifierAt(source, i + 1) && groups.length) groups[groups.length - 1]!.repeats = true;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else continue;
    } else if (c === '[') {
      inClass = true;
      continue;
    } else if (c === '(') {
      groups.push({ repeats: false });
      continue;
    } else if (c === ')') {
      const group = groups.pop();
      if (group?.repeats && unboundedQuantifierAt(source, i + 1)) return 'a repeated group that itself repeats or alternates';
      // What the closed group repeats, its enclosing group repeats too.
      if (groups.length && (group?.repeats || unboundedQuantifierAt(source, i + 1))) groups[groups.length - 1]!.repeats = true;
      continue;
    } else if (c === '|') {
      if (groups.length) groups[groups.length - 1]!.repeats = true;
      continue;
    }
    if (groups.length && unboundedQuantifierAt(source, i + 1)) groups[groups.length - 1]!.repeats = true;
  }
  return undefined;
}

/** The compiled pattern, or why it is refused (the message names the rule of thumb). */
export function compileIgnorePattern(source: string): { ok: true; pattern: RegExp } | { ok: false; message: string } {
  if (source.length > MAX_PATTERN_LENGTH) {
    return { ok: false, message: `pattern is ${source.length} characters long, over the limit of ${MAX_PATTERN_LENGTH}` };
  }
  let pattern: RegExp;
  try {
    pattern = new BoundedRegExp(source, 'u');
  } catch (e) {
    return { ok: false, message: `invalid regular expression: ${(e as Error).message}` };
  }
  const risk = backtrackingRisk(source);
  if (risk) {
    return {
      ok: false,
      message: `pattern refused: ${risk} can make matching take exponential time; write the number's shape without nesting (e.g. "^\\\\d+/\\\\d+$")`,
    };
  }
  return { ok: true, pattern };
}
