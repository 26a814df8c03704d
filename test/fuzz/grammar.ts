/**
 * Grammar-aware generators for the fuzzer: documents with numbers as people write them, figure
 * files, CSV tables, rule files and expressions that are mostly well-formed — so the input gets
 * past the parser into anchoring, evaluation, judging and diagnosis — with hostile and broken
 * pieces mixed in (bad keys, bad values, traversal paths, control characters, junk syntax).
 */
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Text fragments that have broken or abused tools before. */
export const HOSTILE_TEXT = [
  '\u001b[2J',
  '\u009b31m',
  '\u202Eevil\u202C',
  '\u200B',
  '\u00A0',
  '\n::stop-commands::x\n',
  '##[error]x',
  '<!--',
  '<img src=x onerror=alert(1)>',
  '`',
  '|',
  '](x)',
  '\\',
  '%0A',
  '\uD800',
  '\u0000',
  '\r',
  '${x}',
  '__proto__',
  'constructor',
  '../../../../etc/passwd',
];

const hostile = fc.constantFrom(...HOSTILE_TEXT);
/** Free text: words, numbers, now and then something hostile. */
export const freeText = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('note', 'a reviewer’s note', 'khoảng', 'ghi chú', 'see table 3', '') },
  { weight: 2, arbitrary: hostile },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

// ── numbers and documents ──────────────────────────────────────────────────────────────────

const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** A number as an English or Vietnamese text writes it: 1,250.5 / 1.250,5 / 34% / 30,3 % / 45.481 tỷ. */
export const writtenNumber = fc
  .record({
    int: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1000, max: 99_999_999 })),
    decimals: fc.constantFrom('', '0', '5', '25', '125', '00'),
    vi: fc.boolean(),
    suffix: fc.constantFrom('', '%', ' %', ' million', ' billion', ' tỷ đồng', ' triệu USD', ' nghìn tỷ', ' người', ' pp', ' điểm phần trăm', 'bn'),
    hedge: fc.constantFrom('', 'about ', 'more than ', 'nearly ', 'at least ', 'khoảng ', 'hơn ', 'gần ', 'trên ', 'up to ', 'tối đa '),
  })
  .map(({ int, decimals, vi, suffix, hedge }) => {
    const whole = group(String(int), vi ? '.' : ',');
    return `${hedge}${whole}${decimals ? (vi ? ',' : '.') + decimals : ''}${suffix}`;
  });

const sentence = fc.oneof(
  fc.tuple(writtenNumber, writtenNumber, writtenNumber).map(([a, b, c]) => `Revenue rose ${a} to ${b} (from ${c}).`),
  fc.tuple(writtenNumber, writtenNumber).map(([a, b]) => `Thu ngân sách đạt ${a}, tăng ${b} so với cùng kỳ.`),
  fc.tuple(writtenNumber, writtenNumber).map(([a, b]) => `Staff grew ${a} to ${b} people in 2024.`),
  fc.tuple(writtenNumber, fc.integer({ min: 1990, max: 2030 })).map(([a, y]) => `Năm ${y} GRDP đạt ${a}, gấp 2 lần; 8-9% là mục tiêu.`),
  fc.tuple(freeText, writtenNumber).map(([t, n]) => `${t} ${n} ${t}`),
);

