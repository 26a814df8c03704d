import { describe, expect, it } from 'vitest';
import { codeFrame, formatDiagnostic, makeDiagnostic } from '../../src/load/diagnostics.js';
import { didYouMean, editDistance } from '../../src/suggest.js';

describe('didYouMean', () => {
  it('suggests close words and nothing for unrelated ones', () => {
    expect(didYouMean('exprr', ['expr', 'quote', 'reading'])).toEqual(['expr']);
    expect(didYouMean('qoute', ['expr', 'quote', 'reading'])).toEqual(['quote']);
    expect(didYouMean('rounding', ['round', 'truncate', 'about'])).toEqual(['round']);
    expect(didYouMean('documnet', ['document', 'figures', 'rules'])).toEqual(['document']);
    expect(didYouMean('zebra', ['expr', 'quote', 'reading'])).toEqual([]);
    expect(didYouMean('id', ['as', 'if'])).toEqual(['if']);
  });

  it('counts a transposition as one edit', () => {
    expect(editDistance('exrp', 'expr')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('code frames', () => {
  const src = 'figures: [f.yaml]\nrules:\n  - id: a\n    exprr: x\n';

  it('shows the line, one line of context and a caret under the column', () => {
    expect(codeFrame(src, 4, 5)).toBe(['  3 |   - id: a', '> 4 |     exprr: x', '    |     ^'].join('\n'));
  });

  it('does not count combining marks when placing the caret', () => {
    const nfd = 'q: "Vie\u0302\u0323t" x\n';
    const frame = codeFrame(nfd, 1, nfd.indexOf('x') + 1);
    const caretLine = frame.split('\n')[1]!;
    expect(caretLine.indexOf('^') - caretLine.indexOf('|')).toBe('q: "Việt" x'.indexOf('x') + 2);
  });

  it('formats a diagnostic as file:line:col error[code] message, frame, did you mean', () => {
    const d = makeDiagnostic({
      code: 'unknown-key',
      message: 'unknown key "exprr" in rule "a"',
      position: { file: 'r.yaml', line: 4, col: 5 },
      source: src,
      suggestions: ['expr'],
    });
    expect(formatDiagnostic(d)).toBe(
      [
        'r.yaml:4:5 error[unknown-key] unknown key "exprr" in rule "a"',
        '  3 |   - id: a',
        '> 4 |     exprr: x',
        '    |     ^',
        '  did you mean "expr"?',
      ].join('\n'),
    );
  });
});
