/** The indexed quote search finds exactly what a plain scan finds, before and after the index exists. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuoteSearch, releaseQuoteIndexes } from '../../src/load/quote-index.js';

function scan(hay: string, needle: string): number[] {
  const out: number[] = [];
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) out.push(i);
  return out;
}

describe('QuoteSearch', () => {
  it('agrees with a plain scan on random texts and needles (overlaps and repeats included)', () => {
    const alphabet = fc.constantFrom('a', 'b', 'ă', 'ế', ' ', '1', ',');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, minLength: 0, maxLength: 300 }), fc.array(fc.nat(), { minLength: 40, maxLength: 80 }), (text, picks) => {
        // Many searches of one text: the first ones scan, the later ones use the index.
        const hay = `${text}|${picks.length}`;
        const search = new QuoteSearch(hay);
        for (const [i, pick] of picks.entries()) {
          // Released halfway (as a finished load does): the index is rebuilt, the answers the same.
          if (i === picks.length >> 1) releaseQuoteIndexes();
          const start = hay.length ? pick % hay.length : 0;
          const needle = hay.slice(start, start + 1 + (pick % 40));
          expect(search.occurrences(needle)).toEqual(scan(hay, needle));
          expect(search.occurrences(`${needle}x`)).toEqual(scan(hay, `${needle}x`));
        }
      }),
      { numRuns: 60 },
    );
  });

  /** Many searches of texts of `unit`s (the later ones answered by the index) against a plain scan. */
  function agreesOn(unit: fc.Arbitrary<string>, minLength: number, maxLength: number, hayOf: (text: string) => string) {
    fc.assert(
      fc.property(fc.string({ unit, minLength, maxLength }), fc.array(fc.nat(), { minLength: 60, maxLength: 60 }), (text, picks) => {
        const hay = hayOf(text);
        const search = new QuoteSearch(hay);
        for (const pick of picks) {
          const start = pick % hay.length;
          const needle = hay.slice(start, start + 1 + (pick % 38));
          expect(search.occurrences(needle)).toEqual(scan(hay, needle));
        }
      }),
      { numRuns: 20 },
    );
  }

  it('agrees with a plain scan on texts longer than its first table (windows sharing buckets)', () => {
    agreesOn(fc.constantFrom('a', 'b', 'ế', ' ', '1'), 3000, 5000, (text) => `${text}|long`);
  });

  it('agrees with a plain scan on texts with few spaces (indexed at every position, not at word starts)', () => {
    agreesOn(fc.constantFrom('数', '据', 'a', 'ế', '1', ','), 200, 2000, (text) => `${text} ${text.slice(0, 20)}`);
  });

  it('finds a needle with no window after a space (a long numeral) in a text of words, through an index of every position', () => {
    const words = Array.from({ length: 400 }, (_, i) => `vùng ${i} đạt ${(i * 7919) % 100_000}.${i % 1000},5 tỷ`).join(' ');
    const search = new QuoteSearch(words);
    for (let i = 0; i < 60; i++) {
      const numeral = `${(i * 7919) % 100_000}.${i % 1000},5`;
      expect(search.occurrences(numeral)).toEqual(scan(words, numeral));
      expect(search.occurrences(`${numeral} tỷ`)).toEqual(scan(words, `${numeral} tỷ`));
    }
  });

  it('finds every overlapping start of a repetitive needle', () => {
    const search = new QuoteSearch('aaaaaaaaaaaaaaaaaaaa');
    for (let i = 0; i < 40; i++) expect(search.occurrences('aaaaaaaaa')).toEqual([...Array(12).keys()]);
  });
});
