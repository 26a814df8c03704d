/**
 * Neutralised output (issue 12, finding 5): text from rule files and documents — notes, quotes,
 * ids, messages, file names — holding ESC sequences, bidi overrides, line breaks, `::` workflow
 * commands, `##[` legacy commands, `<!--` or `<img onerror>` reaches no terminal, CI log,
 * Markdown renderer or XML parser as anything but inert text. Each law is checked on every
 * string field of an audit at once, with arbitrary strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/model.js';
import {
  ciLogSafe,
  githubData,
  githubProperty,
  jsonInert,
  markdownCode,
  markdownText,
  terminalSafe,
  terminalText,
  xmlAttribute,
  xmlText,
} from '../../src/report/escape.js';
import { renderGithub } from '../../src/report/github.js';
import { findingSeverity } from '../../src/judge/outcome.js';
import { reporters } from '../../src/report/index.js';
import { renderJunit } from '../../src/report/junit.js';
import { hasInvisible, visible } from '../../src/visible.js';
import { DANGEROUS, isCommand, outsideCodeSpans, runnerParse } from './inert.js';
import { sampleAudit } from './sample-audit.js';
import { parseXml } from './xml.js';

/** Fields that hold tally's own vocabulary (enums, hashes), not text from the inputs. */
const OWN = new Set(['verdict', 'severity', 'kind', 'reading', 'status', 'role', 'locale', 'name', 'version', 'sha256', 'heldUnder', 'code']);

/** The audit with every input-text field replaced, in turn, by one of `strings` (never empty, so the same lines are written). */
function poison(audit: AuditResult, strings: string[]): AuditResult {
  let i = 0;
  const next = () => strings[i++ % strings.length] || 'x';
  const walk = (v: unknown, key?: string): unknown => {
    if (typeof v === 'string') return key !== undefined && OWN.has(key) ? v : next();
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(audit) as AuditResult;
}

/** Hostile fragments, mixed with arbitrary text. */
const HOSTILE = [
  '\u001b[2J\u001b[31m',
  '\u001b]8;;http://evil\u0007',
  '\u009b31m',
  '\u202Eevil\u202C',
  '\u2066x\u2069',
  '\u200B',
  '\u00A0',
  '\n::stop-commands::pwned\n',
  '::error::forged',
  '\r\n::warning file=x::forged',
  '##[stop-commands]tok',
  '##[error]forged',
  '%0A::error::x',
  '<!--',
  '-->',
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '`code` ``',
  '| a | b |',
  '[link](javascript:alert(1))',
  '![img](http://tracker/x.png)',
  '\\',
  '&lt;',
  '\uD800',
  '\u0085\u2028\u2029',
];
const text = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: fc.constantFrom(...HOSTILE), maxLength: 4 }));
const texts = fc.array(text, { minLength: 1, maxLength: 12 });

/** tally's own colour codes (picocolors: SGR only). */
const SGR = /\u001b\[\d+m/g;

describe('terminals: console, explain, coverage', () => {
  it('console output holds no control, bidi or invisible character and no workflow command from the inputs (property)', () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (strings, color) => {
        const out = reporters.get('console')!.render(poison(sampleAudit(), strings), { color });
        const plain = out.replace(SGR, '');
        if (!color) expect(plain).toBe(out);
        expect(hasInvisible(plain, ['\n', '\t'])).toBe(false);
        for (const line of plain.split('\n')) expect(isCommand(line), line).toBe(false);
      }),
      { numRuns: 150 },
    );
  });

  it('writes ESC and bidi overrides visibly, and one field stays on one line', () => {
    expect(terminalText('a\u001b[31mb\u202Ec\nd')).toBe('a\\x1B[31mb\\u202Ec\\x0Ad');
    expect(terminalSafe({ frame: 'x\ty\nz\u001b', note: 'x\ty' })).toEqual({ frame: 'x\ty\nz\\x1B', note: 'x\\x09y' });
    // Only what changes is copied; the input is never changed.
    const clean = { id: 'a', figures: [{ id: 'x', written: '1.000,0 tỷ đồng' }], n: 3 };
    expect(terminalSafe(clean)).toBe(clean);
    const dirty = { id: 'a', figures: [{ id: 'x', written: '1\u001b[2J' }, { id: 'y' }], n: 3 };
    const safe = terminalSafe(dirty);
    expect(safe).toEqual({ id: 'a', figures: [{ id: 'x', written: '1\\x1B[2J' }, { id: 'y' }], n: 3 });
    expect(dirty.figures[0]!.written).toBe('1\u001b[2J');
    expect(safe.figures[1]).toBe(dirty.figures[1]);
    // A witness is a prototype-free record of figure ids: its values are escaped like any field.
    const witness: Record<string, string> = Object.create(null);
    witness['level_0'] = '5\u202E tỷ\u001b[2J';
    expect(terminalSafe({ witness }).witness).toEqual({ level_0: '5\\u202E tỷ\\x1B[2J' });
  });

  it('every character of the Basic Multilingual Plane, alone and between letters, comes out visible (exhaustive)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const text of [ch, `Tăng ${ch}x`]) expect(hasInvisible(visible(text)), `U+${c.toString(16)}`).toBe(false);
    }
  });

  it('ciLogSafe breaks a line-leading :: and every ##[, and leaves the rest alone', () => {
    expect(ciLogSafe('::stop-commands::x\n  ::error::y\n\u001b[4m::warning::z\u001b[24m\nok :: fine\n')).toBe(
      '\\x3A:stop-commands::x\n  \\x3A:error::y\n\u001b[4m\\x3A:warning::z\u001b[24m\nok :: fine\n',
    );
    expect(ciLogSafe('note: ##[stop-commands]t')).toBe('note: ##\\x5Bstop-commands]t');
  });
});

