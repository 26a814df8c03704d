import { describe, it, expect } from 'vitest';
import { scanNumbers } from '../../src/numbers/index.js';
import type { Locale } from '../../src/model.js';

/** [kind, text, value] of every number found. */
const scan = (text: string, locale: Locale = 'vi-VN') =>
  scanNumbers(text, locale).map((n) => [n.kind, n.text, n.value.toFraction()]);

describe('scanNumbers, vi-VN', () => {
  it('tells a year from a grouped quantity', () => {
    expect(scan('năm 2019 = 1.905 doanh nghiệp')).toEqual([['year', '2019', '2019'], ['quantity', '1.905 doanh nghiệp', '1905']]);
    expect(scan('năm 2100, năm 2101, năm 1899')).toEqual([['year', '2100', '2100'], ['quantity', '2101', '2101'], ['quantity', '1899', '1899']]);
    expect(scan('2000 tỷ đồng')).toEqual([['quantity', '2000 tỷ đồng', '2000000000000']]);
  });

  it('reads ranges, year ranges, and ignores hyphens between words', () => {
    expect(scan('đạt 8-9% và 3 - 4 cụm')).toEqual([['range', '8-9%', '2/25'], ['range', '3 - 4', '3']]);
    expect(scan('giai đoạn 2021 - 2025')).toEqual([['year', '2021 - 2025', '2021']]);
    expect(scan('tuyến Bắc Giang - Lạng Sơn')).toEqual([]);
    expect(scan('5 - 2025')).toEqual([['quantity', '5', '5'], ['year', '2025', '2025']]);
  });

  it('finds dates and document numbers', () => {
    expect(scan('số 23-CTr/TU ngày 27/8/2021')).toEqual([['document-number', '23-CTr/TU', '23'], ['date', '27/8/2021', '20210827']]);
    expect(scan('tháng 8/2021; ngày 27/8 vừa qua')).toEqual([['date', '8/2021', '20210800'], ['date', '27/8', '827']]);
    expect(scan('Quyết định 1234/QĐ-UBND và Nghị định 15/2018/NĐ-CP').map((r) => r.slice(0, 2))).toEqual([
      ['document-number', '1234/QĐ-UBND'],
      ['document-number', '15/2018/NĐ-CP'],
    ]);
  });

  it('reads a number after a day, month, quarter, week or time word as a date of that kind, within its range', () => {
    const dated = (text: string, locale: Locale = 'vi-VN') => scanNumbers(text, locale).map((n) => [n.text, n.kind === 'date' ? n.why : n.kind]);
    const after = (kind: string, word: string) => `date: a ${kind} number after "${word}"`;
    expect(dated('ngày 30, tháng 11, quý 2, tuần 5, lúc 7, vào lúc 9')).toEqual([
      ['30', after('day', 'ngày')], ['11', after('month', 'tháng')], ['2', after('quarter', 'quý')],
      ['5', after('week', 'tuần')], ['7', after('time', 'lúc')], ['9', after('time', 'lúc')],
    ]);
    expect(dated('NGÀY 5 và Tháng 12; quarter 3, week 52', 'en')).toEqual([
      ['5', after('day', 'NGÀY')], ['12', after('month', 'Tháng')], ['3', after('quarter', 'quarter')], ['52', after('week', 'week')],
    ]);
    // Out of each kind's range, or not after the word itself: quantities.
    expect(dated('ngày 0, ngày 32, tháng 13, quý 5, tuần 54, lúc 24, ngày 32/8, ngày 27/13')).toEqual(
      ['0', '32', '13', '5', '54', '24', '32/8', '27/13'].map((t) => [t, 'quantity']),
    );
    expect(dated('chủ nhật 5, thángx 5, ngàyngày 5')).toEqual([['5', 'quantity'], ['5', 'quantity'], ['5', 'quantity']]);
  });

  it('classifies road names, codes glued to letters and labels, and skips Roman numerals', () => {
    expect(scan('Quốc lộ 4B, dịch COVID-19, cúm H5N1')).toEqual([['name', '4B', '4'], ['identifier', 'COVID-19', '19'], ['identifier', 'H5N1', '5']]);
    expect(scan('Đại hội XIII, lần thứ XVII, quý II')).toEqual([]);
    expect(scan('mục 1.5 của')).toEqual([['label', '1.5', '1']]);
  });

  it('refuses a badly grouped numeral as malformed, with the problem, never as a value', () => {
    const [n] = scanNumbers('tăng 1.5 lần', 'vi-VN');
    expect(n).toMatchObject({ kind: 'malformed', text: '1.5' });
    expect(n!.problem).toMatch(/exactly 3 digits/);
  });

  it('finds digit ordinals after "thứ"', () => {
    expect(scan('lần thứ 3, thứ 12.')).toEqual([['ordinal', '3', '3'], ['ordinal', '12', '12']]);
  });

  it('keeps a spaced percent sign, a sign, and leaves punctuation out', () => {
    expect(scan('tăng 30,3 % và giảm -5%, đạt 28.')).toEqual([['quantity', '30,3 %', '303/1000'], ['quantity', '-5%', '-1/20'], ['quantity', '28', '28']]);
  });

  it('does not take words that merely begin like units or scales', () => {
    expect(scan('năm 2020 đồng thời')).toEqual([['year', '2020', '2020']]);
    expect(scan('năm 2023 tỷ lệ hộ nghèo giảm 2,1 điểm phần trăm')).toEqual([['year', '2023', '2023'], ['quantity', '2,1 điểm phần trăm', '21/1000']]);
    expect(scan('5 Đồng Nai')).toEqual([['quantity', '5', '5']]);
    expect(scanNumbers('2,1 điểm phần trăm', 'vi-VN')[0]).toMatchObject({ unit: 'pp', percent: true });
  });

  it('refuses text that is not NFC', () => {
    expect(() => scanNumbers('45 tỷ'.normalize('NFD'), 'vi-VN')).toThrow(/NFC/);
  });
});

