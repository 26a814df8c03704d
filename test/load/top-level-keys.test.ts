import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasTopLevelKey, topLevelEntries } from '../../src/load/top-level-keys.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

/** The reference: the decoded text, byte-order mark dropped, searched with a /m regex. */
const RULES_KEY = /^(?:rules|"rules"|'rules')[ \t]*:/m;
const decoded = (b: Buffer) => b.toString('utf8').replace(/^\uFEFF/, '');

/** The reference: the decoded text split into lines (the implementation before bytes, which took no key line ending in CR). */
function entriesOfText(source: string, keys: readonly string[]): string | undefined {
  const KEY = /^(?:([A-Za-z_][\w-]*)|"([A-Za-z_][\w-]*)"|'([A-Za-z_][\w-]*)')[ \t]*:(?:[ \t\r]|$)/;
  const out: string[] = [];
  let inKey = false;
  let taking = false;
  for (const line of source.split('\n')) {
    const c = line[0];
    if (c === undefined || c === ' ' || c === '\t' || c === '\r' || c === '#') {
      if (taking && c !== '#') out.push(line);
      continue;
    }
    if (c === '-' && /^-(?:[ \t\r]|$)/.test(line)) {
      if (!inKey) return undefined;
      if (taking) out.push(line);
      continue;
    }
    const m = KEY.exec(line);
    if (!m) return undefined;
    inKey = true;
    taking = keys.includes((m[1] ?? m[2] ?? m[3])!);
    if (taking) out.push(line);
  }
  return out.join('\n');
}

/**
 * YAML-ish files, line by line: keys plain, quoted or half quoted, indented, listed or commented,
 * with values or none, between line breaks of every kind, with byte-order marks and bytes that
 * are not UTF-8.
 */
const BAD = ['', '', '', Buffer.from([0xe2]), Buffer.from([0xe2, 0x80]), Buffer.from([0xff]), Buffer.from([0x80]), Buffer.from([0xf0, 0x90])];
const piece = (...options: (string | Buffer)[]) => fc.constantFrom(...options.map((o) => (typeof o === 'string' ? bytes(o) : o)));
const line = fc
  .tuple(
    piece('', '', '', ' ', '  ', '\t', '"', "'", '- ', '-', '#', '\uFEFF', 'é', '---'),
    piece('rules', 'document', 'figures', 'x', ''),
    piece('', '', '"', "'"),
    piece('', '', ' ', '\t'),
    piece(':', ':', ': a.txt', ':x', '', ': [f]', ': ề'),
    piece(...BAD),
  )
  .map((parts) => Buffer.concat(parts));
const plain = piece('document: a.txt', 'figures:', "'figures': [f.yaml]", '- f.yaml', '  - g.yaml', '# note', '', 'rules:', '  - id: x', 'document:', '  a.txt', '\r', '-');
const files = fc
  .array(fc.tuple(fc.oneof({ arbitrary: plain, weight: 3 }, { arbitrary: line, weight: 1 }), piece('\n', '\n', '\n', '\r', '\r\n', '\u2028', '\u2029')), { maxLength: 8 })
  .map((lines) => Buffer.concat(lines.flat()));

describe('hasTopLevelKey (is it a rule file?)', () => {
  it('finds `rules:` at the start of a line, plain or quoted', () => {
    expect(hasTopLevelKey(bytes('document: a.txt\nrules:\n  - id: x\n'), 'rules')).toBe(true);
    expect(hasTopLevelKey(bytes('"rules" :\n'), 'rules')).toBe(true);
    expect(hasTopLevelKey(bytes("x: 1\r'rules':"), 'rules')).toBe(true);
    expect(hasTopLevelKey(bytes('a: b\u2028rules:'), 'rules')).toBe(true);
  });

  it('ignores `rules:` indented, inside a value, unquoted on one side, or without its colon', () => {
    expect(hasTopLevelKey(bytes('figures:\n  rules: 3\n'), 'rules')).toBe(false);
    expect(hasTopLevelKey(bytes('note: the rules: here\n'), 'rules')).toBe(false);
    expect(hasTopLevelKey(bytes('"rules:\n'), 'rules')).toBe(false);
    expect(hasTopLevelKey(bytes('rules\n:'), 'rules')).toBe(false);
    expect(hasTopLevelKey(bytes('rulesx:'), 'rules')).toBe(false);
  });

  it('reads a rule file saved with a byte-order mark as the loader does (the mark is not a character of the key)', () => {
    expect(hasTopLevelKey(bytes('\uFEFFrules:\n  - id: x\n'), 'rules')).toBe(true);
    expect(hasTopLevelKey(bytes('\uFEFF"rules":\n'), 'rules')).toBe(true);
  });

  it('law: answers as a /m regex over the decoded text, mark dropped', () => {
    fc.assert(
      fc.property(files, (b) => {
        expect(hasTopLevelKey(b, 'rules')).toBe(RULES_KEY.test(decoded(b)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('topLevelEntries (the lines of a file’s top-level document: and figures:)', () => {
  it('takes the named entries with their continuation lines, comments left out', () => {
    const file = bytes('\uFEFFdocument: a.txt\nrules:\n  - id: x\nfigures:\n- f.yaml\n# note\n  - g.yaml\n');
    expect(topLevelEntries(file, ['document', 'figures'])).toBe('document: a.txt\nfigures:\n- f.yaml\n  - g.yaml\n');
  });

  it('gives up on what is not a block mapping line by line', () => {
    expect(topLevelEntries(bytes('---\ndocument: a\n'), ['document'])).toBeUndefined();
    expect(topLevelEntries(bytes('{document: a}\n'), ['document'])).toBeUndefined();
    expect(topLevelEntries(bytes('- a\n'), ['document'])).toBeUndefined();
    // Windows line breaks: a key alone on its line, an empty item at column 0.
    expect(topLevelEntries(bytes('figures:\r\n-\r\n'), ['figures'])).toBe('figures:\r\n-\r\n');
  });

  it('law: the same lines as splitting the decoded text, whatever the bytes', () => {
    fc.assert(
      fc.property(files, fc.subarray(['document', 'figures', 'rules']), (b, keys) => {
        expect(topLevelEntries(b, keys)).toBe(entriesOfText(decoded(b), keys));
      }),
      { numRuns: 3000 },
    );
  });
});
