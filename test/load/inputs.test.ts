/**
 * Inputs within limits (issue 12, findings 7 and 8): size limits with clear errors, only regular
 * files, invalid UTF-8 at its byte and line:col, code frames cut around the caret with invisible
 * characters shown, expressions and ignore patterns bounded before they run.
 */
import { isUtf8 } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeFrame, makeDiagnostic } from '../../src/load/diagnostics.js';
import { createLoadCache, loadDocument, loadRuleFile, parseBytes, formatBytes } from '../../src/load/index.js';
import { backtrackingRisk, compileIgnorePattern, MAX_MATCHED } from '../../src/load/ignore-pattern.js';
import { decodeUtf8, firstInvalidUtf8, readInput, ReadScratch } from '../../src/load/read-input.js';
import { hasInvisible, visible } from '../../src/visible.js';

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-inputs-'));
  writeFileSync(path.join(dir, 'package.json'), '{}');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const DOC = 'Revenue rose 25.0% to 1,250.0 million.\n';
const FIGURES = 'document: doc.txt\nlocale: en\nfigures:\n  rev: { quote: "to 1,250.0 million" }\n';
const rules = (expr: string) => `figures: [figures.yaml]\nrules:\n  - id: rise\n    quote: "rose 25.0%"\n    expr: ${JSON.stringify(expr)}\n`;
const codes = (dir: string, policy = {}) =>
  loadRuleFile(path.join(dir, 'rules.yaml'), { cache: createLoadCache(), policy }).diagnostics.map(
    (d) => `${path.basename(d.position.file)}:${d.position.line}:${d.position.col} ${d.code}`,
  );

