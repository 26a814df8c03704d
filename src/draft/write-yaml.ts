/**
 * The figure file and the rule file of a draft, as text: the layout of the hand-written files of
 * rules/lang-son (schema line, header comment, one block per figure or rule), every string a
 * JSON double-quoted scalar (valid YAML 1.2 whatever it holds), nothing from the document ever
 * outside a quoted scalar or a one-line comment.
 */
import type { Locale, NumberKind } from '../model.js';
import type { DraftQuote } from './quotes.js';

export interface FigureOut {
  id: string;
  quote?: DraftQuote;
  exact?: boolean;
  unknown?: boolean;
  description: string;
}

export interface RuleOut {
  id: string;
  kind: 'claim' | 'assert';
  quote: DraftQuote;
  expr: string;
  reading?: string;
  implies?: string;
  tags: string[];
  comment: string;
}

export interface Todo {
  where: string;
  text: string;
  what: string;
  sentence: string;
}

const q = (s: string) => JSON.stringify(s);
/** One line of comment: no line breaks or control characters from the document. */
const oneLine = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu, ' ');
const excerpt = (s: string, max = 160) => (s.length > max ? `${s.slice(0, max)}…` : s);

function quoteLines(indent: string, dq: DraftQuote): string[] {
  return [
    `${indent}quote: ${q(dq.quote)}`,
    ...(dq.number !== undefined ? [`${indent}number: ${q(dq.number)}`] : []),
    ...(dq.occurrence !== undefined ? [`${indent}occurrence: ${dq.occurrence}`] : []),
  ];
}

export function figureFileText(o: { schema: string; documentName: string; documentRel: string; locale: Locale; figures: FigureOut[] }): string {
  const lines = [
    `# yaml-language-server: $schema=${o.schema}`,
    `# Figures drafted by \`tally draft\` from ${oneLine(o.documentName)}: the numbers the drafted rules use, each`,
    '# anchored by the shortest quote found once in the document; unknown figures are what the text does not state.',
    `document: ${q(o.documentRel)}`,
    `locale: ${o.locale}`,
    o.figures.length ? 'figures:' : 'figures: {}',
  ];
  for (const f of o.figures) {
    lines.push(`  ${f.id}:`);
    if (f.unknown) lines.push('    unknown: true');
    else if (f.quote) lines.push(...quoteLines('    ', f.quote));
    if (f.exact) lines.push('    exact: true');
    lines.push(`    description: ${q(f.description)}`);
  }
  return `${lines.join('\n')}\n`;
}

const IGNORE_REASONS: Partial<Record<NumberKind, string>> = {
  year: 'years and periods say when, they are not quantities',
  date: 'dates and times',
  'document-number': 'numbers of the documents cited',
  name: 'numbers inside names (roads, places)',
  ordinal: 'ordinals rank, they do not count',
  identifier: 'codes, phone numbers, numbers in links and addresses',
  label: 'numbers of figures, tables, sections and list items',
};

export function ruleFileText(o: {
  schema: string;
  documentName: string;
  figuresRel: string;
  locale: Locale;
  kinds: NumberKind[];
  rules: RuleOut[];
  todo: Todo[];
}): string {
  const claims = o.rules.filter((r) => r.kind === 'claim').length;
  const lines = [
    `# yaml-language-server: $schema=${o.schema}`,
    `# Rules drafted by \`tally draft\` from ${oneLine(o.documentName)} (${o.locale}): ${claims} claim rules, ${o.rules.length - claims} assertions,`,
    `# ${o.todo.length} numbers left to place by hand (TODO at the end). Review before trusting: run \`tally audit\` on this`,
    '# file, read each finding, confirm or fix each rule (its quote, expression and figures), then drop its draft tags.',
    '# Confidence: high = every figure stated near the claim; medium = an unknown base or plan, or a figure from',
    '# another sentence; low = more than one figure guessed or unknown.',
    `figures: [${q(o.figuresRel)}]`,
  ];
  const kinds = o.kinds.filter((k) => IGNORE_REASONS[k]);
  if (kinds.length) {
    lines.push('ignore:');
    for (const k of kinds) lines.push(`  - kind: ${k}`, `    reason: ${q(IGNORE_REASONS[k]!)}`);
  }
  lines.push(o.rules.length ? 'rules:' : 'rules: []');
  for (const r of o.rules) {
    lines.push(`  # ${oneLine(r.comment)}`, `  - id: ${r.id}`, ...quoteLines('    ', r.quote));
    lines.push(`    ${r.kind === 'claim' ? 'expr' : 'assert'}: ${q(r.expr)}`);
    if (r.reading) lines.push(`    reading: ${r.reading}`);
    if (r.implies) lines.push(`    implies: ${r.implies}`);
    lines.push(`    tags: [${r.tags.map(q).join(', ')}]`);
  }
  if (o.todo.length) {
    lines.push('', '# TODO: numbers no drafted rule states or uses. Write a rule, anchor a figure, or add an ignore entry:');
    for (const t of o.todo) lines.push(`# TODO ${t.where} ${oneLine(q(t.text))} (${oneLine(t.what)}) in: ${oneLine(excerpt(t.sentence))}`);
  }
  return `${lines.join('\n')}\n`;
}
