/**
 * Laws of reading, as fast-check properties:
 *  - a number formatted in a locale — grouping, decimals, a scale word, a unit of the unit table,
 *    a hedge before it — reads back, inside a sentence, to the same value, interval, unit and hedge;
 *  - reading does not depend on NFC vs NFD, on NBSP vs space, or on a line break inside a sentence;
 *  - a leading separator is never read as a number.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/load/document.js';
import type { Locale, WrittenNumber } from '../../src/model.js';
import { findHedge, formatNumber, HEDGES, readNumber, scanNumbers, writtenInterval } from '../../src/numbers/index.js';
import { locales, valueArb } from './arbitraries.js';
import { refRound } from './reference.js';

/** Unit words by the code a reader must give them (a sample of each dimension, both languages). */
const UNITS: Record<Locale, [word: string, code: string][]> = {
  'vi-VN': [['đồng', 'VND'], ['USD', 'USD'], ['tấn', 't'], ['ha', 'ha'], ['km', 'km'], ['người', 'person'], ['doanh nghiệp', 'doanh nghiệp'], ['dự án', 'dự án'], ['hộ', 'hộ']],
  en: [['USD', 'USD'], ['EUR', 'EUR'], ['tonnes', 't'], ['hectares', 'ha'], ['km', 'km'], ['people', 'person'], ['firms', 'firm'], ['households', 'household']],
};
const SCALES: Record<Locale, [word: string, exponent: number][]> = {
  'vi-VN': [['', 0], ['nghìn', 3], ['triệu', 6], ['tỷ', 9], ['nghìn tỷ', 12], ['tr', 6]],
  en: [['', 0], ['thousand', 3], ['million', 6], ['billion', 9], ['bn', 9], ['trillion', 12]],
};
const CARRIER: Record<Locale, [string, string]> = { 'vi-VN': ['Năm nay giá trị ', ' so với kế hoạch.'], en: ['This year the value was ', ' against the plan.'] };
/** Hedges with no guard that stand before a number, in each language, and the symbols. */
const hedgesOf = (locale: Locale) => HEDGES.filter((h) => h.position === 'before' && !h.guard && (h.lang === (locale === 'en' ? 'en' : 'vi') || h.lang === 'symbol'));

const half = (decimals: number, exponent: number, percent: boolean) => new Fraction(10n ** BigInt(exponent), 2n * 10n ** BigInt(decimals) * (percent ? 100n : 1n));

describe('formatted numbers read back', () => {
  for (const locale of locales) {
    it(`${locale}: value, interval, unit and hedge survive formatting inside a sentence`, () => {
      fc.assert(
        fc.property(
          valueArb.map((v) => v.abs()),
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom(...SCALES[locale]),
          fc.oneof(fc.constantFrom(...UNITS[locale]), fc.constant(['%', '%'] as [string, string]), fc.constant(['', ''] as [string, string])),
          fc.option(fc.constantFrom(...hedgesOf(locale)), { nil: undefined }),
          (value, decimals, [scaleWord, exponent], [unit, code], hedge) => {
            const percent = unit === '%';
            const style = {
              decimals,
              ...(scaleWord && !percent ? { scaleExponent: exponent, scaleWord } : {}),
              ...(percent ? { percent: true } : unit ? { unit } : {}),
            };
            const written = formatNumber(value, locale, style);
            const [head, tail] = CARRIER[locale];
            const text = `${head}${hedge ? `${hedge.phrase} ` : ''}${written}${tail}`;
            const n = scanNumbers(text, locale).find((x) => x.kind === 'quantity');
            expect(n?.text, text).toBe(written);
            const exp = percent ? 0 : scaleWord ? exponent : 0;
            const units = refRound(value, decimals, exp, percent);
            const expected = new Fraction(units * 10n ** BigInt(exp), 10n ** BigInt(decimals) * (percent ? 100n : 1n));
            expect(n!.value.equals(expected), text).toBe(true);
            const iv = writtenInterval(n!);
            const h = half(decimals, exp, percent);
            expect([iv.lo.equals(expected.sub(h)), iv.hi.equals(expected.add(h))], text).toEqual([true, true]);
            expect(n!.unitInfo?.code ?? '', text).toBe(code);
            const found = findHedge(text, n!, locale);
            expect(found ? [found.reading, found.word] : undefined, text).toEqual(hedge ? [hedge.reading, hedge.phrase] : undefined);
          },
        ),
        { numRuns: 400 },
      );
    });
  }
});

// ── invariance under Unicode normalisation, NBSP and line breaks ─────────────────────────────

interface Sentence {
  locale: Locale;
  text: string;
}
const sentences: Sentence[] = readFileSync(new URL('./reading-corpus.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#') && !l.startsWith('locale\t'))
  .map((l) => l.split('\t'))
  .map(([locale, text]) => ({ locale: locale as Locale, text: text! }));

