import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDocument, positionOf } from '../../src/load/document.js';
import { findQuote, isWhitespaceCode, normaliseQuote } from '../../src/load/find-quote.js';
import { selectNumber } from '../../src/load/select-number.js';
import type { Anchor, AuditedDocument } from '../../src/model.js';

const FIX = 'test/fixtures/load/';
const nfc = loadDocument(`${FIX}report.vi.txt`, 'vi-VN');
const nfdCrlf = loadDocument(`${FIX}report-nfd-crlf.vi.txt`, 'vi-VN');

function anchorOf(doc: AuditedDocument, quote: string, occurrence?: number): Anchor {
  const r = findQuote(doc, quote, occurrence);
  if (!r.ok) throw new Error(r.message);
  return r.anchor;
}

describe('loadDocument', () => {
  it('hashes the bytes as read, and normalises to NFC with \\n line ends', () => {
    const bytes = readFileSync(`${FIX}report-nfd-crlf.vi.txt`);
    expect(nfdCrlf.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(bytes.includes('\r\n')).toBe(true);
    expect(nfdCrlf.text).toBe(nfc.text);
    expect(nfdCrlf.sha256).not.toBe(nfc.sha256);
  });

  it('positionOf gives 1-based line and column', () => {
    const at = nfc.text.indexOf('Kim ngạch');
    expect(positionOf(nfc, at)).toEqual({ line: 5, col: 1 });
    expect(positionOf(nfc, 0)).toEqual({ line: 1, col: 1 });
    expect(positionOf(nfc, nfc.text.indexOf('45.481'))).toEqual({ line: 2, col: 40 });
  });
});

describe('findQuote', () => {
  it('collapses exactly the whitespace `\\s` matches (every code unit of the BMP)', () => {
    for (let c = 0; c <= 0xffff; c++) expect(isWhitespaceCode(c), `U+${c.toString(16)}`).toBe(/\s/u.test(String.fromCharCode(c)));
  });

  it('finds any slice of a text with runs of mixed whitespace at its NFC offsets (property)', () => {
    const piece = fc.constantFrom('Tăng', '12,5%', ' ', '  ', '\n', '\t', '\u00a0', '\u3000', 'đạt', '.', 'x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.join('');
        const doc: AuditedDocument = { path: 'doc.txt', text, sha256: '', locale: 'vi-VN' } as AuditedDocument;
        const from = a % text.length;
        const quote = text.slice(from, from + 1 + (b % 12));
        if (quote.trim() === '') return;
        const found = findQuote(doc, quote, 1);
        expect(found.ok).toBe(true);
        if (!found.ok) return;
        // The anchor covers text that reads as the quote once whitespace runs are one space.
        const norm = (s: string) => s.replace(/\s+/gu, ' ').trim();
        expect(norm(text.slice(found.anchor.span.start, found.anchor.span.end))).toBe(norm(quote));
      }),
      { numRuns: 400 },
    );
  });

  it('finds an NFD quote in an NFC document, with its line:col', () => {
    const quote = 'tăng 30,3 % so với năm 2020'.normalize('NFD');
    expect(quote).not.toBe(quote.normalize('NFC'));
    const a = anchorOf(nfc, quote);
    expect(a.quote).toBe(quote);
    expect(nfc.text.slice(a.span.start, a.span.end)).toBe('tăng 30,3 % so với năm 2020');
    expect([a.line, a.col]).toEqual([2, 77]);
  });

  it('finds an NFC quote in a document written in NFD with CRLF', () => {
    const a = anchorOf(nfdCrlf, 'Kim ngạch xuất khẩu tăng 8-9%');
    expect([a.line, a.col]).toEqual([5, 1]);
    expect(a.span).toEqual({ start: nfdCrlf.text.indexOf('Kim'), end: nfdCrlf.text.indexOf('Kim') + 'Kim ngạch xuất khẩu tăng 8-9%'.length });
  });

  it('finds a quote written with line breaks and extra spaces, across a line end of the document', () => {
    const a = anchorOf(nfc, '  năm 2023 (5,05%).\n   Kim   ngạch\txuất khẩu ');
    expect(nfc.text.slice(a.span.start, a.span.end)).toBe('năm 2023 (5,05%).\nKim ngạch xuất khẩu');
    expect([a.line, a.col]).toEqual([4, 75]);
  });

  it('says a quote found several times is ambiguous, with where; occurrence picks one', () => {
    const r = findQuote(nfc, 'hoàn thành kế hoạch');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('quote-ambiguous');
    expect(r.count).toBe(2);
    expect(r.places).toEqual([
      { line: 6, col: 16 },
      { line: 6, col: 51 },
    ]);
    expect(r.message).toContain('2 times');
    expect(r.message).toContain('6:16, 6:51');
    const second = anchorOf(nfc, 'hoàn thành kế hoạch', 2);
    expect([second.line, second.col]).toEqual([6, 51]);
    const third = findQuote(nfc, 'hoàn thành kế hoạch', 3);
    expect(third.ok === false && third.code).toBe('quote-not-found');
  });

  it('says where a quote that is not found diverges', () => {
    const r = findQuote(nfc, 'Quy mô kinh tế tỉnh (GRDP) năm 2023 là 45.418 tỷ đồng');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe('quote-not-found');
    expect(r.message).toContain('diverges at 2:44');
    expect(r.message).toContain('the quote has "18 tỷ đồng"');
    expect(r.places?.[0]).toEqual({ line: 2, col: 1 });
  });

  it('a quote with nothing close is simply not found', () => {
    const r = findQuote(nfc, 'zzzz qqqq wwww');
    expect(r).toMatchObject({ ok: false, code: 'quote-not-found' });
    expect(r.ok === false && r.places).toBeUndefined();
  });
});

