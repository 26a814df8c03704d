/**
 * Laws of `tally draft`: ids are always valid, unique and never a reserved name whatever the words; a draft of any
 * document built from the claim patterns loads and runs (exit 0 or 1), is deterministic, and
 * drafts the growth claim such a document always holds.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draft } from '../../src/draft/index.js';
import { IdMaker } from '../../src/draft/ids.js';
import { FIGURE_ID } from '../../src/load/index.js';
import { tempProject } from './recall.js';

const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/u;

describe('ids', () => {
  const word = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('Đồng', 'thu', 'ngân', 'sách', 'nội', 'địa', 'Hợp', 'tác', 'xã', '2023', '', '_', '-', 'GRDP', 'ﬁ', 'naïve', '日本', 'share', 'growth', 'and', 'pi'),
  );
  it('are valid figure and rule ids, unique in their file, whatever the words', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(word, { maxLength: 5 }), fc.option(fc.constantFrom('2023', '2021_2023', 'x'), { nil: undefined })), { maxLength: 30 }), (names) => {
        const figures = new IdMaker('_', 'value', new Set(['share', 'growth', 'and', 'pi']));
        const rules = new IdMaker('-', 'claim');
        const f = names.map(([w, t]) => figures.make(w, t));
        const r = names.map(([w, t]) => rules.make(w, 'growth', t));
        expect(f.every((id) => FIGURE_ID.test(id) && /^[a-z]/u.test(id))).toBe(true);
        expect(f.some((id) => ['share', 'growth', 'and', 'pi'].includes(id))).toBe(false);
        expect(r.every((id) => RULE_ID.test(id))).toBe(true);
        expect(new Set(f).size).toBe(f.length);
        expect(new Set(r).size).toBe(r.length);
      }),
    );
  });
});

/** A number written as the locale writes it: 12345.6 → "12.345,6" (vi-VN) or "12,345.6" (en). */
function written(tenths: number, locale: 'vi-VN' | 'en'): string {
  const whole = Math.floor(tenths / 10).toString().replace(/\B(?=(\d{3})+(?!\d))/gu, locale === 'en' ? ',' : '.');
  const dec = tenths % 10;
  return dec === 0 ? whole : `${whole}${locale === 'en' ? '.' : ','}${dec}`;
}

const VI_TOPICS = ['Doanh thu dịch vụ', 'Sản lượng điện', 'Giá trị xuất khẩu', 'Thu ngân sách', 'Vốn đầu tư'];
const EN_TOPICS = ['Service revenue', 'Electricity output', 'Export value', 'Budget revenue', 'Investment'];

interface Parts {
  topic: number;
  year: number;
  level: number;
  base: number;
  rate: number;
  times: number;
}

const parts = fc.record({
  topic: fc.nat({ max: 4 }),
  year: fc.integer({ min: 2005, max: 2030 }),
  level: fc.integer({ min: 10, max: 9_999_999 }),
  base: fc.integer({ min: 10, max: 9_999_999 }),
  rate: fc.integer({ min: 1, max: 999 }),
  times: fc.integer({ min: 11, max: 49 }),
});

function viSentence(kind: number, p: Parts): string {
  const t = VI_TOPICS[p.topic]!;
  const L = written(p.level, 'vi-VN');
  const B = written(p.base, 'vi-VN');
  const P = written(p.rate, 'vi-VN');
  return [
    `${t} năm ${p.year} đạt ${L} tỷ đồng, tăng ${P}% so với năm ${p.year - 1} (${B} tỷ đồng).`,
    `${t} đạt ${L} tỷ đồng, bằng ${P}% kế hoạch.`,
    `${t} đạt ${L} tỷ đồng, chiếm ${P}% tổng ${VI_TOPICS[(p.topic + 1) % 5]!.toLowerCase()}.`,
    `Giai đoạn ${p.year - 2} - ${p.year}, ${t.toLowerCase()} tăng bình quân ${P}%/năm.`,
    `${t} giảm ${P}% so với cùng kỳ, trong đó quý IV đạt ${B} tỷ đồng.`,
    `${t} năm ${p.year} đạt ${L} tấn, gấp ${written(p.times, 'vi-VN')} lần năm ${p.year - 5} (${B} tấn).`,
  ][kind]!;
}

function enSentence(kind: number, p: Parts): string {
  const t = EN_TOPICS[p.topic]!;
  const L = written(p.level, 'en');
  const B = written(p.base, 'en');
  const P = written(p.rate, 'en');
  return [
    `${t} reached $${L} million in ${p.year}, up ${P}% on ${p.year - 1} ($${B} million).`,
    `${t} was $${L} million, ${P}% of the annual target.`,
    `${t} of $${L} million accounted for ${P}% of total ${EN_TOPICS[(p.topic + 1) % 5]!.toLowerCase()}.`,
    `Between ${p.year - 3} and ${p.year}, ${t.toLowerCase()} grew at an average annual rate of ${P}%.`,
    `${t} fell ${P}% to $${L} million, of which exports were $${B} million.`,
    `${t} was ${written(p.times, 'en')} times the ${p.year - 5} level of ${B} tonnes.`,
  ][kind]!;
}

describe('drafts of documents built from the claim patterns', () => {
  for (const locale of ['vi-VN', 'en'] as const) {
    it(`load and run, are deterministic, and draft the growth claim (${locale})`, () => {
      const sentence = locale === 'en' ? enSentence : viSentence;
      fc.assert(
        fc.property(parts, fc.array(fc.tuple(fc.nat({ max: 5 }), parts), { minLength: 1, maxLength: 6 }), (first, rest) => {
          // Every document opens with a growth sentence against a stated base: that claim must be drafted.
          const text = [sentence(0, first), ...rest.map(([k, p]) => sentence(k, p))].join(' ');
          const project = tempProject();
          try {
            const doc = project.doc;
            writeFileSync(doc, `${text}\n`);
            const r = draft(doc, { locale });
            expect([0, 1]).toContain(r.auditExit);
            // Nothing the patterns produce should need the self-check's safety net.
            expect(r.dropped).toEqual([]);
            const rules = readFileSync(r.rulesFile, 'utf8');
            expect(rules).toMatch(/expr: "growth\([a-z0-9_]+, [a-z0-9_]+\)"/u);
            const figures = readFileSync(r.figuresFile, 'utf8');
            const again = draft(doc, { locale, force: true });
            expect([readFileSync(again.figuresFile, 'utf8'), readFileSync(again.rulesFile, 'utf8')]).toEqual([figures, rules]);
          } finally {
            project.cleanup();
          }
        }),
        { numRuns: Number(process.env.DRAFT_RUNS ?? 15) },
      );
    });
  }
});
