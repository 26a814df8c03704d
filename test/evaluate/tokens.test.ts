/** The tokenizer every compilation runs: equal to the plain one it replaced, on any source. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/evaluate/tokens.js';
import { exprArb, render } from './expressions.js';
import { tokenizeReference } from './tokens-reference.js';

/** Characters of expressions and of what is not one: operators, quotes, comments, numbers in every base, letters beyond ASCII. */
const piece = fc.constantFrom(
  'a', 'Z', '_', '$', 'é', 'Ω', 'ℕ', '𝐱', 'x1', '0', '7', '.', '0x1F', '0b1', '1e5', '2E-3', '.5', ' ', '\t', '\n', '\u00a0',
  '+', '-', '*', '/', '^', '%', '(', ')', '[', ']', '{', '}', ',', ';', ':', '?', '?.', '??', '!', '!=', '==', '<=', '>=', '<<', '>>', '>>>',
  '.*', './', '.^', '^|', "'", '"', '#', '\\', 'and', 'mod', 'to', '~', '&', '|', '=',
);

describe('tokenize', () => {
  it('cuts any source exactly as the reference tokenizer does (property)', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const src = pieces.join('');
        expect(tokenize(src)).toEqual(tokenizeReference(src));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts generated expressions exactly as the reference tokenizer does (property)', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const src = render(e);
        expect(tokenize(src)).toEqual(tokenizeReference(src));
      }),
      { numRuns: 500 },
    );
  });
});
