/**
 * buildDraft, the pure half of `tally draft`: what the self-check takes out of a draft goes to the
 * TODO list with its reason, and the files name the schemas, the document and the locale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../src/draft/index.js';
import { ROOT } from '../cli/run.js';

const text = readFileSync(join(ROOT, 'test/fixtures/draft/hoa-binh-2023.vi.txt'), 'utf8').normalize('NFC');
const doc = { path: 'hoa-binh-2023.vi.txt', text, locale: 'vi-VN' as const, sha256: '' };
const layout = { documentName: 'hoa-binh-2023.vi.txt', documentRel: 'hoa-binh-2023.vi.txt', figuresRel: 'hoa-binh-2023.vi.figures.yaml', schemaDir: '../rules/schema' };

describe('buildDraft', () => {
  const full = buildDraft(doc, layout);

  it('names the schemas, the document, the locale and the figure file', () => {
    expect(full.figures).toMatch(/^# yaml-language-server: \$schema=\.\.\/rules\/schema\/figures\.schema\.json\n/u);
    expect(full.figures).toContain('document: "hoa-binh-2023.vi.txt"\nlocale: vi-VN\n');
    expect(full.rules).toMatch(/^# yaml-language-server: \$schema=\.\.\/rules\/schema\/rules\.schema\.json\n/u);
    expect(full.rules).toContain('figures: ["hoa-binh-2023.vi.figures.yaml"]');
  });

  it('takes out an excluded rule, lists its number as a TODO with the reason, and keeps the others', () => {
    const first = full.claimIds[0]!;
    const without = buildDraft(doc, layout, new Map([[first, 'it broke']]));
    expect(without.claimIds).toEqual(full.claimIds.slice(1));
    expect(without.rules).not.toContain(`- id: ${first}\n`);
    expect(without.rules).toMatch(new RegExp(`# TODO \\d+:\\d+ "[^"]+" \\(drafted rule ${first} did not load: it broke\\)`, 'u'));
    // Its stated number, and any figure only it used, are left to place by hand.
    expect(without.todo).toBeGreaterThan(full.todo);
  });

  it('drafts the claims of the document with their patterns', () => {
    expect(full.rules).toContain('expr: "growth(gia_tri_san_2023, gia_tri_san_2022)"');
    expect(full.rules).toContain('expr: "gavg(toc_do_2021, toc_do_2022, toc_do_2023)"');
    expect(full.rules).toMatch(/tags: \["draft", "pattern:plan-excess", "confidence:(high|medium)"\]/u);
  });
});
