import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { formatLike, formatNumber, readNumber } from '../../src/numbers/index.js';
import { locales, styleArb, valueArb, writtenArb } from './arbitraries.js';
import { refRound } from './reference.js';

const F = (s: string | number) => new Fraction(s);

describe('formatNumber', () => {
  it('groups every integer part of four digits or more, per locale', () => {
    expect(formatNumber(F(45481), 'vi-VN', { decimals: 0 })).toBe('45.481');
    expect(formatNumber(F(1600), 'vi-VN', { decimals: 0 })).toBe('1.600');
    expect(formatNumber(F('9805.4'), 'vi-VN', { decimals: 1 })).toBe('9.805,4');
    expect(formatNumber(F(123), 'vi-VN', { decimals: 0 })).toBe('123');
    expect(formatNumber(F('1234567.5'), 'en', { decimals: 2 })).toBe('1,234,567.50');
    expect(formatNumber(F(45481), 'en', { decimals: 0 })).toBe('45,481');
  });

  it('rounds half-up, away from zero for negatives', () => {
    expect(formatNumber(F('0.125'), 'vi-VN', { decimals: 2 })).toBe('0,13');
    expect(formatNumber(F('-0.125'), 'vi-VN', { decimals: 2 })).toBe('-0,13');
    expect(formatNumber(F('2.5'), 'en', { decimals: 0 })).toBe('3');
    expect(formatNumber(F('-2.5'), 'en', { decimals: 0 })).toBe('-3');
    expect(formatNumber(F('0.12499999999'), 'en', { decimals: 2 })).toBe('0.12');
    expect(formatNumber(F('-0.004'), 'vi-VN', { decimals: 2 })).toBe('0,00');
    expect(formatNumber(new Fraction(1, 3), 'en', { decimals: 3 })).toBe('0.333');
  });

  it('writes scale words, percent and units', () => {
    expect(formatNumber(F('45481000000000'), 'vi-VN', { decimals: 0, scaleExponent: 9, unit: 'đồng' })).toBe('45.481 tỷ đồng');
    expect(formatNumber(F('95500000000000'), 'vi-VN', { decimals: 1, scaleExponent: 12 })).toBe('95,5 nghìn tỷ');
    expect(formatNumber(F('0.0698'), 'vi-VN', { decimals: 2, percent: true })).toBe('6,98%');
    expect(formatNumber(F('0.303'), 'vi-VN', { decimals: 1, percent: true, spaceBeforePercent: true })).toBe('30,3 %');
    expect(formatNumber(F('0.025'), 'vi-VN', { decimals: 1, percent: true, unit: 'pp' })).toBe('2,5 pp');
    expect(formatNumber(F('1200000000'), 'en', { decimals: 1, scaleExponent: 9, unit: '$' })).toBe('$1.2 billion');
    expect(formatNumber(F('-1200000000'), 'en', { decimals: 1, scaleExponent: 9, unit: '$' })).toBe('-$1.2 billion');
    expect(formatNumber(F('5'), 'vi-VN', { decimals: 0, unit: '$' })).toBe('5 $');
  });

  it('refuses what it cannot write', () => {
    expect(() => formatNumber(F(1), 'en', { decimals: 0, scaleExponent: 15 })).toThrow(/scale word/);
    expect(() => formatNumber(F(1), 'en', { decimals: -1 })).toThrow(RangeError);
  });
});

describe('formatLike', () => {
  it('writes a value the way a stated number is written', () => {
    const stated = readNumber('30,3 %', 'vi-VN');
    expect(formatLike(F('0.30363'), stated, 'vi-VN')).toBe('30,4 %');
    expect(formatLike(F('0.30363'), stated, 'vi-VN', 1)).toBe('30,36 %');
    expect(formatLike(F('45480600000000'), readNumber('45.481 tỷ đồng', 'vi-VN'), 'vi-VN')).toBe('45.481 tỷ đồng');
    expect(formatLike(F('0.021'), readNumber('2,1 điểm phần trăm', 'vi-VN'), 'vi-VN')).toBe('2,1 điểm phần trăm');
    expect(formatLike(F('7000000'), readNumber('$5.5 million', 'en'), 'en')).toBe('$7.0 million');
  });
});

describe('format/read laws', () => {
  it('reading a formatted value gives back the rounded value, decimals, scale and percent', () => {
    for (const locale of locales) {
      fc.assert(
        fc.property(valueArb, styleArb(locale), (v, style) => {
          const text = formatNumber(v, locale, style);
          const n = readNumber(text, locale);
          const exp = style.scaleExponent ?? 0;
          const pct = style.percent ?? false;
          const units = refRound(v, style.decimals, exp, pct);
          const expected = new Fraction(units * 10n ** BigInt(exp), 10n ** BigInt(style.decimals) * (pct ? 100n : 1n));
          expect(n.value.equals(expected), text).toBe(true);
          expect([n.decimals, n.scaleExponent, n.percent]).toEqual([style.decimals, exp, pct]);
          if (style.unit !== undefined) expect(n.unit).toBe(pct ? 'pp' : style.unit);
        }),
        { numRuns: 500 },
      );
    }
  });

  it('formatLike(read(s)) writes s back for well-formed numbers', () => {
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    for (const locale of locales) {
      fc.assert(
        fc.property(writtenArb(locale), (w) => {
          const n = readNumber(w.text, locale);
          expect(norm(formatLike(n.value, n, locale))).toBe(norm(w.text));
        }),
        { numRuns: 500 },
      );
    }
  });
});
