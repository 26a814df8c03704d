/**
 * The measure of `tally draft`: on the bundled document, the share of the hand-written claim
 * rules of rules/lang-son that the draft recovers (same stated number, same expression shape,
 * figures with the same values), computed by loading both through the real loader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draft } from '../../src/draft/index.js';
import { ROOT } from '../cli/run.js';
import { claimKeys, loadSets, recall, tempProject } from './recall.js';

const DOC = join(ROOT, 'data/lang-son-2021-2024.vi.txt');
const HAND = join(ROOT, 'rules/lang-son');

describe('draft of the bundled document', () => {
  const project = tempProject(DOC);
  afterAll(() => project.cleanup());
  const result = draft(project.doc);
  const handFiles = readdirSync(HAND).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(HAND, f));

  it('recovers at least 70 % of the hand-written claim rules', () => {
    const hand = claimKeys(loadSets(handFiles));
    const drafted = claimKeys(loadSets([result.rulesFile]));
    const r = recall(hand, drafted);
    console.log(`draft recall on lang-son: ${r.recovered.length}/${hand.length} = ${(r.share * 100).toFixed(1)} % (missed: ${r.missed.join(', ') || 'none'})`);
    expect(hand.length).toBeGreaterThanOrEqual(20);
    expect(r.share).toBeGreaterThanOrEqual(0.7);
    // The README states the measure: it must be the one measured here.
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`| ${r.recovered.length}/${hand.length} claim rules (${Math.round(r.share * 100)} %)`);
  });

  it('loads and runs: the audit of the draft exits 0 or 1, with nothing dropped', () => {
    expect([0, 1]).toContain(result.auditExit);
    expect(result.dropped).toEqual([]);
    const set = loadSets([result.rulesFile])[0]!;
    expect(set.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(set.broken).toEqual([]);
  });

  it('starts both files with the schema line and marks every rule as a draft with its pattern and confidence', () => {
    const rules = readFileSync(result.rulesFile, 'utf8');
    const figures = readFileSync(result.figuresFile, 'utf8');
    expect(rules.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*rules\.schema\.json$/u);
    expect(figures.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*figures\.schema\.json$/u);
    const set = loadSets([result.rulesFile])[0]!;
    for (const r of set.rules) {
      expect(r.tags).toContain('draft');
      expect(r.tags.some((t) => /^pattern:[a-z-]+$/u.test(t))).toBe(true);
      expect(r.tags.some((t) => /^confidence:(high|medium|low)$/u.test(t))).toBe(true);
    }
  });

  it('lists the numbers it could not place as TODO comments, and years and dates in `ignore` with a reason', () => {
    const rules = readFileSync(result.rulesFile, 'utf8');
    const todo = rules.split('\n').filter((l) => l.startsWith('# TODO '));
    expect(todo.length).toBe(result.todo);
    expect(todo.some((l) => l.includes('"80,5%"') && l.includes('Tỷ lệ thôn'))).toBe(true);
    expect(rules).toMatch(/- kind: year\n {4}reason: "[^"]+"/u);
    expect(rules).toMatch(/- kind: date\n {4}reason: "[^"]+"/u);
  });

  it('is deterministic: drafting again gives byte-identical files', () => {
    const first = [readFileSync(result.figuresFile, 'utf8'), readFileSync(result.rulesFile, 'utf8')];
    const again = draft(project.doc, { force: true });
    expect([readFileSync(again.figuresFile, 'utf8'), readFileSync(again.rulesFile, 'utf8')]).toEqual(first);
  });

  it('names figures from the words around them, folded to ASCII', () => {
    const set = loadSets([result.rulesFile])[0]!;
    const ids = [...set.figures.keys()];
    expect(ids).toContain('grdp_2023');
    expect(ids.every((id) => /^[a-z][a-z0-9_]*$/u.test(id))).toBe(true);
  });
});
