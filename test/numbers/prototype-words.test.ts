/**
 * Words of a document are looked up in the reader's tables (range openers, number words): a word
 * that names a property of every JavaScript object ("constructor", "toString", "__proto__") must
 * read like any other word. The fuzzer found "constructor 5" crashing the scanner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../src/model.js';
import { readNumber, scanNumbers } from '../../src/numbers/index.js';

const PROTOTYPE_WORDS = Object.getOwnPropertyNames(Object.prototype);
const reading = (text: string, locale: Locale) => scanNumbers(text, locale).map((n) => [n.kind, n.text, n.value?.toString()]);

describe('words that name object properties', () => {
  it('law: a sentence reads the same with such a word as with a plain one, before, after and between numbers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROTOTYPE_WORDS),
        fc.constantFrom('vi-VN', 'en') as fc.Arbitrary<Locale>,
        fc.constantFrom('{w} 5', '{w} 5 to 7', 'from {w} 5 đến 6', '5 {w} 7', '{w} two thirds', 'gấp {w} lần 3', 'tăng {w} 12,5%'),
        (word, locale, template) => {
          const plain = reading(template.replace('{w}', 'xyz'), locale).map(([k, , v]) => [k, v]);
          const odd = reading(template.replace('{w}', word), locale).map(([k, , v]) => [k, v]);
          expect(odd).toEqual(plain);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('readNumber refuses such a word as it refuses any other word', () => {
    for (const word of PROTOTYPE_WORDS) {
      for (const locale of ['vi-VN', 'en'] as const) expect(() => readNumber(word, locale), word).toThrow(/number/);
    }
  });
});
