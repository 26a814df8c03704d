/**
 * The hedge of a number, before or after it, with its direction: every phrase of the table reads
 * as the table says, guards keep comparatives, motion verbs and plan words out, and negations
 * turn bounds round.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findHedge, hedgeBefore, HEDGES, scanNumbers } from '../../src/numbers/index.js';
import type { Locale, Reading } from '../../src/model.js';

/** The hedge of the number written `number` in `text` (the first one the scanner finds with that text). */
function hedgeOf(text: string, number: string, locale: Locale = 'vi-VN') {
  const n = scanNumbers(text.normalize('NFC'), locale).find((x) => x.text === number || x.text.startsWith(number));
  if (!n) throw new Error(`no number "${number}" in "${text}": ${scanNumbers(text, locale).map((x) => x.text).join(' | ')}`);
  const h = findHedge(text.normalize('NFC'), n, locale);
  return h ? { word: h.word, reading: h.reading, position: h.position } : undefined;
}
const r = (word: string, reading: Reading, position: 'before' | 'after' = 'before') => ({ word, reading, position });

describe('findHedge: Vietnamese', () => {
  it('reads two-sided, just-below and one-sided hedges before the number', () => {
    expect(hedgeOf('tổng vốn đăng ký khoảng 55.500 tỷ đồng', '55.500')).toEqual(r('khoảng', 'about'));
    expect(hedgeOf('xấp xỉ 30%', '30%')).toEqual(r('xấp xỉ', 'about'));
    expect(hedgeOf('chừng 50 người', '50')).toEqual(r('chừng', 'about'));
    expect(hedgeOf('mất độ 5 ngày', '5')).toEqual(r('độ', 'about'));
    expect(hedgeOf('gần 195 doanh nghiệp', '195')).toEqual(r('gần', 'nearly'));
    expect(hedgeOf('gần như 100%', '100%')).toEqual(r('gần như', 'nearly'));
    expect(hedgeOf('suýt 10 tỷ đồng', '10')).toEqual(r('suýt', 'nearly'));
    expect(hedgeOf('hơn 12.000 nghìn tỷ đồng', '12.000')).toEqual(r('hơn', 'more-than'));
    expect(hedgeOf('đạt trên 30%', '30%')).toEqual(r('trên', 'more-than'));
    expect(hedgeOf('doanh thu vượt 1.000 tỷ đồng', '1.000')).toEqual(r('vượt', 'more-than'));
    expect(hedgeOf('doanh thu vượt quá 1.000 tỷ đồng', '1.000')).toEqual(r('vượt quá', 'more-than'));
    expect(hedgeOf('ít nhất 1 khu công nghiệp', '1')).toEqual(r('ít nhất', 'at-least'));
    expect(hedgeOf('tối thiểu 20%', '20%')).toEqual(r('tối thiểu', 'at-least'));
    expect(hedgeOf('dưới 5%', '5%')).toEqual(r('dưới', 'less-than'));
    expect(hedgeOf('chưa đến 3 tháng', '3')).toEqual(r('chưa đến', 'less-than'));
    expect(hedgeOf('chưa tới 3 tháng', '3')).toEqual(r('chưa tới', 'less-than'));
    expect(hedgeOf('tối đa 10 năm', '10')).toEqual(r('tối đa', 'at-most'));
    expect(hedgeOf('vốn lên đến 100 tỷ đồng', '100')).toEqual(r('lên đến', 'at-most'));
  });

  it('reads negations the right way round', () => {
    expect(hedgeOf('không quá 5%', '5%')).toEqual(r('không quá', 'at-most'));
    expect(hedgeOf('không vượt quá 5%', '5%')).toEqual(r('không vượt quá', 'at-most'));
    expect(hedgeOf('không hơn 5%', '5%')).toEqual(r('không hơn', 'at-most'));
    expect(hedgeOf('không dưới 5%', '5%')).toEqual(r('không dưới', 'at-least'));
    expect(hedgeOf('không ít hơn 5 dự án', '5')).toEqual(r('không ít hơn', 'at-least'));
    expect(hedgeOf('không trên 5%', '5%')).toEqual(r('không trên', 'at-most'));
  });

  it('reads hedges after the number', () => {
    expect(hedgeOf('từ 60% trở lên', '60%')).toEqual(r('trở lên', 'at-least', 'after'));
    expect(hedgeOf('60% trở lên', '60%')).toEqual(r('trở lên', 'at-least', 'after'));
    expect(hedgeOf('18 tuổi trở xuống', '18')).toEqual(r('trở xuống', 'at-most', 'after'));
  });

  it('reads a hedge on a change as qualifying the amount', () => {
    expect(hedgeOf('tăng gần 195 doanh nghiệp', '195')).toEqual(r('gần', 'nearly'));
    expect(hedgeOf('tăng gần 7 lần', '7')).toEqual(r('gần', 'nearly'));
    expect(hedgeOf('giảm trên 11%', '11%')).toEqual(r('trên', 'more-than'));
    expect(hedgeOf('tăng hơn 50%', '50%')).toEqual(r('hơn', 'more-than'));
    expect(hedgeOf('gấp hơn 2 lần', '2')).toEqual(r('hơn', 'more-than'));
  });

  it('does not take a comparative, a claim word or a rank for a hedge', () => {
    expect(hedgeOf('đạt 6,98%, cao hơn 1,53% so với bình quân', '1,53%')).toBeUndefined();
    expect(hedgeOf('thấp hơn 2% so với cùng kỳ', '2%')).toBeUndefined();
    expect(hedgeOf('nhiều hơn 5 doanh nghiệp so với năm trước', '5')).toBeUndefined();
    expect(hedgeOf('có nhiều hơn 5 doanh nghiệp', '5')).toEqual(r('nhiều hơn', 'more-than'));
    expect(hedgeOf('thu ngân sách vượt 5% kế hoạch', '5%')).toBeUndefined();
    expect(hedgeOf('vượt 12% so với dự toán', '12%')).toBeUndefined();
    expect(hedgeOf('xếp thứ 5 trên 63 tỉnh', '63')).toBeUndefined();
    expect(hedgeOf('nhiệt độ 35 độ C', '35')).toBeUndefined();
    expect(hedgeOf('tốc độ 7,5%', '7,5%')).toBeUndefined();
    expect(hedgeOf('tăng trưởng năm 2023 trên 5%', '5%')).toEqual(r('trên', 'more-than'));
  });

  it('does not take a verb of motion before "lên đến" for a bound', () => {
    expect(hedgeOf('tăng lên đến 20%', '20%')).toBeUndefined();
    expect(hedgeOf('đã lên tới 5 tỷ đồng', '5')).toBeUndefined();
    expect(hedgeOf('giảm xuống còn 3%', '3%')).toBeUndefined();
    expect(hedgeOf('tăng lên 43,7%', '43,7%')).toBeUndefined();
    expect(hedgeOf('giảm xuống dưới 5%', '5%')).toEqual(r('dưới', 'less-than'));
  });
});

