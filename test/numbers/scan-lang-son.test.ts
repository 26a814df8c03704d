/**
 * Every number of the bundled example document, read line by line by hand: kind, text as
 * written, value in base units (a range as "lo..hi"). XIII / XVII are Roman and absent.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import Fraction from 'fraction.js';
import { scanNumbers } from '../../src/numbers/index.js';

const text = readFileSync(new URL('../../data/lang-son-2021-2024.vi.txt', import.meta.url), 'utf8');

type Row = [kind: string, text: string, value: string];
const T = '000000000'; // ×10⁹ (tỷ)

const expected: Row[] = [
  // line 4
  ['document-number', '23-CTr/TU', '23'], ['date', '27/8/2021', '20210827'],
  ['quantity', '7 Chương trình', '7'], ['quantity', '3 nhóm', '3'], ['quantity', '20 chỉ tiêu', '20'], ['quantity', '18 chỉ tiêu', '18'],
  // line 5
  ['year', '2023', '2023'], ['year', '2021 - 2023', '2021..2023'], ['quantity', '6,98%', '0.0698'],
  ['quantity', '1,53%', '0.0153'], ['year', '2021', '2021'], ['quantity', '6,76%', '0.0676'],
  ['year', '2022', '2022'], ['quantity', '7,0%', '0.07'], ['year', '2023', '2023'],
  ['quantity', '7,17%', '0.0717'], ['year', '2023', '2023'], ['quantity', '5,05%', '0.0505'],
  // line 6
  ['year', '2023', '2023'], ['quantity', '45.481 tỷ đồng', '45481' + T], ['quantity', '30,3 %', '0.303'],
  ['year', '2020', '2020'], ['year', '2020', '2020'], ['quantity', '34.887 tỷ đồng', '34887' + T],
  ['year', '2020', '2020'], ['quantity', '7.126,1 tỷ đồng', '7126.1e9'], ['year', '2021', '2021'],
  ['quantity', '10.795 tỷ đồng', '10795' + T], ['quantity', '34%', '0.34'], ['year', '2020', '2020'],
  ['year', '2022', '2022'], ['quantity', '7.910 tỷ đồng', '7910' + T], ['quantity', '100,76%', '1.0076'],
  ['year', '2023', '2023'], ['quantity', '7.806,5 tỷ đồng', '7806.5e9'], ['quantity', '96,4%', '0.964'],
  ['year', '2024', '2024'], ['quantity', '9.805,4 tỷ đồng', '9805.4e9'], ['quantity', '131%', '1.31'],
  ['quantity', '25,8%', '0.258'], ['quantity', '3.195,6 tỷ đồng', '3195.6e9'], ['quantity', '128,6%', '1.286'],
  ['quantity', '19,6%', '0.196'], ['quantity', '6.600 tỷ đồng', '6600' + T], ['quantity', '132%', '1.32'],
  ['quantity', '29,3%', '0.293'],
  // line 7
  ['year', '2021 - 2023', '2021..2023'], ['quantity', '52,77 triệu đồng', '52.77e6'], ['quantity', '38,5%', '0.385'],
  ['year', '2015 - 2020', '2015..2020'], ['year', '2015 - 2020', '2015..2020'], ['quantity', '38,1 triệu đồng', '38.1e6'],
  ['year', '2021', '2021'], ['quantity', '46,8 triệu đồng', '46.8e6'], ['year', '2022', '2022'],
  ['quantity', '51,72 triệu đồng', '51.72e6'], ['year', '2023', '2023'], ['quantity', '59,8 triệu đồng', '59.8e6'],
  ['year', '2021 - 2023', '2021..2023'], ['quantity', '19,4%', '0.194'], ['quantity', '30,8%', '0.308'],
  ['quantity', '8,8%', '0.088'], ['range', '8-9%', '0.08..0.09'],
  // line 8
  ['quantity', '3 năm', '3'], ['quantity', '95,5 nghìn tỷ đồng', '95.5e12'], ['name', '4B', '4'],
  ['quantity', '06 cụm công nghiệp', '6'], ['quantity', '09 cụm công nghiệp', '9'], ['quantity', '80,5%', '0.805'],
  // line 9
  ['quantity', '3 năm', '3'], ['quantity', '1.600 doanh nghiệp', '1600'], ['quantity', '13.069 tỷ đồng', '13069' + T],
  ['quantity', '4.725 doanh nghiệp', '4725'], ['quantity', '148%', '1.48'], ['year', '2019', '2019'], ['quantity', '1.905 doanh nghiệp', '1905'],
  ['quantity', '55.500 tỷ đồng', '55500' + T], ['quantity', '150 hợp tác xã', '150'], ['quantity', '511', '511'],
  ['quantity', '103%', '1.03'], ['year', '2019', '2019'], ['quantity', '251 hợp tác xã', '251'],
  ['quantity', '1.162,1 tỷ đồng', '1162.1e9'], ['quantity', '50 dự án', '50'], ['quantity', '12.000 nghìn tỷ đồng', '12000e12'],
  ['quantity', '28 dự án', '28'], ['quantity', '700,1 triệu USD', '700.1e6'], ['quantity', '19 dự án', '19'],
  ['quantity', '85,8 triệu USD', '85.8e6'],
  // line 11
  ['quantity', '5', '5'], ['year', '2021 - 2025', '2021..2025'], ['document-number', '11-NQ/TW', '11'],
  ['date', '10/02/2022', '20220210'], ['year', '2030', '2030'], ['year', '2045', '2045'],
  ['year', '2021 - 2030', '2021..2030'], ['year', '2050', '2050'],
  // line 13
  ['year', '2025', '2025'], ['quantity', '1 khu công nghiệp', '1'], ['range', '3 - 4 cụm công nghiệp', '3..4'], ['quantity', '30%', '0.3'],
  // line 15
  ['year', '2025', '2025'], ['year', '2030', '2030'],
];

/** "7.126,1e9"-style test values: a decimal string, optionally times a power of ten. */
function frac(s: string): Fraction {
  const [mant, exp] = s.split('e');
  return new Fraction(mant!).mul(new Fraction(10).pow(Number(exp ?? 0)));
}

