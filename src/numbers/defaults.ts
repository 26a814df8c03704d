/**
 * How a stated number is read when neither the rule nor a hedge says: a number written in words,
 * as a fraction, a multiple or a ratio ("một nửa", "two thirds", "gấp đôi", "1:3", "five") is a
 * round figure of speech, read `about` (± tolerance); a numeral is read as rounded.
 */
import type { Reading, WrittenNumber } from '../model.js';

export function defaultReadingOf(n: WrittenNumber): Reading | undefined {
  return n.form !== undefined && n.form !== 'numeral' ? 'about' : undefined;
}