/** A document: a few lines of sentences. */
export const documentText = fc.array(fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')), { minLength: 1, maxLength: 6 }).map((lines) => `${lines.join('\n')}\n`);

/** Where the numbers of a text are (digits with their separators). */
function numberSpans(doc: string): [number, number][] {
  return [...doc.matchAll(/\d[\d.,]*%?/g)].map((m) => [m.index, m.index + m[0].length]);
}

/**
 * A piece of the document (a quote that anchors): mostly a few words around one of its numbers,
 * so a claim has a stated number; sometimes any piece, or text that is not in it.
 */
export function quoteOf(doc: string): fc.Arbitrary<string> {
  const spans = numberSpans(doc);
  const around = fc.tuple(fc.nat(), fc.integer({ min: 6, max: 30 }), fc.integer({ min: 0, max: 20 })).map(([k, before, after]) => {
    const [start, end] = spans[k % spans.length]!;
    const line = [doc.lastIndexOf('\n', start - 1) + 1, doc.indexOf('\n', end) < 0 ? doc.length : doc.indexOf('\n', end)];
    return doc.slice(Math.max(line[0]!, start - before), Math.min(line[1]!, end + after)).trim();
  });
  const anywhere = fc.tuple(fc.nat(), fc.integer({ min: 3, max: 40 })).map(([at, len]) => doc.slice(at % doc.length, (at % doc.length) + len).trim() || 'x');
  return fc.oneof({ weight: spans.length ? 8 : 0, arbitrary: spans.length ? around : anywhere }, { weight: 2, arbitrary: anywhere }, { weight: 1, arbitrary: freeText });
}

// ── expressions ────────────────────────────────────────────────────────────────────────────

const FUNCTIONS = ['growth', 'decline', 'ratio', 'share', 'times', 'pp', 'sum', 'avg', 'gavg', 'cagr', 'abs', 'min', 'max'];
const FORBIDDEN = ['import', 'evaluate', 'parse', 'createUnit', 'simplify', 'derivative', 'f', 'constructor', 'toString'];
const OPERATORS = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'];

const ARITY: Record<string, [number, number]> = { growth: [2, 2], decline: [2, 2], ratio: [2, 2], share: [2, 2], times: [2, 2], pp: [2, 2], sum: [1, 4], avg: [1, 4], gavg: [1, 3], cagr: [3, 3], abs: [1, 1], min: [1, 3], max: [1, 3] };

/** A well-typed expression: a number for a claim (`number`), a truth for an assertion (`truth`). */
export function typedExpression(ids: readonly string[], kind: 'number' | 'truth'): fc.Arbitrary<string> {
  const id = fc.constantFrom(...(ids.length ? ids : ['a']));
  const literal = fc.constantFrom('0', '1', '2', '10', '100', '0.5', '1000', '3');
  const typed = fc.letrec<{ num: string; truth: string }>((tie) => ({
    num: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      id,
      id,
      literal,
      fc.constantFrom(...Object.keys(ARITY)).chain((f) => fc.array(tie('num'), { minLength: ARITY[f]![0], maxLength: ARITY[f]![1] }).map((args) => `${f}(${args.join(', ')})`)),
      fc.tuple(tie('num'), fc.constantFrom('+', '-', '*', '/'), tie('num')).map(([x, op, y]) => `(${x} ${op} ${y})`),
      tie('num').map((x) => `-${x}`),
    ),
    truth: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.tuple(tie('num'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('num')).map(([x, op, y]) => `${x} ${op} ${y}`),
      fc.tuple(tie('truth'), fc.constantFrom('and', 'or'), tie('truth')).map(([x, op, y]) => `(${x}) ${op} (${y})`),
      tie('truth').map((x) => `not (${x})`),
    ),
  }));
  return kind === 'number' ? typed.num : typed.truth;
}

/** An expression over the figure ids with no care for types: claim functions, operators, literals, forbidden names, junk. */
export function expression(ids: readonly string[]): fc.Arbitrary<string> {
  const id = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(ids.length ? ids : ['a'])) }, { weight: 1, arbitrary: fc.constantFrom('missing', 'x_1', 'pi', 'e') });
  const literal = fc.oneof(fc.integer({ min: -1000, max: 100_000 }).map(String), fc.constantFrom('0', '0.5', '1e3', '0.25', '100', '1/3', '1e308', '1e-308'));
  const tree = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      id,
      literal,
      fc.tuple(fc.constantFrom(...FUNCTIONS), fc.array(tie('expr'), { maxLength: 4 })).map(([f, args]) => `${f}(${args.join(', ')})`),
      fc.tuple(tie('expr'), fc.constantFrom(...OPERATORS), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      tie('expr').map((e) => `-${e}`),
      tie('expr').map((e) => `not ${e}`),
      fc.tuple(fc.constantFrom(...FORBIDDEN), tie('expr')).map(([f, e]) => `${f}(${e})`),
    ),
  })).expr;
  return fc.oneof(
    { weight: 8, arbitrary: tree },
    { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('(', ')', '[', ']', ',', '.', ' ', 'a', '1', '+', '=', ';', '"', "'", '`', '{', '}', ':', '?', '!', '@', '#', '$'), maxLength: 30 }) },
    { weight: 1, arbitrary: fc.constantFrom('a.constructor', 'a["x"]', 'x = 1', 'f(x) = x', '"str"', '[1, 2]', '{a: 1}', '1 ? 2 : 3', 'a[1]', 'growth()') },
  );
}