describe('scanNumbers on the Lạng Sơn review', () => {
  const found = scanNumbers(text, 'vi-VN');

  it('finds exactly the numbers read by hand, in order, with their kinds', () => {
    expect(found.map((n) => [n.kind, n.text])).toEqual(expected.map(([k, t]) => [k, t]));
  });

  it('reads each value exactly', () => {
    for (const [i, [, , v]] of expected.entries()) {
      const n = found[i]!;
      if (v.includes('..')) {
        const [lo, hi] = v.split('..').map(frac) as [Fraction, Fraction];
        expect(n.range?.[0].value.equals(lo), n.text).toBe(true);
        expect(n.range?.[1].value.equals(hi), n.text).toBe(true);
        expect(n.value.equals(lo)).toBe(true);
      } else {
        expect(n.value.toFraction(), `${n.text} at ${n.span.start}`).toBe(frac(v).toFraction());
      }
    }
  });

  it('gives spans that cut the exact source text', () => {
    for (const n of found) expect(text.slice(n.span.start, n.span.end)).toBe(n.text);
  });

  it('counts kinds (103 numbers in all)', () => {
    expect(found).toHaveLength(103);
    const counts: Record<string, number> = {};
    for (const n of found) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
    expect(counts).toEqual({ quantity: 64, year: 32, range: 2, date: 2, 'document-number': 2, name: 1 });
  });

  it('keeps precision, scale and unit as written', () => {
    const byText = (t: string) => found.find((n) => n.text === t)!;
    expect(byText('7.126,1 tỷ đồng')).toMatchObject({ numeral: '7.126,1', decimals: 1, scaleExponent: 9, scaleWord: 'tỷ', unit: 'đồng', percent: false });
    expect(byText('95,5 nghìn tỷ đồng')).toMatchObject({ decimals: 1, scaleExponent: 12, scaleWord: 'nghìn tỷ' });
    expect(byText('30,3 %')).toMatchObject({ numeral: '30,3', decimals: 1, percent: true, scaleExponent: 0 });
    expect(byText('06 cụm công nghiệp')).toMatchObject({ numeral: '06', decimals: 0, unit: 'cụm công nghiệp', unitInfo: { code: 'cụm công nghiệp', dimension: 'count' } });
    expect(byText('45.481 tỷ đồng').unitInfo).toEqual({ code: 'VND', dimension: 'money' });
    expect(byText('700,1 triệu USD').unitInfo).toEqual({ code: 'USD', dimension: 'money' });
    expect(byText('30,3 %').unitInfo).toEqual({ code: '%', dimension: 'percent' });
    expect(byText('3 năm').unitInfo).toEqual({ code: 'year', dimension: 'time' });
    expect(byText('8-9%').range!.map((e) => e.percent)).toEqual([true, true]);
  });
});
