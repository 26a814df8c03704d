/**
 * `tally draft` on documents its patterns were not written from (test/fixtures/draft: a fictional
 * English statistical release and a Vietnamese district report with other wording), each with the
 * claim rules a reviewer wrote by hand beside it (hand/). The draft must load and run, find claims,
 * and recover a measured share of the hand-written ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draft } from '../../src/draft/index.js';
import { ROOT } from '../cli/run.js';
import { claimKeys, loadSets, recall, tempProject } from './recall.js';

const FIXTURES = join(ROOT, 'test/fixtures/draft');

const CASES = [
  { doc: 'riverside-2023.en.txt', hand: 'hand/riverside.rules.yaml', locale: 'en' as const, floor: 0.8 },
  { doc: 'hoa-binh-2023.vi.txt', hand: 'hand/hoa-binh.rules.yaml', locale: 'vi-VN' as const, floor: 0.8 },
  // Held out: written after the drafter was last changed, and never used to change it.
  { doc: 'held-out/northfield-2024.en.txt', hand: 'held-out/hand/northfield.rules.yaml', locale: 'en' as const, floor: 0.6 },
  { doc: 'held-out/tay-son-2024.vi.txt', hand: 'held-out/hand/tay-son.rules.yaml', locale: 'vi-VN' as const, floor: 0.6 },
];

describe.each(CASES)('draft of the unseen $doc', ({ doc, hand, locale, floor }) => {
  const project = tempProject(join(FIXTURES, doc));
  afterAll(() => project.cleanup());
  // No --locale: the document's numerals must tell.
  const result = draft(project.doc);

  it('reads the document in its locale, loads and runs (audit exit 0 or 1), dropping nothing', () => {
    expect(result.locale).toBe(locale);
    expect([0, 1]).toContain(result.auditExit);
    expect(result.dropped).toEqual([]);
    expect(result.claims).toBeGreaterThanOrEqual(5);
  });

  it(`recovers at least ${floor * 100} % of the claims a reviewer wrote by hand`, () => {
    const handKeys = claimKeys(loadSets([join(FIXTURES, hand)]));
    const r = recall(handKeys, claimKeys(loadSets([result.rulesFile])));
    console.log(`draft recall on ${doc}: ${r.recovered.length}/${handKeys.length} = ${(r.share * 100).toFixed(1)} % (missed: ${r.missed.join(', ') || 'none'})`);
    expect(r.share).toBeGreaterThanOrEqual(floor);
    // The README's table of measures says the same.
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`${r.recovered.length}/${handKeys.length}`);
  });
});
