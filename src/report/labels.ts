/** Words and symbols shared by the text formats, so every report says a verdict the same way. */
import type { Verdict } from '../model.js';

export const VERDICT_ICON: Record<Verdict, string> = {
  pass: '✓',
  fail: '✗',
  warn: '!',
  unverifiable: '?',
  error: '‼',
};

export const VERDICT_ORDER: Verdict[] = ['error', 'fail', 'warn', 'unverifiable', 'pass'];

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