describe('selectNumber', () => {
  it('takes the one quantity of a quote, ignoring years', () => {
    const a = anchorOf(nfc, 'tăng 30,3 % so với năm 2020');
    const r = selectNumber(nfc, a);
    expect(r.ok && r.number.text).toBe('30,3 %');
  });

  it('asks for a selector when there are several, and honours one', () => {
    const a = anchorOf(nfc, 'năm 2021 đạt 10.795 tỷ đồng (tăng 34% so với năm 2020)');
    const none = selectNumber(nfc, a);
    expect(none).toMatchObject({ ok: false, code: 'number-ambiguous', candidates: ['10.795 tỷ đồng', '34%'] });
    const pct = selectNumber(nfc, a, '34%');
    expect(pct.ok && pct.number.text).toBe('34%');
    expect(pct.ok && nfc.text.slice(pct.number.span.start, pct.number.span.end)).toBe('34%');
    const spaced = selectNumber(nfc, a, '10.795  tỷ');
    expect(spaced.ok && spaced.number.text).toBe('10.795 tỷ đồng');
  });

  it('a selector that is not there lists the numbers that are', () => {
    const a = anchorOf(nfc, 'tăng 30,3 % so với năm 2020');
    const r = selectNumber(nfc, a, '30');
    expect(r).toMatchObject({ ok: false, code: 'number-not-found', candidates: ['30,3 %'] });
    expect(r.ok === false && r.message).toContain('"30,3 %"');
    const year = selectNumber(nfc, a, '2020');
    expect(year.ok === false && year.message).toContain('year');
  });

  it('a quote without a quantity has no number', () => {
    const a = anchorOf(nfc, 'Báo cáo tình hình kinh tế - xã hội của tỉnh năm 2023');
    expect(selectNumber(nfc, a)).toMatchObject({ ok: false, code: 'number-not-found', candidates: [] });
  });
});

describe('findQuote (property)', () => {
  const words = ['tăng', 'trưởng', 'kinh', 'tế', 'Lạng', 'Sơn', 'đạt', 'dự', 'toán', 'ngân', 'sách', 'người', 'xuất', 'khẩu', 'Việt', 'năm', 'bình', 'quân', 'hơn', 'ước', 'GRDP', '(', ').', ';'];
  const numbers = ['45.481', '30,3 %', '7.126,1', '2023', '6,98%', '8-9%', '131%'];
  const token = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: fc.constantFrom(...numbers) });
  const space = fc.constantFrom(' ', ' ', ' ', '  ', '\n', ' \n ', '\t', '\u00a0');
  const docText = fc
    .array(fc.tuple(token, space), { minLength: 3, maxLength: 40 })
    .map((parts) => parts.map(([t, s]) => t + s).join('').normalize('NFC'));

  /** The reference: starts of the tokens of `quote` joined by any whitespace, tried at every offset. */
  function reference(text: string, quote: string): { start: number; end: number }[] {
    const tokens = quote.normalize('NFC').split(/\s+/u).filter(Boolean);
    const re = new RegExp(tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'uy');
    const out: { start: number; end: number }[] = [];
    for (let i = 0; i < text.length; i++) {
      re.lastIndex = i;
      const m = re.exec(text);
      if (m) out.push({ start: i, end: i + m[0].length });
    }
    return out;
  }

  it('finds a re-spaced NFD substring at its original offset when it is unique', () => {
    fc.assert(
      fc.property(docText, fc.nat(), fc.nat(), fc.array(space, { minLength: 1, maxLength: 5 }), (text, a, b, spaces) => {
        const doc: AuditedDocument = { path: 'mem.txt', text, locale: 'vi-VN', sha256: '' };
        let i = a % text.length;
        let j = i + 1 + (b % (text.length - i));
        const sub = text.slice(i, j);
        fc.pre(sub.trim().length > 0);
        // Where the quote's text really starts and ends (leading/trailing spaces are not part of it).
        while (/\s/u.test(text[i]!)) i++;
        while (/\s/u.test(text[j - 1]!)) j--;
        let k = 0;
        const quote = sub.replace(/\s+/gu, () => spaces[k++ % spaces.length]!).normalize('NFD');
        const expected = reference(text, quote);
        const r = findQuote(doc, quote);
        if (expected.length === 1) {
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          expect(r.anchor.span).toEqual({ start: i, end: j });
          expect({ line: r.anchor.line, col: r.anchor.col }).toEqual(positionOf(doc, i));
        } else {
          expect(expected.length).toBeGreaterThan(1);
          expect(r).toMatchObject({ ok: false, code: 'quote-ambiguous', count: expected.length });
          expect(expected.map((e) => e.start)).toContain(i);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('normaliseQuote (property)', () => {
  it('is NFC with every whitespace run as one space, trimmed, whether or not the quote needed it', () => {
    const piece = fc.constantFrom('tăng', 'Lạng Sơn', 'e\u0301', '45.481', ' ', '  ', '\n', '\t', '\u00a0', '\u2009', '\u3000', '\ufeff', '%', '');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const quote = pieces.join('');
        expect(normaliseQuote(quote)).toBe(quote.normalize('NFC').replace(/\s+/gu, ' ').trim());
      }),
      { numRuns: 1000 },
    );
  });
});
