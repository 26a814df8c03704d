/**
 * One draft from one document: classify every number, link the claims, give ids and quotes, and
 * lay out the two files. Pure: the same document (and the same exclusions) gives the same text.
 */
import { functionRegistry } from '../evaluate/functions/index.js';
import { DISABLED_SET } from '../evaluate/instance.js';
import { positionOf } from '../load/document.js';
import type { AuditedDocument, NumberKind } from '../model.js';
import { classify, CLAIM_ROLES, type Mention } from './classify.js';
import { IdMaker } from './ids.js';
import { linkClaims, timeLabel, type FigureRef } from './link.js';
import { quoteFor } from './quotes.js';
import { figureFileText, ruleFileText, type FigureOut, type RuleOut, type Todo } from './write-yaml.js';
import { byCodeUnits } from '../compare.js';

export interface DraftLayout {
  /** The document's file name, for the header comments. */
  documentName: string;
  /** Paths as the files must name them (relative to the draft's folder). */
  documentRel: string;
  figuresRel: string;
  /** The schema folder, relative to the draft's folder. */
  schemaDir: string;
}

export interface BuiltDraft {
  figures: string;
  rules: string;
  /** Rule ids drafted, by kind. */
  claimIds: string[];
  assertIds: string[];
  figureIds: string[];
  todo: number;
  /** For the self-check: the figure ids each rule uses. */
  uses: Map<string, string[]>;
}

/** What an expression already means by a name: the claim functions, mathjs's names and keywords. */
const RESERVED: ReadonlySet<string> = new Set([
  ...functionRegistry.keys(),
  ...DISABLED_SET,
  ...['and', 'or', 'not', 'xor', 'mod', 'to', 'in', 'e', 'pi', 'i', 'tau', 'phi', 'true', 'false', 'null', 'undefined', 'infinity', 'nan', 'end'],
]);

const ROLE_WORDS: Record<string, string> = {
  level: 'a level', count: 'a count', rate: 'a rate', average: 'an average', 'average-growth': 'an average growth rate',
};

/** Rule ids say what the claim is: growth, plan, share … */
const SHORT: Record<string, string> = {
  growth: 'growth', decline: 'decline', 'average-growth': 'average-growth', 'average-growth-compound': 'average-growth',
  'average-of-yearly-rates': 'average', 'average-of-yearly-values': 'average', 'plan-ratio': 'vs-plan', 'plan-excess': 'above-plan',
  share: 'share', multiple: 'multiple', 'difference-up': 'rise', 'difference-down': 'fall', 'target-range': 'in-target',
  'higher-points': 'points-above', 'lower-points': 'points-below', 'points-up-points': 'points-up', 'points-down-points': 'points-down',
  'higher-relative': 'above', 'lower-relative': 'below', 'parts-within-total': 'parts-within-total', 'parts-add-up': 'parts-add-up',
};

function refKey(r: FigureRef): string {
  return r.kind === 'stated' ? `s${r.mention.index}` : `u:${r.topic.join(' ')}:${r.time ?? ''}:${r.what}`;
}

