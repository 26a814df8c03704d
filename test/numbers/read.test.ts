import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { readNumber, NumberReadError } from '../../src/numbers/index.js';
import { writtenValue } from '../../src/numbers/read.js';
import type { Locale } from '../../src/model.js';

const F = (s: string | number) => new Fraction(s);
const value = (s: string, l: Locale = 'vi-VN') => readNumber(s, l).value.toFraction();

function errorOf(s: string, l: Locale): NumberReadError {
  try {
    readNumber(s, l);
  } catch (e) {
    if (e instanceof NumberReadError) return e;
    throw e;
  }
  throw new Error(`"${s}" was read as a number`);
}

describe('readNumber, vi-VN', () => {
  it('reads group "." and decimal ","', () => {
    expect(value('45.481')).toBe('45481');
    expect(value('7.126,1')).toBe(F('7126.1').toFraction());
    expect(value('1.234.567,891')).toBe(F('1234567.891').toFraction());
    expect(readNumber('7.126,1', 'vi-VN').decimals).toBe(1);
    expect(readNumber('45.481', 'vi-VN').decimals).toBe(0);
  });

  it('applies scale words and keeps them and the unit as written', () => {
    const n = readNumber('7.126,1 tỷ đồng', 'vi-VN');
    expect(n).toMatchObject({ text: '7.126,1 tỷ đồng', numeral: '7.126,1', decimals: 1, scaleExponent: 9, scaleWord: 'tỷ', unit: 'đồng', percent: false, kind: 'quantity' });
    expect(n.value.equals(F('7126100000000'))).toBe(true);
    expect(readNumber('12.000 nghìn tỷ đồng', 'vi-VN')).toMatchObject({ scaleExponent: 12, scaleWord: 'nghìn tỷ' });
    expect(value('12.000 nghìn tỷ đồng')).toBe('12000000000000000');
    expect(value('700,1 triệu USD')).toBe('700100000');
    expect(readNumber('5 ngàn tỉ', 'vi-VN')).toMatchObject({ scaleExponent: 12, scaleWord: 'ngàn tỉ' });
    expect(readNumber('3 Tỷ VNĐ', 'vi-VN')).toMatchObject({ scaleExponent: 9, scaleWord: 'Tỷ', unit: 'VNĐ' });
    expect(readNumber('4 nghìn', 'vi-VN').value.equals(4000)).toBe(true);
  });

  it('reads percentages as fractions, with or without a space', () => {
    expect(value('6,98%')).toBe('349/5000');
    expect(readNumber('30,3 %', 'vi-VN')).toMatchObject({ percent: true, decimals: 1, numeral: '30,3', text: '30,3 %' });
    expect(value('30,3 %')).toBe('303/1000');
    expect(readNumber('34%', 'vi-VN').unit).toBeUndefined();
  });

  it('reads percentage points as percent with unit "pp"', () => {
    const n = readNumber('2,5 điểm phần trăm', 'vi-VN');
    expect(n).toMatchObject({ percent: true, unit: 'pp', decimals: 1 });
    expect(n.value.equals(F('0.025'))).toBe(true);
    expect(readNumber('3 pp', 'vi-VN')).toMatchObject({ percent: true, unit: 'pp' });
  });

  it('reads ranges; a trailing % applies to both ends', () => {
    const r = readNumber('8-9%', 'vi-VN');
    expect(r.kind).toBe('range');
    expect(r.range!.map((e) => e.value.toFraction())).toEqual(['2/25', '9/100']);
    expect(r.range!.map((e) => e.percent)).toEqual([true, true]);
    expect(r.value.equals(F('0.08'))).toBe(true);
    expect(readNumber('3 - 4', 'vi-VN').range!.map((e) => e.value.valueOf())).toEqual([3, 4]);
    const s = readNumber('5-6,5 triệu USD', 'vi-VN');
    expect(s.range!.map((e) => [e.value.toString(), e.unit, e.decimals])).toEqual([['5000000', 'USD', 0], ['6500000', 'USD', 1]]);
    expect(s.range![0].span).toEqual({ start: 0, end: 1 });
  });

  it('reads leading zeros, signs and surrounding space', () => {
    expect(readNumber('06', 'vi-VN')).toMatchObject({ numeral: '06', decimals: 0 });
    expect(value('06')).toBe('6');
    expect(value('-1,5%')).toBe('-3/200');
    expect(value('−2')).toBe('-2');
    expect(value('+3')).toBe('3');
    const n = readNumber('  45.481 tỷ  ', 'vi-VN');
    expect(n.span).toEqual({ start: 2, end: 11 });
    expect(n.text).toBe('45.481 tỷ');
  });

  it('accepts a trailing plain-word unit', () => {
    expect(readNumber('1.600 doanh nghiệp', 'vi-VN')).toMatchObject({ unit: 'doanh nghiệp', text: '1.600 doanh nghiệp' });
  });

  it('reads NFD input as its NFC form', () => {
    const n = readNumber('45.481 tỷ đồng'.normalize('NFD'), 'vi-VN');
    expect(n.scaleExponent).toBe(9);
    expect(n.unit).toBe('đồng');
  });

  it('refuses what is not a number, saying where', () => {
    expect(errorOf('1.5', 'vi-VN').offset).toBe(1);
    expect(errorOf('1.5', 'vi-VN').message).toMatch(/exactly 3 digits.*decimal separator is ','/);
    expect(errorOf('1.5000', 'vi-VN').offset).toBe(1);
    expect(errorOf('1234.567', 'vi-VN').message).toMatch(/1 to 3 digits/);
    expect(errorOf('1,2,3', 'vi-VN').offset).toBe(3);
    expect(errorOf('1,234.567', 'vi-VN').message).toMatch(/after the decimal separator/);
    expect(errorOf('abc', 'vi-VN').offset).toBe(0);
    expect(errorOf('XIII', 'vi-VN').offset).toBe(0);
    expect(errorOf('   ', 'vi-VN').message).toMatch(/empty/);
    expect(errorOf('12 abc 5', 'vi-VN').offset).toBe(3);
    expect(errorOf('5 %%', 'vi-VN').offset).toBe(3);
  });
});

