/**
 * The figure index of the wrong-base slip (slips/figure-index.ts) sorts by float bounds and
 * compares exactly only where they overlap. The law: a query gives exactly what a pass over every
 * figure gives — the figures of the kind whose interval meets [lo, hi], in the order of their
 * exact low ends, then ids — with ties, near-ties closer than a double can tell, huge values and
 * unbounded queries. And the float bounds a found figure is tried with, taken from its entry, are
 * those of its interval.
 */
import fc from 'fast-check';
import Fraction from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { boundsOfInterval } from '../../../src/judge/diagnose/quick.js';
import { boundsOfEntry, indexOf, kindKey, meeting } from '../../../src/judge/diagnose/slips/figure-index.js';
import type { Figure } from '../../../src/model.js';
import { readNumber } from '../../../src/numbers/index.js';

const declared = { file: 'test', line: 1, col: 1 };
const TINY = new Fraction(1n, 10n ** 30n);

/** Values that collide: a few bases, the same again a hair apart, and some beyond doubles. */
const valueArb = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map((k) => new Fraction(1000 + k * 5, 10)),
  fc.integer({ min: 0, max: 40 }).map((k) => new Fraction(1000 + k * 5, 10).add(TINY)),
  fc.bigInt({ min: 1n, max: 10n ** 400n }).map((n) => new Fraction(n, 7n)),
);

const figureArb = fc.record({
  lo: valueArb,
  width: fc.constantFrom(new Fraction(0), new Fraction(1, 10), new Fraction(3), TINY),
  unit: fc.constantFrom('tỷ đồng', 'Tỷ đồng ', 'USD', ''),
  percent: fc.boolean(),
});

function figuresOf(specs: { lo: Fraction; width: Fraction; unit: string; percent: boolean }[]): Map<string, Figure> {
  const written = readNumber('1', 'vi-VN');
  return new Map(
    specs.map((s, i) => {
      const id = `f${(i * 7919) % 1000}_${i}`;
      const figure: Figure = { id, written: { ...written, percent: s.percent, unit: s.unit }, interval: { lo: s.lo, hi: s.lo.add(s.width) }, exact: false, declared };
      return [id, figure];
    }),
  );
}

/** What a query must give: every figure of the kind meeting [lo, hi], by exact low end, then id. */
function byHand(figures: Map<string, Figure>, key: string, lo: Fraction | null, hi: Fraction | null): string[] {
  return [...figures.values()]
    .filter((f) => kindKey(f) === key && (lo === null || f.interval!.hi!.gte(lo)) && (hi === null || f.interval!.lo!.lte(hi)))
    .sort((a, b) => a.interval!.lo!.compare(b.interval!.lo!) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((f) => f.id);
}

describe('figure index (property)', () => {
  it('a query gives what a pass over every figure gives, in the same order', () => {
    let found = 0;
    fc.assert(
      fc.property(fc.array(figureArb, { minLength: 1, maxLength: 60 }), fc.option(valueArb), fc.option(valueArb), fc.nat(), (specs, a, b, pick) => {
        const figures = figuresOf(specs);
        const [lo, hi] = a && b && a.gt(b) ? [b, a] : [a, b];
        const like = [...figures.values()][pick % figures.size]!;
        const key = kindKey(like)!;
        const ids = meeting(indexOf(figures), like, lo, hi).map((f) => f.id);
        found += ids.length;
        expect(ids).toEqual(byHand(figures, key, lo, hi));
      }),
      { numRuns: 1000 },
    );
    expect(found).toBeGreaterThan(500);
  });

  it("a found figure's bounds, from its entry, are its interval's", () => {
    let known = 0;
    fc.assert(
      fc.property(fc.array(figureArb, { minLength: 1, maxLength: 30 }), fc.nat(), (specs, pick) => {
        const figures = figuresOf(specs);
        const like = [...figures.values()][pick % figures.size]!;
        for (const found of meeting(indexOf(figures), like, null, null)) {
          const fromEntry = boundsOfEntry(found, new Float64Array(4));
          const fromInterval = boundsOfInterval(found.figure.interval!);
          expect(fromEntry && [...fromEntry]).toEqual(fromInterval && [...fromInterval]);
          if (fromEntry) known++;
        }
      }),
      { numRuns: 300 },
    );
    expect(known).toBeGreaterThan(300);
  });
});
