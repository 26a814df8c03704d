/**
 * Reading fidelity at load time: the locale a document is read in (detected when nothing states
 * one, refused with evidence when the stated one contradicts the text), how a claim's reading is
 * chosen (the rule's own, else the text's hedge, form or range, else the file's defaults), and
 * what a `number:` selector may name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLoadCache, loadFigureFile, loadRuleFile } from '../../src/load/index.js';
import { decideLocale } from '../../src/load/locale.js';
import type { LoadedClaimRule, Locale } from '../../src/model.js';
import { detectLocale, languageWords, localeContradiction, localeEvidence } from '../../src/numbers/locale-evidence.js';

const EN_DOC = `Revenue reached $1,200.5 million in 2023, up 12.5% on 2022 ($1,067.1 million).
Staff numbers rose by more than 25% to 1,250 people; 60% or more of them are women.
The firm opened 3.5 new plants on average and shot up to 43.7% of the market.
`;
const VI_DOC = `Thu ngân sách năm 2023 đạt 7.806,5 tỷ đồng, tăng 6,98% so với năm 2022.
Có 1.200 người lao động, tăng gần 195 doanh nghiệp; giảm trên 11% so với cùng kỳ.
`;

function workspace(doc: string, figures: string, rules: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'tally-reading-'));
  writeFileSync(join(dir, 'package.json'), '{}'); // a project root: files outside it are refused
  writeFileSync(join(dir, 'doc.txt'), doc);
  writeFileSync(join(dir, 'figures.yaml'), figures);
  writeFileSync(join(dir, 'rules.yaml'), rules);
  return dir;
}

const load = (doc: string, figures: string, rules: string) => loadRuleFile(join(workspace(doc, figures, rules), 'rules.yaml'), { cache: createLoadCache() });

describe('the locale of a document', () => {
  it('gathers the evidence: numerals that read in one locale only, or differently in both, and the words', () => {
    const en = localeEvidence(EN_DOC);
    expect(en.onlyEn).toEqual(['1,200.5', '12.5', '1,067.1', '3.5', '43.7']);
    expect(en.onlyVi).toEqual([]);
    // vi-VN refuses "." followed by one digit; "1,250" reads in both, differently.
    expect(localeEvidence('3.5 and 1,250').onlyEn).toEqual(['3.5']);
    expect(localeEvidence('3.5 and 1,250').differ).toEqual(['1,250']);
    const vi = localeEvidence(VI_DOC);
    expect(vi.onlyVi).toEqual(['7.806,5', '6,98']);
    expect(vi.differ).toEqual(['1.200']);
    expect(languageWords(VI_DOC).vi).toBeGreaterThan(languageWords(VI_DOC).en);
    expect(languageWords(EN_DOC).en).toBeGreaterThan(languageWords(EN_DOC).vi);
  });

  it('skips dates, sections and labels: they are no evidence', () => {
    expect(localeEvidence('ngày 10.02.2022, mục 1.2.3, Hình 1.5, version v2.0').onlyEn).toEqual([]);
  });

  it('detects the locale from the numerals, then the words, then falls back to vi-VN', () => {
    expect(detectLocale(EN_DOC)).toMatchObject({ locale: 'en', reason: expect.stringMatching(/^5 numerals read only as en \(e\.g\. "1,200\.5", "12\.5", "1,067\.1"\), 0 only as vi-VN$/) });
    expect(detectLocale(VI_DOC).locale).toBe('vi-VN');
    expect(detectLocale('The 1,200 firms and the 4,500 people of the district.')).toMatchObject({ locale: 'en', reason: expect.stringMatching(/English/) });
    expect(detectLocale('Có 1.200 doanh nghiệp và 4.500 người.').locale).toBe('vi-VN');
    expect(detectLocale('2023: 45%').locale).toBe('vi-VN');
  });

  it('refuses a stated locale that the numerals contradict, with evidence; a stated locale settles numerals that read either way', () => {
    expect(localeContradiction(EN_DOC, 'vi-VN')).toBe('5 numerals read only as en, e.g. "1,200.5", "12.5", "1,067.1"; none only as vi-VN');
    expect(localeContradiction(EN_DOC, 'en')).toBeUndefined();
    expect(localeContradiction(VI_DOC, 'en')).toMatch(/^2 numerals read only as vi-VN/);
    expect(localeContradiction('The 1,200 firms.', 'vi-VN')).toBeUndefined();
    expect(decideLocale({ path: 'x.txt', text: EN_DOC }, 'vi-VN').problem).toMatch(/^the document x\.txt does not read as vi-VN: 5 numerals .*set "locale: en"/);
  });

  it('property: a text of numerals formatted in one locale with a separator is detected as that locale, and contradicts the other', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Locale>('vi-VN', 'en'),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 1, max: 99 })), { minLength: 1, maxLength: 8 }),
        (locale, values) => {
          const [g, d] = locale === 'en' ? [',', '.'] : ['.', ','];
          // a decimal part of 1 or 2 digits, or 4+ integer digits with 1–2 decimals: never readable in the other locale
          const text = values.map(([i, f]) => `${String(i).replace(/\B(?=(\d{3})+$)/g, g)}${d}${f % 10 === 0 ? f / 10 : f}`).join(' và ');
          expect(detectLocale(text).locale).toBe(locale);
          expect(localeContradiction(text, locale)).toBeUndefined();
          expect(localeContradiction(text, locale === 'en' ? 'vi-VN' : 'en')).toBeDefined();
        },
      ),
    );
  });

  it('reads a document in the detected locale when no file states one', () => {
    const set = load(EN_DOC, 'document: doc.txt\nfigures:\n  rev: { quote: "reached $1,200.5 million" }\n', 'figures: [figures.yaml]\nrules: []\n');
    expect(set.diagnostics).toEqual([]);
    expect(set.document.locale).toBe('en');
    expect(set.figures.get('rev')?.written?.value.toString()).toBe('1200500000');
  });

  it('refuses, at the locale line with exit-2 severity, a stated locale the text contradicts', () => {
    const set = load(EN_DOC, 'document: doc.txt\nlocale: vi-VN\nfigures:\n  rev: { quote: "reached $1,200.5 million" }\n', 'figures: [figures.yaml]\nrules: []\n');
    expect(set.diagnostics).toMatchObject([{ severity: 'error', code: 'locale-contradicts-document', position: { line: 2, col: 9 } }]);
    expect(set.diagnostics[0]!.message).toMatch(/5 numerals read only as en, e\.g\. "1,200\.5"/);
    expect(set.rules).toEqual([]);
    const fromRule = load(EN_DOC, 'document: doc.txt\nfigures: {}\n', 'figures: [figures.yaml]\nlocale: vi-VN\nrules: []\n');
    expect(fromRule.diagnostics).toMatchObject([{ code: 'locale-contradicts-document', position: { file: expect.stringMatching(/rules\.yaml$/), line: 2, col: 9 } }]);
  });

  it('a figure file loaded on its own decides its document’s locale too', () => {
    const dir = workspace(EN_DOC, 'document: doc.txt\nfigures:\n  rev: { quote: "reached $1,200.5 million" }\n', '');
    const r = loadFigureFile(join(dir, 'figures.yaml'), { cache: createLoadCache() });
    expect(r.locale).toBe('en');
    expect(r.figures[0]?.written?.value.toString()).toBe('1200500000');
  });
});

describe('the reading of a claim', () => {
  const FIGS = 'document: doc.txt\nfigures:\n  a: { value: "5%" }\n';
  const rulesWith = (entries: string, defaults = '') => `figures: [figures.yaml]\n${defaults}rules:\n${entries}`;
  const claim = (set: ReturnType<typeof load>, id: string) => set.rules.find((r) => r.id === id) as LoadedClaimRule;

  it('takes the hedge of the text, before or after the number, with its word and position', () => {
    const set = load(
      'Doanh nghiệp tăng gần 195 doanh nghiệp. Tỷ lệ từ 60% trở lên. Giảm trên 11% so với cùng kỳ. Cao hơn 1,53% so với năm trước.\n',
      FIGS,
      rulesWith(
        [
          '  - { id: near, quote: "tăng gần 195", expr: a }',
          '  - { id: after, quote: "từ 60% trở lên", expr: a }',
          '  - { id: change, quote: "Giảm trên 11%", expr: a }',
          '  - { id: comparative, quote: "Cao hơn 1,53%", expr: a }',
        ].join('\n'),
      ),
    );
    expect(set.broken).toEqual([]);
    expect(claim(set, 'near')).toMatchObject({ reading: 'nearly', hedge: 'gần', hedgePosition: 'before' });
    expect(claim(set, 'after')).toMatchObject({ reading: 'at-least', hedge: 'trở lên', hedgePosition: 'after' });
    expect(claim(set, 'change')).toMatchObject({ reading: 'more-than', hedge: 'trên' });
    expect(claim(set, 'comparative')).toMatchObject({ reading: 'round' });
    expect(claim(set, 'comparative').hedge).toBeUndefined();
  });

  it("a rule's own reading wins over the text, and the text over the file's defaults", () => {
    const set = load(
      'Khoảng 55.500 tỷ đồng. Đạt 34% kế hoạch. Một nửa số hộ.\n',
      FIGS,
      rulesWith(
        [
          '  - { id: own, quote: "Khoảng 55.500 tỷ đồng", expr: a, reading: round }',
          '  - { id: text, quote: "Khoảng 55.500 tỷ đồng", expr: a }',
          '  - { id: defaults, quote: "Đạt 34%", expr: a }',
          '  - { id: words, quote: "Một nửa số hộ", expr: a }',
        ].join('\n'),
        'defaults: { reading: truncate }\n',
      ),
    );
    expect(claim(set, 'own')).toMatchObject({ reading: 'round' });
    expect(claim(set, 'own').hedge).toBeUndefined();
    expect(claim(set, 'text')).toMatchObject({ reading: 'about', hedge: 'Khoảng' });
    expect(claim(set, 'defaults')).toMatchObject({ reading: 'truncate' });
    // A number written in words is read `about` by default: a round figure of speech.
    expect(claim(set, 'words')).toMatchObject({ reading: 'about' });
    expect(claim(set, 'words').stated.value.toFraction()).toBe('1/2');
  });

  it('reads a hedged range as about, and no other bound on a range', () => {
    const set = load('Tăng khoảng 8-9%. Tăng 8-9%.\n', FIGS, rulesWith(['  - { id: about, quote: "khoảng 8-9%", expr: a }', '  - { id: plain, quote: "Tăng 8-9%.", expr: a }'].join('\n')));
    expect(claim(set, 'about')).toMatchObject({ reading: 'about', hedge: 'khoảng' });
    expect(claim(set, 'plain')).toMatchObject({ reading: 'range' });
  });
});

describe('number: selectors', () => {
  const FIGS = (number: string) => `document: doc.txt\nfigures:\n  x: { quote: "Sản lượng 880 tấn, 35 chỉ tiêu, 12 tuyến đường", number: "${number}" }\n`;
  const figure = (number: string) => load('Sản lượng 880 tấn, 35 chỉ tiêu, 12 tuyến đường.\n', FIGS(number), 'figures: [figures.yaml]\nrules: []\n');

  it('name a number with its unit as the text writes it, known to the reader or not', () => {
    for (const [sel, value, unit] of [['880 tấn', '880', 't'], ['35 chỉ tiêu', '35', 'chỉ tiêu'], ['12 tuyến đường', '12', undefined], ['880', '880', 't']] as const) {
      const set = figure(sel);
      expect(set.diagnostics, sel).toEqual([]);
      const w = set.figures.get('x')!.written!;
      expect(w.value.toString(), sel).toBe(value);
      expect(w.unitInfo?.code, sel).toBe(unit);
    }
  });

  it('refuse a word that does not follow the number in the text', () => {
    const set = figure('880 kg');
    expect(set.diagnostics).toMatchObject([{ code: 'number-not-found' }]);
  });

  it('name an end of a range or of a change ("109.4 billion" of "from 100 to 109.4 billion")', () => {
    const set = load(
      'Revenue ranged from 100 to 109.4 billion in 2023.\n',
      'document: doc.txt\nlocale: en\nfigures:\n  lo: { quote: "from 100 to 109.4 billion", number: "100" }\n  hi: { quote: "from 100 to 109.4 billion", number: "109.4 billion" }\n',
      'figures: [figures.yaml]\nrules: []\n',
    );
    expect(set.diagnostics).toEqual([]);
    expect(set.figures.get('lo')!.written!.value.toString()).toBe('100000000000');
    expect(set.figures.get('hi')!.written!.value.toString()).toBe('109400000000');
  });

  it('say why a malformed numeral cannot be stated', () => {
    const set = load('Tỷ lệ tăng ,5% so với năm trước.\n', 'document: doc.txt\nfigures:\n  a: { value: "5%" }\n', 'figures: [figures.yaml]\nrules:\n  - { id: bad, quote: "tăng ,5%", expr: a }\n');
    expect(set.broken[0]!.diagnostics[0]!.message).toMatch(/",5%" cannot be read: ",5": a numeral cannot start with a separator; it is not read as 5/);
  });
});
