/**
 * The numeral reader (src/numbers/read.ts `parseNumeral`, `rawNumeralEnd`) reads in one pass,
 * with no regex, split or join. Held here against the plain reading it replaced, kept as the
 * reference: the token is the longest run of digits joined by single '.' or ','; its separators
 * are checked against the locale; its value is its digits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/numbers/locale.js';
import { isFail, parseNumeral, rawNumeralEnd } from '../../src/numbers/read.js';
import type { Locale } from '../../src/model.js';

function referenceEnd(text: string, pos: number): number {
  const re = /[0-9]+(?:[.,][0-9]+)*/y;
  re.lastIndex = pos;
  return re.exec(text) ? re.lastIndex : pos;
}

/** The split-based reading, as it was: the same checks in the same order, the same offsets and messages. */
function reference(text: string, pos: number, locale: Locale): { end: number; digits: bigint; decimals: number } | { offset: number; message: string } | 'other' {
  if ('.,'.includes(text[pos] ?? '\0') && /[0-9]/.test(text[pos + 1] ?? '')) return 'other';
  const end = referenceEnd(text, pos);
  if (end === pos) return 'other';
  const { group, decimal } = LOCALES[locale];
  const tok = text.slice(pos, end);
  const parts = tok.split(/[.,]/);
  let decimalAt = -1;
  let sepOffset = pos;
  for (let k = 0; k + 1 < parts.length; k++) {
    sepOffset += parts[k]!.length;
    const sep = tok[sepOffset - pos]!;
    if (sep === decimal) {
      if (decimalAt >= 0) return { offset: sepOffset, message: `second decimal separator '${decimal}' in "${tok}" (${locale})` };
      decimalAt = k;
    } else {
      if (decimalAt >= 0) return { offset: sepOffset, message: `group separator '${group}' after the decimal separator in "${tok}" (${locale})` };
      if (k === 0 && parts[0]!.length > 3) return { offset: pos, message: `"${tok}": a grouped number starts with 1 to 3 digits (${locale})` };
      if (parts[k + 1]!.length !== 3)
        return { offset: sepOffset, message: `"${tok}": group separator '${group}' must be followed by exactly 3 digits (in ${locale} the decimal separator is '${decimal}')` };
    }
    sepOffset += 1;
  }
  return { end, digits: BigInt(parts.join('')), decimals: decimalAt >= 0 ? parts[parts.length - 1]!.length : 0 };
}

/** Texts of digit runs (long ones too: beyond 15 digits a double is no longer exact) and separators, with other characters around. */
const numeralText = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.stringMatching(/^[0-9]{1,4}$/) }, { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{12,24}$/) }, { weight: 3, arbitrary: fc.constantFrom('.', ',', '.,', ' ', 'x', '%') }), { maxLength: 12 })
  .map((pieces) => pieces.join(''));

describe('parseNumeral', () => {
  it('reads as the split-based reading did, value, decimals, end and errors alike', () => {
    fc.assert(
      fc.property(numeralText, fc.nat(30), fc.constantFrom<Locale>('vi-VN', 'en'), (text, p, locale) => {
        const pos = Math.min(p, text.length);
        expect(rawNumeralEnd(text, pos)).toBe(referenceEnd(text, pos));
        const want = reference(text, pos, locale);
        if (want === 'other') return;
        const got = parseNumeral(text, pos, locale);
        if ('offset' in want) {
          expect(isFail(got)).toBe(true);
          expect(got).toMatchObject({ offset: want.offset, message: want.message });
        } else expect(got).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the examples of both locales', () => {
    expect(parseNumeral('x 1.234.567,891 y', 2, 'vi-VN')).toEqual({ end: 15, digits: 1234567891n, decimals: 3 });
    expect(parseNumeral('1,234,567.5', 0, 'en')).toEqual({ end: 11, digits: 12345675n, decimals: 1 });
    expect(parseNumeral('12345678901234567890,5', 0, 'vi-VN')).toEqual({ end: 22, digits: 123456789012345678905n, decimals: 1 });
    expect(parseNumeral('1.5', 0, 'vi-VN')).toMatchObject({ offset: 1 });
    expect(parseNumeral('1234.567', 0, 'vi-VN')).toMatchObject({ offset: 0 });
  });
});
