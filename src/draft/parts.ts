/**
 * Breakdowns: "trong đó" / "of which" / "including" name parts of the level just before them, so
 * the parts cannot exceed it (an assertion); "gồm" / "comprising" name all of its parts, so they
 * add up to it (a claim on the total). Parts and total are matched by unit.
 */
import { isLevel, type Mention } from './classify.js';
import type { DraftRule } from './link.js';
import type { ClaimWords } from './patterns.js';

export function partsRules(text: string, mentions: Mention[], w: ClaimWords): DraftRule[] {
  const out: DraftRule[] = [];
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) bySentence.set(m.sentenceIndex, [...(bySentence.get(m.sentenceIndex) ?? []), m]);
  for (const ms of bySentence.values()) {
    const sentence = ms[0]!.sentence;
    const lower = text.slice(sentence.start, sentence.end).toLowerCase();
    for (const [re, complete] of [[w.partsOf, false], [w.madeOf, true]] as const) {
      for (const cue of lower.matchAll(new RegExp(re.source, 'gu'))) {
        const at = sentence.start + cue.index;
        const before = ms.filter((x) => isLevel(x) && x.n.span.end <= at);
        const after = ms.filter((x) => x.n.span.start > at && (x.role === 'level' || x.role === 'count'));
        for (const key of [...new Set(after.map((x) => x.unitKey))].sort()) {
          const total = before.filter((x) => x.unitKey === key).pop();
          const parts = after.filter((x) => x.unitKey === key);
          if (!total || (complete && parts.length < 2)) continue;
          const sum = parts.map((_, i) => `$${i + 1}`).join(' + ');
          const base = { confidence: 'medium' as const, refs: [total, ...parts].map((x) => ({ kind: 'stated' as const, mention: x })), topic: total.topic, ...(total.time ? { time: total.time } : {}) };
          if (complete) {
            out.push({ ...base, kind: 'claim', pattern: 'parts-add-up', stated: total, core: total.n.span, template: sum.replace(/\$(\d+)/gu, (_, d) => `$${Number(d) - 1}`), refs: parts.map((x) => ({ kind: 'stated', mention: x })), why: 'a total and the parts it is said to comprise' });
          } else {
            out.push({ ...base, kind: 'assert', pattern: 'parts-within-total', core: { start: at + Math.max(0, cue[0].search(/\p{L}/u)), end: parts[0]!.n.span.end }, template: `${sum} <= $0`, why: 'the parts named after it cannot exceed the total' });
          }
        }
      }
    }
  }
  return out;
}