export function buildDraft(doc: AuditedDocument, layout: DraftLayout, excluded: ReadonlyMap<string, string> = new Map()): BuiltDraft {
  const mentions = classify(doc.text, doc.locale);
  const { rules: drafted, unplaced } = linkClaims(doc.text, mentions, doc.locale);
  const where = (m: Mention) => {
    const p = positionOf(doc, m.n.span.start);
    return `${p.line}:${p.col}`;
  };

  // Rule ids first (document order of the claims), so an exclusion names a stable rule.
  const ruleIds = new IdMaker('-', 'claim');
  const named = drafted
    .map((r) => ({ r, id: ruleIds.make(r.topic, SHORT[r.pattern] ?? r.pattern, timeLabel(r.time)), at: r.core.start }))
    .sort((a, b) => a.at - b.at || byCodeUnits(a.r.pattern, b.r.pattern));
  const kept = named.filter((x) => !excluded.has(x.id));

  // Figures: the stated ones in document order, then the unknown ones in the order rules name them.
  const refs = new Map<string, FigureRef>();
  for (const { r } of kept) for (const f of r.refs) refs.set(refKey(f), refs.get(refKey(f)) ?? f);
  const stated = [...refs.values()].filter((f) => f.kind === 'stated').sort((a, b) => a.mention.index - b.mention.index);
  const unknown = [...refs.values()].filter((f) => f.kind === 'unknown');
  const figureIds = new IdMaker('_', 'value', RESERVED);
  const idOf = new Map<string, string>();
  const figures: FigureOut[] = [];
  for (const f of [...stated, ...unknown]) {
    if (f.kind === 'stated') {
      const m = f.mention;
      const id = figureIds.make(m.topic, timeLabel(m.time));
      idOf.set(refKey(f), id);
      const count = m.n.unitInfo?.dimension === 'count' || (m.role === 'count' && !m.n.unitInfo);
      figures.push({ id, quote: quoteFor(doc, m.n.span, m.sentence, m.n), ...(count ? { exact: true } : {}), description: `${ROLE_WORDS[m.role] ?? 'a number'}, line ${where(m)} (drafted)` });
    } else {
      const id = figureIds.make(f.topic, f.time);
      idOf.set(refKey(f), id);
      figures.push({ id, unknown: true, description: `${f.what} (drafted)` });
    }
  }

  const uses = new Map<string, string[]>();
  const rules: RuleOut[] = kept.map(({ r, id }) => {
    const ids = r.refs.map((f) => idOf.get(refKey(f))!);
    uses.set(id, ids);
    const expr = r.template.replace(/\$(\d+)/gu, (_, d: string) => ids[Number(d)]!);
    const sentence = r.stated?.sentence ?? r.refs.find((f) => f.kind === 'stated')?.mention.sentence ?? r.core;
    return {
      id,
      kind: r.kind,
      quote: quoteFor(doc, r.core, { start: Math.min(sentence.start, r.core.start), end: Math.max(sentence.end, r.core.end) }, r.stated?.n),
      expr,
      ...(r.reading ? { reading: r.reading } : {}),
      ...(r.implies !== undefined ? { implies: ids[r.implies]! } : {}),
      tags: ['draft', `pattern:${r.pattern}`, `confidence:${r.confidence}`],
      comment: `draft (${r.confidence} confidence, pattern ${r.pattern}): ${r.why}`,
    };
  });

  // Every quantity no kept rule states or uses is left to the reviewer, with its sentence.
  const placed = new Set<number>();
  for (const { r } of kept) {
    if (r.stated) placed.add(r.stated.index);
    for (const f of r.refs) if (f.kind === 'stated') placed.add(f.mention.index);
  }
  const excludedWhy = new Map<number, string>();
  for (const x of named) if (excluded.has(x.id) && x.r.stated) excludedWhy.set(x.r.stated.index, `drafted rule ${x.id} did not load: ${excluded.get(x.id)}`);
  const unplacedSet = new Set(unplaced.map((m) => m.index));
  const todo: Todo[] = mentions
    .filter((m) => (m.role !== 'classified' && !placed.has(m.index)) || m.role === 'malformed')
    .map((m) => ({
      where: where(m),
      text: m.n.text,
      what: excludedWhy.get(m.index) ?? (m.role === 'malformed' ? `malformed: ${m.n.problem ?? 'unreadable'}` : unplacedSet.has(m.index) || CLAIM_ROLES.has(m.role) ? `${m.role}: its level or period was not found` : ROLE_WORDS[m.role] ?? m.role),
      sentence: doc.text.slice(m.sentence.start, m.sentence.end),
    }));

  const kinds = [...new Set(mentions.filter((m) => m.role === 'classified').map((m) => m.n.kind))].sort() as NumberKind[];
  const schema = (name: string) => `${layout.schemaDir}/${name}`;
  return {
    figures: figureFileText({ schema: schema('figures.schema.json'), documentName: layout.documentName, documentRel: layout.documentRel, locale: doc.locale, figures }),
    rules: ruleFileText({ schema: schema('rules.schema.json'), documentName: layout.documentName, figuresRel: layout.figuresRel, locale: doc.locale, kinds, rules, todo }),
    claimIds: rules.filter((r) => r.kind === 'claim').map((r) => r.id),
    assertIds: rules.filter((r) => r.kind === 'assert').map((r) => r.id),
    figureIds: figures.map((f) => f.id),
    todo: todo.length,
    uses,
  };
}
