/** Hedged wording right before a number sets its reading; comparatives and distant words do not. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hedgeBefore } from '../../src/numbers/index.js';

const at = (text: string, number: string) => text.indexOf(number);

describe('hedgeBefore', () => {
  it('reads Vietnamese hedges', () => {
    const t = 'tổng vốn đăng ký hơn 12.000 nghìn tỷ đồng, khoảng 55.500 tỷ, ít nhất 1 khu, trên 30%, dưới 5%';
    expect(hedgeBefore(t, at(t, '12.000'), 'vi-VN')).toEqual({ word: 'hơn', reading: 'more-than' });
    expect(hedgeBefore(t, at(t, '55.500'), 'vi-VN')).toEqual({ word: 'khoảng', reading: 'about' });
    expect(hedgeBefore(t, at(t, '1 khu'), 'vi-VN')).toEqual({ word: 'ít nhất', reading: 'at-least' });
    expect(hedgeBefore(t, at(t, '30%'), 'vi-VN')).toEqual({ word: 'trên', reading: 'more-than' });
    expect(hedgeBefore(t, at(t, '5%'), 'vi-VN')).toEqual({ word: 'dưới', reading: 'less-than' });
  });

  it('does not take a comparative for a hedge: "cao hơn 1,53%" is higher by 1,53 points', () => {
    const t = 'đạt 6,98%, cao hơn 1,53% so với bình quân';
    expect(hedgeBefore(t, at(t, '1,53%'), 'vi-VN')).toBeUndefined();
    expect(hedgeBefore(t, at(t, '6,98%'), 'vi-VN')).toBeUndefined();
  });

  it('reads English hedges, case-insensitively, and keeps the words as written', () => {
    const t = 'More than 25% higher; about 40% of sales; at least 60%; under 5 people; Nearly 3 times';
    expect(hedgeBefore(t, at(t, '25%'), 'en')).toEqual({ word: 'More than', reading: 'more-than' });
    expect(hedgeBefore(t, at(t, '40%'), 'en')).toEqual({ word: 'about', reading: 'about' });
    expect(hedgeBefore(t, at(t, '60%'), 'en')).toEqual({ word: 'at least', reading: 'at-least' });
    expect(hedgeBefore(t, at(t, '5 people'), 'en')).toEqual({ word: 'under', reading: 'less-than' });
    expect(hedgeBefore(t, at(t, '3 times'), 'en')).toEqual({ word: 'Nearly', reading: 'about' });
  });

  it('property: a hedge counts only when nothing but whitespace separates it from the number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('hơn', 'khoảng', 'ít nhất', 'tối đa', 'dưới'),
        fc.constantFrom(' ', '  ', '\n'),
        fc.constantFrom('', 'x ', 'năm ', '2 '),
        fc.integer({ min: 1, max: 99_999 }),
        (hedge, space, between, n) => {
          const text = `doanh thu ${hedge}${space}${between}${n} tỷ đồng`;
          const found = hedgeBefore(text, text.lastIndexOf(String(n)), 'vi-VN');
          if (between === '') expect(found?.word).toBe(hedge);
          else expect(found).toBeUndefined();
        },
      ),
    );
  });
});