describe('findHedge: English (en-GB and en-US)', () => {
  it('reads two-sided, just-below and one-sided hedges, case-insensitively, keeping the words as written', () => {
    const en = (t: string, n: string) => hedgeOf(t, n, 'en');
    expect(en('about 40% of sales', '40%')).toEqual(r('about', 'about'));
    expect(en('around 40%', '40%')).toEqual(r('around', 'about'));
    expect(en('Approximately 40%', '40%')).toEqual(r('Approximately', 'about'));
    expect(en('roughly 40%', '40%')).toEqual(r('roughly', 'about'));
    expect(en('some 500 firms', '500')).toEqual(r('some', 'about'));
    expect(en('circa 500 firms', '500')).toEqual(r('circa', 'about'));
    expect(en('~5%', '5%')).toEqual(r('~', 'about'));
    expect(en('≈ 5%', '5%')).toEqual(r('≈', 'about'));
    expect(en('Nearly 3 times', '3')).toEqual(r('Nearly', 'nearly'));
    expect(en('almost 60%', '60%')).toEqual(r('almost', 'nearly'));
    expect(en('just under 2 million', '2 million')).toEqual(r('just under', 'nearly'));
    expect(en('More than 25% higher', '25%')).toEqual(r('More than', 'more-than'));
    expect(en('over 50%', '50%')).toEqual(r('over', 'more-than'));
    expect(en('above 50%', '50%')).toEqual(r('above', 'more-than'));
    expect(en('exceeding 50%', '50%')).toEqual(r('exceeding', 'more-than'));
    expect(en('in excess of $5 billion', '$5 billion')).toEqual(r('in excess of', 'more-than'));
    expect(en('at least 60%', '60%')).toEqual(r('at least', 'at-least'));
    expect(en('no fewer than 12 firms', '12')).toEqual(r('no fewer than', 'at-least'));
    expect(en('a minimum of 20%', '20%')).toEqual(r('a minimum of', 'at-least'));
    expect(en('less than 5%', '5%')).toEqual(r('less than', 'less-than'));
    expect(en('under 5 people', '5')).toEqual(r('under', 'less-than'));
    expect(en('below 5%', '5%')).toEqual(r('below', 'less-than'));
    expect(en('fewer than 5 firms', '5')).toEqual(r('fewer than', 'less-than'));
    expect(en('at most 5%', '5%')).toEqual(r('at most', 'at-most'));
    expect(en('up to 43.7%', '43.7%')).toEqual(r('up to', 'at-most'));
    expect(en('a maximum of 5%', '5%')).toEqual(r('a maximum of', 'at-most'));
  });

  it('reads negations the right way round', () => {
    const en = (t: string, n: string) => hedgeOf(t, n, 'en');
    expect(en('not more than 5%', '5%')).toEqual(r('not more than', 'at-most'));
    expect(en('no more than 5%', '5%')).toEqual(r('no more than', 'at-most'));
    expect(en('not less than 5%', '5%')).toEqual(r('not less than', 'at-least'));
    expect(en('no less than 5%', '5%')).toEqual(r('no less than', 'at-least'));
    expect(en('not above 5%', '5%')).toEqual(r('not above', 'at-most'));
  });

  it('reads hedges after the number', () => {
    const en = (t: string, n: string) => hedgeOf(t, n, 'en');
    expect(en('a share of 60% plus', '60%')).toEqual(r('plus', 'at-least', 'after'));
    expect(en('60%+ of firms', '60%')).toEqual(r('+', 'at-least', 'after'));
    expect(en('60% or more', '60%')).toEqual(r('or more', 'at-least', 'after'));
    expect(en('60% and above', '60%')).toEqual(r('and above', 'at-least', 'after'));
    expect(en('60% or higher', '60%')).toEqual(r('or higher', 'at-least', 'after'));
    expect(en('5% or less', '5%')).toEqual(r('or less', 'at-most', 'after'));
    expect(en('5 or fewer firms', '5')).toEqual(r('or fewer', 'at-most', 'after'));
    expect(en('5 firms or fewer', '5 firms')).toEqual(r('or fewer', 'at-most', 'after'));
    expect(en('people aged 65 years and older', '65')).toEqual(r('and older', 'at-least', 'after'));
    expect(en('ages 18 and below', '18')).toEqual(r('and below', 'at-most', 'after'));
    expect(en('60 plus 5', '60')).toBeUndefined();
  });

  it('reads a hedge on a change as qualifying the amount, and motion verbs as no bound', () => {
    const en = (t: string, n: string) => hedgeOf(t, n, 'en');
    expect(en('rose by more than 25%', '25%')).toEqual(r('more than', 'more-than'));
    expect(en('the rate shot up to 43.7%', '43.7%')).toBeUndefined();
    expect(en('it went up to 61.3%', '61.3%')).toBeUndefined();
    expect(en('it rose to 43.7%', '43.7%')).toBeUndefined();
    expect(en('it climbed to 43.7%', '43.7%')).toBeUndefined();
    expect(en('it jumped to 43.7%', '43.7%')).toBeUndefined();
    expect(en('it fell to 3%', '3%')).toBeUndefined();
    expect(en('loans of up to $5 million', '$5 million')).toEqual(r('up to', 'at-most'));
  });

  it('does not take a comparative or a duration for a hedge', () => {
    const en = (t: string, n: string) => hedgeOf(t, n, 'en');
    expect(en('6.98%, higher than 5.05% nationally', '5.05%')).toBeUndefined();
    expect(en('grew 30% over 5 years', '5 years')).toBeUndefined();
  });
});