// ── figure files, tables, rule files ───────────────────────────────────────────────────────
//
// Each file is generated `valid` (every value one the schema accepts, so its rules reach the
// judge and the diagnosis) or messy (unknown keys, wrong values, traversal paths, raw edits that
// break the YAML). Text fields carry hostile text either way: it is valid content.

const FIGURE_IDS = ['a', 'b', 'c', 'revenue_2024', 'revenue_2023', 'x1'];
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });
const either = <T>(valid: boolean, good: fc.Arbitrary<T>, bad: fc.Arbitrary<T>) => (valid ? good : fc.oneof({ weight: 3, arbitrary: good }, { weight: 1, arbitrary: bad }));
/** Drop the undefined fields, and add the junk key a messy file may have. */
const tidy = <T extends object>(value: T, junk?: [string, string]) => {
  const out = Object.fromEntries(Object.entries(value).filter(([k, v]) => v !== undefined && k !== 'junk'));
  return junk ? { ...out, [junk[0]]: junk[1] } : out;
};
const junkKey = (valid: boolean) =>
  valid ? fc.constant(undefined) : fc.option(fc.tuple(fc.constantFrom('exprr', 'qoute', 'value', '$schema', '<<', '__proto__', 'figures'), freeText), { freq: 3, nil: undefined });

const figureId = (valid: boolean) => either(valid, fc.constantFrom(...FIGURE_IDS), fc.string({ maxLength: 8 }));
const locale = (valid: boolean) => either(valid, fc.constantFrom('en', 'vi-VN', undefined), fc.constantFrom('fr', 'EN'));

/** One figure: anchored by a quote, cited with a value, or unknown (or, messy, a mix of them). */
function figureSpec(doc: string, valid: boolean) {
  const anchored = fc.record({ quote: quoteOf(doc), number: maybe(writtenNumber), occurrence: maybe(fc.integer({ min: 1, max: 2 })), exact: maybe(fc.boolean()), unit: maybe(fc.constantFrom('tỷ đồng', 'USD', '%', 'người')), description: maybe(freeText) });
  const cited = fc.record({
    value: fc.oneof(fc.double({ min: -1e6, max: 1e12, noNaN: true }), writtenNumber),
    exact: maybe(fc.boolean()),
    precision: maybe(fc.oneof(fc.double({ min: 0.001, max: 10, noNaN: true }), fc.constantFrom('0,5', '0.05%'))),
    unit: maybe(fc.constantFrom('tỷ đồng', 'USD', '%', 'người')),
    cite: maybe(freeText),
  });
  const unknown = fc.record({ unknown: fc.constant(true), description: maybe(freeText) });
  const messy = fc.record({
    quote: maybe(freeText),
    value: maybe(fc.oneof(fc.double(), freeText)),
    occurrence: maybe(fc.constantFrom(0, -1, 1.5)),
    precision: maybe(fc.constantFrom(-1, 'x', 0)),
    unknown: maybe(fc.boolean()),
    exact: maybe(fc.constant('yes')),
  });
  const spec: fc.Arbitrary<object> = either<object>(valid, fc.oneof(anchored, anchored, cited, unknown), messy);
  return fc.tuple(spec, junkKey(valid)).map(([s, junk]) => tidy(s, junk));
}

