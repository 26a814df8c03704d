/** Pieces of a JSON text: joined, exactly what JSON.stringify(value, null, 2) writes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../src/report/json-chunks.js';

const joined = (value: unknown) => [...jsonPieces(value)].join('');

/** JSON values with long arrays in them (the ones written piece by piece), and members JSON omits; three levels at most. */
const leaf = fc.jsonValue({ maxDepth: 2 });
const key = fc.string({ maxLength: 6 });
const longArray = fc.array(fc.oneof(leaf, fc.constant(undefined)), { minLength: 60, maxLength: 120 });
const middle = fc.oneof(leaf, longArray, fc.dictionary(key, fc.oneof(leaf, longArray, fc.constant(undefined)), { maxKeys: 4 }));
const valueArb = fc.oneof(
  middle,
  fc.array(middle, { maxLength: 4 }),
  fc.array(middle, { minLength: 60, maxLength: 70 }),
  fc.dictionary(key, fc.oneof(middle, fc.constant(undefined)), { maxKeys: 5 }),
);

describe('jsonPieces', () => {
  it('joined, is JSON.stringify(value, null, 2) (property)', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 150 },
    );
  });

  it('joined with compact, is JSON.stringify(value) (property)', () => {
    fc.assert(
      fc.property(valueArb, (value) => {
        expect([...jsonPieces(value, { compact: true })].join('')).toBe(JSON.stringify(value));
      }),
      { numRuns: 150 },
    );
  });

  it('writes a long list in runs of about 16 K characters, each line indented to its depth', () => {
    const report = { tool: { name: 'tally' }, results: Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, text: 'a\nb "c"' })), empty: [], none: undefined };
    const pieces = [...jsonPieces(report)];
    const elementsIn = (piece: string) => piece.match(/"id": "r\d+"/g)?.length ?? 0;
    const runs = pieces.filter((piece) => elementsIn(piece) > 0);
    expect(runs.reduce((n, piece) => n + elementsIn(piece), 0)).toBe(5000);
    // The first run is one element long; the others are sized from the elements before them (these grow a little: r9, r99…).
    expect(elementsIn(runs[0]!)).toBe(1);
    expect(runs.length).toBeGreaterThanOrEqual(Math.ceil(pieces.join('').length / 32_768));
    for (const run of runs) expect(run.length).toBeLessThanOrEqual(16_384 * 1.25);
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
  });
});