describe('readNumber, en', () => {
  it('reads group "," and decimal "."', () => {
    expect(value('7,126.1', 'en')).toBe(F('7126.1').toFraction());
    expect(value('45,481', 'en')).toBe('45481');
    expect(readNumber('45,481', 'en').decimals).toBe(0);
  });

  it('reads currency prefixes and scale words', () => {
    const n = readNumber('$1.2 billion', 'en');
    expect(n).toMatchObject({ unit: '$', scaleWord: 'billion', scaleExponent: 9, decimals: 1, numeral: '1.2' });
    expect(n.value.equals(1200000000)).toBe(true);
    expect(value('US$5', 'en')).toBe('5');
    expect(value('-$5', 'en')).toBe('-5');
    expect(value('$-5', 'en')).toBe('-5');
    expect(value('3.5 bn', 'en')).toBe('3500000000');
    expect(value('2 trillion', 'en')).toBe('2000000000000');
  });

  it('does not take "m" for million (it may be metres)', () => {
    expect(readNumber('5 m', 'en')).toMatchObject({ scaleExponent: 0, unit: 'm' });
  });

  it('reads en-dash ranges and percentage points', () => {
    const r = readNumber('8–9%', 'en');
    expect(r.kind).toBe('range');
    expect(r.range!.map((e) => e.value.toFraction())).toEqual(['2/25', '9/100']);
    expect(readNumber('1.5 percentage points', 'en')).toMatchObject({ unit: 'pp', percent: true, decimals: 1 });
    const m = readNumber('$5-6 million', 'en');
    expect(m.range!.map((e) => [e.value.toString(), e.unit])).toEqual([['5000000', '$'], ['6000000', '$']]);
  });

  it('refuses vi-VN style numbers', () => {
    expect(errorOf('1,5', 'en').offset).toBe(1);
    expect(errorOf('7.126,1', 'en').message).toMatch(/after the decimal separator/);
  });
});

