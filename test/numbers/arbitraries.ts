/**
 * fast-check generators shared by the numbers property tests: random values and styles, and
 * random well-formed written numbers together with what they mean (independently of the code).
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import type { Locale } from '../../src/model.js';
import type { FormatStyle } from '../../src/numbers/index.js';

export const locales: Locale[] = ['vi-VN', 'en'];

const SCALES: Record<Locale, [string, number][]> = {
  'vi-VN': [['nghìn', 3], ['ngàn', 3], ['triệu', 6], ['tỷ', 9], ['tỉ', 9], ['nghìn tỷ', 12], ['ngàn tỷ', 12]],
  en: [['thousand', 3], ['million', 6], ['mn', 6], ['billion', 9], ['bn', 9], ['trillion', 12]],
};
const UNITS: Record<Locale, string[]> = { 'vi-VN': ['đồng', 'đ', 'USD', 'VNĐ', 'VND', '₫', 'EUR', '$'], en: ['USD', 'EUR', '$', 'US$', '€'] };
const PP: Record<Locale, string[]> = { 'vi-VN': ['pp', 'điểm phần trăm'], en: ['pp', 'percentage points'] };

/** A rational with up to 15 integer digits and an arbitrary denominator up to 10⁶. */
export const valueArb = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }))
  .map(([n, d]) => new Fraction(n, d));

export const styleArb = (locale: Locale): fc.Arbitrary<FormatStyle> =>
  fc
    .record({
      decimals: fc.integer({ min: 0, max: 4 }),
      shape: fc.constantFrom('plain', 'scale', 'percent', 'pp', 'unit', 'scale+unit'),
      scale: fc.constantFrom(...SCALES[locale]),
      unit: fc.constantFrom(...UNITS[locale]),
      pp: fc.constantFrom(...PP[locale]),
      space: fc.boolean(),
    })
    .map(({ decimals, shape, scale, unit, pp, space }) => {
      const style: FormatStyle = { decimals };
      if (shape.startsWith('scale')) Object.assign(style, { scaleExponent: scale[1], scaleWord: scale[0] });
      if (shape === 'percent') Object.assign(style, { percent: true, spaceBeforePercent: space });
      if (shape === 'pp') Object.assign(style, { percent: true, unit: pp });
      if (shape.endsWith('unit')) style.unit = unit;
      return style;
    });

/** A written number and its meaning, built from parts: digits, decimals, scale, percent, sign. */
export interface Written {
  text: string;
  negative: boolean;
  /** All digits as an integer: the value in units of the last written digit. */
  units: bigint;
  decimals: number;
  exponent: number;
  percent: boolean;
}

function group(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+$)/g, sep);
}

export const writtenArb = (locale: Locale): fc.Arbitrary<Written> => {
  const sep = locale === 'vi-VN' ? { g: '.', d: ',' } : { g: ',', d: '.' };
  const suffixes: [pre: string, suf: string, exponent: number, percent: boolean][] =
    locale === 'vi-VN'
      ? [['', '', 0, false], ['', '%', 0, true], ['', ' %', 0, true], ['', ' tỷ đồng', 9, false], ['', ' triệu USD', 6, false],
         ['', ' nghìn tỷ đồng', 12, false], ['', ' ngàn', 3, false], ['', ' tỉ', 9, false], ['', ' điểm phần trăm', 0, true],
         ['', ' pp', 0, true], ['', ' đồng', 0, false], ['', ' VNĐ', 0, false]]
      : [['', '', 0, false], ['', '%', 0, true], ['', ' billion', 9, false], ['', ' million USD', 6, false],
         ['', ' percentage points', 0, true], ['', ' pp', 0, true], ['', ' trillion', 12, false], ['', ' bn', 9, false],
         ['$', '', 0, false], ['$', ' billion', 9, false], ['US$', ' million', 6, false], ['', ' USD', 0, false]];
  return fc
    .record({
      negative: fc.boolean(),
      int: fc.oneof(fc.constantFrom(0n, 1n), fc.bigInt({ min: 0n, max: 10n ** 13n })),
      frac: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }),
      affix: fc.constantFrom(...suffixes),
    })
    .map(({ negative, int, frac, affix: [pre, suf, exponent, percent] }) => {
      const fracDigits = frac.join('');
      const units = BigInt(int.toString() + fracDigits);
      const neg = negative && units !== 0n;
      const numeral = group(int.toString(), sep.g) + (fracDigits ? sep.d + fracDigits : '');
      return { text: `${neg ? '-' : ''}${pre}${numeral}${suf}`, negative: neg, units, decimals: frac.length, exponent, percent };
    });
};
