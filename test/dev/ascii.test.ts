/**
 * The bundles are ASCII (src/dev/ascii.mjs, src/dev/build.mjs), so Node reads each as one byte a
 * character; and escaping a regular expression literal's characters never changes what it matches.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { escapeRegexLiterals, isAscii } from '../../src/dev/ascii.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The regular expression `code` (a script ending in a literal) evaluates to. */
const evaluate = (code: string) => runInNewContext(code) as RegExp;

describe('the built bundles', () => {
  it('are ASCII, each of them', () => {
    const bundles = fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => /\.c?js$/.test(f));
    expect(bundles).toContain('tally-engine.cjs');
    for (const f of bundles) expect([f, isAscii(fs.readFileSync(path.join(ROOT, 'dist', f), 'utf8'))]).toEqual([f, true]);
  });
});

describe('escapeRegexLiterals', () => {
  it('escapes the characters of regular expression literals, and only those', () => {
    const code = `const s = "đồng"; const r = /[ăâđ]+\\s*tỷ/iu; const t = /\\é/;`;
    const escaped = escapeRegexLiterals(code, 'script');
    expect(escaped).toBe(`const s = "đồng"; const r = /[\\u0103\\u00e2\\u0111]+\\s*t\\u1ef7/iu; const t = /\\u00e9/;`);
    expect(escapeRegexLiterals('const a = 1;', 'module')).toBe('const a = 1;');
  });

  it('keeps an escaped backslash before a character as it was', () => {
    // `\\\\é`: a backslash, then é.
    const code = 'x = /a\\\\é/';
    expect(escapeRegexLiterals(code, 'script')).toBe('x = /a\\\\\\u00e9/');
    expect(evaluate(escapeRegexLiterals(code, 'script')).test('a\\é')).toBe(true);
  });

  // Atoms as a regular expression may hold them, with non-ASCII characters of every width, inside
  // and outside classes; the literal before and after escaping matches the same strings.
  const CHARS = ['a', 'ê', 'ư', 'Đ', '’', '—', '€', '😀', '𝟙', ' '];
  const atom = fc.oneof(
    fc.constantFrom(...CHARS),
    fc.constantFrom(...CHARS).map((c) => `${c}+`),
    fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 3 }).map((cs) => `[${cs.join('')}]`),
    fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 3 }).map((cs) => `[^${cs.join('')}]`),
    fc.constantFrom('\\s', '.', '\\p{L}', '(?:ê|e)'),
  );
  const literal = fc.record({ atoms: fc.array(atom, { minLength: 1, maxLength: 5 }), flags: fc.constantFrom('', 'u', 'i', 'iu', 'g') }).filter(
    // \p{…} is a property only with u.
    ({ atoms, flags }) => flags.includes('u') || !atoms.includes('\\p{L}'),
  );
  const subject = fc.array(fc.constantFrom(...CHARS, 'A', 'Ê', 'e', 'x'), { maxLength: 8 }).map((cs) => cs.join(''));

  it('matches what the literal matched, with and without the u flag (property)', () => {
    fc.assert(
      fc.property(literal, fc.array(subject, { minLength: 1, maxLength: 6 }), ({ atoms, flags }, subjects) => {
        const code = `/${atoms.join('')}/${flags}`;
        const escaped = escapeRegexLiterals(code, 'script');
        expect(isAscii(escaped)).toBe(true);
        const before = evaluate(code);
        const after = evaluate(escaped);
        for (const s of subjects) expect([s, after.exec(s)?.[0]]).toEqual([s, before.exec(s)?.[0]]);
      }),
      { numRuns: 400 },
    );
  });
});