describe('the hedge table', () => {
  it('every phrase reads as the table says, around a plain number', () => {
    for (const h of HEDGES.filter((x) => !x.guard)) {
      const text = h.position === 'before' ? `x ${h.phrase} 42 y` : h.lang === 'symbol' ? `x 42${h.phrase} y` : `x 42 ${h.phrase} y`;
      const n = scanNumbers(text, 'vi-VN').find((m) => m.text === '42')!;
      const found = findHedge(text, n);
      expect(found?.reading, h.phrase).toBe(h.reading);
      expect(found?.position, h.phrase).toBe(h.position);
      expect(found?.word, h.phrase).toBe(h.phrase);
    }
  });

  it('property: a hedge counts only when nothing but whitespace separates it from the number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...HEDGES.filter((h) => h.position === 'before' && !h.guard && h.lang !== 'symbol').map((h) => h.phrase)),
        fc.constantFrom(' ', '  ', '\n', '\u00a0'),
        fc.constantFrom('', 'x ', 'năm ', 'the '),
        fc.integer({ min: 1, max: 99_999 }),
        (hedge, space, between, n) => {
          const text = `doanh thu ${hedge}${space}${between}${n} tỷ đồng`;
          const at = text.lastIndexOf(String(n));
          const found = findHedge(text, { span: { start: at, end: text.length } });
          if (between === '') expect(found?.word.replace(/\s+/gu, ' ')).toBe(hedge);
          else expect(found).toBeUndefined();
        },
      ),
    );
  });

  it('property: negating a bound with "không" or "not" turns its direction round', () => {
    const inverted: Partial<Record<Reading, Reading>> = { 'more-than': 'at-most', 'less-than': 'at-least' };
    fc.assert(
      fc.property(
        fc.constantFrom(['trên', 'không'], ['dưới', 'không'], ['above', 'not'], ['below', 'not'], ['over', 'not']),
        fc.integer({ min: 1, max: 999 }),
        ([bound, neg], n) => {
          const plain = `x ${bound} ${n}%`;
          const negated = `x ${neg} ${bound} ${n}%`;
          const at = (t: string) => ({ span: { start: t.lastIndexOf(String(n)), end: t.length } });
          const a = findHedge(plain, at(plain))!;
          const b = findHedge(negated, at(negated))!;
          expect(b.reading).toBe(inverted[a.reading]);
          expect(b.word).toBe(`${neg} ${bound}`);
        },
      ),
    );
  });

  it('keeps hedgeBefore for callers that look only before the number', () => {
    const t = 'tổng vốn đăng ký hơn 12.000 nghìn tỷ đồng';
    expect(hedgeBefore(t, t.indexOf('12.000'), 'vi-VN')).toMatchObject({ word: 'hơn', reading: 'more-than', position: 'before' });
    const after = '60% trở lên';
    expect(hedgeBefore(after, 0, 'vi-VN')).toBeUndefined();
  });
});

describe('rules/README.md', () => {
  it('lists every phrase of the hedge table, with its meaning', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../rules/README.md', import.meta.url), 'utf8');
    for (const h of HEDGES) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${h.position} (`) && l.includes(`“${h.phrase.replace(/\|/g, '\\|')}”`));
      expect(row, h.phrase).toBeDefined();
      expect(row, h.phrase).toContain(`\`${h.reading}\``);
    }
  });
});

describe('findHedge across a line break', () => {
  it('sees "so với" and plan words on the next line of the same sentence', () => {
    expect(hedgeOf('Năm nay có nhiều hơn 5 doanh nghiệp\nso với năm trước.', '5')).toBeUndefined();
    expect(hedgeOf('Thu ngân sách vượt 5%\nkế hoạch năm.', '5%')).toBeUndefined();
  });
});