/** What a reader reads, whitespace aside: class, value, scale, unit, form, hedge. */
function readings(text: string, locale: Locale): string[] {
  return scanNumbers(text, locale).map((n: WrittenNumber) => {
    const h = findHedge(text, n, locale);
    const range = n.range ? `${n.range[0].value.toFraction()}..${n.range[1].value.toFraction()}` : '';
    return [n.kind, n.value.toFraction(), range, n.decimals, n.scaleExponent, n.percent, n.unitInfo?.code ?? '', n.form ?? '', h ? `${h.reading}/${h.position}` : ''].join(' ');
  });
}

/** Spaces that may become a line break without starting a new line at a number (a numbered item is read at a line start). */
const breakable = (text: string): number[] => [...text.matchAll(/ (?![0-9$€£+\-−.,(#~≈<>]|US|USD|EUR|GBP|VND)/gu)].map((m) => m.index);

describe('reading does not depend on how the text is encoded or wrapped', () => {
  const sentenceArb = fc.constantFrom(...sentences);

  it('NFD input reads as its NFC form (documents are normalised on load; readNumber normalises itself)', () => {
    fc.assert(
      fc.property(sentenceArb, ({ locale, text }) => {
        const nfc = text.normalize('NFC');
        expect(readings(normaliseText(text.normalize('NFD')), locale)).toEqual(readings(nfc, locale));
      }),
      { numRuns: 300 },
    );
    for (const [s, l] of [['45.481 tỷ đồng', 'vi-VN'], ['một phần ba', 'vi-VN'], ['12,3 nghìn tỷ đồng', 'vi-VN']] as [string, Locale][]) {
      const a = readNumber(s.normalize('NFD'), l);
      const b = readNumber(s, l);
      expect([a.value.toFraction(), a.scaleExponent, a.unitInfo?.code]).toEqual([b.value.toFraction(), b.scaleExponent, b.unitInfo?.code]);
    }
  });

  it('NBSP (and narrow NBSP) read as spaces', () => {
    fc.assert(
      fc.property(sentenceArb, fc.constantFrom('\u00a0', '\u202f'), ({ locale, text }, space) => {
        const nfc = text.normalize('NFC');
        expect(readings(nfc.replace(/ /g, space), locale), nfc).toEqual(readings(nfc, locale));
      }),
      { numRuns: 300 },
    );
  });

  it('a line break inside a sentence reads as a space', () => {
    fc.assert(
      fc.property(
        // (a line that starts with a number is a heading or a list item: not a sentence to wrap)
        sentenceArb.filter(({ text }) => !/^[0-9]/u.test(text) && breakable(text.normalize('NFC')).length > 0),
        fc.nat(),
        ({ locale, text }, k) => {
          const nfc = text.normalize('NFC');
          const at = breakable(nfc);
          const i = at[k % at.length]!;
          const wrapped = `${nfc.slice(0, i)}\n${nfc.slice(i + 1)}`;
          expect(readings(wrapped, locale), JSON.stringify(wrapped)).toEqual(readings(nfc, locale));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('every sentence of the corpus, wrapped at every space', () => {
  it('reads the same (an exhaustive companion of the properties above)', () => {
    const failures: string[] = [];
    for (const { locale, text } of sentences) {
      const nfc = text.normalize('NFC');
      if (/^[0-9]/u.test(nfc)) continue;
      const want = readings(nfc, locale).join(' | ');
      for (const i of breakable(nfc)) {
        const wrapped = `${nfc.slice(0, i)}\n${nfc.slice(i + 1)}`;
        if (readings(wrapped, locale).join(' | ') !== want) failures.push(JSON.stringify(wrapped));
      }
      if (readings(nfc.replace(/ /g, '\u00a0'), locale).join(' | ') !== want) failures.push(`NBSP: ${nfc}`);
    }
    expect(failures).toEqual([]);
  });
});

describe('a leading separator', () => {
  it('property: ",5" and ".5" are never read as a number, and readNumber says where', () => {
    fc.assert(
      fc.property(fc.constantFrom(...locales), fc.constantFrom(',', '.'), fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('%', '', ' tỷ', ' million'), (locale, sep, n, suffix) => {
        const text = `giảm ${sep}${n}${suffix} so với`;
        const found = scanNumbers(text, locale);
        expect(found.map((x) => x.kind)).toEqual(['malformed']);
        expect(found[0]!.problem).toMatch(/cannot start with a separator/);
        expect(() => readNumber(`${sep}${n}${suffix}`, locale)).toThrow(/cannot start with a separator/);
        try {
          readNumber(`  ${sep}${n}${suffix}`, locale);
        } catch (e) {
          expect((e as { offset: number }).offset).toBe(2);
        }
      }),
    );
  });
});
