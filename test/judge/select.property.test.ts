/** Laws of `--rule` / `--tag` (src/judge/select.ts) and of the "did you mean" they offer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkFilter, selects, type RuleFilter } from '../../src/judge/select.js';
import { didYouMean, editDistance } from '../../src/suggest.js';

const ids = ['a', 'b', 'c', 'growth', 'share'];
const tags = ['x', 'y', 'z'];
const rule = fc.record({ id: fc.constantFrom(...ids), tags: fc.uniqueArray(fc.constantFrom(...tags), { maxLength: 3 }) });
const filter: fc.Arbitrary<RuleFilter> = fc.record(
  { rules: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 }), tags: fc.uniqueArray(fc.constantFrom(...tags), { maxLength: 2 }) },
  { requiredKeys: [] },
);
const apply = (f: RuleFilter, rs: { id: string; tags: string[] }[]) => rs.filter((r) => selects(f, r));

describe('rule filters', () => {
  it('filtering by a then by b keeps exactly the rules both select, in order (so the order of filters does not matter)', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 12 }), filter, filter, (rs, a, b) => {
        const twice = apply(b, apply(a, rs));
        expect(twice).toEqual(rs.filter((r) => selects(a, r) && selects(b, r)));
        expect(twice).toEqual(apply(a, apply(b, rs)));
      }),
    );
  });

  it('a filter is idempotent, and the empty filter keeps everything', () => {
    fc.assert(
      fc.property(fc.array(rule, { maxLength: 12 }), filter, (rs, f) => {
        expect(apply(f, apply(f, rs))).toEqual(apply(f, rs));
        expect(apply({}, rs)).toEqual(rs);
      }),
    );
  });

  it('refuses exactly the ids and tags no rule has', () => {
    fc.assert(
      fc.property(fc.array(rule, { minLength: 1, maxLength: 8 }), filter, (rs, f) => {
        const known = (f.rules ?? []).every((id) => rs.some((r) => r.id === id)) && (f.tags ?? []).every((t) => rs.some((r) => r.tags.includes(t)));
        if (known) expect(() => checkFilter(f, rs)).not.toThrow();
        else expect(() => checkFilter(f, rs)).toThrow(/no (rule|tag)/);
      }),
    );
  });
});

describe('did you mean', () => {
  const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', '_', '1'), minLength: 1, maxLength: 10 });
  it('proposes only existing names, other than the word, within its distance limit or sharing a prefix', () => {
    fc.assert(
      fc.property(name, fc.uniqueArray(name, { maxLength: 10 }), (word, names) => {
        const out = didYouMean(word, names, 1);
        expect(out.length).toBeLessThanOrEqual(1);
        for (const s of out) {
          expect(names).toContain(s);
          expect(s).not.toBe(word);
          const limit = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
          const prefix = Math.min(word.length, s.length) >= 3 && (s.startsWith(word) || word.startsWith(s));
          expect(editDistance(word, s) <= limit || prefix).toBe(true);
        }
      }),
    );
  });

  it('a name one edit away from exactly one candidate is proposed', () => {
    fc.assert(
      fc.property(fc.constantFrom('growth', 'revenue_2024', 'staff_2023'), fc.nat(), (target, k) => {
        const i = k % target.length;
        const typo = target.slice(0, i) + target.slice(i + 1); // one letter dropped
        expect(didYouMean(typo, [target, 'unrelated_name'], 1)).toEqual([target]);
      }),
    );
  });
});
