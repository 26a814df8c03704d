/**
 * The wrong-base slip speaks only when few figures explain the claim: with k other figures of the
 * same kind that would each make it hold, it lists all of them for 1 ≤ k ≤ MAX_ALTERNATIVES and
 * says nothing beyond (the claim is then too loose for a replacement to explain it), however many
 * figures that do not hold stand between them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditSources } from '../../../src/audit.js';
import { MAX_ALTERNATIVES } from '../../../src/judge/diagnose/slips/wrong-base.js';

/** A profit growth of 30% that holds on the 2022 profit, not the 2023 one, and other lines worth $120 (`alternatives`) or $200 million (`decoys`). */
function audited(alternatives: number, decoys: number) {
  const lines = ['Net profit was $156 million in 2024 and $130 million in 2023; profit rose 30% on the previous year.'];
  const figures = [
    '  profit_2024: { quote: "Net profit was $156 million in 2024", number: "$156 million" }',
    '  profit_2023: { quote: "and $130 million in 2023", number: "$130 million" }',
  ];
  const lineOf = (name: string, amount: number) => {
    lines.push(`Line ${name} earned $${amount} million.`);
    figures.push(`  line_${name}: { quote: "Line ${name} earned $${amount} million", number: "$${amount} million" }`);
  };
  // Interleaved, so the figures that hold are not simply the first ones tried.
  for (let i = 0; i < Math.max(alternatives, decoys); i++) {
    if (i < decoys) lineOf(`d${i}`, 200);
    if (i < alternatives) lineOf(`a${i}`, 120);
  }
  const result = auditSources({
    documents: { 'report.txt': `${lines.join('\n')}\n` },
    figureSets: { 'figures.yaml': `document: report.txt\nlocale: en\nfigures:\n${figures.join('\n')}\n` },
    ruleSets: { 'rules.yaml': 'figures: [figures.yaml]\nrules:\n  - id: profit-growth\n    quote: "profit rose 30% on the previous year"\n    expr: growth(profit_2024, profit_2023)\n' },
    today: '2026-01-01',
  });
  const rule = result.results.find((r) => r.id === 'profit-growth')!;
  expect(rule.verdict).toBe('fail');
  return rule.diagnosis!.slips.find((s) => s.kind === 'wrong-base');
}

describe('wrong base, by how many figures explain the claim', () => {
  it('lists one, two or three replacements, and none beyond three', () => {
    expect(audited(0, 2)).toBeUndefined();
    expect(audited(1, 2)!.message).toBe('wrong base: the claim holds with line_a0 (“$120 million”) in place of profit_2023 (“$130 million”)');
    expect(audited(3, 0)!.message).toMatch(/line_a0 .* line_a1 .* line_a2 .* in place of profit_2023/);
    expect(audited(4, 1)).toBeUndefined();
  });

  it('speaks exactly when 1 ≤ k ≤ MAX_ALTERNATIVES, naming every one (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 4 }), (k, decoys) => {
        const slip = audited(k, decoys);
        if (k === 0 || k > MAX_ALTERNATIVES) {
          expect(slip).toBeUndefined();
          return;
        }
        for (let i = 0; i < k; i++) expect(slip!.message).toContain(`line_a${i} (“$120 million”)`);
        expect(slip!.message).not.toContain('line_d');
      }),
      { numRuns: 25 },
    );
  });
});