export function figureFile(doc: string, tables: string[], valid: boolean): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      document: either(valid, fc.constant('doc.txt'), fc.constantFrom('missing.txt', '../outside.txt', '/etc/hostname', 'doc.txt/x')),
      locale: locale(valid),
      figures: fc.dictionary(figureId(valid), figureSpec(doc, valid), { maxKeys: 6 }),
      tables: fc.option(fc.constant(tables), { nil: undefined }),
      junk: junkKey(valid),
    })
    .map((file) => tidy(file, file.junk));
}

/** A CSV figure table: a header of known columns (messy: a stranger too), rows with quoting. */
export function csvTable(doc: string, valid: boolean): fc.Arbitrary<string> {
  const known = ['value', 'quote', 'number', 'occurrence', 'unit', 'exact', 'precision', 'cite', 'description', 'unknown'];
  const columns = valid
    ? fc.shuffledSubarray(known, { maxLength: 4 }).map((c) => ['id', ...c])
    : fc.shuffledSubarray([...known, 'id', 'bogus'], { minLength: 1 });
  const cellFor: Record<string, fc.Arbitrary<string>> = {
    id: either(valid, fc.constantFrom(...FIGURE_IDS.map((id) => `t_${id}`)), freeText),
    value: writtenNumber,
    quote: quoteOf(doc),
    number: writtenNumber,
    occurrence: fc.constantFrom('', '1', '2'),
    exact: fc.constantFrom('', 'true', 'no', 'x'),
    unknown: fc.constantFrom('', 'false', 'yes'),
    precision: fc.constantFrom('', '0.5', '0,05'),
  };
  const cell = (column: string) => cellFor[column] ?? freeText;
  const quoted = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = (cols: string[]) => fc.array(fc.tuple(...cols.map(cell)), { maxLength: 6 });
  return fc
    .tuple(columns.chain((cols) => fc.tuple(fc.constant(cols), rows(cols))), fc.boolean())
    .map(([[cols, rows], crlf]) => {
      const lines = [cols.join(','), ...rows.map((r) => r.map(quoted).join(','))];
      return `${lines.join(crlf ? '\r\n' : '\n')}${valid ? '' : '"unterminated'}\n`;
    });
}

const readings = ['round', 'truncate', 'about', 'more-than', 'less-than', 'at-least', 'at-most', 'range'];
const reading = (valid: boolean) => either(valid, fc.constantFrom(...readings), fc.constantFrom('rounding', ''));

function rule(doc: string, ids: readonly string[], valid: boolean) {
  const common = {
    id: either(valid, fc.constantFrom('r1', 'r2', 'growth-2024', 'share.a', 'r1'), fc.string({ maxLength: 10 })),
    severity: maybe(either(valid, fc.constantFrom('error', 'warning', 'info'), fc.constant('fatal'))),
    note: maybe(freeText),
    tags: maybe(fc.array(freeText.filter((t) => t !== ''), { maxLength: 2 })),
    description: maybe(freeText),
    junk: junkKey(valid),
  };
  // A valid claim lets the quote's own number be the stated one; a messy one may name another.
  const claim = fc.record({
    ...common,
    quote: quoteOf(doc).filter((q) => q !== ''),
    number: valid ? fc.constant(undefined) : maybe(fc.oneof(writtenNumber, freeText)),
    expr: (valid ? typedExpression(ids, 'number') : expression(ids)).filter((e) => e !== ''),
    reading: maybe(reading(valid)),
    tolerance: maybe(either(valid, fc.constantFrom('5%', '0,5%', '10%'), fc.constantFrom('5', 'x'))),
  });
  const assertion = fc.record({
    ...common,
    quote: maybe(quoteOf(doc).filter((q) => q !== '')),
    assert: (valid ? typedExpression(ids, 'truth') : expression(ids)).filter((e) => e !== ''),
  });
  return fc.oneof(claim, assertion).map((r) => tidy(r, r.junk));
}

const ignoreEntry = (doc: string) =>
  fc
    .record({
      text: maybe(writtenNumber),
      pattern: maybe(fc.constantFrom('^\\d+$', '(\\d+)+$', '[', '^20\\d\\d$', 'x'.repeat(250), '(a|b)*', '\\d*\\d*\\d*x')),
      kind: maybe(fc.constantFrom('date', 'year', 'ordinal', 'name', 'document-number')),
      quote: maybe(quoteOf(doc).filter((q) => q !== '')),
      reason: fc.constantFrom('a year', 'a date', 'lý do'),
    })
    .map((e) => tidy(e));

