/** Words and symbols shared by the text formats, so every report says a verdict the same way. */
import pc from 'picocolors';
import type { Verdict } from '../model.js';

export const VERDICT_ICON: Record<Verdict, string> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  unverifiable: '?',
  error: '‼',
};

export const VERDICT_ORDER: Verdict[] = ['error', 'fail', 'warn', 'unverifiable', 'pass'];

export type Paint = (s: string) => string;

/** The colours of the terminal formats (plain when `color` is false), one per verdict. */
export function verdictPainter(color: boolean): { c: ReturnType<typeof pc.createColors>; byVerdict: Record<Verdict, Paint> } {
  const c = pc.createColors(color);
  return {
    c,
    byVerdict: { pass: c.green, fail: c.red, warn: c.yellow, unverifiable: c.blue, error: (s) => c.bold(c.magenta(s)) },
  };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