describe('GitHub workflow commands', () => {
  it('every line is one of tally’s annotations, and nothing else can start a command (property)', () => {
    fc.assert(
      fc.property(texts, (strings) => {
        const audit = poison(sampleAudit(), strings);
        const expected = renderGithub(poison(sampleAudit(), ['x'])).split('\n').length;
        const out = renderGithub(audit);
        const lines = out.split('\n');
        expect(lines).toHaveLength(expected);
        for (const line of lines.slice(0, -1)) {
          const parsed = runnerParse(line);
          expect(parsed, line).toBeDefined();
          expect(['error', 'warning', 'notice']).toContain(parsed!.command);
          // Properties are key=value pairs of tally's own keys only.
          for (const pair of parsed!.props.split(',')) expect(pair).toMatch(/^(file|line|col|endLine|endColumn|title)=[^,]*$/);
          expect(hasInvisible(line)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('encodes data and properties as the Actions toolkit does', () => {
    expect(githubData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(githubProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(githubData('\u001b[2J')).toBe('\\x1B[2J');
  });
});

describe('Markdown', () => {
  it('holds no HTML, comment, link or image from the inputs, and no new block (property)', () => {
    fc.assert(
      fc.property(texts, (strings) => {
        const render = (a: AuditResult) => reporters.get('markdown')!.render(a, { color: false });
        const out = render(poison(sampleAudit(), strings));
        const markup = outsideCodeSpans(out);
        expect(markup).not.toMatch(/</);
        expect(markup).not.toMatch(/(^|[^\\])\]\(/);
        expect(out).not.toContain('##[');
        expect(hasInvisible(out, ['\n'])).toBe(false);
        expect(out.split('\n')).toHaveLength(render(poison(sampleAudit(), ['x'])).split('\n').length);
      }),
      { numRuns: 150 },
    );
  });

  it('writes the text as it reads, escaped', () => {
    expect(markdownText('<!-- a & b | c -->')).toBe('&lt;!-- a &amp; b \\| c --&gt;');
    expect(markdownText('see [x](javascript:y)\nnext')).toBe('see [x\\](javascript:y) next');
    expect(markdownText('a\\b `c`')).toBe('a\\\\b \\`c\\`');
  });

  it('code spans hold any backticks, and pipes inside a table', () => {
    expect(markdownCode('a < b')).toBe('`a < b`');
    expect(markdownCode('x `y` z')).toBe('``x `y` z``');
    expect(markdownCode('`x`')).toBe('`` `x` ``');
    expect(markdownCode('a|b', { table: true })).toBe('`a\\|b`');
    expect(markdownCode('##[error]x')).toBe('##\\[error\\]x'.replace('\\]', ']'));
  });
});

describe('XML (JUnit)', () => {
  it('always parses, whatever the inputs hold (property)', () => {
    fc.assert(
      fc.property(texts, (strings) => {
        const out = renderJunit(poison(sampleAudit(), strings));
        expect(() => parseXml(out)).not.toThrow();
        expect(out).not.toMatch(DANGEROUS);
        expect(out).not.toContain('##[');
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the data: what a parser reads back is the text, forbidden characters shown (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const doc = parseXml(`<a v="${xmlAttribute(s)}">${xmlText(s)}</a>`);
        const shown = s.replace(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
        );
        expect(doc.attributes.v).toBe(shown);
        expect(doc.text).toBe(shown);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('JSON (json, sarif)', () => {
  it('keeps the data exactly, with nothing a terminal or CI log acts on (property)', () => {
    fc.assert(
      fc.property(texts, (strings) => {
        const audit = poison(sampleAudit(), strings);
        for (const name of ['json', 'sarif']) {
          const out = reporters.get(name)!.render(audit, { color: false });
          expect(out).not.toMatch(DANGEROUS);
          expect(out).not.toContain('##[');
          expect(JSON.parse(out)).toEqual(JSON.parse(jsonInert(out)));
        }
        const json = reporters.get('json')!.render(audit, { color: false });
        // the data exactly, and the level every result carries (judge/outcome.ts)
        const withLevels = audit.results.map((r) => ({ ...r, level: r.level ?? findingSeverity(r) ?? 'none' }));
        expect(JSON.parse(json).results).toEqual(JSON.parse(JSON.stringify(withLevels)));
      }),
      { numRuns: 100 },
    );
  });
});