describe('scanNumbers, en', () => {
  it('reads a news sentence', () => {
    const text = 'Revenue rose 8–9% to $1.2 billion in 2021, up from 45,481 in 2019-20.';
    const found = scanNumbers(text, 'en');
    expect(found.map((n) => [n.kind, n.text])).toEqual([
      ['range', '8–9%'], ['quantity', '$1.2 billion'], ['year', '2021'], ['quantity', '45,481'], ['year', '2019-20'],
    ]);
    expect(found[1]!.value.equals(1200000000)).toBe(true);
    expect(found[1]!.span).toEqual({ start: text.indexOf('$'), end: text.indexOf(' in 2021') });
    expect(found[4]!.range!.map((e) => e.value.valueOf())).toEqual([2019, 2020]);
  });

  it('finds ordinals, dates and names', () => {
    expect(scan('the 21st century, on 8/27/2021 and 2021-08-27, at the G20', 'en')).toEqual([
      ['ordinal', '21st', '21'], ['date', '8/27/2021', '20210827'], ['date', '2021-08-27', '20210827'], ['identifier', 'G20', '20'],
    ]);
  });

  it('tells a fiscal year from a year-month, and reads times as dates', () => {
    expect(scan('FY 2009-10, in 2020-05, at 10:30', 'en')).toEqual([
      ['year', '2009-10', '2009'], ['date', '2020-05', '20200500'], ['date', '10:30', '1030'],
    ]);
  });

  it('reads "m" and "k" glued to a number as scales, and a spaced "m" as metres', () => {
    expect(scan('$3.5m and 5k, a 5 m wall', 'en')).toEqual([['quantity', '$3.5m', '3500000'], ['quantity', '5k', '5000'], ['quantity', '5 m', '5']]);
    expect(scanNumbers('a 5 m wall', 'en')[0]!.unitInfo).toEqual({ code: 'm', dimension: 'length' });
  });

  it('reads signs, scales and percentage points', () => {
    expect(scan('a loss of -$5 million, about 3.5 bn people, up 1.5 percentage points', 'en')).toEqual([
      ['quantity', '-$5 million', '-5000000'], ['quantity', '3.5 bn people', '3500000000'], ['quantity', '1.5 percentage points', '3/200'],
    ]);
  });

  it('does not read vi-VN grouping in en', () => {
    expect(scan('rate 1,5 here', 'en')).toEqual([['malformed', '1,5', '0']]);
    expect(scan('In 2020, 1,600 firms', 'en')).toEqual([['year', '2020', '2020'], ['quantity', '1,600 firms', '1600']]);
  });
});
