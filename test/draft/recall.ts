/**
 * Recall of a draft against hand-written claim rules, both loaded through the real loader. A hand
 * claim counts as recovered when a drafted claim states the same number (same place in the
 * document), has the same expression shape (function names, operators and literals, figure ids
 * abstracted) and uses figures with the same values, in the same order (an unknown figure matches
 * an unknown figure).
 */
import { mkdtempSync, copyFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { loadRuleFile } from '../../src/load/index.js';
import type { Figure, LoadedClaimRule, RuleSet } from '../../src/model.js';

export interface ClaimKey {
  id: string;
  at: number;
  shape: string;
  values: string[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/gu;

function valueKey(f: Figure | undefined): string {
  if (!f) return 'missing';
  if (f.derived) return `derived:${f.derived.expr}`;
  if (!f.written) return f.interval === null ? 'unknown' : 'other';
  return `${f.written.value.toFraction()}${f.written.unitInfo?.code ?? ''}`;
}

export function claimKeys(sets: RuleSet[]): ClaimKey[] {
  return sets.flatMap((set) =>
    set.rules
      .filter((r): r is LoadedClaimRule => r.kind === 'claim')
      .map((r) => {
        const ids = (r.expr.match(IDENT) ?? []).filter((x) => set.figures.has(x));
        const shape = r.expr.replace(IDENT, (x) => (set.figures.has(x) ? 'F' : x)).replace(/\s+/gu, '');
        return { id: r.id, at: r.stated.span.start, shape, values: ids.map((x) => valueKey(set.figures.get(x))) };
      }),
  );
}

export function recall(hand: ClaimKey[], drafted: ClaimKey[]): { recovered: string[]; missed: string[]; share: number } {
  const same = (a: ClaimKey, b: ClaimKey) => a.at === b.at && a.shape === b.shape && a.values.join('|') === b.values.join('|');
  const recovered = hand.filter((h) => drafted.some((d) => same(h, d))).map((h) => h.id);
  const missed = hand.filter((h) => !recovered.includes(h.id)).map((h) => h.id);
  return { recovered, missed, share: hand.length ? recovered.length / hand.length : 0 };
}

export function loadSets(files: string[]): RuleSet[] {
  return files.map((f) => loadRuleFile(f));
}

/** A fresh project folder (a package.json marks its root), holding a copy of the document if one is named. */
export function tempProject(document?: string): { dir: string; doc: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'tally-draft-'));
  writeFileSync(join(dir, 'package.json'), '{"name":"draft-test","private":true}\n');
  const doc = join(dir, document ? basename(document) : 'doc.txt');
  if (document) copyFileSync(document, doc);
  return { dir, doc, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