describe('size limits', () => {
  it('refuses a document over the limit, naming its size, the limit and the flag', () => {
    const dir = project({ 'doc.txt': `${DOC}${'x'.repeat(300)}\n`, 'figures.yaml': FIGURES, 'rules.yaml': rules('0.25') });
    expect(codes(dir)).toEqual([]);
    expect(codes(dir, { maxDocumentBytes: 200 })).toEqual(['figures.yaml:1:11 file-too-large']);
    const set = loadRuleFile(path.join(dir, 'rules.yaml'), { cache: createLoadCache(), policy: { maxDocumentBytes: 200 } });
    expect(set.diagnostics[0]!.message).toMatch(/is 340 bytes, over the limit of 200 bytes \(raise it with --max-document-size\)$/);
  });

  it('refuses a document of more than 10 MiB by default, without reading it all', () => {
    const dir = project({ 'big.txt': Buffer.alloc(10 * 1024 * 1024 + 1, 0x61) });
    expect(() => loadDocument(path.join(dir, 'big.txt'), 'en')).toThrow(/is 10485761 bytes, over the limit of 10 MiB/);
  });

  it('refuses files that are not regular files: a FIFO would block, /dev/zero would never end', () => {
    const dir = project({});
    const fifo = path.join(dir, 'doc.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const read = readInput(fifo, 1000, 'document', '--max-document-size');
    expect(read).toMatchObject({ ok: false, code: 'file-unreadable' });
    expect(!read.ok && read.message).toMatch(/not a regular file$/);
    expect(readInput('/dev/zero', 1000, 'document', '--max-document-size')).toMatchObject({ ok: false, code: 'file-unreadable' });
    expect(readInput(dir, 1000, 'document', '--max-document-size')).toMatchObject({ ok: false, message: expect.stringMatching(/a folder, not a file$/) });
  });

  it('reads to the end files whose size the system does not know (under /proc), within the limit', () => {
    const read = readInput('/proc/self/status', 1 << 20, 'document', '--max-document-size');
    expect(read.ok && read.bytes.toString('utf8')).toMatch(/^Name:/);
    expect(readInput('/proc/self/status', 10, 'document', '--max-document-size')).toMatchObject({ ok: false, code: 'file-too-large' });
  });

  it('reads into a lent buffer the same bytes, reusing it while it is large enough and growing it when not', () => {
    const dir = project({ 'a.yaml': 'rules: []\n', 'b.yaml': 'é'.repeat(5000), 'c.yaml': 'x: 1\n' });
    const scratch = new ReadScratch();
    const read = (name: string) => {
      const r = readInput(path.join(dir, name), 1 << 20, 'file', '--max-yaml-size', scratch);
      if (!r.ok) throw new Error(r.message);
      return r.bytes;
    };
    expect(read('a.yaml').toString()).toBe('rules: []\n');
    const b = read('b.yaml');
    expect(b.toString()).toBe('é'.repeat(5000));
    const grown = scratch.buffer;
    expect(b.buffer).toBe(grown.buffer);
    const c = read('c.yaml');
    expect(c.toString()).toBe('x: 1\n');
    expect(c.buffer).toBe(grown.buffer);
    expect(readInput(path.join(dir, 'b.yaml'), 100, 'file', '--max-yaml-size', scratch)).toMatchObject({ ok: false, code: 'file-too-large' });
  });

  it('reads and writes sizes as the flags take them', () => {
    expect(parseBytes('10MiB')).toBe(10 * 1024 * 1024);
    expect(parseBytes('512k')).toBe(512 * 1024);
    expect(parseBytes('2 MB')).toBe(2 * 1024 * 1024);
    expect(parseBytes('2048')).toBe(2048);
    expect(parseBytes('ten')).toBeUndefined();
    expect(parseBytes('0')).toBeUndefined();
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});

describe('the load cache of a long-lived process', () => {
  it('keeps one entry per figure file however often the file changes', () => {
    const dir = project({ 'doc.txt': DOC, 'figures.yaml': FIGURES, 'rules.yaml': rules('0.25') });
    const cache = createLoadCache();
    for (let k = 0; k < 5; k++) {
      // A new file each time (a new inode), as an editor saving it would.
      writeFileSync(path.join(dir, 'next.yaml'), `${FIGURES}  extra_${k}: { value: ${k} }\n`);
      renameSync(path.join(dir, 'next.yaml'), path.join(dir, 'figures.yaml'));
      expect(loadRuleFile(path.join(dir, 'rules.yaml'), { cache }).figures.has(`extra_${k}`)).toBe(true);
    }
    expect(cache.figureFiles.size).toBe(1);
    expect(cache.parsed.size).toBe(1);
    expect(cache.documents.size).toBe(1);
  });
});

describe('invalid UTF-8', () => {
  it('is found exactly where TextDecoder finds it, and only where Node’s own check finds the text ill-formed (property)', () => {
    // Random bytes, and text (well-formed, whatever its characters) with random bytes after it.
    const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((t) => Buffer.from(t, 'utf8'));
    const bytesOrText = fc.oneof(fc.uint8Array({ maxLength: 40 }), text, fc.tuple(text, fc.uint8Array({ maxLength: 3 })).map(([t, b]) => Buffer.concat([t, b])));
    fc.assert(
      fc.property(bytesOrText, (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const bad = firstInvalidUtf8(bytes);
        expect(bad < 0).toBe(valid);
        expect(isUtf8(bytes)).toBe(valid);
        // Everything before the bad byte is well-formed.
        if (bad >= 0) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, bad))).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });

  it('is reported at the line and column of the bad byte (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 12 }), { minLength: 1, maxLength: 6 }), fc.nat(), (lines, pick) => {
        const text = lines.join('\n');
        const cut = pick % (text.length + 1);
        const before = Buffer.from(text.slice(0, cut).replace(/[\uD800-\uDBFF]$/, ''), 'utf8');
        const bytes = Buffer.concat([before, Buffer.from([0xff]), Buffer.from('tail', 'utf8')]);
        const r = decodeUtf8(bytes, 'f.txt', 'document');
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const prefix = before.toString('utf8').replace(/^\uFEFF/, '');
        const lineTexts = prefix.split('\n');
        expect(r.offset).toBe(before.length);
        expect(r.line).toBe(lineTexts.length);
        expect(r.col).toBe(lineTexts[lineTexts.length - 1]!.length + 1);
      }),
      { numRuns: 500 },
    );
  });

  it('in a document: the diagnostic points into the document, not at 1:1', () => {
    const doc = Buffer.concat([Buffer.from('Line one.\nRevenue rose 25.0% '), Buffer.from([0xe2, 0x28, 0xa1]), Buffer.from(' to 1,250.0 million.\n')]);
    const dir = project({ 'doc.txt': doc, 'figures.yaml': FIGURES, 'rules.yaml': rules('0.25') });
    expect(codes(dir)).toEqual(['doc.txt:2:20 file-encoding']);
  });
});