export function ruleFile(doc: string, ids: readonly string[], figureFiles: string[], valid: boolean): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      figures: either(valid, fc.constant(figureFiles), fc.constantFrom<string[]>([], ['missing.yaml'], ['../../outside.yaml'], ['doc.txt'])),
      document: maybe(either(valid, fc.constant('doc.txt'), fc.constantFrom('other.txt', '../x.txt'))),
      defaults: maybe(fc.record({ severity: maybe(fc.constantFrom('error', 'warning')), reading: maybe(reading(valid)) }).map((d) => tidy(d))),
      ignore: maybe(fc.array(ignoreEntry(doc), { maxLength: 3 })),
      // Valid files number their rules (r0, r1, …): a repeated id is a messy file's problem.
      rules: fc.array(rule(doc, ids, valid), { minLength: 1, maxLength: 6 }).map((rules) => (valid ? rules.map((r, i) => ({ ...r, id: `r${i}` })) : rules)),
      junk: junkKey(valid),
    })
    .map((file) => tidy(file, file.junk));
}

/** A YAML text for the value: block or flow style; a messy file sometimes gets a raw edit that breaks it. */
export function yamlText(value: fc.Arbitrary<unknown>, valid: boolean): fc.Arbitrary<string> {
  const edit = valid ? fc.constant(null) : fc.option(fc.tuple(fc.nat(), fc.constantFrom('[', ']', '{', ': ', '- ', '"', "'", '&a ', '*a', '!!str ', '%YAML 1.1\n', '<<: ', '\t', '#', '\n  ')), { freq: 2 });
  return fc.tuple(value, fc.boolean(), edit).map(([v, flow, change]) => {
    const text = stringify(v, { collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 });
    if (!change) return text;
    const at = change[0] % (text.length + 1);
    return text.slice(0, at) + change[1] + text.slice(at);
  });
}

const waiverFile = yamlText(
  fc.record({
    waivers: fc.array(fc.record({ rule: fc.constantFrom('r1', 'r2', 'x'), reason: fc.constantFrom('accepted', 'đã xem'), reviewer: fc.constantFrom('an', 'bình'), expires: fc.constantFrom('2099-12-31', '2000-01-01', '2025-02-30', 'soon') }), { maxLength: 3 }),
  }),
  true,
);

/**
 * A whole project: a document, a figure file with a CSV table, one to three rule files,
 * sometimes waivers. Three in four files are valid.
 */
export const project: fc.Arbitrary<Record<string, string>> = documentText.chain((doc) => {
  const validity = fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
  const figures = validity.chain((v) => fc.tuple(figureFile(doc, ['table.csv'], v), fc.constant(v)));
  const table = validity.chain((v) => csvTable(doc, v));
  return fc.tuple(figures, table).chain(([[figureValue, figuresValid], csv]) => {
    // Rules mostly use the figures the files declare, so evaluation and diagnosis run.
    const declared = Object.keys((figureValue.figures as object | undefined) ?? {});
    const fromTable = [...csv.matchAll(/^(t_\w+),/gm)].map((m) => m[1]!);
    const ids = [...new Set([...declared, ...fromTable])];
    return fc
      .tuple(
        yamlText(fc.constant(figureValue), figuresValid),
        fc.array(validity.chain((v) => yamlText(ruleFile(doc, ids.length ? ids : FIGURE_IDS, ['figures.yaml', 'table.csv'], v), v)), { minLength: 1, maxLength: 3 }),
        fc.option(waiverFile, { nil: undefined }),
      )
      .map(([figuresText, rules, waivers]) => {
        const files: Record<string, string> = { 'doc.txt': doc, 'figures.yaml': figuresText, 'table.csv': csv };
        rules.forEach((r, i) => (files[`rules-${i}.yaml`] = r));
        if (waivers !== undefined) files['waivers.yaml'] = waivers;
        return files;
      });
  });
});