describe('readNumber: units, glued forms, words, ratios, ranges in words', () => {
  it('refuses a leading separator, saying where, never reading ",5%" as 5 %', () => {
    expect(errorOf(',5%', 'vi-VN').offset).toBe(0);
    expect(errorOf('  .5%', 'en').offset).toBe(2);
    expect(errorOf(',5%', 'vi-VN').message).toMatch(/",5": a numeral cannot start with a separator; it is not read as 5 \(write 0,5/);
  });

  it('reads scales and units glued to the numeral or to each other', () => {
    const r = (s: string, l: Locale) => {
      const n = readNumber(s, l);
      return [n.value.toFraction(), n.scaleExponent, n.unitInfo?.code];
    };
    expect(r('1,37 tỷUSD', 'vi-VN')).toEqual(['1370000000', 9, 'USD']);
    expect(r('25tỷ', 'vi-VN')).toEqual(['25000000000', 9, undefined]);
    expect(r('5tr', 'vi-VN')).toEqual(['5000000', 6, undefined]);
    expect(r('5%/năm', 'vi-VN')).toEqual(['1/20', 0, '%/year']);
    expect(r('USD1.2bn', 'en')).toEqual(['1200000000', 9, 'USD']);
    expect(r('€3m', 'en')).toEqual(['3000000', 6, 'EUR']);
    expect(r('700k', 'en')).toEqual(['700000', 3, undefined]);
    expect(r('$5 m', 'en')).toEqual(['5000000', 6, 'USD']);
    expect(r('5m', 'vi-VN')).toEqual(['5', 0, 'm']);
  });

  it('keeps the unit with its canonical code and dimension, and a noun it does not know as written', () => {
    expect(readNumber('880 tấn', 'vi-VN').unitInfo).toEqual({ code: 't', dimension: 'mass' });
    expect(readNumber('500 hectares', 'en').unitInfo).toEqual({ code: 'ha', dimension: 'area' });
    expect(readNumber('1.200 người', 'vi-VN').unitInfo).toEqual({ code: 'person', dimension: 'count' });
    expect(readNumber('2,1 điểm phần trăm', 'vi-VN').unitInfo).toEqual({ code: 'pp', dimension: 'pp' });
    expect(readNumber('45.481 tỷ VNĐ', 'vi-VN').unitInfo).toEqual({ code: 'VND', dimension: 'money' });
    expect(readNumber('12 tuyến đường', 'vi-VN')).toMatchObject({ unit: 'tuyến đường', unitInfo: { code: 'tuyến đường', dimension: 'other' } });
  });

  it('reads a number written in words, or a ratio, as one exact quantity', () => {
    expect(readNumber('hai phần ba', 'vi-VN')).toMatchObject({ form: 'fraction', kind: 'quantity' });
    expect(readNumber('hai phần ba', 'vi-VN').value.toFraction()).toBe('2/3');
    expect(readNumber('gấp rưỡi', 'vi-VN').value.toFraction()).toBe('3/2');
    expect(readNumber('three quarters', 'en').value.toFraction()).toBe('3/4');
    expect(readNumber('twelve', 'en')).toMatchObject({ form: 'word' });
    expect(readNumber('1:50.000', 'vi-VN').value.toFraction()).toBe('1/50000');
    expect(readNumber('2:1', 'en')).toMatchObject({ form: 'ratio', unitInfo: { code: 'ratio', dimension: 'percent' } });
  });

  it('reads a range written with words, the scale and unit of the upper end applying to both', () => {
    for (const [s, l, lo, hi] of [
      ['từ 100 đến 120 tỷ đồng', 'vi-VN', '100000000000', '120000000000'],
      ['between 5 and 6 million', 'en', '5000000', '6000000'],
      ['from 100 to 109.4 billion', 'en', '100000000000', '109400000000'],
    ] as const) {
      const n = readNumber(s, l);
      expect(n.kind, s).toBe('range');
      expect(n.range!.map((e) => e.value.toString()), s).toEqual([lo, hi]);
      expect(n.why, s).toMatch(/applies to both ends/);
    }
  });
});

describe('unitOfLabel: the unit a figure file names', () => {
  it('gives the canonical code and dimension, skipping a scale word, or nothing for a word it does not know', async () => {
    const { unitOfLabel } = await import('../../src/numbers/index.js');
    expect(unitOfLabel('tỷ đồng', 'vi-VN')).toEqual({ code: 'VND', dimension: 'money' });
    expect(unitOfLabel('tấn', 'vi-VN')).toEqual({ code: 't', dimension: 'mass' });
    expect(unitOfLabel('million USD', 'en')).toEqual({ code: 'USD', dimension: 'money' });
    expect(unitOfLabel('%', 'en')).toEqual({ code: '%', dimension: 'percent' });
    expect(unitOfLabel('điểm phần trăm', 'vi-VN')).toEqual({ code: 'pp', dimension: 'pp' });
    expect(unitOfLabel('doanh nghiệp', 'vi-VN')).toEqual({ code: 'doanh nghiệp', dimension: 'count' });
    expect(unitOfLabel('tuyến đường', 'vi-VN')).toBeUndefined();
  });
});

describe('writtenValue: digits, decimals, scale word, percent and sign as one fraction', () => {
  it('law: the same fraction, reduced alike, as dividing, scaling, taking a hundredth and negating in turn', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.nat({ max: 20 }),
        fc.integer({ min: -6, max: 15 }),
        fc.boolean(),
        fc.boolean(),
        (digits, decimals, exponent, percent, negative) => {
          let expected = new Fraction(digits, 10n ** BigInt(decimals));
          expected = exponent >= 0 ? expected.mul(new Fraction(10n ** BigInt(exponent))) : expected.div(new Fraction(10n ** BigInt(-exponent)));
          if (percent) expected = expected.div(100);
          if (negative) expected = expected.neg();
          const got = writtenValue({ digits, decimals, negative }, exponent, percent);
          expect([got.s, got.n, got.d]).toEqual([expected.s, expected.n, expected.d]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads what the document says: 1.234,5 tỷ is 1 234 500 000 000, −0,5% is −1/200', () => {
    expect(readNumber('1.234,5 tỷ', 'vi-VN').value.toFraction()).toBe('1234500000000');
    expect(readNumber('-0,5%', 'vi-VN').value.toFraction()).toBe('-1/200');
  });
});