describe('code frames and messages', () => {
  it('cut a long line to 60 columns each side of the caret, with the caret still under its column', () => {
    const line = `${'a'.repeat(100_000)}BAD${'b'.repeat(100_000)}`;
    const frame = codeFrame(`first\n${line}\n`, 2, 100_001);
    const [, shown, caret] = frame.split('\n');
    expect(shown!.length).toBeLessThan(140);
    expect(shown).toMatch(/^> 2 \| …a{60}BADb{57}…$/);
    expect(caret!.indexOf('^')).toBe(shown!.indexOf('BAD'));
  });

  it('show control, bidi and invisible characters as escapes, and keep the caret aligned', () => {
    const d = makeDiagnostic({
      code: 'unknown-figure',
      message: 'unknown figure "rev\u200Benue" (NBSP:\u00A0)',
      position: { file: 'r.yaml', line: 1, col: 19 },
      source: 'expr: \u001b[2J\u202Egrowth(x)\n',
    });
    expect(d.message).toBe('unknown figure "rev\\u200Benue" (NBSP:\\xA0)');
    const [shown, caret] = d.frame!.split('\n');
    expect(shown).toBe('> 1 | expr: \\x1B[2J\\u202Egrowth(x)');
    // Column 19 is the x of growth(x), after an ESC and a bidi override shown as escapes.
    expect(caret!.indexOf('^')).toBe(shown!.indexOf('(x)') + 1);
  });

  it('never hold an invisible character, whatever the source (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.nat({ max: 400 }), (source, col) => {
        const frame = codeFrame(source, 1, col + 1);
        expect(hasInvisible(frame, ['\t', '\n'])).toBe(false);
        for (const line of frame.split('\n')) expect(line.length).toBeLessThan(20 + 121 * 10);
      }),
      { numRuns: 500 },
    );
  });

  it('visible() escapes exactly the invisible characters and nothing else (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const v = visible(s);
        expect(hasInvisible(v)).toBe(false);
        if (!hasInvisible(s)) expect(v).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('expressions and ignore patterns are bounded before they run', () => {
  it('an expression longer than 1000 characters breaks its rule, at the expression', () => {
    const dir = project({ 'doc.txt': DOC, 'figures.yaml': FIGURES, 'rules.yaml': rules(`rev + ${'1 + '.repeat(300)}1`) });
    const set = loadRuleFile(path.join(dir, 'rules.yaml'), { cache: createLoadCache() });
    expect(set.broken.map((b) => b.diagnostics.map((d) => `${d.position.line}:${d.position.col} ${d.code}`))).toEqual([['5:11 expression-too-long']]);
  });

  it('brackets nested more than 32 deep break the rule before mathjs parses it', () => {
    const dir = project({ 'doc.txt': DOC, 'figures.yaml': FIGURES, 'rules.yaml': rules(`${'('.repeat(40)}rev${')'.repeat(40)}`) });
    const set = loadRuleFile(path.join(dir, 'rules.yaml'), { cache: createLoadCache() });
    expect(set.broken[0]!.diagnostics[0]!.code).toBe('expression-too-deep');
  });

  it('refuses ignore patterns that can backtrack catastrophically', () => {
    for (const risky of ['(\\d+)+$', '(a|aa)*b', '(x*)*', '([0-9]+\\.)+$', '(\\d)\\1', '((ab)+c)*']) expect(backtrackingRisk(risky), risky).toBeDefined();
    for (const fine of ['^0\\d$', '^\\d{2}/\\d{4}$', '-CTr/TU$', '(?:NQ|QĐ)-', '[0-9]+(,[0-9]+)?%', '^\\d+(\\.\\d{3})*$'.replace('*', '?')]) {
      expect(backtrackingRisk(fine), fine).toBeUndefined();
    }
    expect(compileIgnorePattern('x'.repeat(201))).toMatchObject({ ok: false });
  });

  it('an accepted pattern never searches more than MAX_MATCHED characters', () => {
    const c = compileIgnorePattern('^\\d*\\d*\\d*x$');
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    expect(c.pattern.test('1'.repeat(MAX_MATCHED - 1) + 'x')).toBe(true);
    expect(c.pattern.test('1'.repeat(5_000_000))).toBe(false);
    expect('12x'.match(c.pattern)?.[0]).toBe('12x');
  });

  it('a refused pattern is a diagnostic at the pattern; the other ignores and rules load', () => {
    const text = `${rules('0.25')}ignore:\n  - pattern: "(\\\\d+)+$"\n    reason: r\n  - text: "2023"\n    reason: year\n`;
    const dir = project({ 'doc.txt': DOC, 'figures.yaml': FIGURES, 'rules.yaml': text });
    const set = loadRuleFile(path.join(dir, 'rules.yaml'), { cache: createLoadCache() });
    expect(set.diagnostics.map((d) => `${d.position.line}:${d.position.col} ${d.code}`)).toEqual(['7:14 invalid-pattern']);
    expect(set.ignores).toHaveLength(1);
    expect(set.rules).toHaveLength(1);
  });
});
